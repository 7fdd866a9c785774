// The "possible intended match here" note: the input position whose text is closest (edit distance) to the pattern.
import type { Report } from "./report.ts";
import type { SourceBuffer } from "./source.ts";

/** Pattern::printFuzzyMatch over `input[start, end)`; `example` is the fixed string or the LLVM regex text. */
export function printFuzzyMatch(
  report: Report,
  input: SourceBuffer,
  start: number,
  end: number,
  example: string,
): void {
  const hay = input.text.slice(start, end);
  const window = Math.min(4096, hay.length);
  if (4096 * 2048 < window * example.length) return;
  let linesForward = 0;
  let best = -1;
  let bestQuality = 0;
  for (let i = 0; i < window; i++) {
    const c = hay[i];
    if (c === "\n") linesForward++;
    if (c === " " || c === "\t") continue;
    let prefix = hay.slice(i, i + example.length);
    const nl = prefix.indexOf("\n");
    if (nl !== -1) prefix = prefix.slice(0, nl);
    const quality = editDistance(prefix, example) + linesForward / 100;
    if (quality < bestQuality || best === -1) {
      best = i;
      bestQuality = quality;
    }
  }
  if (best > 0 && bestQuality < 50) report.message(input, start + best, "note", "possible intended match here");
}

const row = new Uint32Array(4097);

/** Levenshtein distance (StringRef::edit_distance with replacements). */
export function editDistance(from: string, to: string): number {
  const n = to.length;
  const r = n < row.length ? row : new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) r[j] = j;
  for (let i = 1; i <= from.length; i++) {
    let diag = r[0]!;
    r[0] = i;
    const c = from.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const up = r[j]!;
      const replace = diag + (c === to.charCodeAt(j - 1) ? 0 : 1);
      r[j] = Math.min(replace, up + 1, r[j - 1]! + 1);
      diag = up;
    }
  }
  return r[n]!;
}
