// Carries out a matched rule's rewrite: builds the new ops detached (so a failed attribute
// computation leaves the IR untouched), then inserts them before the root, performs `replace` and
// `erase`, and replaces the root. Templates are parsed with their holes bound to matched values.
import type { Operation } from "../ir/operation.ts";
import { Block, Region, Operation as Op } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { NamedAttribute } from "../ir/attributes.ts";
import type { Type } from "../ir/types.ts";
import { ShapedType, RankedTensorType } from "../ir/types.ts";
import { SourceFile } from "../support/source.ts";
import { DiagnosticError, diag, type Diagnostic } from "../support/diagnostics.ts";
import { defaultValue, defaultedAttributes } from "../dialects/registry.ts";
import { Parser } from "../../grammar/mlir/parser.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import type { Build, BuildOp, Expr, Rule } from "./rule.ts";
import type { Rewriter } from "./rewriter.ts";
import { buildType, evaluate, type Binding } from "./evaluate.ts";
import { EvalFailure, describe, scalarOf, toAttr, type EvalValue } from "./eval-value.ts";
import { enumAttr } from "./sema/ops.ts";
import { isConstantValueName } from "./fold.ts";

/** A rewrite that cannot produce valid IR (a template that does not parse, a count mismatch). */
export class RewriteError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

class Application {
  readonly rule: Rule;
  readonly env: Binding[];
  readonly root: Operation;
  readonly rw: Rewriter;
  /** Ops built but not inserted yet; a region body under construction pushes its own list. */
  private readonly pending: Operation[][] = [[]];
  /** Ops inserted (early ones, before a native rewrite ran, are erased again if the rule fails). */
  private readonly flushed: Operation[] = [];
  /** The values that replaced the root, once it ran. */
  replacement: readonly Value[] = [];

  get inserted(): readonly Operation[] {
    return this.flushed;
  }

  constructor(rule: Rule, env: Binding[], root: Operation, rw: Rewriter) {
    this.rule = rule;
    this.env = env;
    this.root = root;
    this.rw = rw;
  }

  run(): boolean {
    const rw = this.rw;
    rw.setInsertionPointBefore(this.root);
    const effects: (() => void)[] = [];
    try {
      for (const st of this.rule.rewrite.statements) {
        if (st.kind === "let") {
          if (st.value.kind === "expr") this.env[st.slot] = evaluate(st.value.expr, this.env, rw.ctx);
          else this.env[st.slot] = this.build(st.value);
        } else if (st.kind === "replace") {
          const target = this.env[st.slot] as Operation;
          const values = this.build(st.value);
          effects.push(() => this.replace(target, values, st.span));
        } else {
          const target = this.env[st.slot] as Operation;
          effects.push(() => this.erase(target, st.span));
        }
      }
      const result = this.rule.rewrite.result;
      if (result !== undefined) {
        const values = this.build(result);
        this.replacement = values;
        effects.push(() => {
          if (this.root.parentBlock !== null) this.replace(this.root, values, this.rule.span);
        });
      }
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      this.abandon();
      return false;
    }
    this.flush();
    for (const f of effects) f();
    return true;
  }

  private replace(target: Operation, values: readonly Value[], at: Rule["span"]): void {
    if (values.length !== target.results.length)
      this.fail(`rule '${this.rule.name}' replaces '${target.name}' (${target.results.length} result${target.results.length === 1 ? "" : "s"}) with ${values.length} value${values.length === 1 ? "" : "s"}`, at);
    for (let i = 0; i < values.length; i++)
      if (values[i]!.type !== target.results[i]!.type)
        this.fail(`rule '${this.rule.name}' replaces a value of type ${target.results[i]!.type} with one of type ${values[i]!.type}`, at);
    if (values.every((v, i) => v === target.results[i])) return;
    this.rw.replaceOp(target, values);
  }

  private erase(target: Operation, at: Rule["span"]): void {
    if (target.parentBlock === null) return;
    if (target.results.some((r) => r.hasUses())) this.fail(`rule '${this.rule.name}' erases '${target.name}' whose results are still used`, at);
    this.rw.eraseOp(target);
  }

  private fail(message: string, at: Rule["span"]): never {
    throw new RewriteError(diag("PRR3023", message, at, [{ span: undefined, message: `while rewriting '${this.root.name}' at ${this.root.loc}` }]));
  }

  /** Inserts the pending top-level ops before the root, in the order they were built. */
  private flush(): void {
    const list = this.pending[0]!;
    for (const op of list) {
      this.rw.insert(op);
      this.flushed.push(op);
    }
    list.length = 0;
  }

  private abandon(): void {
    for (const list of this.pending) for (let i = list.length - 1; i >= 0; i--) list[i]!.dropAllReferences();
    for (let i = this.flushed.length - 1; i >= 0; i--) {
      const op = this.flushed[i]!;
      if (op.parentBlock !== null && !op.results.some((r) => r.hasUses())) this.rw.eraseOp(op);
    }
  }

  // ----- building -----

  private build(b: Build): Value[] {
    switch (b.kind) {
      case "value": {
        const x = this.env[b.slot];
        const all: readonly Value[] = b.varKind === "op" ? (x as Operation).results : b.varKind === "values" ? (x as Value[]) : [x as Value];
        if (b.index === undefined) return [...all];
        const v = all[b.index];
        if (v === undefined) throw new EvalFailure(`result #${b.index} does not exist`);
        return [v];
      }
      case "splice":
        return [...(this.env[b.slot] as Value[])];
      case "tuple":
        return b.items.flatMap((i) => this.build(i));
      case "op":
        return this.buildOp(b);
      case "template":
        return this.buildTemplate(b);
      case "native": {
        const args = b.args.map((a) => (isExpr(a) ? evaluate(a, this.env, this.rw.ctx) : valuesArg(this.build(a))));
        this.flush();
        this.rw.setInsertionPointBefore(this.root);
        this.rw.builder.defaultLoc = this.root.loc;
        const out = b.fn.fn(this.rw, args, this.root);
        this.rw.builder.defaultLoc = undefined;
        if (out === undefined) throw new EvalFailure(`native rewrite '${b.name}' did not apply`);
        return [...out];
      }
      case "expr":
        throw new EvalFailure("an attribute expression is not a value");
    }
  }

  private buildOp(b: BuildOp): Value[] {
    const ctx = this.rw.ctx;
    const groups = b.operands.map((o) => this.build(o));
    const operands = groups.flat();
    const props: NamedAttribute[] = [];
    const discardable: NamedAttribute[] = [];
    const explicitTypes = b.types?.map((t) => buildType(t, this.env, ctx));
    for (const a of b.attrs) {
      const v = evaluate(a.value, this.env, ctx);
      const spec = b.def.attributes?.[a.name];
      let attr;
      if (a.enumCases !== undefined && v.kind === "string" && spec !== undefined) {
        attr = enumAttr(ctx, spec, v.value);
        if (attr === undefined) throw new EvalFailure(`'${v.value}' is not a case of ${a.name}`);
      } else {
        const constType = b.def.traits.has("ConstantLike") && isConstantValueName(a.name) ? explicitTypes?.[0] : undefined;
        attr = toAttr(ctx, v, constType);
      }
      (spec !== undefined ? props : discardable).push({ name: a.name, value: attr });
    }
    if (b.grouped && b.def.traits.has("AttrSizedOperandSegments"))
      props.push({ name: "operandSegmentSizes", value: ctx.denseArray(ctx.integer(32), groups.map((g) => g.length)) });
    for (const [name, spec] of defaultedAttributes(b.def))
      if (!props.some((p) => p.name === name)) props.push({ name, value: defaultValue(spec, ctx)! });
    const resultTypes = explicitTypes ?? this.inferTypes(b, operands, props);
    let regions: Region[] | undefined;
    if (b.region !== undefined) {
      const region = new Region();
      const block = region.addBlock(new Block());
      const argTypes = operands.map((o) => scalarOf(o.type));
      if (argTypes.length !== b.region.argSlots.length)
        throw new EvalFailure(`the region of '${b.name}' has ${b.region.argSlots.length} arguments but the op has ${argTypes.length} operands`);
      b.region.argSlots.forEach((slot, i) => (this.env[slot] = block.addArgument(argTypes[i]!)));
      this.pending.push([]);
      const yielded = b.region.body.flatMap((x) => this.build(x));
      const body = this.pending.pop()!;
      for (const op of body) block.append(op);
      const terminator = Op.create(ctx, { name: b.region.yieldOp, operands: yielded, loc: undefined });
      terminator.inheritLocation(this.root);
      block.append(terminator);
      regions = [region];
    }
    const op = Op.create(ctx, {
      name: b.name,
      def: b.def,
      operands,
      resultTypes,
      properties: ctx.dictionary(props),
      attributes: ctx.dictionary(discardable),
      regions: regions ?? (b.def.regions ?? 0),
      loc: undefined,
    });
    op.inheritLocation(this.root);
    this.pending[this.pending.length - 1]!.push(op);
    if (b.resultIndex !== undefined) {
      const r = op.results[b.resultIndex];
      if (r === undefined) throw new EvalFailure(`'${b.name}' has no result #${b.resultIndex}`);
      return [r];
    }
    return [...op.results];
  }

  private inferTypes(b: BuildOp, operands: readonly Value[], props: readonly NamedAttribute[]): Type[] {
    const def = b.def;
    const n = def.results?.length ?? 0;
    if (n === 0) return [];
    const attr = (name: string) => props.find((p) => p.name === name)?.value;
    const inferred = def.inferResultTypes?.(this.rw.ctx, operands.map((o) => o.type), attr);
    if (inferred !== undefined) return inferred;
    if (def.traits.has("SameOperandsAndResultType") && operands[0] !== undefined) return Array.from({ length: n }, () => operands[0]!.type);
    const value = props.find((p) => isConstantValueName(p.name))?.value;
    if (def.traits.has("ConstantLike") && value !== undefined && "type" in value) return [(value as unknown as { type: Type }).type];
    const tensors = operands.filter((o) => o.type instanceof RankedTensorType);
    if (def.dialect === "linalg" && tensors.length > 0) {
      const inits = operands.slice(operands.length - n).filter((o) => o.type instanceof ShapedType);
      if (inits.length === n) return inits.map((o) => o.type);
    }
    throw new EvalFailure(`cannot infer the result types of '${b.name}'`);
  }

  private buildTemplate(b: Extract<Build, { kind: "template" }>): Value[] {
    const ctx = this.rw.ctx;
    let text = "";
    let last = 0;
    const bound: [string, Value][] = [];
    for (const h of b.holes) {
      text += b.text.slice(last, h.start);
      last = h.end;
      if (h.expr.kind === "var" && (h.expr.varKind === "value" || h.expr.varKind === "op")) {
        const v = h.expr.varKind === "op" ? (this.env[h.expr.slot] as Operation).results[0]! : (this.env[h.expr.slot] as Value);
        const name = `%__hole${h.expr.slot}`;
        if (!bound.some(([n]) => n === name)) bound.push([name, v]);
        text += name;
      } else if (h.expr.kind === "var" && h.expr.varKind === "values") {
        const vs = this.env[h.expr.slot] as Value[];
        text += vs
          .map((v, i) => {
            const name = `%__hole${h.expr.kind === "var" ? h.expr.slot : 0}_${i}`;
            if (!bound.some(([n]) => n === name)) bound.push([name, v]);
            return name;
          })
          .join(", ");
      } else {
        text += holeText(evaluate(h.expr, this.env, ctx));
      }
    }
    text += b.text.slice(last);
    const line = b.span.file.position(b.textStart).line;
    const file = new SourceFile(b.span.file.path, text, line - 1);
    const block = new Block();
    try {
      const p = new Parser(ctx, file);
      p.pushValueScope(true);
      for (const [name, v] of bound) p.defineValues(name, [v], b.span);
      while (!p.is(Tok.eof)) p.parseOperation(block);
      p.popValueScope();
    } catch (e) {
      if (e instanceof DiagnosticError) {
        const d = e.diagnostics[0]!;
        throw new RewriteError(diag("PRR3023", `in the MLIR template of rule '${this.rule.name}': ${d.message}`, d.span ?? b.span, [{ span: b.span, message: "template here" }]));
      }
      throw e;
    }
    const ops = [...block.ops()];
    for (const op of ops) {
      block.remove(op);
      op.inheritLocation(this.root);
      this.pending[this.pending.length - 1]!.push(op);
    }
    const lastOp = ops[ops.length - 1];
    return lastOp === undefined ? [] : [...lastOp.results];
  }
}

/** Native rewrite arguments are either expressions (attributes, types) or builds (values). */
function isExpr(a: Build | Expr): a is Expr {
  return a.kind === "lit" || a.kind === "binary" || a.kind === "unary" || a.kind === "call" || a.kind === "type" || a.kind === "var";
}

function valuesArg(vs: Value[]): EvalValue {
  return vs.length === 1 ? { kind: "value", value: vs[0]! } : { kind: "values", values: vs };
}

/** Text for a non-value hole: attributes and types print as MLIR does, dims as numbers. */
function holeText(v: EvalValue): string {
  if (v.kind === "int" || v.kind === "float") return String(v.value);
  if (v.kind === "type") return String(v.type);
  if (v.kind === "attr") return String(v.attr);
  return describe(v);
}

/** What an application did: the ops it inserted and the values that replaced the root. */
export interface Applied {
  readonly inserted: readonly Operation[];
  readonly replacement: readonly Value[];
}

/** Applies a matched rule; undefined when an attribute computation or a native rewrite declined. */
export function applyRule(rule: Rule, env: Binding[], root: Operation, rw: Rewriter): Applied | undefined {
  const forwarded = forwardedValue(rule, env, root);
  if (forwarded !== undefined) {
    // `=> x` with x a matched value of the root's type: the most common rewrite, done directly.
    const replacement = [forwarded];
    rw.replaceOp(root, replacement);
    return { inserted: noOps, replacement };
  }
  const a = new Application(rule, env, root, rw);
  return a.run() ? { inserted: a.inserted, replacement: a.replacement } : undefined;
}

const noOps: readonly Operation[] = Object.freeze([]);

/**
 * The value a rule of the form `=> x` replaces its single-result root with, when it can do so
 * without building anything; undefined for every other rewrite (and for the error cases, which the
 * general path reports).
 */
function forwardedValue(rule: Rule, env: Binding[], root: Operation): Value | undefined {
  const r = rule.rewrite.result;
  if (r === undefined || r.kind !== "value" || r.varKind !== "value" || r.index !== undefined || rule.rewrite.statements.length > 0) return undefined;
  const v = env[r.slot] as Value | undefined;
  if (v === undefined || root.results.length !== 1) return undefined;
  const result = root.results[0]!;
  return v !== result && v.type === result.type ? v : undefined;
}
