// The fuzz loop, run in a worker thread so that the test can stop it if a case hangs: fast-check draws a
// corpus file and mutations, `prr opt` runs in-process, and every case must end in success or in
// diagnostics at file:line:col, within the time bound. Posts a message before and after every case.
import { parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";
import { mutate, mutation, type Mutation } from "./mutations.ts";
import type { CorpusFile } from "../conformance/corpus.ts";

export interface FuzzOptions {
  readonly files: readonly CorpusFile[];
  readonly runs: number;
  readonly seed: number;
  readonly caseMs: number;
}

/** What the worker reports: a case begins (with how to rebuild it), ends, or the run is over. */
export type FuzzMessage =
  | { readonly type: "start"; readonly description: string }
  | { readonly type: "end" }
  | { readonly type: "finished"; readonly cases: number; readonly succeeded: number; readonly failure?: string };

interface Case {
  readonly file: number;
  readonly mutations: readonly Mutation[];
  readonly flags: readonly string[];
}

const inputName = "fuzz.mlir";
// How prr's diagnostics begin (`fuzz.mlir:LINE:COL: error: MESSAGE [PRRnnnn]`; a message may quote input
// spanning lines, so the code is looked for anywhere).
const diagnosticHead = /^fuzz\.mlir:\d+:\d+: error: /;
const diagnosticCode = /\[PRR\d{4}\]/;

function caseArbitrary(fileCount: number): fc.Arbitrary<Case> {
  return fc.record({
    file: fc.nat({ max: fileCount - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    flags: fc
      .tuple(fc.nat({ max: 3 }), fc.boolean(), fc.nat({ max: 7 }))
      .map(([unregistered, generic, split]) => [
        ...(unregistered > 0 ? ["--allow-unregistered-dialect"] : []),
        ...(generic ? ["--print-generic"] : []),
        ...(split === 0 ? ["--split-input-file"] : []),
      ]),
  });
}

/** Why a finished case breaks the contract, or undefined when it keeps it. */
function violation(code: number, err: string, ms: number, caseMs: number): string | undefined {
  if (ms > caseMs) return `took ${ms.toFixed(0)} ms (bound ${caseMs} ms)`;
  if (code === 0) return undefined;
  if (code !== 1) return `exit ${code}: ${err.slice(0, 2000)}`;
  const head = err.split("\n")[0] ?? "";
  if (!diagnosticHead.test(head)) return `exit 1 without a file:line:col diagnostic first: ${JSON.stringify(head)}`;
  if (!diagnosticCode.test(err)) return `exit 1 with a diagnostic without a code: ${JSON.stringify(head)}`;
  if (/internal error|\n\s+at .*\.ts:\d+/.test(err))
    return `a diagnostic leaks an internal error or stack: ${JSON.stringify(err.slice(0, 400))}`;
  return undefined;
}

export async function fuzz(options: FuzzOptions, post: (m: FuzzMessage) => void): Promise<void> {
  const { files, caseMs } = options;
  let cases = 0;
  let succeeded = 0;
  const property = fc.asyncProperty(caseArbitrary(files.length), async (c) => {
    const file = files[c.file]!;
    post({ type: "start", description: JSON.stringify({ file: file.name, mutations: c.mutations, flags: c.flags }) });
    const text = mutate(file.text, c.mutations);
    const io = memoryIo({ [inputName]: text });
    const started = performance.now();
    let code: number;
    try {
      code = await main(["opt", inputName, ...c.flags], io);
    } catch (e) {
      throw new Error(`main threw: ${(e as Error)?.stack ?? String(e)}`);
    }
    const ms = performance.now() - started;
    cases++;
    if (code === 0) succeeded++;
    post({ type: "end" });
    const problem = violation(code, io.err, ms, caseMs);
    if (problem !== undefined)
      throw new Error(`${file.name} mutated ${JSON.stringify(c.mutations)} ${c.flags.join(" ")}: ${problem}`);
  });
  try {
    await fc.assert(property, { numRuns: options.runs, seed: options.seed });
    post({ type: "finished", cases, succeeded });
  } catch (e) {
    // fast-check names the shrunk counterexample; the property's own error (its cause) says what went wrong.
    const cause = (e as Error).cause;
    const why = cause instanceof Error ? `\n${cause.message}` : "";
    post({ type: "finished", cases, succeeded, failure: `${(e as Error).message}${why}` });
  }
}

if (parentPort !== null && workerData?.fuzz !== undefined) {
  const port = parentPort;
  // Internal errors then carry their stack, for the report.
  process.env.PRR_DEBUG = "1";
  void fuzz(workerData.fuzz as FuzzOptions, (m) => port.postMessage(m));
}
