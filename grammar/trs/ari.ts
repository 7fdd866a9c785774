// Reads an ARI file (`(format TRS)`) into a TrsProblem: undeclared atoms are variables,
// declared symbols must be applied to exactly their arity; every error is a spanned diagnostic.
import type { Node } from "ohm-js";
import { ariGrammar } from "./ari-grammar.ts";
import type { FunSyntax, RuleSyntax, TermSyntax, TrsProblem } from "./ast.ts";
import { validateRules, syntaxError, type ParseResult } from "./validate.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";
import { span, type SourceFile, type Span } from "../../engine/support/source.ts";

/** A term as written, before atoms are sorted into constants and variables. */
interface RawTerm {
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly RawTerm[] | undefined;
  readonly span: Span;
}

interface RawProblem {
  readonly format: { name: string; span: Span };
  readonly funs: FunSyntax[];
  readonly rules: { lhs: RawTerm; rhs: RawTerm; span: Span }[];
}

const semantics = ariGrammar.createSemantics().addOperation<unknown>("raw(file)", {
  Problem(format: Node, decls: Node): RawProblem {
    const problem: RawProblem = { format: format["raw"](this.args.file), funs: [], rules: [] };
    for (const d of decls.children) {
      const item = d["raw"](this.args.file);
      if ("arity" in item) problem.funs.push(item);
      else problem.rules.push(item);
    }
    return problem;
  },
  Head(format: Node, _rest: Node) {
    return format["raw"](this.args.file);
  },
  Format(_open: Node, _kw: Node, name: Node, args: Node, _close: Node) {
    const file = this.args.file;
    const extra = args.children.length > 0 ? span(file, args.source.startIdx, args.source.endIdx) : undefined;
    return { name: name["raw"](file), span: at(file, name), extra };
  },
  Decl(d: Node) {
    return d["raw"](this.args.file);
  },
  Fun(_open: Node, _kw: Node, name: Node, arity: Node, _close: Node): FunSyntax {
    return { name: name["raw"](this.args.file), arity: Number(arity.sourceString), span: at(this.args.file, this) };
  },
  Rule(_open: Node, _kw: Node, lhs: Node, rhs: Node, _close: Node) {
    const file = this.args.file;
    return { lhs: lhs["raw"](file), rhs: rhs["raw"](file), span: at(file, this) };
  },
  Term_atom(name: Node): RawTerm {
    const s = at(this.args.file, this);
    return { name: name["raw"](this.args.file), nameSpan: s, args: undefined, span: s };
  },
  Term_app(_open: Node, name: Node, args: Node, _close: Node): RawTerm {
    const file = this.args.file;
    const args_ = args.children.map((a) => a["raw"](file) as RawTerm);
    return { name: name["raw"](file), nameSpan: at(file, name), args: args_, span: at(file, this) };
  },
  ident_quoted(_open: Node, chars: Node, _close: Node) {
    return chars.sourceString;
  },
  ident_plain(_chars: Node) {
    return this.sourceString;
  },
});

function at(file: SourceFile, node: Node): Span {
  return span(file, node.source.startIdx, node.source.endIdx);
}

/** Parses an ARI-format TRS. */
export function parseAri(file: SourceFile): ParseResult {
  const head = ariGrammar.match(file.text, "Head");
  if (head.failed()) return { ok: false, diagnostics: [syntaxError(file, head)] };
  const format = semantics(head)["raw"](file) as { name: string; span: Span; extra: Span | undefined };
  if (format.name !== "TRS" || format.extra) {
    const what = format.extra ? format.extra.file.text.slice(format.extra.start, format.extra.end) : format.name;
    const message =
      `format '${format.name !== "TRS" ? format.name : `TRS ${what}`}' is not supported: prr check --trs reads ` +
      `one first-order unconditional term rewriting system, '(format TRS)'`;
    return { ok: false, diagnostics: [diag("PRR5002", message, format.name !== "TRS" ? format.span : format.extra)] };
  }
  const match = ariGrammar.match(file.text, "Problem");
  if (match.failed()) return { ok: false, diagnostics: [syntaxError(file, match)] };
  const raw = semantics(match)["raw"](file) as RawProblem;
  return resolve(raw, readMeta(file.text));
}

function resolve(raw: RawProblem, meta: Map<string, string>): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const arity = new Map<string, FunSyntax>();
  for (const f of raw.funs) {
    const prior = arity.get(f.name);
    if (prior) {
      const note = { span: prior.span, message: `'${f.name}' was first declared here` };
      diagnostics.push(diag("PRR5005", `function symbol '${f.name}' is declared twice`, f.span, [note]));
    } else arity.set(f.name, f);
  }
  const term = (t: RawTerm): TermSyntax => {
    const fun = arity.get(t.name);
    if (!fun) {
      if (!t.args) return { kind: "var", name: t.name, span: t.span };
      diagnostics.push(diag("PRR5003", `'${t.name}' is applied but not declared with (fun ${t.name} N)`, t.nameSpan));
      return { kind: "app", name: t.name, args: t.args.map(term), span: t.span };
    }
    const args = (t.args ?? []).map(term);
    if (args.length !== fun.arity) {
      const note = { span: fun.span, message: `'${fun.name}' is declared here with arity ${fun.arity}` };
      const message = `'${fun.name}' takes ${fun.arity} argument${fun.arity === 1 ? "" : "s"}, but is given ${args.length}`;
      diagnostics.push(diag("PRR5003", message, t.span, [note]));
    }
    return { kind: "app", name: t.name, args, span: t.span };
  };
  const rules: RuleSyntax[] = raw.rules.map((r) => ({ lhs: term(r.lhs), rhs: term(r.rhs), span: r.span }));
  diagnostics.push(...validateRules(rules));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const problem: TrsProblem = { format: "ari", funs: raw.funs, rules, meta };
  return { ok: true, problem };
}

/** `; @key value` lines; repeated keys keep every value, joined by newlines. */
function readMeta(text: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of text.matchAll(/^; @(\S+) ?(.*)$/gm)) {
    const key = m[1]!;
    const prior = meta.get(key);
    meta.set(key, prior === undefined ? m[2]! : `${prior}\n${m[2]!}`);
  }
  return meta;
}
