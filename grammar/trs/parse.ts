// Entry point for reading a TRS file: ARI when it declares `(format ...)`, COPS otherwise.
import { parseAri } from "./ari.ts";
import { parseCops } from "./cops.ts";
import { nestingTooDeep, type ParseResult } from "./validate.ts";
import type { SourceFile } from "../../engine/support/source.ts";

export type { ParseResult } from "./validate.ts";

/** Whether the first token after comments is `(format`, the mark of the ARI format. */
export function isAri(text: string): boolean {
  return /^(?:\s|;[^\n]*(?:\n|$))*\(\s*format\b/.test(text);
}

export function parseTrs(file: SourceFile): ParseResult {
  const ari = isAri(file.text);
  const tooDeep = nestingTooDeep(file, ari);
  if (tooDeep) return { ok: false, diagnostics: [tooDeep] };
  return ari ? parseAri(file) : parseCops(file);
}
