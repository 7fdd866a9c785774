// `prr lower -p canonicalize` against `mlir-opt-22 --canonicalize` on issue 2's 200,000-op arith
// workload: medians of alternating runs, the wall-time ratio, and both outputs' op counts (prr's
// must not exceed mlir-opt's).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import type { BenchSection } from "./run.ts";
import { measure } from "./measure.ts";
import { arithWorkload } from "./workload.ts";
import { countGenericOps, findMlirOpt, median, ms, count, projectRoot, table } from "./report.ts";

function option(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

async function run(args: readonly string[]): Promise<void> {
  const runs = option(args, "--runs", 5);
  const ops = option(args, "--ops", 200_000);
  const mlirOpt = findMlirOpt();
  if (mlirOpt === undefined) {
    console.log("skipped: mlir-opt-22 is not installed (Debian package mlir-22-tools)");
    return;
  }
  const prrJs = path.join(projectRoot(), "dist", "tools", "cli", "prr.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-bench-canon-"));
  try {
    const input = path.join(dir, "big.mlir");
    fs.writeFileSync(input, arithWorkload(ops, "custom"));
    const tools = [
      { label: "prr lower -p canonicalize", command: process.execPath, args: [prrJs, "lower", input, "-p", "canonicalize", "-o", path.join(dir, "out-prr.mlir")] },
      { label: "mlir-opt-22 --canonicalize", command: mlirOpt, args: [input, "--canonicalize", "-o", path.join(dir, "out-mlir.mlir")] },
    ];
    const walls: number[][] = tools.map(() => []);
    const cpus: number[][] = tools.map(() => []);
    const peaks: number[][] = tools.map(() => []);
    for (let i = 0; i < runs; i++)
      for (let t = 0; t < tools.length; t++) {
        const m = await measure(tools[t]!.command, tools[t]!.args, dir);
        if (m.status !== 0) throw new Error(`${tools[t]!.label} failed: ${m.stderr.slice(0, 400)}`);
        walls[t]!.push(m.ms);
        if (m.cpuMs !== undefined) cpus[t]!.push(m.cpuMs);
        if (m.peakKiB !== undefined) peaks[t]!.push(m.peakKiB);
      }
    const generic = (file: string) =>
      countGenericOps(spawnSync(mlirOpt, [file, "--mlir-print-op-generic"], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout);
    const opsOut = [generic(path.join(dir, "out-prr.mlir")), generic(path.join(dir, "out-mlir.mlir"))];
    console.log(`input: ${count(ops)} arith ops; ${runs} alternating runs each`);
    console.log(
      table(
        ["tool", "wall median", "min", "max", "CPU median", "peak RSS", "ops out"],
        tools.map((t, k) => [
          t.label,
          ms(median(walls[k]!)),
          ms(Math.min(...walls[k]!)),
          ms(Math.max(...walls[k]!)),
          cpus[k]!.length ? ms(median(cpus[k]!)) : "n/a",
          peaks[k]!.length ? `${Math.round(median(peaks[k]!) / 1024)} MiB` : "n/a",
          count(opsOut[k]!),
        ]),
      ),
    );
    const ratio = median(walls[0]!) / median(walls[1]!);
    const cpuRatio = cpus[0]!.length && cpus[1]!.length ? ` , CPU ${(median(cpus[0]!) / median(cpus[1]!)).toFixed(2)}x` : "";
    console.log(`ratio prr / mlir-opt-22: wall ${ratio.toFixed(2)}x (goal ≤ 1.00x)${cpuRatio}`);
    console.log(`ops out: prr ${count(opsOut[0]!)} vs mlir-opt-22 ${count(opsOut[1]!)} (${opsOut[0]! <= opsOut[1]! ? "no more than mlir-opt's" : "MORE than mlir-opt's"})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const canonicalizeBench: BenchSection = {
  name: "canonicalize",
  summary: "prr lower -p canonicalize vs mlir-opt-22 --canonicalize on 200,000 arith ops",
  run,
};
