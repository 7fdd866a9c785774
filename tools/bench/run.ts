// `npm run bench`: runs the benchmark sections in order and prints each one's report.
// Usage: node dist/tools/bench/run.js [SECTION...] [--option ...]; options go to every section
// (`opt`: --runs N, --ops N, --big-ops N, --big-runs N, --keep; `check`: --runs N; `run`: --all, --only=NAME). A new benchmark is one more
// BenchSection in `sections`.
import { optBench } from "./opt.ts";
import { trsBench } from "./trs.ts";
import { runBench } from "./run-models.ts";
import { canonicalizeBench } from "./canonicalize.ts";
import { ruleScalingBench } from "./rule-scaling.ts";
import { checkRulesBench } from "./check-rules.ts";

export interface BenchSection {
  /** The name that selects it on the command line. */
  readonly name: string;
  /** One line saying what it measures, printed as its heading. */
  readonly summary: string;
  run(args: readonly string[]): Promise<void> | void;
}

const sections: readonly BenchSection[] = [optBench, canonicalizeBench, ruleScalingBench, trsBench, checkRulesBench, runBench];

async function main(argv: readonly string[]): Promise<number> {
  const names = argv.filter((a, i) => !a.startsWith("-") && !(argv[i - 1]?.startsWith("--") && /^\d+$/.test(a)));
  const options = argv.filter((a) => !names.includes(a));
  const unknown = names.filter((n) => !sections.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`bench: unknown section ${unknown.join(", ")}; sections: ${sections.map((s) => s.name).join(", ")}`);
    return 2;
  }
  let failed = 0;
  for (const section of sections.filter((s) => names.length === 0 || names.includes(s.name))) {
    console.log(`\n== ${section.name}: ${section.summary} ==`);
    try {
      await section.run(options);
    } catch (e) {
      failed++;
      console.log(`${section.name}: failed: ${(e as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
