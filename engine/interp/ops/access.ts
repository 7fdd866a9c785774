// Element access to memrefs and tensors from index closures: the offset computation with bounds
// checks (out-of-bounds is undefined behaviour, reported) shared by memref, affine and tensor ops.
import type { AffineExpr, AffineMap } from "../../ir/affine.ts";
import { ShapedValue, type RuntimeValue } from "../values.ts";
import { trap } from "../trap.ts";

export type IndexFn = (regs: RuntimeValue[]) => number;

const floorDiv = (a: number, b: number) => Math.floor(a / b);
const ceilDiv = (a: number, b: number) => Math.ceil(a / b);
const mod = (a: number, b: number) => {
  const r = a % b;
  return r < 0 ? r + Math.abs(b) : r;
};

/** An affine expression as a closure over the registers of its dim and symbol operands. */
export function exprFn(e: AffineExpr, dims: readonly number[], syms: readonly number[]): IndexFn {
  switch (e.kind) {
    case "dim": {
      const s = dims[e.position]!;
      return (regs) => regs[s] as number;
    }
    case "symbol": {
      const s = syms[e.position]!;
      return (regs) => regs[s] as number;
    }
    case "constant": {
      const v = e.value;
      return () => v;
    }
    default: {
      const l = exprFn(e.lhs, dims, syms);
      const r = exprFn(e.rhs, dims, syms);
      if (e.rhs.kind === "constant") {
        const c = e.rhs.value;
        switch (e.kind) {
          case "add": return (regs) => l(regs) + c;
          case "mul": return (regs) => l(regs) * c;
          case "mod": return (regs) => mod(l(regs), c);
          case "floordiv": return (regs) => floorDiv(l(regs), c);
          case "ceildiv": return (regs) => ceilDiv(l(regs), c);
        }
      }
      switch (e.kind) {
        case "add": return (regs) => l(regs) + r(regs);
        case "mul": return (regs) => l(regs) * r(regs);
        case "mod": return (regs) => mod(l(regs), r(regs));
        case "floordiv": return (regs) => floorDiv(l(regs), r(regs));
        case "ceildiv": return (regs) => ceilDiv(l(regs), r(regs));
      }
    }
  }
  return () => 0;
}

/** Each result of a map as a closure; operands are the map's dims then symbols. */
export function mapFns(map: AffineMap, operands: readonly number[]): IndexFn[] {
  const dims = operands.slice(0, map.numDims);
  const syms = operands.slice(map.numDims);
  return map.results.map((e) => exprFn(e, dims, syms));
}

/** Index closures reading the given slots directly. */
export function slotFns(slots: readonly number[]): IndexFn[] {
  return slots.map((s) => (regs: RuntimeValue[]) => regs[s] as number);
}

export function shapedArg(v: RuntimeValue, what: string): ShapedValue {
  if (!(v instanceof ShapedValue)) return trap("PRR6001", `${what}: expected a memref or tensor value`);
  if (v.freed) return trap("PRR6008", `${what}: use of a deallocated memref`);
  return v;
}

/** The buffer offset of the element at the indices computed by `fns`, bounds-checked. */
export function offsetOf(m: ShapedValue, fns: readonly IndexFn[], regs: RuntimeValue[], what: string): number {
  let at = m.offset;
  const shape = m.shape;
  const strides = m.strides;
  for (let d = 0; d < fns.length; d++) {
    const i = fns[d]!(regs);
    const n = shape[d]!;
    if (!(i >= 0 && i < n)) outOfBounds(m, fns, regs, d, what);
    at += i * strides[d]!;
  }
  return at;
}

function outOfBounds(m: ShapedValue, fns: readonly IndexFn[], regs: RuntimeValue[], d: number, what: string): never {
  const idx = fns.map((f) => f(regs));
  return trap(
    "PRR6002",
    `out-of-bounds ${what}: index [${idx.join(", ")}] into shape [${m.shape.join("x")}] (dimension ${d}: ${idx[d]} not in [0, ${m.shape[d]}))`,
  );
}
