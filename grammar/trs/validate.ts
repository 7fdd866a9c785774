// Checks shared by the ARI and COPS readers: the variable conditions on rules, and
// turning an ohm match failure into a spanned syntax diagnostic.
import type { FailedMatchResult } from "ohm-js";
import type { RuleSyntax, TermSyntax, TrsProblem } from "./ast.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";
import { span, type SourceFile } from "../../engine/support/source.ts";

export type ParseResult =
  | { readonly ok: true; readonly problem: TrsProblem }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Deeper nesting than this would exhaust the stack of the recursive-descent parser. */
export const MAX_NESTING = 450;

/** A diagnostic at the first parenthesis nested deeper than MAX_NESTING (`;` comments skipped when `comments`). */
export function nestingTooDeep(file: SourceFile, comments: boolean): Diagnostic | undefined {
  const text = file.text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comments && c === ";") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "(" && ++depth > MAX_NESTING)
      return diag("PRR5006", `terms nested more than ${MAX_NESTING} deep are not supported`, span(file, i, i + 1));
    else if (c === ")") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** A syntax error at the rightmost position the grammar could not get past. */
export function syntaxError(file: SourceFile, match: FailedMatchResult): Diagnostic {
  const pos = match.getRightmostFailurePosition();
  const end = Math.min(file.text.length, pos + tokenLength(file.text, pos));
  const found = pos >= file.text.length ? "end of input" : `'${file.text.slice(pos, end)}'`;
  return diag("PRR5001", `expected ${match.getExpectedText()}, found ${found}`, span(file, pos, end));
}

function tokenLength(text: string, pos: number): number {
  const m = /^(?:[()]|[^\s()]+)/.exec(text.slice(pos, pos + 80));
  return m ? m[0].length : 1;
}

export function varsOf(t: TermSyntax, out: Map<string, TermSyntax> = new Map()): Map<string, TermSyntax> {
  if (t.kind === "var") {
    if (!out.has(t.name)) out.set(t.name, t);
  } else for (const a of t.args) varsOf(a, out);
  return out;
}

/** Left-hand sides are not variables; right-hand sides use only variables of their left-hand side. */
export function validateRules(rules: readonly RuleSyntax[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of rules) {
    if (r.lhs.kind === "var") {
      out.push(diag("PRR5004", `the left-hand side of a rule must not be a variable ('${r.lhs.name}')`, r.lhs.span));
      continue;
    }
    const lhsVars = varsOf(r.lhs);
    for (const [name, occ] of varsOf(r.rhs)) {
      if (lhsVars.has(name)) continue;
      const message = `variable '${name}' of the right-hand side does not occur in the left-hand side`;
      out.push(diag("PRR5004", message, occ.span, [{ span: r.lhs.span, message: "left-hand side" }]));
    }
  }
  return out;
}
