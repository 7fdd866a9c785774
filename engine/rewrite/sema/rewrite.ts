// Analyses the right-hand side of a rule: new ops as nested terms (with result types given or
// inferable), `let`, `replace`, `erase`, regions, MLIR templates with `$name` holes, native rewrites.
import type * as A from "../../../grammar/prr/ast.ts";
import type { OpDef } from "../../dialects/registry.ts";
import type { Build, BuildOp, Expr, Rewrite, Statement, TemplateHole, TypeBuild } from "../rule.ts";
import type { RuleScope } from "./scope.ts";
import { article, compileExpr, compileTypeBuild, describeExpr } from "./expr.ts";
import { checkAttrName, positionalAttributes, resolveOp } from "./ops.ts";
import { parsePrrExpression } from "../../../grammar/prr/parse.ts";

export function compileRewrite(s: RuleScope, r: A.Rewrite, rootSlot: number): Rewrite | undefined {
  const statements: Statement[] = [];
  let ok = true;
  for (const st of r.statements) {
    const c = compileStatement(s, st);
    if (c === undefined) ok = false;
    else statements.push(c);
  }
  let result: Build | undefined;
  if (r.result !== undefined) {
    result = compileBuild(s, r.result, undefined);
    if (result === undefined) ok = false;
  } else if (!statements.some((st) => (st.kind === "erase" || st.kind === "replace") && st.slot === rootSlot)) {
    s.error("PRR3002", "the rewrite neither replaces nor erases the matched op; end it with the replacement value", r.span);
    ok = false;
  }
  return ok ? { statements, result } : undefined;
}

function compileStatement(s: RuleScope, st: A.Statement): Statement | undefined {
  switch (st.kind) {
    case "let": {
      if (s.lookup(st.name.text) !== undefined) {
        s.error("PRR3002", `'${st.name.text}' is already bound`, st.name.span);
        return undefined;
      }
      if (isAttributeExpr(s, st.value)) {
        const e = compileExpr(s, st.value);
        if (e === undefined) return undefined;
        const slot = s.define(st.name.text, "attr", st.name.span).slot;
        return { kind: "let", slot, value: { kind: "expr", expr: e } };
      }
      const value = compileBuild(s, st.value, undefined);
      if (value === undefined) return undefined;
      const slot = s.define(st.name.text, "values", st.name.span).slot;
      return { kind: "let", slot, value };
    }
    case "replace":
    case "erase": {
      const v = s.lookup(st.target.text);
      if (v === undefined || v.kind !== "op") {
        s.error("PRR3005", `'${st.target.text}' must name a matched op (bind it with \`${st.target.text}@dialect.op(...)\`)`, st.target.span);
        return undefined;
      }
      if (st.kind === "erase") return { kind: "erase", slot: v.slot, span: st.span };
      const value = compileBuild(s, st.value, undefined);
      return value ? { kind: "replace", slot: v.slot, value, span: st.span } : undefined;
    }
  }
}

/** Whether an expression computes an attribute (no ops, no SSA values): `c0 + c1`, `log2(c)`. */
function isAttributeExpr(s: RuleScope, e: A.Expr): boolean {
  switch (e.kind) {
    case "int":
    case "float":
    case "bool":
    case "string":
      return true;
    case "var": {
      const v = s.lookup(e.name);
      return v === undefined || v.kind === "attr" || v.kind === "dim" || v.kind === "type";
    }
    case "call":
      return true;
    case "binary":
      return isAttributeExpr(s, e.lhs) && isAttributeExpr(s, e.rhs);
    case "unary":
      return isAttributeExpr(s, e.operand);
    default:
      return false;
  }
}

function compileBuild(s: RuleScope, e: A.Expr, types: TypeBuild[] | undefined): Build | undefined {
  switch (e.kind) {
    case "var": {
      const v = s.lookup(e.name);
      if (v === undefined) {
        s.error("PRR3004", `'${e.name}' is not bound by the pattern or a 'let'`, e.span);
        return undefined;
      }
      if (v.kind !== "value" && v.kind !== "op" && v.kind !== "values") {
        s.error("PRR3005", `'${e.name}' is ${article(v.kind)}, not a value${v.kind === "attr" ? "; make one with a constant op, e.g. arith.constant(" + e.name + ")" : ""}`, e.span);
        return undefined;
      }
      return { kind: "value", slot: v.slot, varKind: v.kind, index: undefined };
    }
    case "typed": {
      const ts: TypeBuild[] = [];
      for (const t of e.types) {
        const b = compileTypeBuild(s, t);
        if (b === undefined) return undefined;
        ts.push(b);
      }
      if (e.inner.kind !== "term" && e.inner.kind !== "result") {
        s.error("PRR3002", "a type annotation in a rewrite gives the result types of a new op", e.span);
        return undefined;
      }
      return compileBuild(s, e.inner, ts);
    }
    case "term":
      return compileTerm(s, e, types, undefined);
    case "result": {
      if (e.inner.kind === "var") {
        const v = s.lookup(e.inner.name);
        if (v?.kind !== "op" && v?.kind !== "values") {
          s.error("PRR3005", "'#' selects a result of an op or of a let-bound expression", e.span);
          return undefined;
        }
        return { kind: "value", slot: v.slot, varKind: v.kind, index: e.index };
      }
      if (e.inner.kind !== "term") {
        s.error("PRR3002", "'#' selects a result of an op", e.span);
        return undefined;
      }
      return compileTerm(s, e.inner, types, e.index);
    }
    case "tuple": {
      const items: Build[] = [];
      for (const x of e.elements) {
        const b = compileBuild(s, x, undefined);
        if (b === undefined) return undefined;
        items.push(b);
      }
      return { kind: "tuple", items };
    }
    case "variadic": {
      const v = s.lookup(e.name.text);
      if (v?.kind !== "values") {
        s.error("PRR3005", `'${e.name.text}...' needs a variadic binding from the pattern`, e.span);
        return undefined;
      }
      return { kind: "splice", slot: v.slot };
    }
    case "template":
      return compileTemplate(s, e);
    case "native": {
      const fn = s.natives.rewrite(e.callee.text);
      if (fn === undefined) {
        s.error("PRR3009", `unknown native rewrite '${e.callee.text}'${s.natives.rewriteNames.length ? ` (registered: ${s.natives.rewriteNames.join(", ")})` : ""}`, e.callee.span);
        return undefined;
      }
      const [lo, hi] = fn.arity;
      if (e.args.length < lo || e.args.length > hi) s.error("PRR3013", `'${e.callee.text}' takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments, got ${e.args.length}`, e.span);
      const args: (Build | Expr)[] = [];
      for (const a of e.args) {
        const c = isAttributeExpr(s, a) ? compileExpr(s, a) : compileBuild(s, a, undefined);
        if (c === undefined) return undefined;
        args.push(c);
      }
      return { kind: "native", name: e.callee.text, fn, args, span: e.span };
    }
    default:
      s.error(
        "PRR3002",
        `${describeExpr(e)} is not a value${e.kind === "int" || e.kind === "float" ? "; make one with a constant op, e.g. arith.constant(0) : i32" : ""}`,
        e.span,
      );
      return undefined;
  }
}

/** An attribute expression that is just an SSA value or op is a mistake worth naming. */
function attributeExpr(s: RuleScope, a: A.Expr, enumCases: readonly string[] | undefined, what: string): Expr | undefined {
  const x = compileExpr(s, a, enumCases);
  if (x?.kind === "var" && (x.varKind === "value" || x.varKind === "values" || x.varKind === "op")) {
    s.error("PRR3005", `'${(a as A.VarExpr).name}' is ${article(x.varKind)}, but ${what} needs an attribute`, a.span);
    return undefined;
  }
  return x;
}

function compileTerm(s: RuleScope, e: A.TermExpr, types: TypeBuild[] | undefined, resultIndex: number | undefined): BuildOp | undefined {
  const def = resolveOp(s, e.op);
  if (def === undefined) return undefined;
  const attrs: BuildOp["attrs"][number][] = [];
  const operands: Build[] = [];
  let grouped = false;
  const positional = positionalAttributes(def);
  if (positional !== undefined && e.args.length > 0) {
    if (e.args.length > positional.length) s.error("PRR3006", `'${def.name}' takes at most ${positional.length} positional attributes`, e.span);
    e.args.forEach((a, i) => {
      const name = positional[i];
      const spec = name === undefined ? undefined : def.attributes?.[name];
      const x = attributeExpr(s, a, spec?.enumCases, `attribute '${name}'`);
      if (name !== undefined && x !== undefined) attrs.push({ name, value: x, enumCases: spec?.enumCases });
    });
  } else {
    const specs = def.operands ?? [];
    grouped = def.traits.has("AttrSizedOperandSegments");
    if (grouped && e.args.length !== specs.length)
      s.error("PRR3006", `'${def.name}' has ${specs.length} operand groups (${specs.map((o) => o.name).join(", ")}); write each as one argument, a tuple for several values`, e.span);
    for (const a of e.args) {
      const b = a.kind === "tuple" && !grouped ? undefined : compileBuild(s, a, undefined);
      if (a.kind === "tuple" && !grouped) {
        for (const x of a.elements) {
          const bx = compileBuild(s, x, undefined);
          if (bx) operands.push(bx);
        }
        continue;
      }
      if (b !== undefined) operands.push(b);
    }
    if (!grouped) checkBuildCount(s, def, operands, e.span);
  }
  for (const entry of e.attrs) {
    const spec = checkAttrName(s, def, entry.name);
    if (spec === undefined && !entry.name.text.includes(".")) continue;
    const x = attributeExpr(s, entry.value, spec?.enumCases, `attribute '${entry.name.text}'`);
    if (x !== undefined) attrs.push({ name: entry.name.text, value: x, enumCases: spec?.enumCases });
  }
  let region: BuildOp["region"];
  if (e.region !== undefined) {
    const yieldOp = `${def.dialect}.yield`;
    if (s.ctx.registry.lookup(yieldOp) === undefined) s.error("PRR3002", `cannot build a region for '${def.name}': no '${yieldOp}'; use an MLIR template`, e.region.span);
    const argSlots = e.region.args.map((a) => s.define(a.text, "value", a.span).slot);
    const bodies = e.region.body.kind === "tuple" ? e.region.body.elements : [e.region.body];
    const body: Build[] = [];
    for (const b of bodies) {
      const c = compileBuild(s, b, undefined);
      if (c) body.push(c);
    }
    region = { argSlots, body, yieldOp };
  }
  if (types === undefined && !canInferResults(def, attrs.length > 0)) {
    s.error("PRR3008", `cannot infer the result types of '${def.name}'; give them with ': type'`, e.span);
    return undefined;
  }
  return { kind: "op", name: def.name, def, operands, grouped, attrs, types, region, resultIndex, span: e.span };
}

function checkBuildCount(s: RuleScope, def: OpDef, operands: readonly Build[], span: A.Expr["span"]): void {
  const specs = def.operands ?? [];
  if (!specs.every((o) => (o.arity ?? "single") === "single")) return;
  if (operands.some((o) => o.kind === "splice" || o.kind === "template" || o.kind === "native" || o.kind === "tuple")) return;
  if (operands.length !== specs.length)
    s.error("PRR3006", `'${def.name}' takes ${specs.length} operand${specs.length === 1 ? "" : "s"}, but ${operands.length} ${operands.length === 1 ? "is" : "are"} given`, span);
}

/** Whether a built op's result types follow from its operands and attributes. */
export function canInferResults(def: OpDef, hasAttrs: boolean): boolean {
  const results = def.results ?? [];
  if (results.length === 0) return true;
  if (def.inferResultTypes !== undefined) return true;
  if (def.traits.has("SameOperandsAndResultType")) return true;
  if (def.traits.has("ConstantLike") && hasAttrs) return true;
  // Destination-passing ops (linalg): results take the types of the tensor inits.
  return def.dialect === "linalg" && (def.operands ?? []).some((o) => o.name === "outputs" || o.name === "init" || o.name === "inits");
}

/**
 * Holes in an MLIR template: `$name` (a bound value is spliced as an SSA name, anything else as
 * text) and `${expr}` (an attribute expression, printed as text).
 */
function compileTemplate(s: RuleScope, e: A.TemplateExpr): Build | undefined {
  const holes: TemplateHole[] = [];
  const text = e.text.text;
  const base = e.text.start;
  let ok = true;
  for (let i = text.indexOf("$"); i >= 0; i = text.indexOf("$", i + 1)) {
    if (text[i + 1] === "{") {
      const close = matchingBrace(text, i + 1);
      const at = { file: e.span.file, start: base + i, end: base + (close < 0 ? text.length : close + 1) };
      if (close < 0) {
        s.error("PRR3001", "unterminated '${' hole in an MLIR template", at);
        ok = false;
        break;
      }
      const parsed = parsePrrExpression(e.span.file, base + i + 2, base + close);
      s.diagnostics.push(...parsed.diagnostics);
      const expr = parsed.expr === undefined ? undefined : compileExpr(s, parsed.expr);
      if (expr === undefined) ok = false;
      else holes.push({ start: i, end: close + 1, expr });
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][\w]*/.exec(text.slice(i + 1));
    if (m === null) continue;
    const name = m[0];
    const v = s.lookup(name);
    const at = { file: e.span.file, start: base + i, end: base + i + 1 + name.length };
    if (v === undefined) {
      s.error("PRR3004", `template hole '$${name}' is not bound by the pattern or a 'let'`, at);
      ok = false;
      continue;
    }
    holes.push({ start: i, end: i + 1 + name.length, expr: { kind: "var", slot: v.slot, varKind: v.kind, span: at } });
  }
  return ok ? { kind: "template", text, textStart: base, holes, span: e.span } : undefined;
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}
