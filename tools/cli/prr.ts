#!/usr/bin/env node
// The `prr` executable: a thin shim over `main(argv, io)`. Large IR runs go to a worker thread
// whose young generation is sized to their input (heap-sizing.ts); this file is that worker's
// entry too. `main` is imported only by the thread that runs it.
import * as fs from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runInSizedWorker, semiSpaceMiB, type SizedRun } from "./heap-sizing.ts";

async function runMain(argv: string[], isTTY?: boolean): Promise<number> {
  const [{ main }, { processIo }] = await Promise.all([import("./main.ts"), import("./io.ts")]);
  const io = processIo();
  return main(argv, isTTY === undefined ? io : { ...io, isTTY });
}

async function run(): Promise<number> {
  if (!isMainThread) {
    const job = workerData as SizedRun;
    return runMain([...job.argv], job.isTTY);
  }
  const argv = process.argv.slice(2);
  const mib = semiSpaceMiB(argv);
  const sized = mib === undefined ? undefined : await runInSizedWorker(mib, argv, new URL(import.meta.url));
  if (sized !== undefined) {
    // Everything the worker had to say is written: end without waiting for its heap to be freed.
    process.exit(sized);
  }
  return runMain(argv);
}

function finish(code: number): void {
  if (isMainThread) process.exitCode = code;
  else parentPort!.postMessage(code);
}

run().then(finish, (e: unknown) => {
  fs.writeSync(2, `prr: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  finish(70);
});
