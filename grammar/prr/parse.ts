// Parses a .prr file into its AST: lexing and syntax errors become spanned diagnostics (PRR3001),
// all of them at once where Chevrotain can report them, never an exception.
import type { IToken } from "chevrotain";
import type { PrrFile, Comment, Expr } from "./ast.ts";
import { prrLexer } from "./tokens.ts";
import { prrParser } from "./parser.ts";
import { AstBuilder } from "./cst-to-ast.ts";
import { span, type SourceFile } from "../../engine/support/source.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";

export interface ParsedPrr {
  /** undefined when the file has syntax errors. */
  readonly ast: PrrFile | undefined;
  readonly diagnostics: Diagnostic[];
}

export function parsePrr(file: SourceFile): ParsedPrr {
  const lexed = prrLexer().tokenize(file.text);
  // The lexer tracks only start offsets (for speed); spans need the end offsets too.
  for (const t of lexed.tokens) t.endOffset = t.startOffset + t.image.length - 1;
  for (const t of (lexed.groups.comments ?? []) as IToken[]) t.endOffset = t.startOffset + t.image.length - 1;
  const diagnostics: Diagnostic[] = lexed.errors.map((e) =>
    diag("PRR3001", `unexpected character '${file.text.slice(e.offset, e.offset + e.length).slice(0, 1)}'`, span(file, e.offset, e.offset + 1)),
  );
  const comments: Comment[] = ((lexed.groups.comments ?? []) as IToken[]).map((t) => ({
    text: t.image,
    span: span(file, t.startOffset, (t.endOffset ?? t.startOffset) + 1),
  }));
  const parser = prrParser();
  parser.input = lexed.tokens;
  const cst = parser.file();
  for (const e of parser.errors) {
    const t = e.token;
    const at = t.tokenType.name === "EOF" ? span(file, file.text.length, file.text.length) : span(file, t.startOffset, (t.endOffset ?? t.startOffset) + 1);
    diagnostics.push(diag("PRR3001", syntaxMessage(e.message, t), at));
  }
  if (diagnostics.length > 0) return { ast: undefined, diagnostics };
  const builder = new AstBuilder(file);
  const ast = builder.build(cst, comments);
  return { ast: builder.diagnostics.length > 0 ? undefined : ast, diagnostics: builder.diagnostics };
}

/** Chevrotain's messages, shortened: "expected X, found 'y'". */
function syntaxMessage(message: string, t: IToken): string {
  const found = t.tokenType.name === "EOF" ? "end of file" : `'${t.image.length > 40 ? `${t.image.slice(0, 40)}…` : t.image}'`;
  const m = /Expecting (?:token of type --> (\w+) <--|--> (\w+) <--|one of these possible Token sequences:)/.exec(message);
  if (m && (m[1] || m[2])) return `expected ${describeToken(m[1] ?? m[2]!)}, found ${found}`;
  if (/one of these possible Token sequences/.test(message)) {
    const alts = [...message.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!.split(",")[0]!.trim()).filter(Boolean);
    if (alts.includes("IntLit") && alts.includes("OpName")) return `expected an expression, found ${found}`;
    if (alts.includes("Identifier") && alts.includes("order")) return `expected a name, found ${found}`;
    const uniq = [...new Set(alts.map(describeToken))];
    return `expected ${uniq.slice(0, 6).join(", ")}${uniq.length > 6 ? ", …" : ""}; found ${found}`;
  }
  return `unexpected ${found}`;
}

const tokenNames: Record<string, string> = {
  Identifier: "a name",
  OpName: "an op name (dialect.op)",
  IntLit: "an integer",
  FloatLit: "a number",
  StringLit: "a string",
  TextBlock: "a \"\"\"text block\"\"\"",
  ShapedType: "a shaped type",
  Arrow: "'=>'",
  Colon: "':'",
  Comma: "','",
  LParen: "'('",
  RParen: "')'",
  LBrace: "'{'",
  RBrace: "'}'",
  Assign: "'='",
  EOF: "end of file",
};

function describeToken(name: string): string {
  return tokenNames[name] ?? `'${name.replace(/^([A-Z])/, (c) => c.toLowerCase())}'`;
}

/**
 * Parses the expression at [start, end) of a .prr file (a `${...}` hole of an MLIR template), with
 * spans into the file; undefined with diagnostics when it is not one well-formed expression.
 */
export function parsePrrExpression(file: SourceFile, start: number, end: number): { expr: Expr | undefined; diagnostics: Diagnostic[] } {
  // Padding keeps every token's offset equal to its offset in the file.
  const text = " ".repeat(start) + file.text.slice(start, end);
  const lexed = prrLexer().tokenize(text);
  for (const t of lexed.tokens) t.endOffset = t.startOffset + t.image.length - 1;
  const diagnostics: Diagnostic[] = lexed.errors.map((e) => diag("PRR3001", "unexpected character in a template hole", span(file, e.offset, e.offset + 1)));
  const parser = prrParser();
  parser.input = lexed.tokens;
  const cst = parser.expr();
  for (const e of parser.errors) diagnostics.push(diag("PRR3001", `in a template hole: ${syntaxMessage(e.message, e.token)}`, span(file, start, end)));
  if (diagnostics.length > 0) return { expr: undefined, diagnostics };
  const builder = new AstBuilder(file);
  const expr = builder.expr(cst);
  return { expr: builder.diagnostics.length > 0 ? undefined : expr, diagnostics: builder.diagnostics };
}
