// The TextMate grammar of .prr (tools/editors/prr.tmLanguage.json): its regexes compile and stay
// in the Oniguruma/JavaScript common subset, every token of a sample gets a scope, and the
// constructs that matter get the right one; the VS Code manifest points at it.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { prrLexer } from "../../grammar/prr/tokens.ts";
import { compile, tokenize, type Grammar, type GrammarRule } from "./textmate.ts";

const editors = path.join(import.meta.dirname, "..", "..", "tools", "editors");
const grammar = JSON.parse(fs.readFileSync(path.join(editors, "prr.tmLanguage.json"), "utf8")) as Grammar;

const sample = `// addi(x, 0) -> x
import "other.prr"
pipeline default = canonicalize, cse
ruleset arith-canonicalize {
  budget iterations 10 rewrites 1000
  /* block comment */
  rule addi_zero priority 2: arith.addi(x, arith.constant(0x1F)) where c > 2.5e-3, true => x
  rule mm: linalg.matmul(a : tensor<MxKxE>, b : i32) => { let y = arith.addi(a, b); replace c with y; y }
  rule tpl: n@arith.addi(xs...)#1 => mlir """ %0 = arith.addi $x, \${c + 1} : i32 """
  rule m: linalg.map(x) ^(a) { native foo(a) } => -x ~ !y && z | w << 1
  test t1 {
    input """
      func.func @f() { return }
    """
    check """
      CHECK: foo
    """
  }
}
`;
const lines = sample.split("\n");
const scopes = tokenize(grammar, sample);

/** The scopes of the first character of the `nth` occurrence of `needle` in the sample. */
function scopesOf(needle: string, nth = 0): string[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = sample.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' is not in the sample`);
  const line = sample.slice(0, at).split("\n").length - 1;
  const col = at - (sample.lastIndexOf("\n", at - 1) + 1);
  return scopes[line]![col]!;
}

function allRules(rules: readonly GrammarRule[]): GrammarRule[] {
  return rules.flatMap((r) => [r, ...allRules(r.patterns ?? [])]);
}

describe("prr.tmLanguage.json", () => {
  const rules = allRules([...grammar.patterns, ...Object.values(grammar.repository)]);

  it("has regexes that compile in JavaScript and use no Oniguruma-only syntax", () => {
    const sources = rules.flatMap((r) => [r.match, r.begin, r.end].filter((s): s is string => s !== undefined));
    expect(sources.length).toBeGreaterThan(30);
    for (const s of sources) {
      expect(() => compile(s), s).not.toThrow();
      expect(s, s).not.toMatch(/\\[hHAzZG]|\(\?[imx]+[):]|[*+?}]\+|\\p\{/);
    }
  });

  it("resolves every include", () => {
    for (const r of rules) if (r.include?.startsWith("#")) expect(grammar.repository[r.include.slice(1)], r.include).toBeDefined();
  });

  it("gives every token of the sample a scope of its own", () => {
    const { tokens } = prrLexer().tokenize(sample);
    for (const t of tokens) {
      const line = sample.slice(0, t.startOffset).split("\n").length - 1;
      const col = t.startOffset - (sample.lastIndexOf("\n", t.startOffset - 1) + 1);
      expect(scopes[line]![col]!.length, `'${t.image}' at ${line + 1}:${col + 1}: ${lines[line]}`).toBeGreaterThan(1);
    }
  });

  it("scopes the constructs of the language", () => {
    const expected: [string, string, number?][] = [
      ["// addi", "comment.line.double-slash.prr"],
      ["/* block", "comment.block.prr"],
      ["import", "keyword.control.import.prr"],
      ['"other.prr"', "string.quoted.double.prr"],
      ["ruleset", "keyword.declaration.ruleset.prr"],
      ["arith-canonicalize", "entity.name.type.ruleset.prr"],
      ["default", "entity.name.type.pipeline.prr"],
      ["budget", "keyword.other.prr"],
      ["addi_zero", "entity.name.function.rule.prr"],
      ["priority", "keyword.other.prr"],
      ["arith.addi", "entity.name.function.op.prr"],
      ["0x1F", "constant.numeric.hex.prr"],
      ["2.5e-3", "constant.numeric.float.prr"],
      ["1000", "constant.numeric.integer.prr"],
      ["where", "keyword.control.prr"],
      ["true", "constant.language.boolean.prr"],
      ["=>", "keyword.operator.arrow.prr"],
      ["tensor<MxKxE>", "storage.type.shaped.prr"],
      ["i32", "storage.type.builtin.prr"],
      ["let", "keyword.control.prr"],
      ["replace", "keyword.control.prr"],
      ["n@", "variable.other.binding.prr"],
      ["...", "keyword.operator.variadic.prr"],
      ["#1", "keyword.operator.result.prr"],
      ["mlir", "keyword.other.prr"],
      ["%0 = arith", "meta.embedded.block.mlir"],
      ["$x", "variable.other.hole.prr"],
      ["c + 1", "meta.interpolation.prr"],
      ["^(a)", "keyword.operator.region.prr"],
      ["foo(a)", "support.function.native.prr"],
      ["<< 1", "keyword.operator.bitwise.prr"],
      ["&&", "keyword.operator.logical.prr"],
      ["t1", "entity.name.function.test.prr"],
      ["input", "keyword.other.prr"],
      ["func.func @f", "meta.embedded.block.mlir"],
      ["return }", "meta.embedded.block.mlir"],
      ["CHECK:", "keyword.other.filecheck.prr"],
      ["CHECK:", "string.quoted.triple.filecheck.prr"],
    ];
    for (const [needle, scope, nth] of expected) expect(scopesOf(needle, nth), needle).toContain(scope);
    // Text blocks end where their quotes close: the rule set's `}` is code again.
    expect(scopes[lines.length - 2]![0]).toEqual(["source.prr", "punctuation.section.bracket.prr"]);
  });
});

describe("the VS Code extension manifest", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(editors, "vscode", "package.json"), "utf8")) as {
    contributes: { languages: { id: string; extensions: string[] }[]; grammars: { language: string; scopeName: string; path: string }[] };
  };

  it("contributes the prr language and a grammar that resolves to prr.tmLanguage.json", () => {
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "prr", extensions: [".prr"] });
    const g = manifest.contributes.grammars[0]!;
    expect(g).toMatchObject({ language: "prr", scopeName: grammar.scopeName });
    const target = path.join(editors, "vscode", g.path);
    expect(fs.realpathSync(target)).toBe(fs.realpathSync(path.join(editors, "prr.tmLanguage.json")));
  });
});
