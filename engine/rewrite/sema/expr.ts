// Analyses guard and attribute expressions and type expressions: resolves variables to slots,
// function names to builtins or natives (with arity), builtin type names to types.
import type * as A from "../../../grammar/prr/ast.ts";
import type { Expr, TypeBuild, TypePat, DimPat } from "../rule.ts";
import { suggest, type RuleScope } from "./scope.ts";

/** Compiles an expression that computes an attribute, a boolean or a type. */
export function compileExpr(s: RuleScope, e: A.Expr, enumCases?: readonly string[]): Expr | undefined {
  switch (e.kind) {
    case "int":
      return { kind: "lit", value: { kind: "int", value: e.value, type: undefined }, span: e.span };
    case "float":
      return { kind: "lit", value: { kind: "float", value: e.value, type: undefined }, span: e.span };
    case "bool":
      return { kind: "lit", value: { kind: "bool", value: e.value }, span: e.span };
    case "string":
      return { kind: "lit", value: { kind: "string", value: e.value }, span: e.span };
    case "var": {
      const v = s.lookup(e.name);
      if (v !== undefined) return { kind: "var", slot: v.slot, varKind: v.kind, span: e.span };
      if (enumCases?.includes(e.name)) return { kind: "lit", value: { kind: "string", value: e.name }, span: e.span };
      const t = s.builtinType(e.name);
      if (t !== undefined) return { kind: "type", type: { kind: "is", type: t }, span: e.span };
      const near = suggest(e.name, s.vars.map((x) => x.name).filter((n) => !n.startsWith("%")));
      s.error("PRR3004", `'${e.name}' is not bound by the pattern${near ? `; did you mean '${near}'?` : ""}`, e.span);
      return undefined;
    }
    case "call": {
      const fn = s.natives.function(e.callee.text);
      if (fn === undefined) {
        const near = suggest(e.callee.text, s.natives.functionNames);
        s.error("PRR3009", `unknown function '${e.callee.text}'${near ? `; did you mean '${near}'?` : ""}`, e.callee.span);
        return undefined;
      }
      const [lo, hi] = fn.arity;
      if (e.args.length < lo || e.args.length > hi)
        s.error("PRR3013", `'${e.callee.text}' takes ${lo === hi ? lo : `${lo} to ${hi}`} argument${hi === 1 ? "" : "s"}, got ${e.args.length}`, e.span);
      const args = e.args.map((a) => compileExpr(s, a));
      if (args.some((a) => a === undefined)) return undefined;
      return { kind: "call", name: e.callee.text, fn, args: args as Expr[], span: e.span };
    }
    case "binary": {
      const lhs = compileExpr(s, e.lhs, enumCases);
      const rhs = compileExpr(s, e.rhs, enumCases);
      return lhs && rhs ? { kind: "binary", op: e.op, lhs, rhs, span: e.span } : undefined;
    }
    case "unary": {
      const operand = compileExpr(s, e.operand);
      return operand ? { kind: "unary", op: e.op, operand, span: e.span } : undefined;
    }
    case "typed":
      if (e.inner.kind === "var" && s.lookup(e.inner.name) === undefined && e.types.length === 1) break;
      return compileExpr(s, e.inner, enumCases);
    default:
      break;
  }
  s.error("PRR3005", `${describeExpr(e)} is not allowed in an attribute or guard expression`, e.span);
  return undefined;
}

/** A type written in a rewrite or guard: builtin names, bound type variables, shapes of bound dims. */
export function compileTypeBuild(s: RuleScope, t: A.TypeExpr): TypeBuild | undefined {
  if (t.kind === "typevar") {
    const v = s.lookup(t.name);
    if (v !== undefined) {
      if (v.kind !== "type") {
        s.error("PRR3005", `'${t.name}' is ${article(v.kind)}, not a type`, t.span);
        return undefined;
      }
      return { kind: "var", slot: v.slot };
    }
    const b = s.builtinType(t.name);
    if (b !== undefined) return { kind: "is", type: b };
    s.error("PRR3004", `type '${t.name}' is neither a builtin type nor bound by the pattern`, t.span);
    return undefined;
  }
  const element = compileTypeBuild(s, t.element);
  if (element === undefined) return undefined;
  if (t.dims === undefined) return { kind: "shaped", container: t.container, dims: undefined, element };
  const dims: ({ kind: "fixed"; size: number } | { kind: "dynamic" } | { kind: "var"; slot: number })[] = [];
  for (const d of t.dims) {
    if (d === "?") dims.push({ kind: "dynamic" });
    else if (typeof d === "number") dims.push({ kind: "fixed", size: d });
    else {
      const v = s.lookup(d.text);
      if (v === undefined || v.kind !== "dim") {
        s.error("PRR3004", `dimension '${d.text}' is not bound by the pattern`, d.span);
        return undefined;
      }
      dims.push({ kind: "var", slot: v.slot });
    }
  }
  return { kind: "shaped", container: t.container, dims, element };
}

/** A type in a pattern: unbound names become type variables (shape dims become dim variables). */
export function compileTypePat(s: RuleScope, t: A.TypeExpr): TypePat | undefined {
  if (t.kind === "typevar") {
    if (t.name === "_") return { kind: "var", slot: s.hidden("type", t.span) };
    const v = s.lookup(t.name);
    if (v !== undefined) {
      if (v.kind !== "type") {
        s.error("PRR3005", `'${t.name}' is ${article(v.kind)}, not a type`, t.span);
        return undefined;
      }
      return { kind: "var", slot: v.slot };
    }
    const b = s.builtinType(t.name);
    if (b !== undefined) return { kind: "is", type: b };
    return { kind: "var", slot: s.define(t.name, "type", t.span).slot };
  }
  const element = compileTypePat(s, t.element);
  if (element === undefined) return undefined;
  if (t.dims === undefined) return { kind: "shaped", container: t.container, dims: undefined, element };
  const dims: DimPat[] = [];
  for (const d of t.dims) {
    if (d === "?") dims.push({ kind: "dynamic" });
    else if (typeof d === "number") dims.push({ kind: "fixed", size: d });
    else {
      const v = s.lookup(d.text);
      if (v !== undefined && v.kind !== "dim") {
        s.error("PRR3005", `'${d.text}' is ${article(v.kind)}, not a dimension`, d.span);
        return undefined;
      }
      dims.push({ kind: "var", slot: (v ?? s.define(d.text, "dim", d.span)).slot });
    }
  }
  return { kind: "shaped", container: t.container, dims, element };
}

export function article(kind: string): string {
  return (
    { value: "a value", values: "a list of values", op: "an op", attr: "an attribute", type: "a type", dim: "a dimension" } as Record<string, string>
  )[kind] ?? kind;
}

export function describeExpr(e: A.Expr): string {
  switch (e.kind) {
    case "term":
      return `the op '${e.op.text}'`;
    case "template":
      return "an MLIR template";
    case "native":
      return "a native rewrite";
    case "variadic":
      return "a variadic binding";
    case "bind":
      return "a binding '@'";
    case "wildcard":
      return "'_'";
    case "tuple":
      return "a tuple";
    case "result":
      return "a result selector '#'";
    default:
      return `a ${e.kind} expression`;
  }
}
