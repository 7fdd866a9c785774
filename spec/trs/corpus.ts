// The CoCo development set (../shared/corpus/trs/coco2025 from the project root): where it is,
// its problems with their known answers, and whether its absence skips a suite or fails it.
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../tools/bench/report.ts";

export interface TrsProblemFile {
  readonly name: string;
  readonly text: string;
  /** YES, NO or UNKNOWN. */
  readonly expected: string;
}

export function trsCorpusDir(): string {
  return path.resolve(projectRoot(), "..", "shared", "corpus", "trs", "coco2025");
}

/** Why the corpus cannot be used, or undefined; throws when PRR_REQUIRE_CORPUS=1 demands it. */
export function trsCorpusAbsence(): string | undefined {
  const dir = trsCorpusDir();
  if (fs.existsSync(path.join(dir, "answers.tsv"))) return undefined;
  const why = `the TRS corpus is absent (${dir}/answers.tsv not found)`;
  if (process.env.PRR_REQUIRE_CORPUS === "1") throw new Error(`${why}, and PRR_REQUIRE_CORPUS=1 requires it`);
  return why;
}

export function trsCorpus(): TrsProblemFile[] {
  const dir = trsCorpusDir();
  const rows = fs.readFileSync(path.join(dir, "answers.tsv"), "utf8").trim().split("\n").slice(1);
  return rows
    .map((row) => row.split("\t") as [string, string])
    .sort(([a], [b]) => parseInt(a) - parseInt(b))
    .map(([name, expected]) => ({ name, expected, text: fs.readFileSync(path.join(dir, name), "utf8") }));
}
