// Turns generated JavaScript source into a function. Every source gets a unique first line: V8
// caches compiled sources, and functions made from one cached source share type feedback, which
// would make typed-array accesses and calls in unrelated ops' loops polymorphic.
import { setFlagsFromString } from "node:v8";

let made = 0;

// V8 never optimizes functions of more than 60 KB of bytecode; loop nests over unrolled vectors
// (eight vector<32xf32> accumulators are 256 lanes, twice for the checked and unchecked versions)
// pass that and would run in the baseline tiers only.
let limitRaised = false;

/** `new Function(...params, source)`, never sharing V8's compilation cache with another op. */
export function generatedFunction(params: readonly string[], source: string): (...args: never[]) => unknown {
  if (!limitRaised) {
    setFlagsFromString("--max-optimized-bytecode-size=1048576");
    limitRaised = true;
  }
  return new Function(...params, `// generated ${made++}\n${source}`) as (...args: never[]) => unknown;
}
