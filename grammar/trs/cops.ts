// Reads a COPS/TPDB file (`(VAR ...)(RULES ...)`) into a TrsProblem: symbols not listed in VAR
// are function symbols whose arity is fixed by SIG or by their first use.
import type { Node } from "ohm-js";
import { copsGrammar } from "./cops-grammar.ts";
import type { FunSyntax, RuleSyntax, TermSyntax, TrsProblem } from "./ast.ts";
import { validateRules, syntaxError, type ParseResult } from "./validate.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";
import { span, type SourceFile, type Span } from "../../engine/support/source.ts";

interface RawTerm {
  readonly name: string;
  readonly nameSpan: Span;
  /** `undefined` for a bare identifier, `[]` for `c()`. */
  readonly args: readonly RawTerm[] | undefined;
  readonly span: Span;
}

type Section =
  | { kind: "var"; names: string[] }
  | { kind: "sig"; funs: FunSyntax[] }
  | { kind: "rules"; rules: { lhs: RawTerm; rhs: RawTerm; span: Span; condition: Span | undefined }[] }
  | { kind: "comment"; text: string }
  | { kind: "unsupported"; name: string; span: Span };

const semantics = copsGrammar.createSemantics().addOperation<unknown>("raw(file)", {
  Problem(sections: Node): Section[] {
    return sections.children.map((s) => s["raw"](this.args.file));
  },
  Section_var(_o: Node, _kw: Node, names: Node, _c: Node): Section {
    return { kind: "var", names: names.children.map((n) => n.sourceString) };
  },
  Section_sig(_o: Node, _kw: Node, entries: Node, _c: Node): Section {
    return { kind: "sig", funs: entries.children.map((e) => e["raw"](this.args.file)) };
  },
  Section_rules(_o: Node, _kw: Node, rules: Node, _c: Node): Section {
    return { kind: "rules", rules: rules.children.map((r) => r["raw"](this.args.file)) };
  },
  Section_comment(_o: Node, _kw: Node, items: Node, _c: Node): Section {
    return { kind: "comment", text: items.sourceString.trim() };
  },
  Section_conditiontype(_o: Node, kw: Node, _args: Node, _c: Node): Section {
    return { kind: "unsupported", name: "CONDITIONTYPE", span: at(this.args.file, kw) };
  },
  Section_other(_o: Node, name: Node, _args: Node, _c: Node): Section {
    return { kind: "unsupported", name: name.sourceString, span: at(this.args.file, name) };
  },
  SigEntry(_o: Node, name: Node, arity: Node, _c: Node): FunSyntax {
    return { name: name.sourceString, arity: Number(arity.sourceString), span: at(this.args.file, this) };
  },
  Rule(lhs: Node, _arrow: Node, rhs: Node, condition: Node) {
    const file = this.args.file;
    const cond = condition.children[0];
    return { lhs: lhs["raw"](file), rhs: rhs["raw"](file), span: at(file, this), condition: cond && at(file, cond) };
  },
  Term_app(name: Node, _o: Node, args: Node, _c: Node): RawTerm {
    const file = this.args.file;
    const list = args.asIteration().children.map((a) => a["raw"](file) as RawTerm);
    return { name: name.sourceString, nameSpan: at(file, name), args: list, span: at(file, this) };
  },
  Term_atom(name: Node): RawTerm {
    const s = at(this.args.file, this);
    return { name: name.sourceString, nameSpan: s, args: undefined, span: s };
  },
});

function at(file: SourceFile, node: Node): Span {
  return span(file, node.source.startIdx, node.source.endIdx);
}

/** Parses a COPS-format TRS. */
export function parseCops(file: SourceFile): ParseResult {
  const match = copsGrammar.match(file.text, "Problem");
  if (match.failed()) return { ok: false, diagnostics: [syntaxError(file, match)] };
  const sections = semantics(match)["raw"](file) as Section[];
  const diagnostics: Diagnostic[] = [];
  const vars = new Set<string>();
  const funs = new Map<string, FunSyntax>();
  const raws: { lhs: RawTerm; rhs: RawTerm; span: Span }[] = [];
  const meta = new Map<string, string>();
  for (const s of sections) {
    if (s.kind === "var") for (const n of s.names) vars.add(n);
    else if (s.kind === "sig") for (const f of s.funs) declare(funs, f, diagnostics);
    else if (s.kind === "comment") meta.set("comment", s.text);
    else if (s.kind === "unsupported") {
      const what = s.name === "CONDITIONTYPE" ? "conditional rewriting" : `section '${s.name}'`;
      diagnostics.push(diag("PRR5002", `${what} is not supported: prr check --trs reads unconditional TRSs`, s.span));
    } else
      for (const r of s.rules) {
        if (r.condition) diagnostics.push(diag("PRR5002", "conditional rules are not supported", r.condition));
        else raws.push(r);
      }
  }
  const term = (t: RawTerm): TermSyntax => {
    if (vars.has(t.name)) {
      if (t.args) diagnostics.push(diag("PRR5003", `variable '${t.name}' cannot take arguments`, t.span));
      return { kind: "var", name: t.name, span: t.span };
    }
    const args = (t.args ?? []).map(term);
    const fun = funs.get(t.name);
    if (!fun) funs.set(t.name, { name: t.name, arity: args.length, span: t.nameSpan });
    else if (fun.arity !== args.length) {
      const note = { span: fun.span, message: `'${t.name}' has arity ${fun.arity} here` };
      diagnostics.push(
        diag("PRR5003", `'${t.name}' is used with ${args.length} argument${args.length === 1 ? "" : "s"}`, t.span, [
          note,
        ]),
      );
    }
    return { kind: "app", name: t.name, args, span: t.span };
  };
  const rules: RuleSyntax[] = raws.map((r) => ({ lhs: term(r.lhs), rhs: term(r.rhs), span: r.span }));
  diagnostics.push(...validateRules(rules));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const problem: TrsProblem = { format: "cops", funs: [...funs.values()], rules, meta };
  return { ok: true, problem };
}

function declare(funs: Map<string, FunSyntax>, f: FunSyntax, out: Diagnostic[]): void {
  const prior = funs.get(f.name);
  if (!prior) funs.set(f.name, f);
  else
    out.push(
      diag("PRR5005", `function symbol '${f.name}' is declared twice`, f.span, [
        { span: prior.span, message: "first declared here" },
      ]),
    );
}
