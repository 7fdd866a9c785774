// Test fixtures: a TRS from ARI text, terms written as S-expressions over its bank, and printing.
import { parseTrs } from "../../grammar/trs/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { formatDiagnostic } from "../../engine/support/diagnostics.ts";
import { trsFromProblem, type Trs } from "../../engine/check/trs/trs.ts";
import { printTerm, type Term } from "../../engine/check/trs/term.ts";
import type { TrsProblem } from "../../grammar/trs/ast.ts";

export function problem(text: string): TrsProblem {
  const r = parseTrs(new SourceFile("t.ari", text.includes("(format") ? text : `(format TRS)\n${text}`));
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.problem;
}

export function system(text: string): Trs {
  return trsFromProblem(problem(text));
}

/** Reads `(f x (g a))`; declared symbols are functions, other atoms variables. */
export function term(trs: Trs, text: string): Term {
  const tokens = text.match(/[()]|[^\s()]+/g) ?? [];
  let i = 0;
  const read = (): Term => {
    const tok = tokens[i++]!;
    if (tok !== "(") {
      const f = trs.bank.symbolOf(tok);
      return f === undefined ? trs.bank.variable(tok) : trs.bank.app(f, []);
    }
    const f = trs.bank.symbolOf(tokens[i++]!)!;
    const args: Term[] = [];
    while (tokens[i] !== ")") args.push(read());
    i++;
    return trs.bank.app(f, args);
  };
  return read();
}

export function show(trs: Trs, t: Term): string {
  return printTerm(trs.bank, t);
}
