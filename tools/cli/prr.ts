#!/usr/bin/env node
// The `prr` executable: a thin shim over `main(argv, io)`. Large IR runs go to a worker thread
// whose young generation is sized to their input (heap-sizing.ts); this file is that worker's
// entry too.
import * as fs from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { main } from "./main.ts";
import { processIo } from "./io.ts";
import { runInSizedWorker, semiSpaceMiB, type SizedRun } from "./heap-sizing.ts";

function internalError(e: unknown): number {
  fs.writeSync(2, `prr: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  return 70;
}

async function run(): Promise<number> {
  if (!isMainThread) {
    const job = workerData as SizedRun;
    return main([...job.argv], { ...processIo(), isTTY: job.isTTY });
  }
  const argv = process.argv.slice(2);
  const mib = semiSpaceMiB(argv);
  const sized = mib === undefined ? undefined : await runInSizedWorker(mib, argv, new URL(import.meta.url));
  return sized ?? main(argv, processIo());
}

run().then(
  (code) => {
    if (isMainThread) process.exitCode = code;
    else parentPort!.postMessage(code);
  },
  (e: unknown) => {
    const code = internalError(e);
    if (isMainThread) process.exitCode = code;
    else parentPort!.postMessage(code);
  },
);
