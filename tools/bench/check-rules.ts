// `prr check --verify` on each shipped rule file (rules/**/*.prr that define a rule set): wall time
// (median of --runs, default 3), the verdict of each stage and the exit code, as one table.
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import type { BenchSection } from "./run.ts";
import { median, ms, projectRoot, table } from "./report.ts";

function option(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...ruleFiles(p));
    else if (e.name.endsWith(".prr") && /^\s*(ruleset|conversion)\s/m.test(fs.readFileSync(p, "utf8"))) out.push(p);
  }
  return out;
}

interface CheckJson {
  readonly ruleSets: readonly { readonly name: string; readonly stages: readonly { readonly stage: string; readonly verdict: string }[] }[];
}

function run(args: readonly string[]): void {
  const runs = option(args, "--runs", 3);
  const root = projectRoot();
  const prrJs = path.join(root, "dist", "tools", "cli", "prr.js");
  const rows: string[][] = [];
  for (const file of ruleFiles(path.join(root, "rules"))) {
    const walls: number[] = [];
    let status = -1;
    let json: CheckJson | undefined;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [prrJs, "check", file, "--verify", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
      walls.push(performance.now() - started);
      status = r.status ?? -1;
      if (!r.stdout) throw new Error(`prr check ${path.relative(root, file)} printed nothing (exit ${status}): ${(r.stderr ?? String(r.error)).slice(0, 400)}`);
      json = JSON.parse(r.stdout) as CheckJson;
    }
    const verdict = (stage: string) => json?.ruleSets.map((s) => s.stages.find((x) => x.stage === stage)?.verdict ?? "-").join("/") ?? "?";
    rows.push([path.relative(root, file), json?.ruleSets.map((s) => s.name).join(", ") ?? "?", ms(median(walls)), verdict("overlap"), verdict("termination"), verdict("confluence"), verdict("soundness"), String(status)]);
  }
  console.log(`prr check FILE --verify --json, median of ${runs} runs each (wall time of the whole command)`);
  console.log(table(["file", "rule sets", "wall median", "overlap", "termination", "confluence", "soundness", "exit"], rows));
}

export const checkRulesBench: BenchSection = {
  name: "check",
  summary: "prr check --verify on each shipped rule set (median of --runs, default 3)",
  run,
};
