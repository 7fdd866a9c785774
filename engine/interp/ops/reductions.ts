// Combining functions of reductions by kind name (vector.reduction, vector.multi_reduction,
// tosa.reduce_*), and their identities.
import type { ElementKind } from "../elements.ts";
import { intOps } from "./int-ops.ts";
import type { Scalar } from "./elementwise.ts";

export type Combine = (a: Scalar, b: Scalar) => Scalar;

const maxnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.max(a, b));
const minnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.min(a, b));

export function combiner(kind: string, k: ElementKind): Combine {
  if (k.isFloat) {
    const n = k.norm;
    switch (kind) {
      case "add": return (a, b) => n((a as number) + (b as number));
      case "mul": return (a, b) => n((a as number) * (b as number));
      case "maximumf": return (a, b) => Math.max(a as number, b as number);
      case "minimumf": return (a, b) => Math.min(a as number, b as number);
      case "maxnumf": case "maxf": return (a, b) => maxnum(a as number, b as number);
      case "minnumf": case "minf": return (a, b) => minnum(a as number, b as number);
    }
  }
  const o = intOps(k);
  switch (kind) {
    case "add": return o.add;
    case "mul": return o.mul;
    case "and": return o.and;
    case "or": return o.or;
    case "xor": return o.xor;
    case "maxsi": return (a, b) => (a > b ? a : b);
    case "minsi": return (a, b) => (a < b ? a : b);
    case "maxui": return (a, b) => (o.unsigned(a) > o.unsigned(b) ? a : b);
    case "minui": return (a, b) => (o.unsigned(a) < o.unsigned(b) ? a : b);
  }
  return (a) => a;
}
