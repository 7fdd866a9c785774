// Evaluates guard and attribute expressions over a match's bindings: integer arithmetic wraps in
// the operands' type (two's complement, signed division and comparison unless a builtin says
// unsigned), floats round to their type, `==` compares values structurally.
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import { FloatType, type Type } from "../ir/types.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import { roundToKind } from "../ir/float-semantics.ts";
import type { Expr, TypeBuild, VarKind } from "./rule.ts";
import { EvalFailure, asBigInt, asBool, bool, evalEquals, fromAttr, int, scalarOf, wrap, type EvalValue } from "./eval-value.ts";

/** What a match binds, by slot: a Value, Value[], Operation, Attribute, Type or dimension size. */
export type Binding = Value | readonly Value[] | Operation | Attribute | Type | number | EvalValue | undefined;

export function bindingValue(b: Binding, kind: VarKind): EvalValue {
  if (b === undefined) throw new EvalFailure("unbound variable");
  switch (kind) {
    case "value":
      return { kind: "value", value: b as Value };
    case "values":
      return { kind: "values", values: b as Value[] };
    case "op":
      return { kind: "op", op: b as Operation };
    case "attr":
      return (b as { kind?: string }).kind !== undefined && isEval(b) ? (b as EvalValue) : fromAttr(b as Attribute);
    case "type":
      return { kind: "type", type: b as Type };
    case "dim":
      return int(BigInt(b as number));
  }
}

/** `let` bindings of attribute expressions hold evaluated values. */
function isEval(b: unknown): boolean {
  return typeof b === "object" && b !== null && !("key" in b);
}

export function evaluate(e: Expr, env: readonly Binding[], ctx: Context): EvalValue {
  switch (e.kind) {
    case "lit":
      return e.value;
    case "var":
      return bindingValue(env[e.slot], e.varKind);
    case "type":
      return { kind: "type", type: buildType(e.type, env, ctx) };
    case "call":
      return e.fn.fn(e.args.map((a) => evaluate(a, env, ctx)), ctx);
    case "unary":
      return unary(e.op, evaluate(e.operand, env, ctx));
    case "binary": {
      if (e.op === "&&") return bool(asBool(evaluate(e.lhs, env, ctx)) && asBool(evaluate(e.rhs, env, ctx)));
      if (e.op === "||") return bool(asBool(evaluate(e.lhs, env, ctx)) || asBool(evaluate(e.rhs, env, ctx)));
      return binary(e.op, evaluate(e.lhs, env, ctx), evaluate(e.rhs, env, ctx));
    }
  }
}

function unary(op: string, v: EvalValue): EvalValue {
  if (op === "!") return bool(!asBool(v));
  if (v.kind === "float") return { kind: "float", value: -v.value, type: v.type };
  const x = asBigInt(v);
  const t = v.kind === "int" ? v.type : undefined;
  return int(wrap(op === "-" ? -x : ~x, t), t);
}

function binary(op: string, a: EvalValue, b: EvalValue): EvalValue {
  if (op === "==") return bool(evalEquals(a, b));
  if (op === "!=") return bool(!evalEquals(a, b));
  if (a.kind === "float" || b.kind === "float") return floatBinary(op, a, b);
  if (a.kind === "bool" && b.kind === "bool" && (op === "&" || op === "|" || op === "^"))
    return bool(op === "&" ? a.value && b.value : op === "|" ? a.value || b.value : a.value !== b.value);
  const t = (a.kind === "int" ? a.type : undefined) ?? (b.kind === "int" ? b.type : undefined);
  const x = asBigInt(a);
  const y = asBigInt(b);
  return compare(op, x, y) ?? int(wrap(intOp(op, x, y), t), t);
}

/** `<`, `<=`, `>`, `>=` on numbers or integers (signed); undefined for any other operator. */
function compare<N extends number | bigint>(op: string, x: N, y: N): EvalValue | undefined {
  switch (op) {
    case "<":
      return bool(x < y);
    case "<=":
      return bool(x <= y);
    case ">":
      return bool(x > y);
    case ">=":
      return bool(x >= y);
  }
  return undefined;
}

function intOp(op: string, x: bigint, y: bigint): bigint {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      if (y === 0n) throw new EvalFailure("division by zero");
      return x / y;
    case "%":
      if (y === 0n) throw new EvalFailure("remainder by zero");
      return x % y;
    case "<<":
      return y < 0n || y > 4096n ? 0n : x << y;
    case ">>":
      return y < 0n ? x : x >> (y > 4096n ? 4096n : y);
    case "&":
      return x & y;
    case "|":
      return x | y;
    case "^":
      return x ^ y;
  }
  throw new EvalFailure(`operator ${op} does not apply to integers`);
}

function floatBinary(op: string, a: EvalValue, b: EvalValue): EvalValue {
  const num = (v: EvalValue): number => (v.kind === "float" ? v.value : Number(asBigInt(v)));
  const t = (a.kind === "float" ? a.type : undefined) ?? (b.kind === "float" ? b.type : undefined);
  const x = num(a);
  const y = num(b);
  const c = compare(op, x, y);
  if (c !== undefined) return c;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      r = x / y;
      break;
    default:
      throw new EvalFailure(`operator ${op} does not apply to floats`);
  }
  const s = t === undefined ? undefined : scalarOf(t);
  return { kind: "float", value: s instanceof FloatType ? roundToKind(r, s.floatKind) : r, type: t };
}

/** Builds a type from a type expression and the bound type and dimension variables. */
export function buildType(t: TypeBuild, env: readonly Binding[], ctx: Context): Type {
  switch (t.kind) {
    case "is":
      return t.type;
    case "var": {
      const b = env[t.slot];
      if (b === undefined) throw new EvalFailure("unbound type variable");
      return b as Type;
    }
    case "shaped": {
      const element = buildType(t.element, env, ctx);
      if (t.dims === undefined) {
        if (t.container === "tensor") return ctx.unrankedTensor(element);
        if (t.container === "memref") return ctx.unrankedMemref(element);
        throw new EvalFailure("vectors are always ranked");
      }
      const dims = t.dims.map((d) => (d.kind === "fixed" ? d.size : d.kind === "dynamic" ? -1 : (env[d.slot] as number)));
      if (t.container === "tensor") return ctx.tensor(dims, element);
      if (t.container === "memref") return ctx.memref(dims, element);
      return ctx.vector(dims, element);
    }
  }
}

