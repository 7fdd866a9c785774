// `prr check`: static checks. Each mode (today `--trs` for term rewriting systems; the stages for
// `.prr` rule sets come next) lives in its own file and is dispatched from here.
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { UsageError } from "../exit.ts";
import { checkTrsFile, DEFAULT_TIMEOUT_MS } from "./check-trs.ts";

const usage = [
  "usage: prr check --trs FILE [--json] [--timeout MS]",
  "",
  "  --trs          FILE is a term rewriting system (ARI or COPS format); prints YES (confluent),",
  "                 NO (not confluent) or MAYBE on the first line, then the proof",
  "  --json         print the answer, the certificate and the proof as JSON",
  "  --timeout MS   time limit for the proof search (default 1000)",
].join("\n");

function timeoutOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms <= 0)
    throw new UsageError(`--timeout expects a positive number of milliseconds, got '${value}'`);
  return ms;
}

export const command: Command = {
  summary: "check rule sets and term rewriting systems",
  usage,
  run(args: string[], io: Io): number {
    const parsed = parseArgs(args, { flags: ["--trs", "--json"], options: ["--timeout"] });
    const json = parsed.flags.has("--json");
    const timeoutMs = timeoutOf(parsed.options.get("--timeout"));
    if (!parsed.flags.has("--trs")) throw new UsageError("only '--trs FILE' is supported so far");
    const [file, ...extra] = parsed.positionals;
    if (file === undefined) throw new UsageError("--trs needs a FILE");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    return checkTrsFile(file, { json, timeoutMs }, io);
  },
};
