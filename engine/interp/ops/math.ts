// Semantics of the math dialect: libm-like functions computed in double and rounded to the type.
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import { liftStep, resultKind, type Scalar } from "./elementwise.ts";
import { intOps } from "./int-ops.ts";
import { fmaOf } from "../fma.ts";

const unary =
  (f: (a: number) => number): OpSemantics =>
  (op, c) => {
    const norm = resultKind(op).norm;
    return liftStep(op, c, (a) => norm(f(a as number)));
  };
const binary =
  (f: (a: number, b: number) => number): OpSemantics =>
  (op, c) => {
    const norm = resultKind(op).norm;
    return liftStep(op, c, (a, b) => norm(f(a as number, b as number)));
  };

export const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse for f32; use a series / continued fraction split.
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let sum = ax;
    let term = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  // erfc by continued fraction for large |x|.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  const r = 1 - erfc;
  return x < 0 ? -r : r;
};

const roundEven = (x: number) => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

defineSemantics({
  "math.exp": unary(Math.exp),
  "math.exp2": unary((a) => 2 ** a),
  "math.expm1": unary(Math.expm1),
  "math.log": unary(Math.log),
  "math.log2": unary(Math.log2),
  "math.log10": unary(Math.log10),
  "math.log1p": unary(Math.log1p),
  "math.sqrt": unary(Math.sqrt),
  "math.rsqrt": unary((a) => 1 / Math.sqrt(a)),
  "math.cbrt": unary(Math.cbrt),
  "math.sin": unary(Math.sin),
  "math.cos": unary(Math.cos),
  "math.tan": unary(Math.tan),
  "math.asin": unary(Math.asin),
  "math.acos": unary(Math.acos),
  "math.atan": unary(Math.atan),
  "math.sinh": unary(Math.sinh),
  "math.cosh": unary(Math.cosh),
  "math.tanh": unary(Math.tanh),
  "math.asinh": unary(Math.asinh),
  "math.acosh": unary(Math.acosh),
  "math.atanh": unary(Math.atanh),
  "math.erf": unary(erf),
  "math.erfc": unary((a) => 1 - erf(a)),
  "math.absf": unary(Math.abs),
  "math.ceil": unary(Math.ceil),
  "math.floor": unary(Math.floor),
  "math.trunc": unary(Math.trunc),
  "math.round": unary((a) => Math.sign(a) * Math.round(Math.abs(a))),
  "math.roundeven": unary(roundEven),
  "math.copysign": binary((a, b) => (Object.is(b, -0) || b < 0 ? -Math.abs(a) : Math.abs(a))),
  "math.atan2": binary(Math.atan2),
  "math.powf": binary(Math.pow),
  "math.fma": (op, c) => {
    const fma = fmaOf(resultKind(op));
    return liftStep(op, c, (a, b, d) => fma(a as number, b as number, d as number));
  },
  "math.fpowi": (op, c) => {
    const norm = resultKind(op).norm;
    return liftStep(op, c, (a, b) => norm(Math.pow(a as number, Number(b))));
  },
  "math.ipowi": (op, c) => {
    const o = intOps(resultKind(op));
    return liftStep(op, c, (a, b) => {
      let r: Scalar = o.from(1);
      for (let i = 0n; i < BigInt(b); i++) r = o.mul(r, a);
      return r;
    });
  },
  "math.absi": (op, c) => {
    const o = intOps(resultKind(op));
    return liftStep(op, c, (a) => (a < 0 ? o.sub(o.from(0), a) : a));
  },
  "math.isnan": (op, c) => liftStep(op, c, (a) => ((a as number) !== (a as number) ? 1 : 0)),
  "math.isinf": (op, c) => liftStep(op, c, (a) => (Math.abs(a as number) === Infinity ? 1 : 0)),
  "math.isfinite": (op, c) => liftStep(op, c, (a) => (Number.isFinite(a as number) ? 1 : 0)),
});
