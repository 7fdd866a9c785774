// The MLIR lexer: produces one token at a time from the source text, tracking offsets only.
import { Tok } from "./tokens.ts";

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

// Identifier characters by table: the identifier loops are the lexer's hottest code.
const IDENT = 1;
const SUFFIX = 2;
const charClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ident = isAlpha(c) || isDigit(c) || c === 95 || c === 36 || c === 46;
  charClass[c] = (ident ? IDENT | SUFFIX : 0) | (c === 45 ? SUFFIX : 0);
}
/** [a-zA-Z0-9_$.] */
const isIdentChar = (c: number) => c < 128 && (charClass[c]! & IDENT) !== 0;
/** Characters allowed after %, ^, #, ! : [a-zA-Z0-9_$.-] */
const isSuffixChar = (c: number) => c < 128 && (charClass[c]! & SUFFIX) !== 0;

export class Lexer {
  kind: Tok = Tok.eof;
  start = 0;
  end = 0;
  /** Message for an error token. */
  error = "";

  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  /** Moves the lexer to `pos` (used to re-lex dimension lists such as `4x8xf32`). */
  reset(pos: number): void {
    this.end = pos;
  }

  private set(kind: Tok, start: number, end: number): Tok {
    this.kind = kind;
    this.start = start;
    this.end = end;
    return kind;
  }

  private fail(start: number, end: number, message: string): Tok {
    this.error = message;
    return this.set(Tok.error, start, end);
  }

  /** Lexes the next token after the current one. */
  next(): Tok {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    for (;;) {
      if (i >= n) return this.set(Tok.eof, n, n);
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        i++;
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 47) {
        const nl = text.indexOf("\n", i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      break;
    }
    const start = i;
    const c = text.charCodeAt(i);
    switch (c) {
      case 40:
        return this.set(Tok.lparen, start, i + 1);
      case 41:
        return this.set(Tok.rparen, start, i + 1);
      case 91:
        return this.set(Tok.lsquare, start, i + 1);
      case 93:
        return this.set(Tok.rsquare, start, i + 1);
      case 123:
        if (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 35) return this.set(Tok.fileMetadataBegin, start, i + 3);
        return this.set(Tok.lbrace, start, i + 1);
      case 125:
        return this.set(Tok.rbrace, start, i + 1);
      case 60:
        return this.set(Tok.less, start, i + 1);
      case 62:
        return this.set(Tok.greater, start, i + 1);
      case 44:
        return this.set(Tok.comma, start, i + 1);
      case 58:
        if (text.charCodeAt(i + 1) === 58) return this.set(Tok.colonColon, start, i + 2);
        return this.set(Tok.colon, start, i + 1);
      case 61:
        return this.set(Tok.equal, start, i + 1);
      case 43:
        return this.set(Tok.plus, start, i + 1);
      case 42:
        return this.set(Tok.star, start, i + 1);
      case 63:
        return this.set(Tok.question, start, i + 1);
      case 124:
        return this.set(Tok.vbar, start, i + 1);
      case 47:
        return this.set(Tok.slash, start, i + 1);
      case 45:
        if (text.charCodeAt(i + 1) === 62) return this.set(Tok.arrow, start, i + 2);
        return this.set(Tok.minus, start, i + 1);
      case 46:
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) return this.set(Tok.ellipsis, start, i + 3);
        return this.fail(start, i + 1, "unexpected character '.'");
      case 34:
        return this.lexString(start);
      case 37:
        return this.lexPrefixed(Tok.percentIdent, start);
      case 94:
        return this.lexPrefixed(Tok.caretIdent, start);
      case 33:
        return this.lexPrefixed(Tok.bangIdent, start);
      case 35:
        if (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 125) return this.set(Tok.fileMetadataEnd, start, i + 3);
        return this.lexPrefixed(Tok.hashIdent, start);
      case 64: {
        if (text.charCodeAt(i + 1) === 34) {
          const k = this.lexString(start + 1);
          if (k === Tok.error) return k;
          return this.set(Tok.atIdent, start, this.end);
        }
        let j = i + 1;
        const c1 = text.charCodeAt(j);
        if (!(isAlpha(c1) || c1 === 95)) return this.fail(start, j, "expected a symbol name after '@'");
        while (j < n && isSuffixChar(text.charCodeAt(j))) j++;
        return this.set(Tok.atIdent, start, j);
      }
    }
    if (isDigit(c)) return this.lexNumber(start);
    if (isAlpha(c) || c === 95) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      return this.set(Tok.bareIdent, start, j);
    }
    return this.fail(start, start + 1, `unexpected character '${String.fromCodePoint(text.codePointAt(start) ?? c)}'`);
  }

  private lexPrefixed(kind: Tok, start: number): Tok {
    const text = this.text;
    let j = start + 1;
    const c1 = text.charCodeAt(j);
    if (kind === Tok.hashIdent || kind === Tok.bangIdent) {
      // #alias, #dialect.attr; digits are not allowed first except for `#123` result numbers.
      if (!(isAlpha(c1) || c1 === 95 || c1 === 36 || c1 === 46 || isDigit(c1) || c1 === 45))
        return this.fail(start, j, `expected an identifier after '${text[start]}'`);
    } else if (!isSuffixChar(c1)) {
      return this.fail(start, j, `expected an identifier after '${text[start]}'`);
    }
    while (j < text.length && isSuffixChar(text.charCodeAt(j))) j++;
    return this.set(kind, start, j);
  }

  private lexString(start: number): Tok {
    const text = this.text;
    let j = start + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (j >= text.length || c === 10) return this.fail(start, j, "unterminated string");
      if (c === 34) return this.set(Tok.string, start, j + 1);
      if (c === 92) j += 2;
      else j++;
    }
  }

  private lexNumber(start: number): Tok {
    const text = this.text;
    let j = start;
    if (text.charCodeAt(j) === 48 && text.charCodeAt(j + 1) === 120 && isHex(text.charCodeAt(j + 2))) {
      j += 2;
      while (isHex(text.charCodeAt(j))) j++;
      return this.set(Tok.integer, start, j);
    }
    while (isDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 46) return this.set(Tok.integer, start, j);
    j++;
    while (isDigit(text.charCodeAt(j))) j++;
    const e = text.charCodeAt(j);
    if (e === 101 || e === 69) {
      const s = text.charCodeAt(j + 1);
      if (isDigit(s) || ((s === 43 || s === 45) && isDigit(text.charCodeAt(j + 2)))) {
        j += 2;
        while (isDigit(text.charCodeAt(j))) j++;
      }
    }
    return this.set(Tok.float, start, j);
  }
}

/**
 * Strings that are not valid UTF-8 are kept byte for byte: the value starts with this
 * private-use marker and each following char is one byte (0-255).
 */
export const BINARY_PREFIX = "\uF8FF\u0000binary:";

/** Decodes the body of a string token (without quotes) with MLIR's escapes: \n \t \" \\ \XX. */
export function unescapeString(text: string, start: number, end: number): string | undefined {
  let simple = true;
  for (let i = start; i < end; i++)
    if (text.charCodeAt(i) === 92) {
      simple = false;
      break;
    }
  if (simple) return text.slice(start, end);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = start; i < end;) {
    const c = text.charCodeAt(i);
    if (c !== 92) {
      const cp = text.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      for (const b of enc.encode(s)) bytes.push(b);
      i += s.length;
      continue;
    }
    const d = text[i + 1];
    if (d === "n") bytes.push(10);
    else if (d === "t") bytes.push(9);
    else if (d === '"') bytes.push(34);
    else if (d === "\\") bytes.push(92);
    else {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 3;
      continue;
    }
    i += 2;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    // Not UTF-8: keep the bytes, one char per byte, marked by the binary prefix.
    return BINARY_PREFIX + String.fromCharCode(...bytes);
  }
}
