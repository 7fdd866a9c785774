// Semantics of math's bit counts on integers: ctlz, cttz (the width for zero, as MLIR's lowering
// to llvm.intr.ctlz/cttz with is_zero_poison = false gives) and ctpop, on scalars or elementwise.
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import type { ElementKind } from "../elements.ts";
import { liftStep, resultKind, type Scalar } from "./elementwise.ts";
import { trap } from "../trap.ts";

/** A count over the unsigned bits of a `w`-bit value; `small` for w ≤ 32, `big` for wider. */
interface BitCount {
  small(u: number, w: number): number;
  big(u: bigint, w: number): number;
}

const leadingZeros: BitCount = {
  small: (u, w) => Math.clz32(u) - (32 - w),
  big: (u, w) => w - u.toString(2).length + (u === 0n ? 1 : 0),
};

const trailingZeros: BitCount = {
  small: (u, w) => (u === 0 ? w : 31 - Math.clz32(u & -u)),
  big: (u, w) => {
    if (u === 0n) return w;
    let n = 0;
    while ((u & 1n) === 0n) (u >>= 1n), n++;
    return n;
  },
};

const population: BitCount = {
  small: (u) => {
    let n = 0;
    for (; u !== 0; u &= u - 1) n++;
    return n;
  },
  big: (u) => {
    let n = 0;
    for (; u !== 0n; u &= u - 1n) n++;
    return n;
  },
};

function counted(k: ElementKind, count: BitCount): (a: Scalar) => Scalar {
  const w = k.width;
  if (k.isFloat || k.name === "index") return trap("PRR6006", `bit counts of ${k.name} are not supported`);
  if (k.isBig) return (a) => BigInt(count.big(BigInt.asUintN(w, a as bigint), w));
  const mask = w === 32 ? 0xffffffff : 2 ** w - 1;
  return (a) => count.small(((a as number) & mask) >>> 0, w);
}

const bitCount =
  (count: BitCount): OpSemantics =>
  (op, c) =>
    liftStep(op, c, counted(resultKind(op), count));

defineSemantics({
  "math.ctlz": bitCount(leadingZeros),
  "math.cttz": bitCount(trailingZeros),
  "math.ctpop": bitCount(population),
});
