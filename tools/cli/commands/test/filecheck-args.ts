// The `FileCheck` command line as RUN lines spell it, turned into a check file, an input and library options.
import { parseArgs } from "../../args.ts";
import { UsageError } from "../../exit.ts";
import type { CheckOptions } from "../../../filecheck/index.ts";

export interface FileCheckInvocation {
  readonly checkFile: string;
  /** `--input-file`; undefined means standard input. */
  readonly inputFile: string | undefined;
  readonly options: CheckOptions;
}

const spec = {
  flags: [
    "--match-full-lines",
    "--strict-whitespace",
    "--allow-empty",
    "--allow-unused-prefixes",
    "--color",
    "--v",
    "--vv",
  ],
  options: ["--input-file", "--dump-input", "--dump-input-context", "--dump-input-filter"],
  multi: ["--check-prefix", "--check-prefixes", "--implicit-check-not", "--comment-prefixes"],
} as const;

/** Parses FileCheck's arguments; throws UsageError naming the offending option. */
export function parseFileCheckArgs(args: readonly string[]): FileCheckInvocation {
  // FileCheck spells -v/-vv with one dash; args.ts would read them as short aliases.
  const normalized = args.map((a) => (a === "-v" || a === "-vv" ? `-${a}` : a));
  const parsed = parseArgs(normalized, spec);
  const [checkFile, ...extra] = parsed.positionals;
  if (checkFile === undefined) throw new UsageError("FileCheck: missing check file operand");
  if (extra.length > 0) throw new UsageError(`FileCheck: unexpected operand '${extra[0]}'`);
  const split = (name: string) => (parsed.multi.get(name) ?? []).flatMap((v) => v.split(","));
  const inputFile = parsed.options.get("--input-file");
  return {
    checkFile,
    inputFile: inputFile === "-" ? undefined : inputFile,
    options: {
      checkPrefixes: [...(parsed.multi.get("--check-prefix") ?? []), ...split("--check-prefixes")],
      commentPrefixes: split("--comment-prefixes"),
      implicitCheckNot: parsed.multi.get("--implicit-check-not") ?? [],
      matchFullLines: parsed.flags.has("--match-full-lines"),
      strictWhitespace: parsed.flags.has("--strict-whitespace"),
      allowEmpty: parsed.flags.has("--allow-empty"),
      allowUnusedPrefixes: parsed.flags.has("--allow-unused-prefixes"),
      inputName: inputFile === undefined || inputFile === "-" ? "<stdin>" : inputFile,
    },
  };
}
