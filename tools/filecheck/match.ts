// Matches check strings against the input: CHECK-LABEL blocks, CHECK-DAG groups with their CHECK-NOTs,
// CHECK-NEXT/SAME/EMPTY line discipline and CHECK-COUNT repetition (FileCheck::checkInput and friends).
import { CheckKind, describeCheck } from "./check-type.ts";
import type { CheckString, DagNot } from "./directives.ts";
import type { MatchOutcome, Pattern } from "./pattern.ts";
import type { Report } from "./report.ts";
import type { SourceBuffer } from "./source.ts";

/** A successful check: where its (first) match starts and how long the matched span is. */
interface Found {
  readonly pos: number;
  readonly len: number;
}

/** Runs all checks over the input; returns whether they all passed. Diagnostics go to `report`. */
export function checkInput(checks: readonly CheckString[], input: SourceBuffer, report: Report): boolean {
  const m = new Matcher(input, report);
  let failed = false;
  let i = 0;
  let j = 0;
  let bufStart = 0;
  const bufEnd = input.text.length;
  for (;;) {
    let regionStart: number;
    let regionEnd: number;
    if (j === checks.length) {
      regionStart = bufStart;
      regionEnd = bufEnd;
    } else {
      const label = checks[j]!;
      if (label.pattern.kind !== CheckKind.label) {
        j++;
        continue;
      }
      const found = m.check(label, bufStart, bufEnd, true);
      if (!found) return false;
      regionStart = bufStart;
      regionEnd = found.pos + found.len;
      bufStart = regionEnd;
      j++;
    }
    for (; i !== j; i++) {
      const found = m.check(checks[i]!, regionStart, regionEnd, false);
      if (!found) {
        failed = true;
        i = j;
        break;
      }
      regionStart = found.pos + found.len;
    }
    if (j === checks.length) break;
  }
  return !failed;
}

class Matcher {
  private readonly input: SourceBuffer;
  private readonly report: Report;

  constructor(input: SourceBuffer, report: Report) {
    this.input = input;
    this.report = report;
  }

  /** FileCheckString::Check over `input[start, end)`; undefined after reporting a failure. */
  check(cs: CheckString, start: number, end: number, labelScan: boolean): Found | undefined {
    let lastPos = start;
    const nots: DagNot[] = [];
    if (!labelScan) {
      const after = this.checkDag(cs, start, end, nots);
      if (after === undefined) return undefined;
      lastPos = after;
    }
    const pat = cs.pattern;
    let lastMatchEnd = lastPos;
    let firstMatchPos = start;
    for (let i = 1; i <= pat.type.count; i++) {
      const outcome = pat.match(this.input.text, lastMatchEnd, end);
      if (outcome.kind !== "match") {
        this.printNoMatch(true, cs.prefix, pat, i, lastMatchEnd, end, outcome);
        return undefined;
      }
      if (i === 1) firstMatchPos = outcome.pos;
      lastMatchEnd = outcome.pos + outcome.len;
    }
    const len = lastMatchEnd - firstMatchPos;
    if (!labelScan) {
      if (this.checkNext(cs, lastPos, firstMatchPos)) return undefined;
      if (this.checkSame(cs, lastPos, firstMatchPos)) return undefined;
      if (this.checkNot(nots, lastPos, firstMatchPos)) return undefined;
    }
    return { pos: firstMatchPos, len };
  }

  /** CHECK-NEXT and CHECK-EMPTY: exactly one newline between the previous match and this one. */
  private checkNext(cs: CheckString, from: number, to: number): boolean {
    const kind = cs.pattern.kind;
    if (kind !== CheckKind.next && kind !== CheckKind.empty) return false;
    const name = `${cs.prefix}${kind === CheckKind.empty ? "-EMPTY" : "-NEXT"}`;
    const { count, firstNewline } = countNewlines(this.input.text, from, to);
    if (count === 0) {
      this.report.message(cs.pattern.loc.buf, cs.pos, "error", `${name}: is on the same line as previous match`);
      this.report.message(this.input, to, "note", "'next' match was here");
      this.report.message(this.input, from, "note", "previous match ended here");
      return true;
    }
    if (count !== 1) {
      this.report.message(cs.pattern.loc.buf, cs.pos, "error", `${name}: is not on the line after the previous match`);
      this.report.message(this.input, to, "note", "'next' match was here");
      this.report.message(this.input, from, "note", "previous match ended here");
      this.report.message(this.input, firstNewline, "note", "non-matching line after previous match is here");
      return true;
    }
    return false;
  }

  /** CHECK-SAME: no newline between the previous match and this one. */
  private checkSame(cs: CheckString, from: number, to: number): boolean {
    if (cs.pattern.kind !== CheckKind.same) return false;
    if (countNewlines(this.input.text, from, to).count === 0) return false;
    this.report.message(
      cs.pattern.loc.buf,
      cs.pos,
      "error",
      `${cs.prefix}-SAME: is not on the same line as the previous match`,
    );
    this.report.message(this.input, to, "note", "'next' match was here");
    this.report.message(this.input, from, "note", "previous match ended here");
    return true;
  }

  /** CHECK-NOT: none of `nots` may match in `[from, to)`. Returns true on failure. */
  private checkNot(nots: readonly DagNot[], from: number, to: number): boolean {
    let failed = false;
    for (const n of nots) {
      const outcome = n.pattern.match(this.input.text, from, to);
      if (outcome.kind === "match") {
        this.printExcluded(n, outcome.pos, outcome.len);
        failed = true;
      } else if (outcome.kind === "error") {
        this.printNoMatch(false, n.prefix, n.pattern, 1, from, to, outcome);
        failed = true;
      }
    }
    return failed;
  }

  /** FileCheckString::CheckDag: matches the DAG groups; returns where the main pattern's search starts. */
  private checkDag(cs: CheckString, start: number, end: number, nots: DagNot[]): number | undefined {
    const dagNots = cs.dagNots;
    if (dagNots.length === 0) return start;
    let startPos = start;
    let ranges: Array<{ pos: number; end: number }> = [];
    for (let k = 0; k < dagNots.length; k++) {
      const { pattern: pat, prefix } = dagNots[k]!;
      if (pat.kind === CheckKind.not) {
        nots.push(dagNots[k]!);
        continue;
      }
      let matchPos = startPos;
      let mi = 0;
      for (;;) {
        const outcome = pat.match(this.input.text, matchPos, end);
        if (outcome.kind !== "match") {
          this.printNoMatch(true, prefix, pat, 1, matchPos, end, outcome);
          return undefined;
        }
        const m = { pos: outcome.pos, end: outcome.pos + outcome.len };
        let overlap = false;
        for (; mi < ranges.length; mi++) {
          const r = ranges[mi]!;
          if (m.pos < r.end) {
            overlap = r.pos < m.end;
            break;
          }
        }
        if (!overlap) {
          ranges.splice(mi, 0, m);
          break;
        }
        matchPos = ranges[mi]!.end;
      }
      const next = dagNots[k + 1];
      if (next === undefined || next.pattern.kind === CheckKind.not) {
        if (nots.length > 0) {
          if (this.checkNot(nots, startPos, ranges[0]!.pos)) return undefined;
          nots.length = 0;
        }
        startPos = ranges[ranges.length - 1]!.end;
        ranges = [];
      }
    }
    return startPos;
  }

  /** printNoMatch: "expected string not found" (or pattern errors), substitutions and the fuzzy note. */
  private printNoMatch(
    expected: boolean,
    prefix: string,
    pat: Pattern,
    matchedCount: number,
    start: number,
    end: number,
    outcome: MatchOutcome,
  ): void {
    const errors = outcome.kind === "error" ? outcome.errors : [];
    for (const e of errors) {
      this.report.message(pat.loc.buf, e.pos, "error", e.message);
    }
    if (!expected && errors.length === 0) return;
    if (errors.length === 0) {
      let msg = `${describeCheck(pat.type, prefix)}: expected string not found in input`;
      if (pat.type.count > 1) msg += ` (${matchedCount} out of ${pat.type.count})`;
      this.report.message(pat.loc.buf, pat.loc.pos, "error", msg);
      this.report.message(this.input, start, "note", "scanning from here");
    }
    pat.printSubstitutions(this.report, this.input, start);
    if (expected) pat.printFuzzyMatch(this.report, this.input, start, end);
  }

  /** printMatch for a CHECK-NOT that matched. */
  private printExcluded(n: DagNot, pos: number, len: number): void {
    const pat = n.pattern;
    this.report.message(
      pat.loc.buf,
      pat.loc.pos,
      "error",
      `${describeCheck(pat.type, n.prefix)}: excluded string found in input`,
    );
    this.report.message(this.input, pos, "note", "found here", [[pos, pos + len]]);
    pat.printSubstitutions(this.report, this.input, pos);
    pat.printVariableDefs(this.report, this.input);
  }
}

/** CountNumNewlinesBetween: `\n`, `\r`, `\r\n` and `\n\r` each count once. */
function countNewlines(text: string, from: number, to: number): { count: number; firstNewline: number } {
  let count = 0;
  let firstNewline = from;
  let i = from;
  for (;;) {
    while (i < to && text[i] !== "\n" && text[i] !== "\r") i++;
    if (i >= to) return { count, firstNewline };
    count++;
    if (i + 1 < to && (text[i + 1] === "\n" || text[i + 1] === "\r") && text[i] !== text[i + 1]) i++;
    i++;
    if (count === 1) firstNewline = i;
  }
}
