// FileCheck's variable tables (string and numeric, shared by all patterns) and the check-text cursor their parsers use.
import { unsignedFormat } from "./numeric.ts";
import type { NumericVariable } from "./numeric.ts";

/** A captured string variable: its value and where in the input it was captured. */
export interface StringValue {
  readonly value: string;
  readonly pos: number;
}

/** FileCheckPatternContext: variables defined so far. */
export class VariableTable {
  /** GlobalVariableTable: string variables with a value. */
  readonly strings = new Map<string, StringValue>();
  /** DefinedVariableTable: string variables defined by some pattern (to detect string/numeric clashes). */
  readonly definedStrings = new Set<string>();
  /** GlobalNumericVariableTable. */
  readonly numerics = new Map<string, NumericVariable>();

  constructor() {
    this.numerics.set("@LINE", newNumericVariable("@LINE", unsignedFormat, undefined));
  }
}

export function newNumericVariable(
  name: string,
  format: NumericVariable["format"],
  defLine: number | undefined,
): NumericVariable {
  return { name, format, defLine, value: undefined, captured: undefined };
}

/**
 * A parse error at `pos` of the check text. FileCheck prints some with SourceMgr::PrintMessage and logs
 * others as llvm::Error values, which adds a blank line; `logged` says which.
 */
export class ParseError extends Error {
  readonly pos: number;
  readonly len: number;
  readonly logged: boolean;
  /** FileCheck exits at once, with this status, on a few errors. */
  readonly exitStatus: 1 | undefined;

  constructor(pos: number, len: number, message: string, logged = true, exitStatus?: 1) {
    super(message);
    this.pos = pos;
    this.len = len;
    this.logged = logged;
    this.exitStatus = exitStatus;
  }
}

/** A consumable window `[pos, end)` of the check text (LLVM's StringRef idioms). */
export class Cursor {
  readonly text: string;
  pos: number;
  end: number;

  constructor(text: string, pos: number, end: number) {
    this.text = text;
    this.pos = pos;
    this.end = end;
  }

  get empty(): boolean {
    return this.pos >= this.end;
  }

  get rest(): string {
    return this.text.slice(this.pos, this.end);
  }

  peek(offset = 0): string | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.text[i] : undefined;
  }

  startsWith(s: string): boolean {
    return this.pos + s.length <= this.end && this.text.startsWith(s, this.pos);
  }

  consume(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  /** Index (absolute) of `s` in the window, or -1. */
  find(s: string, from = this.pos): number {
    const i = this.text.indexOf(s, from);
    return i === -1 || i + s.length > this.end ? -1 : i;
  }

  ltrim(): this {
    while (this.pos < this.end && (this.text[this.pos] === " " || this.text[this.pos] === "\t")) this.pos++;
    return this;
  }

  rtrim(): this {
    while (this.end > this.pos && (this.text[this.end - 1] === " " || this.text[this.end - 1] === "\t")) this.end--;
    return this;
  }

  sub(pos: number, end: number): Cursor {
    return new Cursor(this.text, pos, end);
  }

  error(message: string): ParseError {
    return new ParseError(this.pos, this.end - this.pos, message);
  }
}

/** Pattern::parseVariable: `[$@]?[A-Za-z_][A-Za-z0-9_]*`, consumed from `c`. */
export function parseVariable(c: Cursor): { name: string; pseudo: boolean; pos: number } {
  if (c.empty) throw c.error("empty variable name");
  const start = c.pos;
  const pseudo = c.peek() === "@";
  let i = start;
  if (c.peek() === "$" || pseudo) i++;
  if (i === c.end) throw new ParseError(i, 0, `empty ${pseudo ? "pseudo " : "global "}variable name`);
  if (!/[A-Za-z_]/.test(c.text[i]!)) throw c.error("invalid variable name");
  i++;
  while (i < c.end && /[A-Za-z0-9_]/.test(c.text[i]!)) i++;
  c.pos = i;
  return { name: c.text.slice(start, i), pseudo, pos: start };
}
