#!/usr/bin/env node
// The `prr` executable: a thin shim over `main(argv, io)`.
import { main } from "./main.ts";
import { processIo } from "./io.ts";

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`prr: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
