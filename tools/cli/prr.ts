#!/usr/bin/env node
// The `prr` executable: a thin shim over `main(argv, io)`, which first gives large IR runs a young
// generation sized to their input (heap-sizing.ts).
import { main } from "./main.ts";
import { processIo } from "./io.ts";
import { rerunWithSemiSpace, semiSpaceMiB } from "./heap-sizing.ts";

const argv = process.argv.slice(2);
const mib = semiSpaceMiB(argv);
const rerun = mib === undefined ? undefined : rerunWithSemiSpace(mib);
if (rerun !== undefined) process.exitCode = rerun;
else
  main(argv, processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`prr: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
