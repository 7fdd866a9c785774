// Integer semantics for one element kind: i1..i32 and index as numbers, wider as bigint; results
// wrap around at the width; division by zero and signed overflow of division trap (MLIR: UB).
import type { ElementKind } from "../elements.ts";
import { trap } from "../trap.ts";
import type { Scalar } from "./elementwise.ts";

export interface IntOps {
  add(a: Scalar, b: Scalar): Scalar;
  sub(a: Scalar, b: Scalar): Scalar;
  mul(a: Scalar, b: Scalar): Scalar;
  divs(a: Scalar, b: Scalar): Scalar;
  divu(a: Scalar, b: Scalar): Scalar;
  rems(a: Scalar, b: Scalar): Scalar;
  remu(a: Scalar, b: Scalar): Scalar;
  floordivs(a: Scalar, b: Scalar): Scalar;
  ceildivs(a: Scalar, b: Scalar): Scalar;
  ceildivu(a: Scalar, b: Scalar): Scalar;
  and(a: Scalar, b: Scalar): Scalar;
  or(a: Scalar, b: Scalar): Scalar;
  xor(a: Scalar, b: Scalar): Scalar;
  shl(a: Scalar, b: Scalar): Scalar;
  shrs(a: Scalar, b: Scalar): Scalar;
  shru(a: Scalar, b: Scalar): Scalar;
  /** The unsigned value of a (for comparisons and unsigned conversions). */
  unsigned(a: Scalar): Scalar;
  /** Builds a value of this kind from a mathematical integer (wrapping). */
  from(x: number | bigint): Scalar;
}

const divByZero = (): never => trap("PRR6003", "integer division by zero");
const overflow = (): never => trap("PRR6003", "signed integer division overflow");

function numberOps(k: ElementKind): IntOps {
  const w = k.width;
  const isIndex = k.name === "index";
  const norm = k.norm;
  const min = isIndex ? Number.MIN_SAFE_INTEGER : w === 1 ? -1 : -(2 ** (w - 1));
  const modulus = 2 ** w;
  const unsigned = isIndex ? (a: number) => a : w === 32 ? (a: number) => a >>> 0 : w === 1 ? (a: number) => a & 1 : (a: number) => (a < 0 ? a + modulus : a);
  const fromSigned = (x: number) => (isIndex ? x : norm(x));
  const ops = {
    add: (a: number, b: number) => norm(a + b),
    sub: (a: number, b: number) => norm(a - b),
    mul: isIndex ? (a: number, b: number) => a * b : (a: number, b: number) => norm(Math.imul(a, b)),
    divs: (a: number, b: number) => (b === 0 ? divByZero() : a === min && b === -1 && !isIndex ? overflow() : fromSigned(Math.trunc(a / b))),
    divu: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(Math.trunc(unsigned(a) / unsigned(b)))),
    rems: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(a % b)),
    remu: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(unsigned(a) % unsigned(b))),
    floordivs: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(Math.floor(a / b))),
    ceildivs: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(Math.ceil(a / b))),
    ceildivu: (a: number, b: number) => (b === 0 ? divByZero() : fromSigned(Math.ceil(unsigned(a) / unsigned(b)))),
    and: isIndex ? (a: number, b: number) => Number(BigInt(a) & BigInt(b)) : (a: number, b: number) => norm(a & b),
    or: isIndex ? (a: number, b: number) => Number(BigInt(a) | BigInt(b)) : (a: number, b: number) => norm(a | b),
    xor: isIndex ? (a: number, b: number) => Number(BigInt(a) ^ BigInt(b)) : (a: number, b: number) => norm(a ^ b),
    // Shifting by the width or more gives poison in MLIR; 0 here.
    shl: isIndex ? (a: number, b: number) => (b >= 64 ? 0 : Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)))) : (a: number, b: number) => (b >= w || b < 0 ? 0 : norm(a << b)),
    shrs: isIndex ? (a: number, b: number) => (b >= 64 ? 0 : Math.floor(a / 2 ** b)) : (a: number, b: number) => (b >= w || b < 0 ? 0 : norm(a >> b)),
    shru: isIndex ? (a: number, b: number) => (b >= 64 ? 0 : Math.floor(a / 2 ** b)) : (a: number, b: number) => (b >= w || b < 0 ? 0 : norm(unsigned(a) / 2 ** b)),
    unsigned,
    from: (x: number | bigint) => (isIndex ? Number(BigInt.asIntN(64, BigInt(x))) : norm(Number(BigInt.asIntN(w, BigInt(x))))),
  };
  return ops as unknown as IntOps;
}

function bigOps(k: ElementKind): IntOps {
  const w = k.width;
  const wrap = (x: bigint) => BigInt.asIntN(w, x);
  const unsigned = (a: bigint) => BigInt.asUintN(w, a);
  const min = -(1n << BigInt(w - 1));
  const floorDiv = (a: bigint, b: bigint) => {
    const q = a / b;
    return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
  };
  const ceilDiv = (a: bigint, b: bigint) => {
    const q = a / b;
    return (a % b !== 0n) && ((a < 0n) === (b < 0n)) ? q + 1n : q;
  };
  const ops = {
    add: (a: bigint, b: bigint) => wrap(a + b),
    sub: (a: bigint, b: bigint) => wrap(a - b),
    mul: (a: bigint, b: bigint) => wrap(a * b),
    divs: (a: bigint, b: bigint) => (b === 0n ? divByZero() : a === min && b === -1n ? overflow() : wrap(a / b)),
    divu: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(unsigned(a) / unsigned(b))),
    rems: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(a % b)),
    remu: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(unsigned(a) % unsigned(b))),
    floordivs: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(floorDiv(a, b))),
    ceildivs: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(ceilDiv(a, b))),
    ceildivu: (a: bigint, b: bigint) => (b === 0n ? divByZero() : wrap(ceilDiv(unsigned(a), unsigned(b)))),
    and: (a: bigint, b: bigint) => a & b,
    or: (a: bigint, b: bigint) => a | b,
    xor: (a: bigint, b: bigint) => a ^ b,
    shl: (a: bigint, b: bigint) => (b >= BigInt(w) || b < 0n ? 0n : wrap(a << b)),
    shrs: (a: bigint, b: bigint) => (b >= BigInt(w) || b < 0n ? 0n : a >> b),
    shru: (a: bigint, b: bigint) => (b >= BigInt(w) || b < 0n ? 0n : wrap(unsigned(a) >> b)),
    unsigned,
    from: (x: number | bigint) => wrap(BigInt(x)),
  };
  return ops as unknown as IntOps;
}

const cache = new Map<ElementKind, IntOps>();
export function intOps(k: ElementKind): IntOps {
  let o = cache.get(k);
  if (o === undefined) cache.set(k, (o = k.isBig ? bigOps(k) : numberOps(k)));
  return o;
}
