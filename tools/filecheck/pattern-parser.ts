// Pattern::parsePattern: a check line's pattern text becomes a fixed string, or a regex (in JS and in LLVM's
// spelling) with the variables it defines and the substitutions to splice in at match time.
import { CheckKind } from "./check-type.ts";
import type { CheckType } from "./check-type.ts";
import { wildcardRegex } from "./numeric.ts";
import type { Expression, NumericVariable, TextRef } from "./numeric.ts";
import { parseNumericBlock } from "./numeric-parser.ts";
import { jsEscape, jsLineEnd, jsLineStart, llvmEscape, RegexError, translateRegex } from "./regex.ts";
import type { Report } from "./report.ts";
import type { Loc } from "./source.ts";
import { Cursor, ParseError, parseVariable } from "./variables.ts";
import type { VariableTable } from "./variables.ts";

export interface PatternOptions {
  readonly matchFullLines: boolean;
  readonly strictWhitespace: boolean;
}

/** A `[[VAR]]` or `[[#expr]]` use whose value is spliced into the JS regex at offset `at`. */
export type Substitution =
  | { readonly kind: "string"; readonly ref: TextRef; readonly at: number }
  | { readonly kind: "numeric"; readonly expression: Expression; readonly ref: TextRef; readonly at: number };

/** What a parsed pattern matches. */
export interface PatternBody {
  /** The fixed string for literal patterns; undefined when a regex is used. */
  readonly fixed: string | undefined;
  /** The regex as LLVM would spell it (used only to rank fuzzy matches). */
  readonly llvmRegex: string;
  /** The JavaScript regex template. */
  readonly js: string;
  readonly ambiguous: boolean;
  readonly newline: boolean;
  /** String variables defined, by capture group. */
  readonly stringDefs: ReadonlyMap<string, number>;
  readonly numericDefs: ReadonlyMap<string, { readonly variable: NumericVariable; readonly group: number }>;
  readonly substitutions: readonly Substitution[];
}

/** FileCheck limits back-references to variables defined earlier on the same line. */
const backrefLimit = 9;

/** Parses `loc.buf.text[start, end)` for a directive; reports errors and returns undefined on failure. */
export function parsePattern(
  type: CheckType,
  loc: Loc,
  line: number | undefined,
  vars: VariableTable,
  range: { readonly start: number; readonly end: number; readonly prefix: string },
  opts: PatternOptions,
  report: Report,
): PatternBody | undefined {
  return new PatternParser(type, loc, line, vars).parse(range.start, range.end, range.prefix, opts, report);
}

class PatternParser {
  private fixed: string | undefined;
  private llvmRegex = "";
  private js = "";
  private ambiguous = false;
  private newline = false;
  private paren = 1;
  private readonly stringDefs = new Map<string, number>();
  private readonly numericDefs = new Map<string, { readonly variable: NumericVariable; readonly group: number }>();
  private readonly substitutions: Substitution[] = [];
  private readonly type: CheckType;
  private readonly loc: Loc;
  private readonly line: number | undefined;
  private readonly vars: VariableTable;

  constructor(type: CheckType, loc: Loc, line: number | undefined, vars: VariableTable) {
    this.type = type;
    this.loc = loc;
    this.line = line;
    this.vars = vars;
  }

  private get kind(): CheckKind {
    return this.type.kind;
  }

  private body(): PatternBody {
    const { fixed, llvmRegex, js, ambiguous, newline, stringDefs, numericDefs, substitutions } = this;
    return { fixed, llvmRegex, js, ambiguous, newline, stringDefs, numericDefs, substitutions };
  }

  parse(start: number, end: number, prefix: string, opts: PatternOptions, report: Report): PatternBody | undefined {
    const buf = this.loc.buf;
    const c = new Cursor(buf.text, start, end);
    const fullLines = opts.matchFullLines && this.kind !== CheckKind.not;
    if (!(opts.strictWhitespace && opts.matchFullLines)) c.rtrim();
    if (c.empty && this.kind !== CheckKind.empty) {
      report.message(buf, this.loc.pos, "error", `found empty check string with prefix '${prefix}:'`);
      return undefined;
    }
    if (!c.empty && this.kind === CheckKind.empty) {
      report.message(
        buf,
        this.loc.pos,
        "error",
        `found non-empty check string for empty check with prefix '${prefix}:'`,
      );
      return undefined;
    }
    if (this.kind === CheckKind.empty) {
      this.llvmRegex = "(\n$)";
      this.js = `(\\n${jsLineEnd})`;
      return this.body();
    }
    const text = c.rest;
    if (this.type.literal || (!fullLines && (text.length < 2 || (!text.includes("{{") && !text.includes("[["))))) {
      this.fixed = text;
      return this.body();
    }
    if (fullLines) {
      this.llvmRegex += "^";
      this.js += jsLineStart;
      if (!opts.strictWhitespace) {
        this.llvmRegex += " *";
        this.js += " *";
      }
    }
    try {
      while (!c.empty) {
        if (c.startsWith("{{")) this.parseRegexBlock(c);
        else if (c.startsWith("[[") && !c.startsWith("[[[")) this.parseSubstitutionBlock(c);
        else {
          const a = c.find("{{", c.pos + 1);
          const b = c.find("[[", c.pos + 1);
          const fixedEnd = Math.min(a === -1 ? c.end : a, b === -1 ? c.end : b);
          const piece = buf.text.slice(c.pos, fixedEnd);
          this.llvmRegex += llvmEscape(piece);
          this.js += jsEscape(piece);
          c.pos = fixedEnd;
        }
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      report.message(buf, e.pos, "error", e.message);
      if (e.logged) report.line("");
      if (e.exitStatus !== undefined) report.exitStatus = e.exitStatus;
      return undefined;
    }
    if (fullLines) {
      if (!opts.strictWhitespace) {
        this.llvmRegex += " *";
        this.js += " *";
      }
      this.llvmRegex += "$";
      this.js += jsLineEnd;
    }
    return this.body();
  }

  /** `{{regex}}`, wrapped in a group when the rest of the line has a `|`. */
  private parseRegexBlock(c: Cursor): void {
    const close = c.find("}}");
    if (close === -1) throw new ParseError(c.pos, 0, "found start of regex string with no end '}}'", false);
    const alternation = c.rest.includes("|");
    if (alternation) {
      this.llvmRegex += "(";
      this.js += "(";
      this.paren++;
    }
    this.addRegex(c.text.slice(c.pos + 2, close), c.pos + 2);
    if (alternation) {
      this.llvmRegex += ")";
      this.js += ")";
    }
    c.pos = close + 2;
  }

  private addRegex(source: string, pos: number): void {
    try {
      const t = translateRegex(source);
      this.llvmRegex += source;
      this.js += t.js;
      this.paren += t.groups;
      this.ambiguous ||= t.ambiguous;
      this.newline ||= t.newline;
    } catch (e) {
      if (e instanceof RegexError) throw new ParseError(pos, 0, `invalid regex: ${e.message}`, false);
      throw e;
    }
  }

  /** `[[VAR:regex]]`, `[[VAR]]`, `[[#...]]` and legacy `[[@LINE+n]]`. */
  private parseSubstitutionBlock(c: Cursor): void {
    const blockStart = c.pos;
    const unparsed = c.pos + 2;
    const varEnd = findRegexVarEnd(c, unparsed);
    if (varEnd === -1) throw new ParseError(blockStart, 0, "Invalid substitution block, no ]] found", false);
    const m = c.sub(unparsed, varEnd);
    let numeric = m.consume("#");
    c.pos = varEnd + 2;

    let isDefinition = false;
    let substNeeded = false;
    let legacyLine = false;
    let defName = "";
    let substRef: TextRef | undefined;
    let matchRegexp = "";
    let matchRegexpPos = m.pos;
    let jsInsert = this.js.length;

    if (!numeric) {
      const colon = m.find(":");
      const nameEnd = colon === -1 ? m.end : colon;
      const space = /[ \t]/.exec(m.text.slice(m.pos, nameEnd));
      if (space) throw new ParseError(m.pos + space.index, 0, "unexpected whitespace", false);
      const orig = m.pos;
      const v = parseVariable(m);
      isDefinition = colon !== -1;
      substNeeded = !isDefinition;
      if (isDefinition) {
        if (v.pseudo || !m.consume(":"))
          throw new ParseError(v.pos, 0, "invalid name in string variable definition", false);
        if (this.vars.numerics.has(v.name)) {
          throw new ParseError(v.pos, 0, `numeric variable with name '${v.name}' already exists`, false);
        }
        defName = v.name;
        matchRegexp = m.rest;
        matchRegexpPos = m.pos;
      } else if (v.pseudo) {
        m.pos = orig;
        legacyLine = numeric = true;
      } else {
        if (!m.empty) throw new ParseError(v.pos, 0, "invalid name in string variable use", false);
        substRef = { pos: v.pos, text: v.name };
      }
    }

    let expression: Expression | undefined;
    let defined: NumericVariable | undefined;
    if (numeric) {
      const exprRef: TextRef = { pos: m.pos, text: m.rest };
      const block = parseNumericBlock(m, legacyLine, this.line, this.vars);
      expression = block.expression;
      defined = block.defined;
      substNeeded = expression.ast !== undefined;
      if (defined) {
        isDefinition = true;
        defName = defined.name;
      }
      if (substNeeded) substRef = exprRef;
      else matchRegexp = wildcardRegex(expression.format);
    }

    if (isDefinition) {
      this.llvmRegex += "(";
      this.js += "(";
      jsInsert = this.js.length;
      if (defined) {
        this.numericDefs.set(defName, { variable: defined, group: this.paren });
        this.vars.numerics.set(defName, defined);
      } else {
        this.stringDefs.set(defName, this.paren);
        this.vars.definedStrings.add(defName);
      }
      this.paren++;
    }
    if (matchRegexp !== "") this.addRegex(matchRegexp, matchRegexpPos);
    if (isDefinition) {
      this.llvmRegex += ")";
      this.js += ")";
    }
    if (!substNeeded || !substRef) return;
    const group = numeric ? undefined : this.stringDefs.get(substRef.text);
    if (group !== undefined) {
      if (group < 1 || group > backrefLimit) {
        throw new ParseError(substRef.pos, 0, `Can't back-reference more than ${backrefLimit} variables`, false);
      }
      this.llvmRegex += `\\${group}`;
      this.js += `(?:\\${group})`;
    } else if (numeric && expression) {
      this.substitutions.push({ kind: "numeric", expression, ref: substRef, at: jsInsert });
    } else {
      this.substitutions.push({ kind: "string", ref: substRef, at: jsInsert });
    }
  }
}

/** Pattern::FindRegexVarEnd: the `]]` closing a substitution block, skipping nested `[...]` and escapes. */
function findRegexVarEnd(c: Cursor, from: number): number {
  let depth = 0;
  let i = from;
  while (i < c.end) {
    if (depth === 0 && c.text.startsWith("]]", i) && i + 2 <= c.end) return i;
    const ch = c.text[i];
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      if (depth === 0) throw new ParseError(i, 0, 'missing closing "]" for regex variable', false, 1);
      depth--;
    }
    i++;
  }
  return -1;
}
