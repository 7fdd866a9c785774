// `--verify-diagnostics`: matches produced diagnostics against `expected-error@+1 {{...}}`
// annotations in the source, as mlir-opt does.
import type { SourceFile } from "../../engine/support/source.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";

interface Expectation {
  severity: string;
  line: number;
  message: string;
  matched: boolean;
  start: number;
  end: number;
}

const pattern = /expected-(error|warning|note|remark)\s*(?:@([+-]\d+|above|below))?\s*\{\{(.*?)\}\}/g;

export function parseExpectations(file: SourceFile): Expectation[] {
  const out: Expectation[] = [];
  const text = file.text;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const { line } = file.position(m.index);
    let target = line;
    const rel = m[2];
    if (rel === "above") target = line - 1;
    else if (rel === "below") target = line + 1;
    else if (rel) target = line + Number(rel);
    out.push({ severity: m[1]!, line: target, message: m[3]!, matched: false, start: m.index, end: m.index + m[0].length });
  }
  pattern.lastIndex = 0;
  return out;
}

/** Returns the diagnostics to report: unmatched expectations and unexpected diagnostics. */
export function checkExpectations(file: SourceFile, produced: readonly Diagnostic[]): Diagnostic[] {
  const expected = parseExpectations(file);
  const problems: Diagnostic[] = [];
  for (const d of produced) {
    const line = d.span && d.span.file === file ? file.position(d.span.start).line : undefined;
    const e = expected.find((x) => !x.matched && x.severity === d.severity && x.line === line && d.message.includes(x.message));
    if (e) e.matched = true;
    else problems.push(diag("PRR4002", `unexpected ${d.severity}: ${d.message}`, d.span));
    for (const n of d.notes) {
      const nl = n.span && n.span.file === file ? file.position(n.span.start).line : undefined;
      const en = expected.find((x) => !x.matched && x.severity === "note" && x.line === nl && n.message.includes(x.message));
      if (en) en.matched = true;
    }
  }
  for (const e of expected)
    if (!e.matched)
      problems.push(
        diag("PRR4001", `expected ${e.severity} "${e.message}" was not produced`, { file, start: e.start, end: e.end }),
      );
  return problems;
}
