// Renders diagnostics the way LLVM's SourceMgr does: `file:line:col: kind: message`, the line, a caret and `~` ranges.
import { lineAndColumn } from "./source.ts";
import type { SourceBuffer } from "./source.ts";

export type DiagKind = "error" | "warning" | "remark" | "note";

/** A half-open range of offsets in the buffer a diagnostic points into. */
export type Range = readonly [start: number, end: number];

const tabStop = 8;

/** Collects FileCheck's diagnostics as text. */
export class Report {
  text = "";
  /** Set when an error makes FileCheck exit with a status other than the usual one. */
  exitStatus: 1 | undefined;

  /** Prints a located message (SourceMgr::PrintMessage). */
  message(buf: SourceBuffer, pos: number, kind: DiagKind, msg: string, ranges: readonly Range[] = []): void {
    const { line, column } = lineAndColumn(buf.text, pos);
    this.text += `${buf.name}:${line}:${column}: ${kind}: ${msg}\n`;
    this.text += sourceLineWithCaret(buf.text, pos, ranges);
  }

  /** Prints an unlocated line, e.g. `error: no check strings found ...`. */
  line(text: string): void {
    this.text += `${text}\n`;
  }
}

function sourceLineWithCaret(text: string, pos: number, ranges: readonly Range[]): string {
  let lineStart = pos;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  let lineEnd = pos;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const contents = text.slice(lineStart, lineEnd);
  // SourceMgr gives up on carets for lines with non-ASCII characters.
  if (/[^\x00-\x7f]/.test(contents)) return `${expandTabs(contents)}\n`;
  const width = contents.length;
  const caret: string[] = new Array<string>(width + 1).fill(" ");
  for (const [start, end] of ranges) {
    if (start > lineEnd || end < lineStart) continue;
    const from = Math.max(start, lineStart) - lineStart;
    const to = Math.min(end, lineEnd) - lineStart;
    for (let i = from; i < to; i++) caret[i] = "~";
  }
  const column = pos - lineStart;
  caret[Math.min(column, width)] = "^";
  const caretLine = caret.join("").trimEnd();
  let out = "";
  for (let i = 0, col = 0; i < caretLine.length; i++) {
    if (i >= contents.length || contents[i] !== "\t") {
      out += caretLine[i];
      col++;
      continue;
    }
    do {
      out += caretLine[i];
      col++;
    } while (col % tabStop !== 0);
  }
  return `${expandTabs(contents)}\n${out}\n`;
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const c of line) {
    if (c !== "\t") out += c;
    else
      do out += " ";
      while (out.length % tabStop !== 0);
  }
  return out;
}

/** raw_ostream::write_escaped: backslash, quote, tab, newline and non-printables escaped. */
export function writeEscaped(s: string): string {
  let out = "";
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === "\\") out += "\\\\";
    else if (c === "\t") out += "\\t";
    else if (c === "\n") out += "\\n";
    else if (c === '"') out += '\\"';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += c;
  }
  return out;
}
