// Source buffers FileCheck reads (check file, input, command-line patterns) and its whitespace canonicalisation.

/** A named text buffer; diagnostics point into one by offset. */
export interface SourceBuffer {
  readonly name: string;
  readonly text: string;
}

/** A position in a buffer. */
export interface Loc {
  readonly buf: SourceBuffer;
  readonly pos: number;
}

/**
 * FileCheck's input canonicalisation: drops the `\r` of `\r\n` and, unless
 * `strict`, turns each run of spaces and tabs into a single space.
 */
export function canonicalize(text: string, strict: boolean): string {
  if (strict && !text.includes("\r\n")) return text;
  let out = "";
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
      out += text.slice(from, i);
      from = i + 1;
      continue;
    }
    if (strict || (c !== 32 && c !== 9)) continue;
    let j = i + 1;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j === i + 1 && c === 32) continue;
    out += text.slice(from, i) + " ";
    from = j;
    i = j - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** 1-based line and column of `pos`, counting lines by `\n` as LLVM's SourceMgr does. */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: pos - lineStart + 1 };
}
