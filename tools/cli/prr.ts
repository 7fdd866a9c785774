#!/usr/bin/env node
// The `prr` executable: a thin shim over `main(argv, io)`.
import { setFlagsFromString } from "node:v8";
import { main } from "./main.ts";

// IR objects live until the end of a run: a larger young generation saves most scavenges.
setFlagsFromString("--max-semi-space-size=32");
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
