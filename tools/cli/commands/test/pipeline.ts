// Runs one RUN pipeline in-process: `prr ...` through `main`, `FileCheck ...` through the FileCheck library,
// `not CMD` inverting the exit status; each stage's stdout is the next one's stdin.
import { checkFile } from "../../../filecheck/index.ts";
import { UsageError } from "../../exit.ts";
import type { Io } from "../../io.ts";
import { parseFileCheckArgs } from "./filecheck-args.ts";
import type { Stage } from "./run-lines.ts";

export interface StageOutcome {
  readonly argv: readonly string[];
  readonly code: number;
}

export interface PipelineOutcome {
  /** The last stage's exit status (after `not`); the pipeline passes when it is 0. */
  readonly code: number;
  readonly stages: readonly StageOutcome[];
  /** The last stage's standard output. */
  readonly stdout: string;
  /** Everything the stages wrote to stderr, in order (FileCheck's diagnostics among it). */
  readonly stderr: string;
}

/** Thrown for a command prr test does not know how to run. */
export class UnsupportedCommand extends Error {}

export async function runPipeline(stages: readonly Stage[], io: Io): Promise<PipelineOutcome> {
  let stdin = "";
  let stderr = "";
  let code = 0;
  const outcomes: StageOutcome[] = [];
  for (const stage of stages) {
    const r = await runStage(stage, stdin, io);
    outcomes.push({ argv: stage.argv, code: r.code });
    stdin = r.stdout;
    stderr += r.stderr;
    code = r.code;
  }
  return { code, stages: outcomes, stdout: stdin, stderr };
}

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function runStage(stage: Stage, stdin: string, io: Io): Promise<Captured> {
  const out: Captured = { code: 0, stdout: "", stderr: "" };
  const stageIo: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (stage.mergeStderr ? (out.stdout += t) : (out.stderr += t)),
    readFile: (p) => (p === "-" ? stdin : io.readFile(p)),
    writeFile: (p, t) => (p === "-" ? void (out.stdout += t) : io.writeFile(p, t)),
    isTTY: false,
    cwd: io.cwd,
  };
  out.code = await runCommand(stage.argv, stdin, stageIo);
  return out;
}

async function runCommand(argv: readonly string[], stdin: string, io: Io): Promise<number> {
  const [name, ...args] = argv;
  switch (name) {
    case "not": {
      if (args[0]?.startsWith("--")) throw new UnsupportedCommand(`'not ${args[0]}' is not supported`);
      if (args.length === 0) throw new UnsupportedCommand("'not' needs a command");
      return (await runCommand(args, stdin, io)) === 0 ? 1 : 0;
    }
    case "prr": {
      const { main } = await import("../../main.ts");
      return main([...args], io);
    }
    case "FileCheck":
      return runFileCheck(args, stdin, io);
    default:
      throw new UnsupportedCommand(`unsupported command '${name}' in RUN line (prr test runs: prr, FileCheck, not)`);
  }
}

function runFileCheck(args: readonly string[], stdin: string, io: Io): number {
  let inv;
  try {
    inv = parseFileCheckArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`FileCheck: error: ${e.message}\n`);
    return 2;
  }
  let checkText: string;
  let input: string;
  try {
    checkText = io.readFile(inv.checkFile);
    input = inv.inputFile === undefined ? stdin : io.readFile(inv.inputFile);
  } catch (e) {
    io.stderr(`FileCheck: error: ${(e as Error).message}\n`);
    return 2;
  }
  const r = checkFile(checkText, inv.checkFile, input, inv.options);
  io.stderr(r.diagnostics);
  return r.status;
}
