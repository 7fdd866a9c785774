// One check pattern as the matcher sees it (Pattern::match): searches a slice of the input, records the
// variables it defines, and prints the notes FileCheck attaches to a match or a failure.
import { CheckKind } from "./check-type.ts";
import type { CheckType } from "./check-type.ts";
import { printFuzzyMatch } from "./fuzzy.ts";
import { evaluate, matchingString, valueFromString } from "./numeric.ts";
import type { TextRef } from "./numeric.ts";
import { parsePattern } from "./pattern-parser.ts";
import type { PatternBody, PatternOptions, Substitution } from "./pattern-parser.ts";
import { PosixRegex } from "./posix-exec.ts";
import { jsEscape } from "./regex.ts";
import { writeEscaped } from "./report.ts";
import type { Report } from "./report.ts";
import type { Loc, SourceBuffer } from "./source.ts";
import type { VariableTable } from "./variables.ts";

export type { PatternOptions } from "./pattern-parser.ts";

/** A pattern error found while matching (undefined variable, overflow), located in the check text. */
export interface PatternError {
  readonly pos: number;
  readonly len: number;
  readonly message: string;
}

export type MatchOutcome =
  | { readonly kind: "match"; readonly pos: number; readonly len: number }
  | { readonly kind: "none" }
  | { readonly kind: "error"; readonly errors: readonly PatternError[] };

const emptyBody: PatternBody = {
  fixed: undefined,
  llvmRegex: "",
  js: "",
  ambiguous: false,
  newline: false,
  stringDefs: new Map(),
  numericDefs: new Map(),
  substitutions: [],
};

export class Pattern {
  readonly type: CheckType;
  readonly loc: Loc;
  /** The check-file line of the directive (the value of @LINE); undefined for command-line patterns. */
  readonly line: number | undefined;
  private readonly vars: VariableTable;
  private body: PatternBody = emptyBody;
  private compiled: PosixRegex | undefined;

  constructor(type: CheckType, vars: VariableTable, loc: Loc, line: number | undefined) {
    this.type = type;
    this.vars = vars;
    this.loc = loc;
    this.line = line;
  }

  get kind(): CheckKind {
    return this.type.kind;
  }

  /** Pattern::hasVariable (numeric definitions do not count, as in LLVM). */
  hasVariable(): boolean {
    return this.body.stringDefs.size > 0 || this.body.substitutions.length > 0;
  }

  /** Parses `loc.buf.text[start, end)`; reports errors and returns false on failure. */
  parse(start: number, end: number, prefix: string, opts: PatternOptions, report: Report): boolean {
    const body = parsePattern(this.type, this.loc, this.line, this.vars, { start, end, prefix }, opts, report);
    if (body) this.body = body;
    return body !== undefined;
  }

  /** Matches against `input[start, end)`; positions in the outcome are absolute. */
  match(input: string, start: number, end: number): MatchOutcome {
    if (this.kind === CheckKind.eof) return { kind: "match", pos: end, len: 0 };
    const hay = input.slice(start, end);
    if (this.body.fixed !== undefined) {
      const i = hay.indexOf(this.body.fixed);
      return i === -1 ? { kind: "none" } : { kind: "match", pos: start + i, len: this.body.fixed.length };
    }
    let regex = this.compiled;
    if (!regex || this.body.substitutions.length > 0) {
      const spliced = this.splice();
      if (typeof spliced !== "string") return { kind: "error", errors: spliced };
      // llvm::Regex rejects an empty regex, so a pattern that substitutes to nothing never matches.
      if (spliced === "") return { kind: "none" };
      regex =
        this.compiled?.source === spliced
          ? this.compiled
          : new PosixRegex(spliced, this.body.ambiguous, this.body.newline);
      this.compiled = regex;
    }
    const m = regex.exec(hay);
    if (!m) return { kind: "none" };
    for (const [name, group] of this.body.stringDefs) {
      const g = m.groups[group];
      this.vars.strings.set(name, g ? { value: hay.slice(g[0], g[1]), pos: start + g[0] } : { value: "", pos: start });
    }
    for (const [name, { variable, group }] of this.body.numericDefs) {
      const g = m.groups[group];
      if (!g) continue;
      variable.value = valueFromString(variable.format, hay.slice(g[0], g[1]));
      variable.captured = [start + g[0], start + g[1]];
      this.vars.numerics.set(name, variable);
    }
    const skip = this.kind === CheckKind.empty ? 1 : 0;
    return { kind: "match", pos: start + m.index + skip, len: m.end - m.index - skip };
  }

  /** The regex with current variable values spliced in, or the errors that prevent it. */
  private splice(): string | PatternError[] {
    let out = "";
    let from = 0;
    const errors: PatternError[] = [];
    for (const s of this.body.substitutions) {
      const value = this.substitutionValue(s, errors);
      if (value === undefined) continue;
      out += this.body.js.slice(from, s.at) + jsEscape(value);
      from = s.at;
    }
    return errors.length > 0 ? errors : out + this.body.js.slice(from);
  }

  private substitutionValue(s: Substitution, errors: PatternError[]): string | undefined {
    if (s.kind === "string") {
      const v = this.vars.strings.get(s.ref.text);
      if (!v) errors.push({ pos: s.ref.pos, len: s.ref.text.length, message: `undefined variable: ${s.ref.text}` });
      return v?.value;
    }
    const r = s.expression.ast ? evaluate(s.expression.ast, this.line) : undefined;
    if (!r) return undefined;
    if (!r.ok) {
      for (const u of r.undefinedVars)
        errors.push({ pos: u.pos, len: u.text.length, message: `undefined variable: ${u.text}` });
      if (r.overflow) errors.push(overflowError(s.ref));
      return undefined;
    }
    const text = matchingString(s.expression.format, r.value);
    if (text === undefined) errors.push(overflowError(s.ref));
    return text;
  }

  /** Notes `with "VAR" equal to "value"` for each substitution (Pattern::printSubstitutions). */
  printSubstitutions(report: Report, input: SourceBuffer, pos: number): void {
    for (const s of this.body.substitutions) {
      const shown = this.diagnosticValue(s);
      if (shown === undefined) continue;
      report.message(input, pos, "note", `with "${writeEscaped(s.ref.text)}" equal to ${shown}`);
    }
  }

  private diagnosticValue(s: Substitution): string | undefined {
    if (s.kind === "numeric") {
      const text = this.substitutionValue(s, []);
      return text === undefined ? undefined : `"${text}"`;
    }
    const v = this.vars.strings.get(s.ref.text);
    if (!v) return undefined;
    // eslint-disable-next-line no-control-regex
    const needsEscaping = /[^\x20-\x7e]|"/.test(v.value);
    return needsEscaping ? `"${writeEscaped(v.value)}" (escaped value)` : `"${v.value}"`;
  }

  /** Notes `captured var "VAR"` over each capture, in input order (Pattern::printVariableDefs). */
  printVariableDefs(report: Report, input: SourceBuffer): void {
    const captures: Array<{ name: string; start: number; end: number }> = [];
    for (const name of this.body.stringDefs.keys()) {
      const v = this.vars.strings.get(name);
      if (v) captures.push({ name, start: v.pos, end: v.pos + v.value.length });
    }
    for (const [name, { variable }] of this.body.numericDefs) {
      if (variable.captured) captures.push({ name, start: variable.captured[0], end: variable.captured[1] });
    }
    captures.sort((a, b) => a.start - b.start);
    for (const c of captures) report.message(input, c.start, "note", `captured var "${c.name}"`, [[c.start, c.end]]);
  }

  /** The "possible intended match here" note for a failed search of `input[start, end)`. */
  printFuzzyMatch(report: Report, input: SourceBuffer, start: number, end: number): void {
    printFuzzyMatch(report, input, start, end, this.body.fixed || this.body.llvmRegex);
  }
}

function overflowError(ref: TextRef): PatternError {
  return {
    pos: ref.pos,
    len: ref.text.length,
    message: "unable to substitute variable or numeric expression: overflow error",
  };
}
