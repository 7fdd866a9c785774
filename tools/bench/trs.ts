// Benchmark of `prr check --trs` on the CoCo development set (../shared/corpus/trs/coco2025), one core:
// decided, wrong, YES/NO counts, median and maximum time. `node dist/tools/bench/trs.js [--timeout MS] [--verbose]`
import * as fs from "node:fs";
import * as path from "node:path";
import { parseTrs } from "../../grammar/trs/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { trsFromProblem } from "../../engine/check/trs/trs.ts";
import { checkConfluence } from "../../engine/check/trs/prove.ts";
import { projectRoot } from "./report.ts";

export function corpusDir(): string {
  return path.resolve(projectRoot(), "..", "shared", "corpus", "trs", "coco2025");
}

function readAnswers(dir: string): Map<string, string> {
  const lines = fs.readFileSync(path.join(dir, "answers.tsv"), "utf8").trim().split("\n").slice(1);
  return new Map(lines.map((l) => l.split("\t") as [string, string]));
}

export function trsMain(argv: readonly string[]): number {
  let timeout = 1000;
  let verbose = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--timeout") timeout = Number(argv[++i]);
    else if (a === "--verbose") verbose = true;
    else only.push(a);
  }
  const dir = corpusDir();
  if (!fs.existsSync(dir)) {
    console.log(`skipped: the corpus is not at ${dir}`);
    return process.env.PRR_REQUIRE_CORPUS === "1" ? 1 : 0;
  }
  const answers = readAnswers(dir);
  const files = only.length > 0 ? only : [...answers.keys()].sort((a, b) => parseInt(a) - parseInt(b));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const stages: Record<string, { ms: number; runs: number; decided: number }> = {};
  const count = { YES: 0, NO: 0, MAYBE: 0, wrong: 0, known: 0, error: 0 };
  for (const file of files) {
    const expected = answers.get(file) ?? "UNKNOWN";
    const parsed = parseTrs(new SourceFile(file, fs.readFileSync(path.join(dir, file), "utf8")));
    if (!parsed.ok) {
      count.error++;
      console.log(`${file}\tparse error`);
      continue;
    }
    const start = performance.now();
    const cpu = process.cpuUsage();
    const outcome = checkConfluence(trsFromProblem(parsed.problem), timeout, (name, ms, decided) => {
      const s = (stages[name] ??= { ms: 0, runs: 0, decided: 0 });
      s.ms += ms;
      s.runs++;
      if (decided) s.decided++;
    });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    times.push(ms);
    count[outcome.answer]++;
    if (expected !== "UNKNOWN") count.known++;
    const wrong = outcome.answer !== "MAYBE" && expected !== "UNKNOWN" && outcome.answer !== expected;
    if (wrong) count.wrong++;
    if (verbose || wrong)
      console.log(
        `${file}\t${outcome.answer}\t${expected}\t${ms.toFixed(1)} ms\t${outcome.criterion ?? ""}${wrong ? "\tWRONG" : ""}`,
      );
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const median = times.length ? times[Math.floor((times.length - 1) / 2)]! : 0;
  const cpuMedian = cpuTimes.length ? cpuTimes[Math.floor((cpuTimes.length - 1) / 2)]! : 0;
  if (verbose)
    for (const [name, s] of Object.entries(stages))
      console.log(
        `stage ${name.padEnd(28)} runs ${String(s.runs).padStart(4)}  decided ${String(s.decided).padStart(3)}  total ${s.ms.toFixed(0).padStart(6)} ms`,
      );
  const decided = count.YES + count.NO;
  console.log(
    `problems ${files.length} (known answers ${count.known}), decided ${decided} ` +
      `(${count.known ? ((100 * decided) / count.known).toFixed(1) : "0"}% of known): YES ${count.YES}, NO ${count.NO}, MAYBE ${count.MAYBE}; ` +
      `wrong ${count.wrong}; wall median ${median.toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms; ` +
      `cpu median ${cpuMedian.toFixed(1)} ms, max ${(cpuTimes.at(-1) ?? 0).toFixed(1)} ms (timeout ${timeout} ms)`,
  );
  return count.wrong > 0 || count.error > 0 ? 1 : 0;
}

/** The `trs` section of `npm run bench`. */
export const trsBench = {
  name: "trs",
  summary: "prr check --trs on the CoCo 2025 development set: decided, wrong, time per problem",
  run(args: readonly string[]): void {
    // Options of other sections (e.g. `--runs 5`) are not ours; keep --timeout and --verbose.
    const own: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "--timeout") own.push("--timeout", args[++i] ?? "1000");
      else if (args[i] === "--verbose") own.push("--verbose");
    }
    if (trsMain(own) !== 0) throw new Error("wrong answers or errors on the development set");
  },
};

// Run directly (`node dist/tools/bench/trs.js`), it benchmarks on its own.
if (process.argv[1]?.endsWith("trs.js")) process.exitCode = trsMain(process.argv.slice(2));
