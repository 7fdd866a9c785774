// The ARI and COPS readers: accepted syntax, the resulting rules, and diagnostics with codes
// at the right file:line:col.
import { describe, expect, it } from "vitest";
import { parseTrs } from "../../grammar/trs/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { formatDiagnostic } from "../../engine/support/diagnostics.ts";
import type { TermSyntax } from "../../grammar/trs/ast.ts";

function parse(text: string, path = "t.ari") {
  return parseTrs(new SourceFile(path, text));
}

function show(t: TermSyntax): string {
  return t.kind === "var" ? `?${t.name}` : t.args.length === 0 ? t.name : `${t.name}(${t.args.map(show).join(",")})`;
}

function rules(text: string): string[] {
  const r = parse(text);
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.problem.rules.map((x) => `${show(x.lhs)} -> ${show(x.rhs)}`);
}

function errors(text: string, path = "t.ari"): string[] {
  const r = parse(text, path);
  if (r.ok) throw new Error("expected diagnostics");
  return r.diagnostics.map(formatDiagnostic);
}

describe("ARI format", () => {
  it("reads declarations, rules, comments and metadata; undeclared atoms are variables", () => {
    const text =
      "; @author A. Person\n; @cops 42\n(format TRS)\n(fun f 2) (fun a 0) ; the constant\n(rule (f x a) x)\n(rule a (f a a))\n";
    expect(rules(text)).toEqual(["f(?x,a) -> ?x", "a -> f(a,a)"]);
    const r = parse(text);
    expect(r.ok && r.problem.meta.get("cops")).toBe("42");
    expect(r.ok && r.problem.funs.map((f) => `${f.name}/${f.arity}`)).toEqual(["f/2", "a/0"]);
  });

  it("accepts symbols made of digits and operators, and quoted symbols", () => {
    expect(rules("(format TRS)\n(fun + 2)(fun 0 0)(fun |a b| 1)\n(rule (+ 0 y) (|a b| y))")).toEqual([
      "+(0,?y) -> a b(?y)",
    ]);
  });

  it("rejects other formats at the format name", () => {
    const [e] = errors("; c\n(format CTRS oriented)\n(fun f 1)\n(rule (f x) x (= x x))\n");
    expect(e).toMatch(/^t\.ari:2:9: error: format 'CTRS' is not supported.*\[PRR5002\]/);
  });

  it("rejects nesting deep enough to exhaust the parser's stack, with a diagnostic", () => {
    const deep = `${"(f ".repeat(2000)}a${")".repeat(2000)}`;
    const [e] = errors(`(format TRS)\n(fun f 1)(fun a 0)\n(rule ${deep} a)\n`);
    expect(e).toMatch(/^t\.ari:3:\d+: error: terms nested more than \d+ deep are not supported \[PRR5006\]/);
  });

  it("rejects format attributes (two systems for commutation) at the attributes", () => {
    const [e] = errors("(format TRS :number 2)\n(fun f 1)\n(rule (f x) x :index 1)\n");
    expect(e).toMatch(/^t\.ari:1:13: error: format 'TRS :number 2' is not supported.*\[PRR5002\]/);
  });

  it("reports syntax errors at the offending token", () => {
    const [e] = errors("(format TRS)\n(fun f 1)\n(rle (f x) x)\n");
    expect(e).toMatch(/^t\.ari:3:2: error: expected "rule" or "fun", found 'rle' \[PRR5001\]/);
    expect(errors("(format TRS)\n(rule (f x) x")[0]).toMatch(/^t\.ari:2:14: error: expected .*found end of input/);
  });

  it("checks arities, declarations and the variable conditions", () => {
    const es = errors(
      "(format TRS)\n(fun f 1)\n(rule (f x y) x)\n(rule (f x) y)\n(rule x (f x))\n(rule (g x) x)\n(fun f 1)\n",
    );
    expect(es.some((e) => /^t\.ari:3:7: error: 'f' takes 1 argument, but is given 2 \[PRR5003\]/.test(e))).toBe(true);
    expect(es.some((e) => /^t\.ari:4:13: error: variable 'y' of the right-hand side .*\[PRR5004\]/.test(e))).toBe(true);
    expect(
      es.some((e) => /^t\.ari:5:7: error: the left-hand side of a rule must not be a variable.*\[PRR5004\]/.test(e)),
    ).toBe(true);
    expect(es.some((e) => /^t\.ari:6:8: error: 'g' is applied but not declared.*\[PRR5003\]/.test(e))).toBe(true);
    expect(es.some((e) => /^t\.ari:7:1: error: function symbol 'f' is declared twice \[PRR5005\]/.test(e))).toBe(true);
  });
});

describe("COPS format", () => {
  it("reads VAR, RULES and COMMENT; symbols not in VAR are functions", () => {
    const text =
      "(VAR x y)\n(RULES\n  +(x, 0) -> x\n  +(x, s(y)) -> s(+(x, y))\n  c() -> c\n)\n(COMMENT from (the) literature)\n";
    expect(rules(text)).toEqual(["+(?x,0) -> ?x", "+(?x,s(?y)) -> s(+(?x,?y))", "c -> c"]);
    const r = parse(text);
    expect(r.ok && r.problem.meta.get("comment")).toBe("from (the) literature");
  });

  it("reads a SIG section", () => {
    const r = parse("(VAR x)(SIG (f 1) (h 1))(RULES f(x) -> x)");
    expect(r.ok && r.problem.funs.map((f) => f.name)).toEqual(["f", "h"]);
  });

  it("rejects conditional rules and unknown sections", () => {
    expect(errors("(VAR x)\n(RULES f(x) -> x | x == a)", "t.trs")[0]).toMatch(
      /^t\.trs:2:18: error: conditional rules are not supported \[PRR5002\]/,
    );
    expect(errors("(VAR x)\n(STRATEGY INNERMOST)\n(RULES f(x) -> x)", "t.trs")[0]).toMatch(
      /^t\.trs:2:2: error: section 'STRATEGY' is not supported/,
    );
  });

  it("reports inconsistent arities and syntax errors with positions", () => {
    expect(errors("(VAR x)\n(RULES f(x) -> x\n g(x) -> f(x, x))", "t.trs")[0]).toMatch(
      /^t\.trs:3:10: error: 'f' is used with 2 arguments \[PRR5003\]/,
    );
    expect(errors("(VAR x)\n(RULES f(x) -> \n)", "t.trs")[0]).toMatch(
      /^t\.trs:3:1: error: expected an identifier, found '\)' \[PRR5001\]/,
    );
  });
});
