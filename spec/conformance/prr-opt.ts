// `prr opt` run in-process on a text (through `main` and an in-memory Io, as the CLI runs it).
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";

export interface PrrRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function prrOpt(name: string, text: string, flags: readonly string[]): Promise<PrrRun> {
  const io = memoryIo({ [name]: text });
  const code = await main(["opt", name, ...flags], io);
  return { code, out: io.out, err: io.err };
}

/** The first line of prr's first diagnostic, for reports. */
export function firstDiagnostic(err: string): string {
  return err.split("\n").find((l) => l.trim() !== "") ?? `no message`;
}

/** Whether a failure says only that some op (or dialect) is not registered in prr. */
export function isUnregisteredFailure(run: PrrRun): boolean {
  return run.code === 1 && /\[PRR1009\]|not registered|unregistered dialect|unknown dialect/.test(firstDiagnostic(run.err));
}
