// Turns generated JavaScript source into a function. Every source gets a unique first line: V8
// caches compiled sources, and functions made from one cached source share type feedback, which
// would make typed-array accesses and calls in unrelated ops' loops polymorphic.
let made = 0;

/** `new Function(...params, source)`, never sharing V8's compilation cache with another op. */
export function generatedFunction(params: readonly string[], source: string): (...args: never[]) => unknown {
  return new Function(...params, `// generated ${made++}\n${source}`) as (...args: never[]) => unknown;
}
