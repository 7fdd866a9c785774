// The meaning of scalar arith/math ops as z3 bit-vectors (MLIR's semantics): results of a width,
// with the conditions under which an op is undefined (division by zero or signed overflow, shift
// by the width or more: poison) collected so that a rewrite may refine them.
import type { B, BV, Z3 } from "./smt.ts";

export class NotVerifiable extends Error {}

/** How wide an op's operands are, given its result width; `choose` picks among possibilities. */
export function operandWidths(op: string, n: number, width: number, choose: (options: readonly number[]) => number): number[] {
  const all = [1, 8, 16, 32, 64];
  switch (op) {
    case "arith.select":
      return [1, width, width];
    case "arith.cmpi": {
      if (width !== 1) throw new Inconsistent();
      const w = choose([1, 8, 32, 64]);
      return [w, w];
    }
    case "arith.extsi":
    case "arith.extui": {
      const narrower = all.filter((w) => w < width && (op === "arith.extui" || w > 1 || width > 1));
      if (narrower.length === 0) throw new Inconsistent();
      return [choose(narrower)];
    }
    case "arith.trunci": {
      const wider = all.filter((w) => w > width);
      if (wider.length === 0) throw new Inconsistent();
      return [choose(wider)];
    }
    case "arith.index_cast":
    case "arith.index_castui":
      if (width === 64) return [choose([32, 64])];
      return [64];
    default:
      if (!SAME_TYPE.has(op)) throw new NotVerifiable(`'${op}' has no SMT semantics here`);
      return Array(n).fill(width);
  }
}

/** Ops whose operands and result share one type. */
const SAME_TYPE = new Set([
  "arith.addi", "arith.subi", "arith.muli", "arith.divsi", "arith.divui", "arith.remsi", "arith.remui",
  "arith.ceildivsi", "arith.ceildivui", "arith.floordivsi",
  "arith.andi", "arith.ori", "arith.xori", "arith.shli", "arith.shrsi", "arith.shrui",
  "arith.maxsi", "arith.minsi", "arith.maxui", "arith.minui", "math.absi",
]);

/** A width choice that cannot work (e.g. cmpi with a result wider than i1): skip this configuration. */
export class Inconsistent extends Error {}

/** The result of `op` on `xs` at `width`; pushes conditions for undefined behaviour to `ub`. */
export function opValue(z: Z3, op: string, xs: readonly BV[], width: number, predicate: BV | undefined, ub: B[]): BV {
  const [a, b, c] = xs;
  const zero = z.BitVec.val(0, width);
  switch (op) {
    case "arith.addi":
      return a!.add(b!);
    case "arith.subi":
      return a!.sub(b!);
    case "arith.muli":
      return a!.mul(b!);
    case "arith.andi":
      return a!.and(b!);
    case "arith.ori":
      return a!.or(b!);
    case "arith.xori":
      return a!.xor(b!);
    case "arith.divsi":
      ub.push(b!.eq(zero), z.And(a!.eq(z.BitVec.val(1n << BigInt(width - 1), width)), b!.eq(z.BitVec.val(-1, width))));
      return a!.sdiv(b!);
    case "arith.divui":
      ub.push(b!.eq(zero));
      return a!.udiv(b!);
    case "arith.ceildivui":
      // a == 0 ? 0 : (a - 1) / b + 1
      ub.push(b!.eq(zero));
      return z.If(a!.eq(zero), zero, a!.sub(z.BitVec.val(1, width)).udiv(b!).add(z.BitVec.val(1, width))) as BV;
    case "arith.ceildivsi":
    case "arith.floordivsi": {
      // The truncating quotient, moved one step up (ceil) or down (floor) when inexact and the
      // exact quotient is positive (ceil) or negative (floor).
      ub.push(b!.eq(zero), z.And(a!.eq(z.BitVec.val(1n << BigInt(width - 1), width)), b!.eq(z.BitVec.val(-1, width))));
      const q = a!.sdiv(b!);
      const inexact = a!.srem(b!).neq(zero);
      const sameSigns = a!.slt(zero).eq(b!.slt(zero));
      const one = z.BitVec.val(1, width);
      return op === "arith.ceildivsi"
        ? (z.If(z.And(inexact, sameSigns), q.add(one), q) as BV)
        : (z.If(z.And(inexact, z.Not(sameSigns)), q.sub(one), q) as BV);
    }
    case "arith.remsi":
      ub.push(b!.eq(zero));
      return a!.srem(b!);
    case "arith.remui":
      ub.push(b!.eq(zero));
      return a!.urem(b!);
    case "arith.shli":
    case "arith.shrsi":
    case "arith.shrui":
      ub.push(b!.uge(z.BitVec.val(width, width)));
      return op === "arith.shli" ? a!.shl(b!) : op === "arith.shrsi" ? a!.shr(b!) : a!.lshr(b!);
    case "arith.maxsi":
      return z.If(a!.sge(b!), a!, b!) as BV;
    case "arith.minsi":
      return z.If(a!.sle(b!), a!, b!) as BV;
    case "arith.maxui":
      return z.If(a!.uge(b!), a!, b!) as BV;
    case "arith.minui":
      return z.If(a!.ule(b!), a!, b!) as BV;
    case "math.absi":
      return z.If(a!.slt(zero), a!.neg(), a!) as BV;
    case "arith.select":
      return z.If(a!.eq(z.BitVec.val(1, 1)), b!, c!) as BV;
    case "arith.extsi":
      return a!.signExt(width - a!.size());
    case "arith.extui":
      return a!.zeroExt(width - a!.size());
    case "arith.trunci":
      return a!.extract(width - 1, 0);
    case "arith.index_cast":
      return a!.size() >= width ? a!.extract(width - 1, 0) : a!.signExt(width - a!.size());
    case "arith.index_castui":
      return a!.size() >= width ? a!.extract(width - 1, 0) : a!.zeroExt(width - a!.size());
    case "arith.cmpi":
      return cmpi(z, a!, b!, predicate!, ub);
  }
  throw new NotVerifiable(`'${op}' has no SMT semantics here`);
}

function cmpi(z: Z3, a: BV, b: BV, p: BV, ub: B[]): BV {
  const results: B[] = [a.eq(b), a.neq(b), a.slt(b), a.sle(b), a.sgt(b), a.sge(b), a.ult(b), a.ule(b), a.ugt(b), a.uge(b)];
  ub.push(p.ugt(z.BitVec.val(9, p.size())));
  let r: B = results[9]!;
  for (let i = 8; i >= 0; i--) r = z.If(p.eq(z.BitVec.val(i, p.size())), results[i]!, r) as B;
  return z.If(r, z.BitVec.val(1, 1), z.BitVec.val(0, 1)) as BV;
}
