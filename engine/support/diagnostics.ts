// Diagnostics: one format everywhere (`path:line:col: error: message`, source line, underline,
// related notes), stable codes from codes.ts, and a JSON form for --json.
import type { Code } from "./codes.ts";
import type { Span } from "./source.ts";

export type Severity = "error" | "warning" | "note" | "remark";

export interface Note {
  readonly span: Span | undefined;
  readonly message: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: Code;
  readonly message: string;
  readonly span: Span | undefined;
  readonly notes: readonly Note[];
}

/** Thrown to abandon a stage after its diagnostics were collected; never reaches the user. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("\n"));
    this.diagnostics = diagnostics;
  }
}

export function diag(
  code: Code,
  message: string,
  span: Span | undefined,
  notes: readonly Note[] = [],
  severity: Severity = "error",
): Diagnostic {
  return { severity, code, message, span, notes };
}

function location(span: Span | undefined): string {
  if (!span) return "";
  const { line, col } = span.file.position(span.start);
  return `${span.file.path}:${line}:${col}: `;
}

function excerpt(span: Span | undefined): string {
  if (!span) return "";
  const { line, col } = span.file.position(span.start);
  const text = span.file.lineText(line);
  const endPos = span.file.position(Math.max(span.start, span.end));
  const endCol = endPos.line === line ? endPos.col : text.length + 1;
  const width = Math.max(1, endCol - col);
  const pad = text.slice(0, col - 1).replace(/[^\t]/g, " ");
  return `\n${text}\n${pad}^${"~".repeat(width - 1)}`;
}

/** Renders a diagnostic as the human-readable text STYLE.md prescribes. */
export function formatDiagnostic(d: Diagnostic): string {
  let out = `${location(d.span)}${d.severity}: ${d.message} [${d.code}]${excerpt(d.span)}`;
  for (const n of d.notes) out += `\n${location(n.span)}note: ${n.message}${excerpt(n.span)}`;
  return out;
}

export function diagnosticToJson(d: Diagnostic): object {
  const at = (s: Span | undefined) => {
    if (!s) return null;
    const a = s.file.position(s.start);
    const b = s.file.position(s.end);
    return { file: s.file.path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    location: at(d.span),
    notes: d.notes.map((n) => ({ message: n.message, location: at(n.span) })),
  };
}
