// Source files and positions: the text a diagnostic points into, with O(log n) offset-to-line lookup.

/** A named text (a file, stdin, or one chunk of a split file) that spans point into. */
export class SourceFile {
  private lineStarts: number[] | undefined;

  /**
   * @param path the name printed in diagnostics
   * @param text the whole text
   * @param lineOffset added to line numbers (a chunk of a split file keeps its lines)
   */
  readonly path: string;
  readonly text: string;
  readonly lineOffset: number;
  constructor(path: string, text: string, lineOffset: number = 0) {
    this.path = path;
    this.text = text;
    this.lineOffset = lineOffset;
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }

  /** 1-based line and column (in UTF-16 units) of an offset. */
  position(offset: number): { line: number; col: number } {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, col: offset - starts[lo]! + 1 };
  }

  /** The text of a 1-based line (as numbered by `position`), without its newline. */
  lineText(line: number): string {
    const starts = this.starts();
    const i = line - 1 - this.lineOffset;
    if (i < 0 || i >= starts.length) return "";
    const start = starts[i]!;
    let end = i + 1 < starts.length ? starts[i + 1]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** The offset of a 1-based line's first character. */
  lineStart(line: number): number {
    const starts = this.starts();
    return starts[Math.max(0, Math.min(starts.length - 1, line - 1 - this.lineOffset))]!;
  }
}

/** A half-open range of a source file. */
export interface Span {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

export function span(file: SourceFile, start: number, end: number): Span {
  return { file, start, end };
}
