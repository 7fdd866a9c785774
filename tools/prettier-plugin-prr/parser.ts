// The Prettier parser of the .prr plugin: parsePrr, with syntax errors thrown as one error that
// carries every diagnostic and the line/column of the first (Prettier prints a code frame).
import type { Parser } from "prettier";
import { parsePrr } from "../../grammar/prr/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import type { Diagnostic } from "../../engine/support/diagnostics.ts";
import type { PrrFile } from "../../grammar/prr/ast.ts";
import type { PrrNode } from "./nodes.ts";

/** A .prr file that does not parse; `diagnostics` holds all of its PRR3001 errors. */
export class PrrSyntaxError extends SyntaxError {
  readonly diagnostics: readonly Diagnostic[];
  readonly loc: { start: { line: number; column: number } } | undefined;
  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    const at = first?.span ? first.span.file.position(first.span.start) : undefined;
    super(`${first?.message ?? "syntax error"}${at ? ` (${at.line}:${at.col})` : ""}`);
    this.name = "PrrSyntaxError";
    this.diagnostics = diagnostics;
    this.loc = at ? { start: { line: at.line, column: at.col } } : undefined;
  }
}

export function parseForPrettier(text: string, filepath: string | undefined): PrrFile {
  const { ast, diagnostics } = parsePrr(new SourceFile(filepath ?? "<input>", text));
  if (ast === undefined || diagnostics.length > 0) throw new PrrSyntaxError(diagnostics);
  // Prettier names a comment it failed to print by its `value`.
  return { ...ast, comments: ast.comments.map((c) => ({ ...c, value: c.text })) };
}

export const prrParser: Parser<PrrNode> = {
  astFormat: "prr-ast",
  parse: (text, options) => parseForPrettier(text, options.filepath),
  locStart: (node) => node.span.start,
  locEnd: (node) => node.span.end,
};
