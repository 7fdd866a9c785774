// Semantics of memref.atomic_rmw: reads the element, stores `kind(old, value)` and returns the old
// value (the interpreter is single-threaded, so atomicity is trivial); indices are bounds-checked.
import type { Operation } from "../../ir/operation.ts";
import { defineSemantics } from "../semantics.ts";
import type { ElementKind } from "../elements.ts";
import { intOps } from "./int-ops.ts";
import { offsetOf, shapedArg, slotFns } from "./access.ts";
import { intAttr } from "./attr-helpers.ts";
import { operandKind, type Binary, type Scalar } from "./elementwise.ts";
import { trap } from "../trap.ts";

/** MLIR's AtomicRMWKind by stored value (alphabetical, as mlir-opt-22 prints them generically). */
const kinds = ["addf", "addi", "andi", "assign", "maximumf", "maxnumf", "maxs", "maxu", "minimumf", "minnumf", "mins", "minu", "mulf", "muli", "ori", "xori"] as const;

const maxnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.max(a, b));
const minnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.min(a, b));

/** The update `new = f(old, value)` of a kind on elements of `k`. */
function update(kind: string, k: ElementKind): Binary | undefined {
  if (k.isFloat) {
    const n = k.norm;
    const float = (f: (a: number, b: number) => number): Binary => (a, b) => n(f(a as number, b as number));
    switch (kind) {
      case "addf": return float((a, b) => a + b);
      case "mulf": return float((a, b) => a * b);
      case "maximumf": return float(Math.max);
      case "minimumf": return float(Math.min);
      case "maxnumf": return float(maxnum);
      case "minnumf": return float(minnum);
      case "assign": return (_, b) => b;
    }
    return undefined;
  }
  const o = intOps(k);
  const u = o.unsigned;
  switch (kind) {
    case "addi": return o.add;
    case "muli": return o.mul;
    case "andi": return o.and;
    case "ori": return o.or;
    case "xori": return o.xor;
    case "maxs": return (a, b) => (a > b ? a : b);
    case "mins": return (a, b) => (a < b ? a : b);
    case "maxu": return (a, b) => (u(a) > u(b) ? a : b);
    case "minu": return (a, b) => (u(a) < u(b) ? a : b);
    case "assign": return (_, b) => b;
  }
  return undefined;
}

function kindName(op: Operation): string {
  return kinds[intAttr(op.getAttr("kind"), -1)] ?? "?";
}

defineSemantics({
  // atomic_rmw kind %v, %m[i] : old = m[i]; m[i] = kind(old, v); result old
  "memref.atomic_rmw": (op, c) => {
    const kind = kindName(op);
    const f = update(kind, operandKind(op, 0));
    if (f === undefined) return trap("PRR6006", `memref.atomic_rmw ${kind} on ${operandKind(op, 0).name} elements`);
    const [value, mem, ...idx] = c.operandSlots(op) as [number, number, ...number[]];
    const fns = slotFns(idx);
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[mem], "memref.atomic_rmw");
      const data = m.data as unknown as Scalar[];
      const at = offsetOf(m, fns, regs, "memref.atomic_rmw");
      const old = data[at]!;
      data[at] = f(old, regs[value] as Scalar);
      regs[out] = old;
    };
  },
});
