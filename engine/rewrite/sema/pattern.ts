// Analyses the left-hand side of a rule into an OpPat: resolves ops, maps positional arguments to
// operands (or attributes), binds variables by kind, and checks counts, attribute names and types.
import type * as A from "../../../grammar/prr/ast.ts";
import type { OpDef } from "../../dialects/registry.ts";
import type { AttrMatch, AttrPat, OpPat, RegionPat, TypePat, ValuePat } from "../rule.ts";
import type { RuleScope } from "./scope.ts";
import { article, compileTypePat, describeExpr } from "./expr.ts";
import { checkAttrName, enumAttr, operandArity, positionalAttributes, resolveOp } from "./ops.ts";
import { fromAttr, type EvalValue } from "../eval-value.ts";
import { literalKey } from "../literal-key.ts";

/** The root of a pattern: a term, maybe typed (`: t`) or bound (`n@...`). */
export function compileRootPattern(s: RuleScope, e: A.Expr): OpPat | undefined {
  const p = compileValuePattern(s, e, true);
  if (p === undefined) return undefined;
  if (p.kind !== "op" || p.anyConstant) {
    s.error("PRR3002", "a rule's pattern must be an op (`dialect.op(...)`)", e.span);
    return undefined;
  }
  return p;
}

function compileValuePattern(s: RuleScope, e: A.Expr, root = false): ValuePat | undefined {
  switch (e.kind) {
    case "var": {
      const v = s.lookup(e.name);
      if (v === undefined) return { kind: "any", slot: s.define(e.name, "value", e.span).slot, type: undefined };
      if (v.kind !== "value") {
        s.error("PRR3005", `'${e.name}' is ${article(v.kind)} here but is used as a value`, e.span, [{ span: v.span, message: "bound here" }]);
        return undefined;
      }
      return { kind: "any", slot: v.slot, type: undefined };
    }
    case "wildcard":
      return { kind: "any", slot: -1, type: undefined };
    case "term":
      return compileTerm(s, e, -1, 0, undefined);
    case "typed": {
      const types: TypePat[] = [];
      for (const t of e.types) {
        const tp = compileTypePat(s, t);
        if (tp === undefined) return undefined;
        types.push(tp);
      }
      const inner = compileValuePattern(s, e.inner, root);
      if (inner === undefined) return undefined;
      if (inner.kind === "any") {
        if (types.length !== 1) s.error("PRR3013", "a value has one type", e.span);
        return { ...inner, type: types[0] };
      }
      if (inner.def?.results && !inner.def.results.some((r) => r.arity === "variadic" || r.arity === "optional") && inner.def.results.length !== types.length)
        s.error("PRR3006", `'${inner.name}' has ${inner.def.results.length} result${inner.def.results.length === 1 ? "" : "s"}, but ${types.length} type${types.length === 1 ? " is" : "s are"} given`, e.span);
      return { ...inner, resultTypes: types };
    }
    case "bind": {
      if (s.lookup(e.name.text) !== undefined) {
        s.error("PRR3002", `'${e.name.text}' is already bound`, e.name.span);
        return undefined;
      }
      const slot = s.define(e.name.text, "op", e.name.span).slot;
      const inner = compileValuePattern(s, e.inner, root);
      if (inner === undefined) return undefined;
      if (inner.kind !== "op") {
        s.error("PRR3002", "'@' binds an op: write `name@dialect.op(...)`", e.span);
        return undefined;
      }
      return { ...inner, opSlot: slot };
    }
    case "result": {
      const inner = compileValuePattern(s, e.inner);
      if (inner === undefined) return undefined;
      if (inner.kind !== "op") {
        s.error("PRR3002", "'#' selects a result of an op", e.span);
        return undefined;
      }
      return { ...inner, resultIndex: e.index };
    }
    case "int":
    case "float":
    case "bool":
      // A literal where a value is expected: any constant op holding it.
      return {
        kind: "op",
        name: "<constant>",
        def: undefined,
        opSlot: -1,
        resultIndex: 0,
        operands: [],
        variadic: undefined,
        attrs: [{ name: "value", match: literalMatch(literal(e)!) }],
        resultTypes: undefined,
        region: undefined,
        anyConstant: true,
        span: e.span,
      };
    default:
      s.error("PRR3002", `${describeExpr(e)} cannot appear in a pattern${e.kind === "call" ? " (function calls belong in `where` guards)" : ""}`, e.span);
      return undefined;
  }
}

function literalMatch(value: EvalValue): AttrMatch {
  return { kind: "literal", value, key: literalKey(value) };
}

function literal(e: A.Expr): EvalValue | undefined {
  if (e.kind === "int") return { kind: "int", value: e.value, type: undefined };
  if (e.kind === "float") return { kind: "float", value: e.value, type: undefined };
  if (e.kind === "bool") return { kind: "bool", value: e.value };
  if (e.kind === "string") return { kind: "string", value: e.value };
  return undefined;
}

function compileTerm(s: RuleScope, e: A.TermExpr, opSlot: number, resultIndex: number, resultTypes: TypePat[] | undefined): OpPat | undefined {
  const def = resolveOp(s, e.op);
  if (def === undefined) return undefined;
  const attrs: AttrPat[] = [];
  const positional = positionalAttributes(def);
  const operands: ValuePat[] = [];
  let variadic: OpPat["variadic"];
  if (positional !== undefined && e.args.length > 0) {
    if (e.args.length > positional.length)
      s.error("PRR3006", `'${def.name}' takes at most ${positional.length} positional attribute${positional.length === 1 ? "" : "s"} (${positional.join(", ")})`, e.span);
    e.args.forEach((a, i) => {
      const name = positional[i];
      if (name !== undefined) {
        const m = compileAttrPattern(s, def, name, a);
        if (m) attrs.push({ name, match: m });
      }
    });
  } else {
    const args = e.args.flatMap((a) => (a.kind === "tuple" ? a.elements : [a]));
    args.forEach((a, i) => {
      if (a.kind === "variadic") {
        if (variadic !== undefined) {
          s.error("PRR3002", "at most one variadic binding per op", a.span);
          return;
        }
        const prev = s.lookup(a.name.text);
        if (prev !== undefined && prev.kind !== "values") s.error("PRR3005", `'${a.name.text}' is ${article(prev.kind)}, not a list of values`, a.span);
        const slot = a.name.text === "_" ? -1 : (prev ?? s.define(a.name.text, "values", a.name.span)).slot;
        variadic = { index: i, slot, after: args.length - i - 1 };
        return;
      }
      const p = compileValuePattern(s, a);
      if (p) operands.push(p);
    });
    const { min, exact } = operandArity(def);
    const n = operands.length;
    const wrong = variadic === undefined ? (exact ? n !== min : n < min) : exact && n > min;
    if (wrong)
      s.error("PRR3006", `'${def.name}' takes ${exact ? "" : "at least "}${min} operand${min === 1 ? "" : "s"}, but the pattern gives ${n}${variadic ? " and a variadic list" : ""}`, e.span);
  }
  for (const entry of e.attrs) {
    const spec = checkAttrName(s, def, entry.name);
    if (spec === undefined && !entry.name.text.includes(".")) continue;
    const m = compileAttrPattern(s, def, entry.name.text, entry.value);
    if (m) attrs.push({ name: entry.name.text, match: m });
  }
  let region: RegionPat | undefined;
  if (e.region !== undefined) region = compileRegion(s, def, e.region);
  return {
    kind: "op",
    name: def.name,
    def,
    opSlot,
    resultIndex,
    operands,
    variadic,
    attrs,
    resultTypes,
    region,
    anyConstant: false,
    span: e.span,
  };
}

function compileAttrPattern(s: RuleScope, def: OpDef, name: string, e: A.Expr): AttrMatch | undefined {
  const spec = def.attributes?.[name];
  if (e.kind === "var") {
    const v = s.lookup(e.name);
    if (v === undefined && spec?.enumCases?.includes(e.name)) {
      const a = enumAttr(s.ctx, spec, e.name);
      return a ? literalMatch(fromAttr(a)) : undefined;
    }
    if (v !== undefined && v.kind !== "attr") {
      s.error("PRR3005", `'${e.name}' is ${article(v.kind)}, but attribute '${name}' needs an attribute`, e.span);
      return undefined;
    }
    return { kind: "bind", slot: (v ?? s.define(e.name, "attr", e.span)).slot };
  }
  if (e.kind === "wildcard") return { kind: "bind", slot: -1 };
  if (e.kind === "typed" && e.inner.kind !== "term") {
    // `c : t` binds the attribute and constrains its type through a type variable.
    return compileAttrPattern(s, def, name, e.inner);
  }
  const lit = literal(e);
  if (lit !== undefined) return literalMatch(lit);
  s.error("PRR3002", `attribute '${name}' is matched by a literal, a name or '_', not ${describeExpr(e)}`, e.span);
  return undefined;
}

function compileRegion(s: RuleScope, def: OpDef, r: A.RegionExpr): RegionPat | undefined {
  if ((def.regions ?? 0) < 1) {
    s.error("PRR3002", `'${def.name}' has no region`, r.span);
    return undefined;
  }
  const argSlots = r.args.map((a) => {
    if (a.text === "_") return -1;
    if (s.lookup(a.text) !== undefined) s.error("PRR3002", `'${a.text}' is already bound`, a.span);
    return s.define(a.text, "value", a.span).slot;
  });
  const bodies = r.body.kind === "tuple" ? r.body.elements : [r.body];
  const yields: ValuePat[] = [];
  for (const b of bodies) {
    const p = compileValuePattern(s, b);
    if (p) yields.push(p);
  }
  return { argSlots, yields, opCount: 1 + yields.reduce((n, y) => n + countOps(y), 0) };
}

function countOps(p: ValuePat): number {
  if (p.kind === "any") return 0;
  return 1 + p.operands.reduce((n, o) => n + countOps(o), 0);
}
