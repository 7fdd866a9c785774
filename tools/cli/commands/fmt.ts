// `prr fmt FILE... [--check | --write]`: formats .prr rule files through the Prettier plugin
// (tools/prettier-plugin-prr); `--check` lists unformatted files for CI, `--write` rewrites them.
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { Exit, UsageError } from "../exit.ts";
import { diag, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";

const usage = `usage: prr fmt FILE... [--check | --write]

Formats .prr rule files (100 columns; comments and text blocks kept). With one FILE and no
option, prints the formatted text; FILE '-' reads standard input.

options:
  --check   print the files that are not formatted, one per line; exit 1 if there are any
  --write   rewrite the files that are not formatted, in place

exit codes: 0 success, 1 diagnostics or unformatted files, 2 usage error, 70 internal error`;

type Mode = "print" | "check" | "write";

/** What formatting one file gave: its text before and after, or the reason there is none. */
type Outcome = { path: string; before: string; after: string } | { path: string; diagnostics: readonly Diagnostic[] };

export const command: Command = {
  summary: "format .prr rule files",
  usage,
  async run(argv: string[], io: Io): Promise<number> {
    const args = parseArgs(argv, { flags: ["--check", "--write"] });
    const mode = modeOf(args.flags, args.positionals);
    let failed = false;
    for (const path of args.positionals) {
      const outcome = await formatFile(path, io);
      if ("diagnostics" in outcome) {
        for (const d of outcome.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
        failed = true;
      } else if (!apply(mode, outcome, io)) failed = true;
    }
    return failed ? Exit.diagnostics : Exit.ok;
  },
};

function modeOf(flags: ReadonlySet<string>, files: readonly string[]): Mode {
  if (files.length === 0) throw new UsageError("expected at least one .prr file");
  if (flags.has("--check") && flags.has("--write")) throw new UsageError("--check and --write exclude each other");
  if (flags.has("--check")) return "check";
  if (flags.has("--write")) {
    if (files.includes("-")) throw new UsageError("--write cannot rewrite standard input");
    return "write";
  }
  if (files.length > 1) throw new UsageError("several files need --check or --write");
  return "print";
}

/** Acts on one formatted file; false when it counts as a failure (unformatted under --check, unwritable). */
function apply(mode: Mode, o: { path: string; before: string; after: string }, io: Io): boolean {
  if (mode === "print") {
    io.stdout(o.after);
    return true;
  }
  if (o.after === o.before) return true;
  if (mode === "check") {
    io.stdout(`${o.path}\n`);
    return false;
  }
  try {
    io.writeFile(o.path, o.after);
    return true;
  } catch (e) {
    io.stderr(`${formatDiagnostic(diag("PRR9002", `cannot write '${o.path}': ${errorCode(e)}`, undefined))}\n`);
    return false;
  }
}

async function formatFile(path: string, io: Io): Promise<Outcome> {
  let before: string;
  try {
    before = io.readFile(path);
  } catch (e) {
    return { path, diagnostics: [diag("PRR9002", `cannot read '${path}': ${errorCode(e)}`, undefined)] };
  }
  const shownPath = path === "-" ? "<stdin>" : path;
  const [{ formatPrr }, { PrrSyntaxError }] = await Promise.all([
    import("../../prettier-plugin-prr/format.ts"),
    import("../../prettier-plugin-prr/parser.ts"),
  ]);
  try {
    return { path, before, after: await formatPrr(before, shownPath) };
  } catch (e) {
    if (e instanceof PrrSyntaxError) return { path, diagnostics: e.diagnostics };
    throw e;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
