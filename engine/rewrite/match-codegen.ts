// Compiles a rule variant's pattern into a JavaScript function that matches it with straight-line
// code (as ISLE compiles rules to Rust): names, operand structure, bindings and attribute keys are
// checked inline; type patterns, variadic operand lists and regions call the general matcher.
import type { Operation } from "../ir/operation.ts";
import type { Binding } from "./evaluate.ts";
import type { OpPat, TypePat, ValuePat } from "./rule.ts";
import { matchOp, matchType } from "./match.ts";
import { attrKey } from "./literal-key.ts";

export type CompiledMatcher = (op: Operation, env: Binding[]) => boolean;

/** The matcher of `p`, equivalent to `matchOp(p, op, env)` on a cleared `env`. */
export function compileMatcher(p: OpPat): CompiledMatcher {
  const gen = new MatcherCode();
  gen.op(p, "op");
  const body = `${gen.lines.join("\n")}\nreturn true;`;
  const factory = new Function("P", "T", "matchOp", "matchType", "attrKey", `return function match(op, env) {\n${body}\n};`) as (
    ...helpers: [readonly OpPat[], readonly TypePat[], typeof matchOp, typeof matchType, typeof attrKey]
  ) => CompiledMatcher;
  return factory(gen.patterns, gen.types, matchOp, matchType, attrKey);
}

class MatcherCode {
  readonly lines: string[] = [];
  /** Sub-patterns handed to the general matcher, by index. */
  readonly patterns: OpPat[] = [];
  /** Type patterns checked by matchType, by index. */
  readonly types: TypePat[] = [];
  private next = 0;

  private fresh(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  private fail(condition: string): void {
    this.lines.push(`if (${condition}) return false;`);
  }

  /** Binds `slot` to the value of expression `x`, or checks it equals what is bound there. */
  private bind(slot: number, x: string): void {
    const e = this.fresh("e");
    this.lines.push(`const ${e} = env[${slot}];`, `if (${e} === undefined) env[${slot}] = ${x}; else if (${e} !== ${x}) return false;`);
  }

  private type(t: TypePat, x: string): void {
    if (t.kind === "var") return this.bind(t.slot, x);
    this.types.push(t);
    this.fail(`!matchType(T[${this.types.length - 1}], ${x}, env)`);
  }

  /** Code matching OpPat `p` against the op in variable `o`. */
  op(p: OpPat, o: string): void {
    if (p.variadic !== undefined || p.region !== undefined) {
      // Rare shapes: the general matcher does the whole sub-pattern.
      this.patterns.push(p);
      this.fail(`!matchOp(P[${this.patterns.length - 1}], ${o}, env)`);
      return;
    }
    this.fail(p.anyConstant ? `!${o}.hasTrait("ConstantLike")` : `${o}.name !== ${JSON.stringify(p.name)}`);
    if (p.opSlot >= 0) this.bind(p.opSlot, o);
    const operands = this.fresh("os");
    this.lines.push(`const ${operands} = ${o}.operands;`);
    this.fail(`${operands}.length !== ${p.operands.length}`);
    p.operands.forEach((q, i) => {
      const v = this.fresh("v");
      this.lines.push(`const ${v} = ${operands}[${i}].value;`);
      this.value(q, v);
    });
    for (const a of p.attrs) {
      const m = a.match;
      const x = this.fresh("a");
      this.lines.push(`const ${x} = ${o}.getAttr(${JSON.stringify(a.name)});`);
      if (m.kind === "absent") this.fail(`${x} !== undefined`);
      else if (m.kind === "literal") this.fail(m.key === undefined ? "true" : `${x} === undefined || attrKey(${x}) !== ${JSON.stringify(m.key)}`);
      else {
        this.fail(`${x} === undefined`);
        this.bind(m.slot, x);
      }
    }
    if (p.resultTypes !== undefined) {
      const results = this.fresh("rs");
      this.lines.push(`const ${results} = ${o}.results;`);
      this.fail(`${results}.length !== ${p.resultTypes.length}`);
      p.resultTypes.forEach((t, i) => this.type(t, `${results}[${i}].type`));
    }
  }

  private value(q: ValuePat, v: string): void {
    if (q.kind === "any") {
      if (q.slot >= 0) this.bind(q.slot, v);
      if (q.type !== undefined) this.type(q.type, `${v}.type`);
      return;
    }
    const d = this.fresh("d");
    this.lines.push(`const ${d} = ${v}.definingOp;`);
    this.fail(`${d} === null || ${v}.index !== ${q.resultIndex}`);
    this.op(q, d);
  }
}
