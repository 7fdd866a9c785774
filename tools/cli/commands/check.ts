// `prr check`: static checks. Rule sets (`prr check [FILE.prr...]`, the stages in check-rules.ts)
// and term rewriting systems (`--trs`, check-trs.ts) are dispatched from here.
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { UsageError } from "../exit.ts";
import { checkTrsFile, DEFAULT_TIMEOUT_MS } from "./check-trs.ts";
import { checkRuleFiles } from "./check-rules.ts";
import { STAGES, type StageName } from "../../../engine/check/rules/findings.ts";
import { DEFAULT_DIFFERENTIAL } from "../../../engine/check/rules/differential/differential.ts";

const usage = [
  "usage: prr check [FILE.prr...] [--verify] [--stage overlap,termination,confluence,soundness] [--json]",
  "       prr check --trs FILE [--json] [--timeout MS]",
  "",
  "  FILE.prr       check the rule sets defined in these files; with no file, the shipped rules/",
  "  --verify       also prove each rule sound with z3 (the soundness stage)",
  "  --stage LIST   run only these stages (comma-separated; soundness implies --verify)",
  "  --variants N   rules without SMT semantics: variants synthesised from each test input (default 12)",
  "  --inputs N     rules without SMT semantics: argument sets each instance runs on (default 8)",
  "  --json         print the report as JSON",
  "  exit code 0 only when every stage run passes; 1 when one finds a problem or cannot decide",
  "",
  "  --trs          FILE is a term rewriting system (ARI or COPS format); prints YES (confluent),",
  "                 NO (not confluent) or MAYBE on the first line, then the proof",
  "  --timeout MS   time limit for the proof search (default 1000)",
].join("\n");

function timeoutOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms <= 0)
    throw new UsageError(`--timeout expects a positive number of milliseconds, got '${value}'`);
  return ms;
}

function countOf(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} expects a number, got '${value}'`);
  return Number(value);
}

function stagesOf(value: string | undefined, verify: boolean): Set<StageName> {
  if (value === undefined) return new Set(STAGES.filter((s) => s !== "soundness" || verify));
  const out = new Set<StageName>();
  for (const s of value.split(",")) {
    if (!(STAGES as readonly string[]).includes(s)) throw new UsageError(`unknown stage '${s}' (stages: ${STAGES.join(", ")})`);
    out.add(s as StageName);
  }
  return out;
}

export const command: Command = {
  summary: "check rule sets and term rewriting systems",
  usage,
  run(args: string[], io: Io): Promise<number> | number {
    const parsed = parseArgs(args, { flags: ["--trs", "--json", "--verify"], options: ["--timeout", "--stage", "--variants", "--inputs"] });
    const json = parsed.flags.has("--json");
    if (parsed.flags.has("--trs")) {
      const timeoutMs = timeoutOf(parsed.options.get("--timeout"));
      const [file, ...extra] = parsed.positionals;
      if (file === undefined) throw new UsageError("--trs needs a FILE");
      if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
      return checkTrsFile(file, { json, timeoutMs }, io);
    }
    const notRules = parsed.positionals.find((f) => !f.endsWith(".prr"));
    if (notRules !== undefined) throw new UsageError(`'${notRules}' is not a .prr file (term rewriting systems need --trs)`);
    if (parsed.options.has("--timeout")) throw new UsageError("--timeout applies to --trs only");
    const stages = stagesOf(parsed.options.get("--stage"), parsed.flags.has("--verify"));
    const differential = {
      variants: countOf(parsed.options.get("--variants"), "--variants", DEFAULT_DIFFERENTIAL.variants),
      inputs: countOf(parsed.options.get("--inputs"), "--inputs", DEFAULT_DIFFERENTIAL.inputs),
    };
    return checkRuleFiles(parsed.positionals, { json, stages, differential }, io);
  },
};
