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

// prr's words for "this op is not registered": in generic form (PRR1009) and in custom form.
const unregistered = /\[PRR1009\]|is not registered|custom op '[^']*' is unknown|unknown dialect/;

/** Whether prr's (first) diagnostic says that some op is not registered, rather than that the input is wrong. */
export function isUnregisteredFailure(run: PrrRun): boolean {
  return run.code === 1 && unregistered.test(firstDiagnostic(run.err));
}

/** The op a not-registered diagnostic names (`memref.global`), for grouping reports by dialect. */
export function unregisteredOp(message: string): string | undefined {
  return /(?:operation|custom op) '([^']*)'/.exec(message)?.[1];
}
