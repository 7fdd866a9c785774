// Sizes V8's young generation to the input before a large run: the IR parsed from a model lives
// until the run ends, so each scavenge of a default 16 MB nursery copies it again (a third of
// `prr lower`'s time on a 200,000-op module). V8 reads the size only when a heap is created, so
// the run happens in a worker thread created with the flags, as the Go compiler sizes its starting
// heap to the package.
import * as fs from "node:fs";
import * as os from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";

/**
 * Commands whose working set is IR built from their input files and then rewritten. `opt` (parse,
 * verify, print) is left out: measured on the 200,000-op benchmark, the worker's start-up and
 * semi-space set-up cost it more than the scavenges they save.
 */
const irCommands = new Set(["lower"]);

/** Inputs smaller than this run in the default heap: a second process would cost more than it saves. */
const minInputBytes = 2 << 20;

/**
 * Young-generation bytes to provide per input byte: a parse, a canonicalization and a print of the
 * 200,000-op benchmark allocate about 17. A run that allocates more than this provision pays one
 * scavenge; a larger provision costs start-up time (V8 sets up the whole semi-space: about 85 ms
 * for 512 MiB against 55 ms for 256 MiB).
 */
const allocationPerInputByte = 24;

/** Semi-space sizes are whole multiples of this (MiB). */
const granuleMiB = 32;


/**
 * The semi-space size in MiB for running `argv` (prr's arguments), or undefined to run as is: not
 * an IR command, a small input, or disabled with PRR_NO_HEAP_SIZING=1.
 */
export function semiSpaceMiB(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, totalMemory = os.totalmem()): number | undefined {
  if (env.PRR_NO_HEAP_SIZING === "1") return undefined;
  if (argv[0] === undefined || !irCommands.has(argv[0])) return undefined;
  let bytes = 0;
  for (const a of argv.slice(1)) {
    if (a.startsWith("-")) continue;
    try {
      const s = fs.statSync(a);
      if (s.isFile()) bytes += s.size;
    } catch {
      // Not a file (an option's value, or a missing input the command will report).
    }
  }
  if (bytes < minInputBytes) return undefined;
  // Two semi-spaces of this size may be touched: keep them within an eighth of the memory.
  const cap = Math.min(1024, Math.floor(totalMemory / (1 << 20) / 16 / granuleMiB) * granuleMiB);
  const wanted = Math.ceil((bytes * allocationPerInputByte) / (1 << 20) / granuleMiB) * granuleMiB;
  const mib = Math.min(wanted, cap);
  return mib > 16 ? mib : undefined;
}

/**
 * Runs prr's `main` on `argv` in a worker thread whose heap has young-generation semi-spaces of
 * `mib` MiB (V8 reads the size when it creates an isolate, so the flags set here reach the worker,
 * not this thread's heap). Resolves to the exit code; undefined when no worker could be started
 * (the caller then runs in this thread). A worker starts in about half the time a second process
 * does.
 */
export function runInSizedWorker(mib: number, argv: readonly string[], entry: URL): Promise<number | undefined> {
  setFlagsFromString(`--min-semi-space-size=${mib}`);
  setFlagsFromString(`--max-semi-space-size=${mib}`);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: { argv, isTTY: process.stderr.isTTY === true } satisfies SizedRun, stdout: false, stderr: false });
    } catch {
      resolve(undefined);
      return;
    }
    let code: number | undefined;
    // The exit code arrives once the run's output is written (synchronously): resolve then, not
    // after the worker has torn down its large heap.
    worker.on("message", (m: number) => {
      code = m;
      resolve(m);
    });
    worker.on("error", (e: Error) => {
      fs.writeSync(2, `prr: internal error: ${e.message}\n`);
      code = 70;
    });
    worker.on("exit", () => resolve(code ?? 70));
  });
}

/** What the sized worker is given: prr's arguments and whether stderr is a terminal. */
export interface SizedRun {
  readonly argv: readonly string[];
  readonly isTTY: boolean;
}
