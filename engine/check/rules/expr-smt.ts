// Guards and attribute arithmetic in z3: expression terms as two's-complement bit-vectors, with
// the semantics of engine/rewrite/evaluate.ts and builtins.ts (signed `/` `%` `>>`, wrapping ops).
import { isVar, type Term, type TermBank } from "../trs/term.ts";
import { EXPR_PREFIX, LITERAL_PREFIX } from "./rule-terms.ts";
import type { B, BV, Z3 } from "./smt.ts";

/** A value of an expression: an integer of some width (or a literal not yet given one), or a truth value. */
export type SmtValue =
  | { readonly kind: "bv"; readonly bv: BV; readonly unsigned: boolean }
  | { readonly kind: "lit"; readonly value: bigint }
  | { readonly kind: "bool"; readonly b: B };

export interface SmtEnv {
  readonly z: Z3;
  readonly bank: TermBank;
  /** The bit-vector an attribute variable stands for. */
  attr(v: Term): BV;
  /** The width of a type variable (every integer type of the check has one). */
  typeWidth(v: Term): number;
  /** Width given to literals that meet no other operand. */
  readonly width: number;
  /** Conditions under which the expressions are defined (no division by zero, log2 of a power of two). */
  readonly defined: B[];
  /** Every type is a scalar integer (the soundness stage): `is_scalar`, `is_int` hold, `is_float` not. */
  readonly scalarIntegers?: boolean;
}

export class NotEncodable extends Error {}

export function toBv(env: SmtEnv, v: SmtValue, width = env.width): BV {
  const z = env.z;
  if (v.kind === "lit") return z.BitVec.val(BigInt.asUintN(width, v.value), width);
  if (v.kind === "bool") return z.If(v.b, z.BitVec.val(1, width), z.BitVec.val(0, width)) as BV;
  return resize(v.bv, width, v.unsigned);
}

export function resize(bv: BV, width: number, unsigned: boolean): BV {
  const w = bv.size();
  if (w === width) return bv;
  if (w > width) return bv.extract(width - 1, 0);
  return unsigned ? bv.zeroExt(width - w) : bv.signExt(width - w);
}

export function toBool(env: SmtEnv, v: SmtValue): B {
  if (v.kind === "bool") return v.b;
  if (v.kind === "lit") return env.z.Bool.val(v.value !== 0n);
  return v.bv.neq(env.z.BitVec.val(0, v.bv.size()));
}

/** Both operands at one width: the width of whichever is a bit-vector. */
function pair(env: SmtEnv, a: SmtValue, b: SmtValue): [BV, BV] {
  const w = a.kind === "bv" ? a.bv.size() : b.kind === "bv" ? b.bv.size() : env.width;
  return [toBv(env, a, w), toBv(env, b, w)];
}

const bv = (x: BV, unsigned = false): SmtValue => ({ kind: "bv", bv: x, unsigned });
const bool = (b: B): SmtValue => ({ kind: "bool", b });

export function encodeExpr(env: SmtEnv, t: Term): SmtValue {
  const z = env.z;
  if (isVar(t)) return bv(env.attr(t));
  const name = env.bank.symbolName(t.head);
  if (name.startsWith(LITERAL_PREFIX)) {
    const text = name.slice(1);
    if (/^-?\d+$/.test(text)) return { kind: "lit", value: BigInt(text) };
    throw new NotEncodable(`literal ${text}`);
  }
  if (!name.startsWith(EXPR_PREFIX)) throw new NotEncodable(`op ${name} inside an expression`);
  const fn = name.slice(1);
  const arg = (i: number) => encodeExpr(env, t.args[i]!);
  const typeArg = (i: number) => {
    const a = t.args[i]!;
    if (!isVar(a)) throw new NotEncodable("a type expression");
    return env.typeWidth(a);
  };
  switch (fn) {
    case "&&":
      return bool(z.And(toBool(env, arg(0)), toBool(env, arg(1))));
    case "||":
      return bool(z.Or(toBool(env, arg(0)), toBool(env, arg(1))));
    case "u!":
      return bool(z.Not(toBool(env, arg(0))));
    case "u-":
      return arithmeticNeg(env, arg(0));
    case "u~": {
      const a = arg(0);
      return a.kind === "lit" ? { kind: "lit", value: ~a.value } : bv(toBv(env, a, a.kind === "bv" ? a.bv.size() : env.width).not());
    }
    case "width":
      return { kind: "lit", value: BigInt(typeArg(0)) };
    case "signed_min": {
      const w = typeArg(0);
      return bv(z.BitVec.val(1n << BigInt(w - 1), w));
    }
    case "all_ones": {
      const w = typeArg(0);
      return bv(z.BitVec.val((1n << BigInt(w)) - 1n, w));
    }
    case "cast": {
      const a = arg(0);
      const w = typeArg(1);
      return bv(toBv(env, a, w));
    }
    case "as_signed":
    case "as_unsigned": {
      const a = arg(0);
      if (a.kind !== "bv") return a;
      return bv(a.bv, fn === "as_unsigned");
    }
    case "is_pow2": {
      const a = toBv(env, arg(0));
      const w = a.size();
      const zero = z.BitVec.val(0, w);
      return bool(z.And(a.sgt(zero), a.and(a.sub(z.BitVec.val(1, w))).eq(zero)));
    }
    case "is_scalar":
    case "is_int":
    case "is_float":
    case "is_tensor":
    case "is_vector":
      if (!env.scalarIntegers) throw new NotEncodable(`function ${fn}`);
      return bool(z.Bool.val(fn === "is_scalar" || fn === "is_int"));
    case "log2":
      return log2(env, toBv(env, arg(0)));
    case "abs": {
      const a = toBv(env, arg(0));
      return bv(z.If(a.slt(z.BitVec.val(0, a.size())), a.neg(), a) as BV);
    }
  }
  if (t.args.length === 2) return binary(env, fn, arg(0), arg(1));
  throw new NotEncodable(`function ${fn}`);
}

function arithmeticNeg(env: SmtEnv, a: SmtValue): SmtValue {
  if (a.kind === "lit") return { kind: "lit", value: -a.value };
  return bv(toBv(env, a, a.kind === "bv" ? a.bv.size() : env.width).neg());
}

function log2(env: SmtEnv, a: BV): SmtValue {
  const z = env.z;
  const w = a.size();
  let r: BV = z.BitVec.val(0, w);
  for (let i = w - 1; i >= 1; i--) r = z.If(a.eq(z.BitVec.val(1n << BigInt(i), w)), z.BitVec.val(i, w), r) as BV;
  env.defined.push(z.And(a.sgt(z.BitVec.val(0, w)), a.and(a.sub(z.BitVec.val(1, w))).eq(z.BitVec.val(0, w))));
  return bv(r);
}

function literalBinary(z: Z3, fn: string, x: bigint, y: bigint): SmtValue | undefined {
  const v = (value: bigint): SmtValue => ({ kind: "lit", value });
  const b = (value: boolean): SmtValue => ({ kind: "bool", b: z.Bool.val(value) });
  switch (fn) {
    case "==":
      return b(x === y);
    case "!=":
      return b(x !== y);
    case "<":
      return b(x < y);
    case "<=":
      return b(x <= y);
    case ">":
      return b(x > y);
    case ">=":
      return b(x >= y);
    case "+":
      return v(x + y);
    case "-":
      return v(x - y);
    case "*":
      return v(x * y);
  }
  return undefined;
}

function binary(env: SmtEnv, fn: string, a: SmtValue, b: SmtValue): SmtValue {
  const z = env.z;
  if (a.kind === "lit" && b.kind === "lit") {
    const folded = literalBinary(z, fn, a.value, b.value);
    if (folded) return folded;
  }
  if ((fn === "==" || fn === "!=") && (a.kind === "bool" || b.kind === "bool")) {
    const eq = toBool(env, a).eq(toBool(env, b));
    return bool(fn === "==" ? eq : z.Not(eq));
  }
  const [x, y] = pair(env, a, b);
  const w = x.size();
  const zero = z.BitVec.val(0, w);
  const nonzero = () => env.defined.push(y.neq(zero));
  switch (fn) {
    case "+":
      return bv(x.add(y));
    case "-":
      return bv(x.sub(y));
    case "*":
      return bv(x.mul(y));
    case "/":
      nonzero();
      return bv(x.sdiv(y));
    case "%":
      nonzero();
      return bv(x.srem(y));
    case "&":
      return bv(x.and(y));
    case "|":
      return bv(x.or(y));
    case "^":
      return bv(x.xor(y));
    case "<<":
      return bv(x.shl(y));
    case ">>":
      return bv(x.shr(y));
    case "==":
      return bool(x.eq(y));
    case "!=":
      return bool(x.neq(y));
    case "<":
      return bool(x.slt(y));
    case "<=":
      return bool(x.sle(y));
    case ">":
      return bool(x.sgt(y));
    case ">=":
      return bool(x.sge(y));
    case "udiv":
      nonzero();
      return bv(x.udiv(y));
    case "urem":
      nonzero();
      return bv(x.urem(y));
    case "shru":
      return bv(x.lshr(y));
    case "min":
      return bv(z.If(x.sle(y), x, y) as BV);
    case "max":
      return bv(z.If(x.sge(y), x, y) as BV);
    case "umin":
      return bv(z.If(x.ule(y), x, y) as BV);
    case "umax":
      return bv(z.If(x.uge(y), x, y) as BV);
    case "ult":
      return bool(x.ult(y));
    case "ule":
      return bool(x.ule(y));
    case "ugt":
      return bool(x.ugt(y));
    case "uge":
      return bool(x.uge(y));
  }
  throw new NotEncodable(`function ${fn}`);
}

/** The conjunction of guards (true when there are none). */
export function encodeGuards(env: SmtEnv, guards: readonly Term[]): B {
  return env.z.And(...guards.map((g) => toBool(env, encodeExpr(env, g))));
}
