// The CoCo development set end to end: every problem with a 1 s budget, zero wrong answers
// against answers.tsv, every YES/NO certificate accepted by the independent checker.
import { describe, expect, it } from "vitest";
import { parseTrs } from "../../grammar/trs/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { trsFromProblem } from "../../engine/check/trs/trs.ts";
import { checkConfluence } from "../../engine/check/trs/prove.ts";
import { checkCertificate } from "./certificate-checker.ts";
import { trsCorpus, trsCorpusAbsence } from "./corpus.ts";

const absent = trsCorpusAbsence();
if (absent) console.log(`spec/trs/corpus.test.ts skipped: ${absent}`);

describe.skipIf(absent !== undefined)("CoCo 2025 TRS development set", () => {
  it("answers no problem wrongly, and every certificate checks", () => {
    const problems = trsCorpus();
    const wrong: string[] = [];
    const rejected: string[] = [];
    const times: number[] = [];
    let yes = 0;
    let no = 0;
    let known = 0;
    for (const p of problems) {
      const parsed = parseTrs(new SourceFile(p.name, p.text));
      expect(parsed.ok, p.name).toBe(true);
      if (!parsed.ok) continue;
      const start = performance.now();
      const outcome = checkConfluence(trsFromProblem(parsed.problem), 1000);
      times.push(performance.now() - start);
      if (p.expected !== "UNKNOWN") known++;
      if (outcome.answer === "MAYBE") continue;
      if (outcome.answer === "YES") yes++;
      else no++;
      if (p.expected !== "UNKNOWN" && outcome.answer !== p.expected)
        wrong.push(`${p.name}: ${outcome.answer}, expected ${p.expected}`);
      try {
        checkCertificate(parsed.problem, outcome.proof!.certificate);
      } catch (e) {
        rejected.push(`${p.name} (${outcome.criterion}): ${(e as Error).message}`);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor((times.length - 1) / 2)] ?? 0;
    console.log(
      `TRS corpus: ${problems.length} problems, ${known} with known answers; decided ${yes + no} ` +
        `(${((100 * (yes + no)) / known).toFixed(1)}%): YES ${yes}, NO ${no}; wrong ${wrong.length}; ` +
        `median ${median.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms`,
    );
    expect(wrong).toEqual([]);
    expect(rejected).toEqual([]);
    // a regression guard: the first goal is 40% of the known answers
    expect(yes + no).toBeGreaterThanOrEqual(Math.ceil(0.4 * known));
  });
});
