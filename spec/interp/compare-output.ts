// Compares what a program printed under prr and under mlir-runner: base addresses masked, numbers
// compared as floats within 1e-5 relative or 1e-6 absolute, everything else byte for byte. An
// integer of seven digits or more cannot be a float printed by %g (six significant digits, then
// an exponent), so it must match exactly (hashes of bits, large counters).

const number = /^[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)$/i;
const longInteger = /^[-+]?\d{7,}$/;

function tokens(text: string): string[] {
  return text.replace(/base@ = 0x[0-9a-f]+/g, "base@ = <addr>").split(/([\s,()[\]]+)/).filter((t) => t !== "");
}

function closeEnough(a: string, b: string): boolean {
  const x = Number(a.replace(/^-?nan$/i, "NaN").replace(/^(-?)inf$/i, "$1Infinity"));
  const y = Number(b.replace(/^-?nan$/i, "NaN").replace(/^(-?)inf$/i, "$1Infinity"));
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return true;
  return Math.abs(x - y) <= 1e-6 || Math.abs(x - y) <= 1e-5 * Math.max(Math.abs(x), Math.abs(y));
}

/** Undefined when the outputs agree, else a description of the first difference. */
export function compareOutputs(expected: string, actual: string): string | undefined {
  const e = tokens(expected);
  const a = tokens(actual);
  let mismatches = 0;
  let first: string | undefined;
  const n = Math.max(e.length, a.length);
  for (let i = 0; i < n; i++) {
    const x = e[i];
    const y = a[i];
    if (x === y) continue;
    const exact = x !== undefined && y !== undefined && longInteger.test(x) && longInteger.test(y);
    if (x !== undefined && y !== undefined && !exact && number.test(x) && number.test(y) && closeEnough(x, y)) continue;
    mismatches++;
    if (first === undefined) {
      const context = e.slice(Math.max(0, i - 12), i).join("");
      first = `token ${i}: expected '${x ?? "<end>"}', got '${y ?? "<end>"}' after '${context.slice(-120)}'`;
    }
  }
  return first === undefined ? undefined : `${mismatches} differing token(s); first at ${first}`;
}
