// Benchmark of `prr run` against real MLIR on the corpus models with a `main` and on their
// varied-input harnesses: wall time of mlir-opt-22 (lowering) + mlir-runner-22 -O3 as one chain
// against `prr run` as a process, the ratio per job and the geometric mean. Options: --all (also
// the models too slow for CI), --only=NAME (models whose file name contains NAME; repeatable).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import type { BenchSection } from "./run.ts";
import { mlirTools, runWithMlir, withoutClock } from "./mlir-runner.ts";
import { harnesses } from "./varied-inputs.ts";
import { tooSlowForCi } from "./slow-models.ts";
import { projectRoot } from "./report.ts";


function which(name: string): string | undefined {
  for (const d of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(d, name);
    if (fs.existsSync(p)) return p;
  }
  const fallback = `/usr/lib/llvm-22/bin/${name.replace(/-22$/, "")}`;
  return fs.existsSync(fallback) ? fallback : undefined;
}

interface Job {
  readonly name: string;
  readonly text: string;
}

function jobs(all: boolean, only: readonly string[]): { jobs: Job[]; left: string[] } {
  const dir = path.resolve(projectRoot(), "..", "shared", "corpus", "models");
  const out: Job[] = [];
  const left: string[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".mlir")).sort()) {
    if (only.length > 0 && !only.some((o) => f.includes(o))) continue;
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    if (!/func\.func @main\b/.test(text)) continue;
    if (!all && tooSlowForCi[f] !== undefined) {
      left.push(`${f} (${tooSlowForCi[f]}; --all runs it)`);
      continue;
    }
    out.push({ name: f, text: withoutClock(text) });
    for (const h of harnesses(f, text).harnesses) out.push({ name: `${f} @${h.callee} (varied inputs)`, text: withoutClock(h.text) });
  }
  return { jobs: out, left };
}

export const runBench: BenchSection = {
  name: "run",
  summary: "prr run vs mlir-opt-22 + mlir-runner-22 -O3 (wall time) on the corpus models and harnesses",
  async run(args: readonly string[]) {
    const opt = which("mlir-opt-22");
    const runner = which("mlir-runner-22");
    if (!opt || !runner) {
      console.log("run: skipped (mlir-opt-22 or mlir-runner-22 not installed)");
      return;
    }
    const tools = mlirTools(opt, runner);
    const only = args.filter((a) => a.startsWith("--only=")).map((a) => a.slice("--only=".length));
    const { jobs: list, left } = jobs(args.includes("--all"), only);
    const prr = path.join(projectRoot(), "dist", "tools", "cli", "prr.js");
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prr-run-bench-"));
    const ratios: number[] = [];
    console.log(`${"job".padEnd(64)} ${"mlir (s)".padStart(9)} ${"prr (s)".padStart(9)} ${"ratio".padStart(7)}`);
    try {
      for (const [i, job] of list.entries()) {
        const file = path.join(tmp, `job${i}.mlir`);
        fs.writeFileSync(file, job.text);
        const mlir = await runWithMlir(tools, job.text);
        const started = performance.now();
        const r = spawnSync(process.execPath, [prr, "run", file], { encoding: "utf8", maxBuffer: 1 << 30 });
        const prrMs = performance.now() - started;
        const ok = mlir.ok && r.status === 0;
        const ratio = prrMs / mlir.ms;
        if (ok) ratios.push(ratio);
        console.log(
          `${job.name.slice(0, 64).padEnd(64)} ${(mlir.ms / 1000).toFixed(2).padStart(9)} ${(prrMs / 1000).toFixed(2).padStart(9)} ${ok ? `${ratio.toFixed(2)}x`.padStart(7) : "  failed"}`,
        );
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / Math.max(1, ratios.length));
    const worst = Math.max(...ratios);
    console.log(`geometric mean ratio ${geo.toFixed(2)}x over ${ratios.length} jobs (goal <= 1.0x); worst ${worst.toFixed(2)}x (goal <= 3x)`);
    for (const l of left) console.log(`not run: ${l}`);
  },
};
