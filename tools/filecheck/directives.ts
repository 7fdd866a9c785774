// Reads a check file into check strings: finds prefixed directives (FindFirstMatchingPrefix, FindCheckType),
// parses their patterns and attaches each run of CHECK-DAG/CHECK-NOT to the check that follows it.
import { CheckKind } from "./check-type.ts";
import type { CheckType } from "./check-type.ts";
import { Pattern } from "./pattern.ts";
import type { PatternOptions } from "./pattern.ts";
import type { Report } from "./report.ts";
import type { SourceBuffer } from "./source.ts";
import type { VariableTable } from "./variables.ts";

/** A CHECK-DAG or CHECK-NOT pattern waiting for the next positive check. */
export interface DagNot {
  readonly pattern: Pattern;
  readonly prefix: string;
}

/** FileCheckString: a positive check with the DAG/NOT patterns that precede it. */
export interface CheckString {
  readonly pattern: Pattern;
  readonly prefix: string;
  readonly pos: number;
  readonly dagNots: readonly DagNot[];
}

export interface ReadOptions extends PatternOptions {
  readonly checkPrefixes: readonly string[];
  readonly commentPrefixes: readonly string[];
  readonly implicitCheckNot: readonly string[];
  readonly isDefaultPrefix: boolean;
  readonly allowUnusedPrefixes: boolean;
}

type Found =
  | { readonly kind: "check"; readonly type: CheckType; readonly after: number }
  | { readonly kind: "comment" | "misspelled" | "bad-not" | "bad-count"; readonly after: number }
  | undefined;

const plain = (kind: CheckKind, count = 1): CheckType => ({ kind, count, literal: false });

/** Parses the check file; returns undefined (after reporting) when it is malformed. */
export function readCheckFile(
  check: SourceBuffer,
  opts: ReadOptions,
  vars: VariableTable,
  report: Report,
): CheckString[] | undefined {
  const implicit: DagNot[] = [];
  for (const text of opts.implicitCheckNot) {
    const before = "-implicit-check-not='";
    const buf: SourceBuffer = { name: "command line", text: `${before}${text}'` };
    const pattern = new Pattern(plain(CheckKind.not), vars, { buf, pos: before.length }, undefined);
    if (!pattern.parse(before.length, before.length + text.length, "IMPLICIT-CHECK", opts, report)) return undefined;
    implicit.push({ pattern, prefix: "IMPLICIT-CHECK" });
  }

  const text = check.text;
  const checks: CheckString[] = [];
  let dagNots: DagNot[] = [...implicit];
  let line = 1;
  let pos = 0;
  const unused = new Set(opts.checkPrefixes);
  const matcher = new PrefixMatcher(text, [...opts.checkPrefixes, ...opts.commentPrefixes]);
  for (;;) {
    const hit = findFirstMatchingPrefix(text, pos, matcher, opts.commentPrefixes);
    if (!hit) break;
    line += countNewlines(text, pos, hit.at);
    const { prefix, found } = hit;
    if (found.kind !== "comment") unused.delete(prefix);
    const prefixStart = hit.at;
    pos = found.after;
    if (found.kind === "misspelled") {
      report.message(check, prefixStart, "error", `misspelled directive '${text.slice(prefixStart, found.after)}'`);
      return undefined;
    }
    if (found.kind === "bad-not") {
      report.message(check, pos, "error", `unsupported -NOT combo on prefix '${prefix}'`);
      return undefined;
    }
    if (found.kind === "bad-count") {
      report.message(check, pos, "error", `invalid count in -COUNT specification on prefix '${prefix}'`);
      return undefined;
    }
    if (!(opts.strictWhitespace && opts.matchFullLines)) {
      while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
    }
    let eol = pos;
    while (eol < text.length && text[eol] !== "\n" && text[eol] !== "\r") eol++;
    const patternStart = pos;
    pos = eol;
    if (found.kind === "comment") continue;

    if (found.kind !== "check") continue;
    const type = found.type;
    const pattern = new Pattern(type, vars, { buf: check, pos: patternStart }, line);
    if (!pattern.parse(patternStart, eol, prefix, opts, report)) return undefined;
    if (type.kind === CheckKind.label && pattern.hasVariable()) {
      report.message(check, prefixStart, "error", `found '${prefix}-LABEL:' with variable definition or use`);
      return undefined;
    }
    if (
      (type.kind === CheckKind.next || type.kind === CheckKind.same || type.kind === CheckKind.empty) &&
      checks.length === 0
    ) {
      const name = type.kind === CheckKind.next ? "NEXT" : type.kind === CheckKind.empty ? "EMPTY" : "SAME";
      report.message(check, prefixStart, "error", `found '${prefix}-${name}' without previous '${prefix}: line`);
      return undefined;
    }
    if (type.kind === CheckKind.dag || type.kind === CheckKind.not) {
      dagNots.push({ pattern, prefix });
      continue;
    }
    checks.push({ pattern, prefix, pos: patternStart, dagNots });
    dagNots = [...implicit];
  }

  const noneFound = unused.size === new Set(opts.checkPrefixes).size;
  const someUnused = !opts.allowUnusedPrefixes && unused.size > 0;
  if ((noneFound || someUnused) && (implicit.length === 0 || !opts.isDefaultPrefix)) {
    const missing = [...unused].sort().map((p) => `'${p}:'`);
    report.line(`error: no check strings found with prefix${missing.length > 1 ? "es " : " "}${missing.join(", ")}`);
    return undefined;
  }
  if (dagNots.length > 0) {
    const eof = new Pattern(plain(CheckKind.eof), vars, { buf: check, pos }, line + 1);
    checks.push({ pattern: eof, prefix: opts.checkPrefixes[0] ?? "CHECK", pos, dagNots });
  }
  return checks;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function isPartOfWord(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_-]/.test(c);
}

/** The earliest occurrence of any prefix at or after a position, longest first on ties (caches positions). */
class PrefixMatcher {
  private readonly text: string;
  private readonly prefixes: Array<{ readonly prefix: string; pos: number }>;

  constructor(text: string, prefixes: readonly string[]) {
    this.text = text;
    this.prefixes = [...prefixes].sort((a, b) => b.length - a.length).map((prefix) => ({ prefix, pos: -2 }));
  }

  next(from: number): { at: number; prefix: string } | undefined {
    let best: { at: number; prefix: string } | undefined;
    for (const p of this.prefixes) {
      if (p.pos !== -1 && p.pos < from) p.pos = this.text.indexOf(p.prefix, from);
      if (p.pos !== -1 && (best === undefined || p.pos < best.at)) best = { at: p.pos, prefix: p.prefix };
    }
    return best;
  }
}

/** The next prefix occurrence that starts a word and is followed by a directive suffix. */
function findFirstMatchingPrefix(
  text: string,
  from: number,
  matcher: PrefixMatcher,
  commentPrefixes: readonly string[],
): { at: number; prefix: string; found: NonNullable<Found> } | undefined {
  let pos = from;
  while (pos < text.length) {
    const hit = matcher.next(pos);
    if (!hit) return undefined;
    const { at, prefix } = hit;
    if (at === pos || !isPartOfWord(text[at - 1])) {
      const found = findCheckType(text, at, prefix, commentPrefixes);
      if (found) return { at, prefix, found };
    }
    let end = at + prefix.length;
    while (end < text.length && isPartOfWord(text[end])) end++;
    pos = end;
  }
  return undefined;
}

/** FindCheckType: the directive suffix after a prefix at `at`, e.g. `-NEXT:` or `-COUNT-3{LITERAL}:`. */
function findCheckType(text: string, at: number, prefix: string, commentPrefixes: readonly string[]): Found {
  let i = at + prefix.length;
  if (text.length <= i) return undefined;
  if (commentPrefixes.includes(prefix)) return text[i] === ":" ? { kind: "comment", after: i + 1 } : undefined;

  const modifiers = (type: CheckType): Found => {
    if (text[i] === ":") return { kind: "check", type, after: i + 1 };
    if (text[i] !== "{") return undefined;
    i++;
    let literal = false;
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (!text.startsWith("LITERAL", i)) return undefined;
      i += "LITERAL".length;
      literal = true;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] !== ",") break;
      i++;
    }
    if (!text.startsWith("}:", i)) return undefined;
    return { kind: "check", type: { ...type, literal }, after: i + 2 };
  };

  if (text[i] === ":") return { kind: "check", type: plain(CheckKind.plain), after: i + 1 };
  if (text[i] === "{") return modifiers(plain(CheckKind.plain));
  let misspelled = false;
  if (text[i] === "_") misspelled = true;
  else if (text[i] !== "-") return undefined;
  i++;
  const result = ((): Found => {
    if (text.startsWith("COUNT-", i)) {
      i += "COUNT-".length;
      const digits = /^[0-9]+/.exec(text.slice(i, i + 20));
      if (!digits) return { kind: "bad-count", after: i };
      i += digits[0].length;
      const count = Number(digits[0]);
      if (count <= 0 || count > 2147483647) return { kind: "bad-count", after: i };
      if (text[i] !== ":" && text[i] !== "{") return { kind: "bad-count", after: i };
      return modifiers(plain(CheckKind.plain, count));
    }
    for (const combo of [
      "DAG-NOT:",
      "NOT-DAG:",
      "NEXT-NOT:",
      "NOT-NEXT:",
      "SAME-NOT:",
      "NOT-SAME:",
      "EMPTY-NOT:",
      "NOT-EMPTY:",
    ]) {
      if (text.startsWith(combo, i)) return { kind: "bad-not", after: i };
    }
    for (const [word, kind] of suffixKinds) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return modifiers(plain(kind));
      }
    }
    return undefined;
  })();
  if (result && misspelled) return { kind: "misspelled", after: result.after };
  return result;
}

const suffixKinds: ReadonlyArray<readonly [string, CheckKind]> = [
  ["NEXT", CheckKind.next],
  ["SAME", CheckKind.same],
  ["NOT", CheckKind.not],
  ["DAG", CheckKind.dag],
  ["LABEL", CheckKind.label],
  ["EMPTY", CheckKind.empty],
];
