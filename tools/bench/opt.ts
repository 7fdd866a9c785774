// Benchmark section `opt`: `prr opt big.mlir -o out.mlir` (parse, verify, print) against
// `mlir-opt-22 big.mlir -o out.mlir` on issue 2's arith workload, alternating runs, medians, peak memory;
// then one larger file to show how time and memory grow.
// Options: --runs N (5), --ops N (200000), --big-ops N (1000000; 0 skips), --big-runs N (1), --keep.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BenchSection } from "./run.ts";
import { measure, memorySource, type Measurement } from "./measure.ts";
import { arithWorkload, type WorkloadForm } from "./workload.ts";
import { count, findMlirOpt, median, ms, projectRoot, table } from "./report.ts";

interface Options {
  runs: number;
  ops: number;
  bigOps: number;
  bigRuns: number;
  keep: boolean;
}

interface Tool {
  readonly label: string;
  readonly command: string;
  readonly args: (input: string, output: string) => string[];
}

interface Series {
  readonly tool: Tool;
  readonly runs: Measurement[];
}

function parseOptions(args: readonly string[]): Options {
  const o: Options = { runs: 5, ops: 200_000, bigOps: 1_000_000, bigRuns: 1, keep: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--runs") o.runs = Math.max(1, value());
    else if (a === "--ops") o.ops = value();
    else if (a === "--big-ops") o.bigOps = value();
    else if (a === "--big-runs") o.bigRuns = Math.max(1, value());
    else if (a === "--keep") o.keep = true;
  }
  return o;
}

/** mlir-opt-22: in PRR_LLVM_BIN, on PATH, or in LLVM 22's own bin directory; undefined when absent. */
const mib = (kib: number | undefined) => (kib === undefined ? "n/a" : `${(kib / 1024).toFixed(0)} MiB`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Runs the tools alternately, `runs` times each; stops at the first failure. */
async function alternate(tools: readonly Tool[], input: string, dir: string, runs: number): Promise<Series[] | string> {
  const series = tools.map((tool) => ({ tool, runs: [] as Measurement[] }));
  for (let i = 0; i < runs; i++)
    for (const s of series) {
      const out = path.join(dir, `out-${s.tool.label}.mlir`);
      const m = await measure(s.tool.command, s.tool.args(input, out), dir);
      if (m.status !== 0)
        return `${s.tool.label} failed (exit ${m.status}):\n${m.stderr.split("\n").slice(0, 8).join("\n")}`;
      s.runs.push(m);
    }
  return series;
}

/** The workload form prr can read today: custom when it registers arith, else generic (with a note). */
async function workloadForm(prr: Tool, dir: string): Promise<WorkloadForm> {
  const probe = path.join(dir, "probe.mlir");
  fs.writeFileSync(probe, arithWorkload(100, "custom"));
  const m = await measure(prr.command, prr.args(probe, path.join(dir, "probe-out.mlir")), dir);
  if (m.status === 0) return "custom";
  const first = m.stderr.split("\n")[0] ?? "";
  console.log(
    `note: prr cannot read the custom-form workload yet (${first.replace(/^.*?error: /, "")}); ` +
      `using the generic form with --allow-unregistered-dialect on both sides. This is not the real benchmark.`,
  );
  return "generic";
}

/** Medians of one tool's runs. */
interface Summary {
  readonly label: string;
  readonly wall: number;
  readonly minWall: number;
  readonly maxWall: number;
  readonly cpu: number | undefined;
  readonly peakKiB: number | undefined;
}

function summarize(s: Series): Summary {
  const known = (xs: (number | undefined)[]) => {
    const k = xs.filter((x): x is number => x !== undefined);
    return k.length > 0 ? median(k) : undefined;
  };
  const walls = s.runs.map((r) => r.ms);
  return {
    label: s.tool.label,
    wall: median(walls),
    minWall: Math.min(...walls),
    maxWall: Math.max(...walls),
    cpu: known(s.runs.map((r) => r.cpuMs)),
    peakKiB: known(s.runs.map((r) => r.peakKiB)),
  };
}

const optional = (x: number | undefined, show: (v: number) => string) => (x === undefined ? "n/a" : show(x));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)}x`;

function firstDifferentLine(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const la = a.split("\n");
  const lb = b.split("\n");
  let i = 0;
  while (la[i] === lb[i]) i++;
  return i + 1;
}

async function run(args: readonly string[]): Promise<void> {
  const o = parseOptions(args);
  const root = projectRoot();
  const prrJs = path.join(root, "dist", "tools", "cli", "prr.js");
  if (!fs.existsSync(prrJs)) throw new Error(`${prrJs} is missing: run \`npm run build\` first`);
  const mlirOpt = findMlirOpt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-bench-opt-"));
  try {
    let extra: string[] = [];
    const prr: Tool = {
      label: "prr",
      command: process.execPath,
      args: (i, out) => [prrJs, "opt", i, "-o", out, ...extra],
    };
    const form = await workloadForm(prr, dir);
    if (form === "generic") extra = ["--allow-unregistered-dialect"];
    const tools: Tool[] = [prr];
    if (mlirOpt === undefined) console.log("mlir-opt-22 not found: its columns and the ratio are skipped");
    else tools.push({ label: "mlir-opt-22", command: mlirOpt, args: (i, out) => [i, "-o", out, ...extra] });

    const input = path.join(dir, "big.mlir");
    fs.writeFileSync(input, arithWorkload(o.ops, form));
    console.log(
      `workload: ${count(o.ops)} arith ops on i32 in one func.func, ${form} form, ${mb(fs.statSync(input).size)}; ` +
        `${o.runs} runs each, alternating, after one warm-up run each; peak memory from ${memorySource}`,
    );
    const warm = await alternate(tools, input, dir, 1);
    const series = typeof warm === "string" ? warm : await alternate(tools, input, dir, o.runs);
    if (typeof series === "string") {
      console.log(series);
      return;
    }
    const small = series.map(summarize);
    console.log(
      table(
        ["tool", "wall median", "min", "max", "CPU median", "peak RSS", "µs/op (wall)"],
        small.map((m) => [
          m.label,
          ms(m.wall),
          ms(m.minWall),
          ms(m.maxWall),
          optional(m.cpu, ms),
          mib(m.peakKiB),
          ((1000 * m.wall) / Math.max(1, o.ops)).toFixed(2),
        ]),
      ),
    );
    const [p, m] = small;
    if (p !== undefined && m !== undefined) {
      console.log(
        `ratio prr / mlir-opt-22: wall ${ratio(p.wall, m.wall)} (goal ≤ 1.00x), CPU ${ratio(p.cpu, m.cpu)}, ` +
          `peak memory ${ratio(p.peakKiB, m.peakKiB)}`,
      );
      const read = (label: string) => fs.readFileSync(path.join(dir, `out-${label}.mlir`), "utf8");
      const line = firstDifferentLine(read(p.label), read(m.label));
      console.log(
        line === undefined
          ? "prr's output equals mlir-opt-22's"
          : `prr's output differs from mlir-opt-22's from line ${line}`,
      );
    }
    if (o.bigOps > 0) await growth(tools, form, o, small, dir);
  } finally {
    if (o.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The larger file: time and memory against the small one's medians, to show linear growth. */
async function growth(tools: readonly Tool[], form: WorkloadForm, o: Options, small: readonly Summary[], dir: string) {
  const input = path.join(dir, "bigger.mlir");
  fs.writeFileSync(input, arithWorkload(o.bigOps, form));
  const runs = `${o.bigRuns} run${o.bigRuns > 1 ? "s" : ""} each`;
  console.log(`\ngrowth: ${count(o.bigOps)} ops (${mb(fs.statSync(input).size)}), ${runs}, alternating`);
  const series = await alternate(tools, input, dir, o.bigRuns);
  fs.rmSync(input, { force: true });
  if (typeof series === "string") {
    console.log(series);
    return;
  }
  const scale = `${count(o.ops)} ops (linear: ${(o.bigOps / Math.max(1, o.ops)).toFixed(1)}x)`;
  console.log(
    table(
      ["tool", "wall", "CPU", "peak RSS", "µs/op (wall)", `wall vs ${scale}`, "CPU vs", "memory vs"],
      series
        .map(summarize)
        .map((b, k) => [
          b.label,
          ms(b.wall),
          optional(b.cpu, ms),
          mib(b.peakKiB),
          ((1000 * b.wall) / o.bigOps).toFixed(2),
          ratio(b.wall, small[k]?.wall),
          ratio(b.cpu, small[k]?.cpu),
          ratio(b.peakKiB, small[k]?.peakKiB),
        ]),
    ),
  );
}

export const optBench: BenchSection = {
  name: "opt",
  summary: "prr opt vs mlir-opt-22: parse, verify and print issue 2's arith workload",
  run,
};
