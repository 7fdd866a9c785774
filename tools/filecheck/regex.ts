// Translates LLVM's POSIX extended regular expressions (llvm::Regex with REG_NEWLINE) into JavaScript regex source.
// Capturing groups map one to one, so back-references keep their numbers; errors carry regerror()'s wording.

export interface TranslatedRegex {
  /** JavaScript regex source (no `u` flag), to be matched against the searched slice only. */
  readonly js: string;
  /** Number of capturing groups (llvm::Regex::getNumMatches). */
  readonly groups: number;
  /** Whether a match may span a newline (a bracket expression that admits `\n`). */
  readonly newline: boolean;
  /** Whether JS's first-found match may be shorter than POSIX's leftmost-longest one. */
  readonly ambiguous: boolean;
}

export class RegexError extends Error {}

const regerror = {
  EPAREN: "parentheses not balanced",
  EBRACK: "brackets ([ ]) not balanced",
  EBRACE: "braces not balanced",
  BADBR: "invalid repetition count(s)",
  ERANGE: "invalid character range",
  BADRPT: "repetition-operator operand invalid",
  EMPTY: "empty (sub)expression",
  ESUBREG: "invalid backreference number",
  EESCAPE: "trailing backslash (\\)",
  ECTYPE: "invalid character class",
  ECOLLATE: "invalid collating element",
} as const;

const dupMax = 255;

const classes: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  blank: " \t",
  cntrl: "\x00-\x1f\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-/:-@[-`{-~",
  space: " \t\n\r\f\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
};

const collatingNames: Record<string, string> = {
  NUL: "\0",
  tab: "\t",
  newline: "\n",
  "vertical-tab": "\v",
  "form-feed": "\f",
  "carriage-return": "\r",
  space: " ",
  "exclamation-mark": "!",
  "quotation-mark": '"',
  "number-sign": "#",
  "dollar-sign": "$",
  "percent-sign": "%",
  ampersand: "&",
  apostrophe: "'",
  "left-parenthesis": "(",
  "right-parenthesis": ")",
  asterisk: "*",
  "plus-sign": "+",
  comma: ",",
  hyphen: "-",
  "hyphen-minus": "-",
  period: ".",
  "full-stop": ".",
  slash: "/",
  solidus: "/",
  colon: ":",
  semicolon: ";",
  "less-than-sign": "<",
  "equals-sign": "=",
  "greater-than-sign": ">",
  "question-mark": "?",
  "commercial-at": "@",
  "left-square-bracket": "[",
  backslash: "\\",
  "reverse-solidus": "\\",
  "right-square-bracket": "]",
  circumflex: "^",
  "circumflex-accent": "^",
  underscore: "_",
  "low-line": "_",
  "grave-accent": "`",
  "left-brace": "{",
  "left-curly-bracket": "{",
  "vertical-line": "|",
  "right-brace": "}",
  "right-curly-bracket": "}",
  tilde: "~",
};

/** Regex::escape: the literal-text regex for `s` in LLVM's syntax. */
export function llvmEscape(s: string): string {
  return s.replace(/[()^$|*+?.[\]\\{}]/g, "\\$&");
}

/** The literal-text regex for `s` in JavaScript's syntax. */
export function jsEscape(s: string): string {
  return s.replace(/[^A-Za-z0-9_ \u0080-\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** JS for LLVM's `^` and `$` under REG_NEWLINE (the slice's ends count as line ends). */
export const jsLineStart = "(?:^|(?<=\\n))";
export const jsLineEnd = "(?=\\n|$)";

/** Validates and translates one LLVM regex; throws RegexError with regerror()'s message. */
export function translateRegex(source: string): TranslatedRegex {
  const t = new Translator(source);
  t.ere(undefined);
  if (t.i < source.length) throw new RegexError(regerror.EPAREN);
  return { js: t.out, groups: t.nsub, newline: t.newline, ambiguous: t.ambiguous };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

class Translator {
  i = 0;
  out = "";
  nsub = 0;
  newline = false;
  ambiguous = false;
  private readonly closed = new Set<number>();

  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  private fail(message: string): never {
    throw new RegexError(message);
  }

  /** p_ere: alternatives of concatenations, up to `stop`. */
  ere(stop: string | undefined): void {
    const src = this.src;
    for (;;) {
      let empty = true;
      while (this.i < src.length && src[this.i] !== "|" && src[this.i] !== stop) {
        this.exp();
        empty = false;
      }
      if (empty) this.fail(regerror.EMPTY);
      if (src[this.i] !== "|") return;
      this.i++;
      this.out += "|";
      this.ambiguous = true;
    }
  }

  /** p_ere_exp: one atom and an optional repetition. */
  private exp(): void {
    const src = this.src;
    const c = src[this.i++]!;
    let wasCaret = false;
    let compound = false;
    switch (c) {
      case "(": {
        if (this.i >= src.length) this.fail(regerror.EPAREN);
        const n = ++this.nsub;
        this.out += "(";
        if (src[this.i] !== ")") this.ere(")");
        this.out += ")";
        if (src[this.i] !== ")") this.fail(regerror.EPAREN);
        this.i++;
        this.closed.add(n);
        compound = true;
        break;
      }
      case ")":
        this.fail(regerror.EPAREN);
      case "^":
        this.out += jsLineStart;
        wasCaret = true;
        break;
      case "$":
        this.out += `(?:${jsLineEnd})`;
        break;
      case "*":
      case "+":
      case "?":
        this.fail(regerror.BADRPT);
      case ".":
        this.out += "[^\\n]";
        break;
      case "[":
        this.bracket();
        break;
      case "\\": {
        if (this.i >= src.length) this.fail(regerror.EESCAPE);
        const d = src[this.i++]!;
        if (d >= "1" && d <= "9") {
          if (!this.closed.has(Number(d))) this.fail(regerror.ESUBREG);
          this.out += `(?:\\${d})`;
          compound = true;
        } else this.out += jsEscape(d);
        break;
      }
      case "{":
        if (isDigit(src[this.i])) this.fail(regerror.BADRPT);
        this.out += "\\{";
        break;
      default:
        this.out += jsEscape(c);
    }
    if (!this.atRepetition()) return;
    const r = src[this.i++]!;
    if (wasCaret) this.fail(regerror.BADRPT);
    if (compound) this.ambiguous = true;
    if (r === "{") {
      const min = this.count();
      let max: number | undefined = min;
      if (src[this.i] === ",") {
        this.i++;
        if (isDigit(src[this.i])) {
          max = this.count();
          if (min > max) this.fail(regerror.BADBR);
        } else max = undefined;
      }
      if (src[this.i] === "}") this.i++;
      else {
        while (this.i < src.length && src[this.i] !== "}") this.i++;
        this.fail(this.i >= src.length ? regerror.EBRACE : regerror.BADBR);
      }
      this.out += max === min ? `{${min}}` : `{${min},${max ?? ""}}`;
      this.ambiguous = true;
    } else {
      this.out += r;
      if (r === "?") this.ambiguous = true;
    }
    if (this.atRepetition()) this.fail(regerror.BADRPT);
  }

  private atRepetition(): boolean {
    const c = this.src[this.i];
    return c === "*" || c === "+" || c === "?" || (c === "{" && isDigit(this.src[this.i + 1]));
  }

  /** p_count: a repetition bound, at most RE_DUP_MAX. */
  private count(): number {
    let count = 0;
    let digits = 0;
    while (isDigit(this.src[this.i]) && count <= dupMax) {
      count = count * 10 + Number(this.src[this.i++]);
      digits++;
    }
    if (digits === 0 || count > dupMax) this.fail(regerror.BADBR);
    return count;
  }

  /** p_bracket: a bracket expression, including the `[[:<:]]`/`[[:>:]]` word-boundary kludge. */
  private bracket(): void {
    const src = this.src;
    if (src.startsWith("[:<:]]", this.i)) {
      this.i += 6;
      this.out += "(?:\\b(?=\\w))";
      return;
    }
    if (src.startsWith("[:>:]]", this.i)) {
      this.i += 6;
      this.out += "(?:\\b(?<=\\w))";
      return;
    }
    const set: Array<[number, number]> = [];
    const add = (lo: number, hi = lo) => set.push([lo, hi]);
    let invert = false;
    if (src[this.i] === "^") {
      this.i++;
      invert = true;
    }
    if (src[this.i] === "]") {
      this.i++;
      add(93);
    } else if (src[this.i] === "-") {
      this.i++;
      add(45);
    }
    while (this.i < src.length && src[this.i] !== "]" && !(src[this.i] === "-" && src[this.i + 1] === "]")) {
      this.term(add);
    }
    if (src[this.i] === "-") {
      this.i++;
      add(45);
    }
    if (src[this.i] !== "]") this.fail(regerror.EBRACK);
    this.i++;
    const body = set.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join("");
    if (invert) this.out += `[^${body}\\n]`;
    else {
      if (set.some(([lo, hi]) => lo <= 10 && hi >= 10)) this.newline = true;
      this.out += `[${body}]`;
    }
  }

  /** p_b_term: a class, an equivalence class, a character or a range. */
  private term(add: (lo: number, hi?: number) => void): void {
    const src = this.src;
    if (src[this.i] === "-") this.fail(regerror.ERANGE);
    const kind = src[this.i] === "[" ? src[this.i + 1] : undefined;
    if (kind === ":") {
      this.i += 2;
      if (this.i >= src.length) this.fail(regerror.EBRACK);
      if (src[this.i] === "-" || src[this.i] === "]") this.fail(regerror.ECTYPE);
      const start = this.i;
      while (this.i < src.length && /[A-Za-z]/.test(src[this.i]!)) this.i++;
      const members = classes[src.slice(start, this.i)];
      if (members === undefined) this.fail(regerror.ECTYPE);
      for (let k = 0; k < members.length; k++) {
        if (members[k + 1] === "-" && k + 2 < members.length) {
          add(members.charCodeAt(k), members.charCodeAt(k + 2));
          k += 2;
        } else add(members.charCodeAt(k));
      }
      if (this.i >= src.length) this.fail(regerror.EBRACK);
      if (!src.startsWith(":]", this.i)) this.fail(regerror.ECTYPE);
      this.i += 2;
      return;
    }
    if (kind === "=") {
      this.i += 2;
      if (this.i >= src.length) this.fail(regerror.EBRACK);
      if (src[this.i] === "-" || src[this.i] === "]") this.fail(regerror.ECOLLATE);
      add(this.collatingElement("=").charCodeAt(0));
      if (this.i >= src.length) this.fail(regerror.EBRACK);
      if (!src.startsWith("=]", this.i)) this.fail(regerror.ECOLLATE);
      this.i += 2;
      return;
    }
    const start = this.symbol();
    let finish = start;
    if (src[this.i] === "-" && this.i + 1 < src.length && src[this.i + 1] !== "]") {
      this.i++;
      if (src[this.i] === "-") {
        this.i++;
        finish = 45;
      } else finish = this.symbol();
    }
    if (start > finish) this.fail(regerror.ERANGE);
    add(start, finish);
  }

  /** p_b_symbol: a character or a `[.name.]` collating symbol. */
  private symbol(): number {
    const src = this.src;
    if (this.i >= src.length) this.fail(regerror.EBRACK);
    if (!src.startsWith("[.", this.i)) return src.charCodeAt(this.i++);
    this.i += 2;
    const value = this.collatingElement(".");
    if (!src.startsWith(".]", this.i)) this.fail(regerror.ECOLLATE);
    this.i += 2;
    return value.charCodeAt(0);
  }

  /** p_b_coll_elem: a collating element name or single character, up to `end]`. */
  private collatingElement(end: string): string {
    const src = this.src;
    const start = this.i;
    while (this.i < src.length && !src.startsWith(`${end}]`, this.i)) this.i++;
    if (this.i >= src.length) this.fail(regerror.EBRACK);
    const name = src.slice(start, this.i);
    const named = collatingNames[name];
    if (named !== undefined) return named;
    if (name.length === 1) return name;
    this.fail(regerror.ECOLLATE);
  }
}

function classChar(code: number): string {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
    return String.fromCharCode(code);
  }
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
