// Sizes V8's young generation to the input before a large run: the IR parsed from a model lives
// until the run ends, so each scavenge of a default 16 MB nursery copies it again (a third of
// `prr lower`'s time on a 200,000-op module). V8 reads the size only when a heap is created, so
// prr runs itself again with the flags, as the Go compiler sizes its starting heap to the package.
import * as fs from "node:fs";
import * as os from "node:os";
import { spawnSync } from "node:child_process";

/** Commands whose working set is IR built from their input files. */
const irCommands = new Set(["lower", "opt"]);

/** Inputs smaller than this run in the default heap: a second process would cost more than it saves. */
const minInputBytes = 2 << 20;

/** Young-generation bytes allocated per input byte by a parse, a canonicalization and a print (measured: about 36). */
const allocationPerInputByte = 48;

const environmentGuard = "PRR_HEAP_SIZED";

/**
 * The semi-space size in MiB for running `argv` (prr's arguments), or undefined to run as is: not
 * an IR command, a small input, already sized, or disabled with PRR_NO_HEAP_SIZING=1.
 */
export function semiSpaceMiB(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, totalMemory = os.totalmem()): number | undefined {
  if (env[environmentGuard] !== undefined || env.PRR_NO_HEAP_SIZING === "1") return undefined;
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
  const cap = Math.max(16, Math.floor(totalMemory / (1 << 20) / 16));
  let mib = 16;
  while (mib < (bytes * allocationPerInputByte) / (1 << 20) && mib * 2 <= Math.min(cap, 1024)) mib *= 2;
  return mib > 16 ? mib : undefined;
}

/**
 * Runs this prr again with a young generation of `mib` MiB semi-spaces, sharing the standard
 * streams, and returns its exit code; undefined when the child could not be started (the caller
 * then runs in this process).
 */
export function rerunWithSemiSpace(mib: number): number | undefined {
  const flags = [`--min-semi-space-size=${mib}`, `--max-semi-space-size=${mib}`];
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [environmentGuard]: String(mib) },
  });
  if (child.error !== undefined) return undefined;
  if (child.signal !== null) {
    process.kill(process.pid, child.signal);
    return 128 + (os.constants.signals[child.signal] ?? 0);
  }
  return child.status ?? 70;
}
