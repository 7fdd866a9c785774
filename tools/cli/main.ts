// `prr` command dispatch: `main(argv, io)` runs one subcommand and returns its exit code.
import type { Io } from "./io.ts";
import { Exit, UsageError } from "./exit.ts";

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: Io): Promise<number> | number;
}

const commands: Record<string, () => Promise<Command>> = {
  opt: async () => (await import("./commands/opt.ts")).command,
  lower: async () => (await import("./commands/lower.ts")).command,
  test: async () => (await import("./commands/test.ts")).command,
  check: async () => (await import("./commands/check.ts")).command,
  fmt: async () => (await import("./commands/fmt.ts")).command,
  run: async () => (await import("./commands/run.ts")).command,
};

function help(): string {
  return [
    "usage: prr <command> [options]",
    "",
    "commands:",
    "  opt     parse, verify and print MLIR (like mlir-opt)",
    "  lower   run rule sets and passes on a model (-p canonicalize,cse)",
    "  test    run FileCheck-style golden tests",
    "  check   check rule sets and term rewriting systems",
    "  fmt     format .prr rule files (--check for CI, --write in place)",
    "  run     run MLIR on the reference interpreter (like mlir-runner)",
    "",
    "exit codes: 0 success, 1 diagnostics, 2 usage error, 70 internal error",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? Exit.usage : Exit.ok;
  }
  if (name === "--version") {
    io.stdout("prr 0.1.0\n");
    return Exit.ok;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`prr: error: unknown command '${name}'\n${help()}`);
    return Exit.usage;
  }
  let command: Command;
  try {
    command = await load();
  } catch (e) {
    io.stderr(`prr: internal error: cannot load command '${name}': ${(e as Error).message}\n`);
    return Exit.internal;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return Exit.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`prr ${name}: error: ${e.message}\n${command.usage}\n`);
      return Exit.usage;
    }
    const err = e as Error;
    io.stderr(
      `prr ${name}: internal error: ${err?.message ?? String(e)}\n` +
        `This is a bug in prr; please report it with the input that caused it.\n` +
        (process.env.PRR_DEBUG ? `${err?.stack ?? ""}\n` : ""),
    );
    return Exit.internal;
  }
}
