// Reading MLIR input for the commands: split chunks, parse, verify, and turn IR locations
// back into source spans for diagnostics.
import { SourceFile, type Span } from "../../engine/support/source.ts";
import { diag, DiagnosticError, type Diagnostic } from "../../engine/support/diagnostics.ts";
import { FileLineColLoc, NameLoc, CallSiteLoc, FusedLoc, type Location } from "../../engine/ir/attributes.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import type { ParseResult } from "../../grammar/mlir/parser.ts";
import { verify } from "../../engine/ir/verifier.ts";
import type { Context } from "../../engine/ir/context.ts";

/** Splits on lines `// -----` as mlir-opt's --split-input-file does, keeping line numbers. */
export function splitInput(path: string, text: string, split: boolean): SourceFile[] {
  if (!split) return [new SourceFile(path, text)];
  const out: SourceFile[] = [];
  const re = /^[ \t]*\/\/ -----[^\n]*(\n|$)/gm;
  let start = 0;
  let line = 0;
  // Lines are counted from one separator to the next: linear in the file, however many chunks.
  const linesIn = (from: number, to: number) => {
    let n = 0;
    for (let k = text.indexOf("\n", from); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) n++;
    return n;
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(new SourceFile(path, text.slice(start, m.index), line));
    const next = m.index + m[0].length;
    line += linesIn(start, next);
    start = next;
  }
  out.push(new SourceFile(path, text.slice(start), line));
  return out;
}

/** The source span an IR location points at, when it names a file we read. */
export function locationSpan(loc: Location | undefined, file: SourceFile): Span | undefined {
  if (loc === undefined) return undefined;
  if (loc instanceof FileLineColLoc) {
    if (loc.file !== file.path) return undefined;
    const start = file.lineStart(loc.line) + loc.col - 1;
    const m = /^[\w$.%#"^@-]+/.exec(file.text.slice(start, start + 200));
    return { file, start, end: start + Math.max(1, m ? m[0].length : 1) };
  }
  if (loc instanceof NameLoc) return locationSpan(loc.child, file);
  if (loc instanceof CallSiteLoc) return locationSpan(loc.callee, file);
  if (loc instanceof FusedLoc) {
    for (const l of loc.locations) {
      const s = locationSpan(l, file);
      if (s) return s;
    }
  }
  return undefined;
}

export interface LoadedChunk {
  ctx: Context;
  file: SourceFile;
  result?: ParseResult;
  diagnostics: Diagnostic[];
}

/** Parses and (optionally) verifies one chunk; all problems come back as diagnostics. */
export function loadChunk(file: SourceFile, options: { allowUnregistered: boolean; verify: boolean }): LoadedChunk {
  const ctx = createContext({ allowUnregistered: options.allowUnregistered });
  try {
    const result = parseSource(ctx, file);
    const diagnostics: Diagnostic[] = [];
    if (options.verify) {
      for (const e of verify(result.module)) {
        const span = locationSpan(e.loc, file);
        const notes = (e.notes ?? []).map((n) => ({ span: locationSpan(n.loc, file), message: n.message }));
        diagnostics.push(diag(e.message.startsWith("'") ? "PRR2001" : e.message.includes("dominate") ? "PRR2002" : "PRR2003", e.message, span, notes));
      }
    }
    return { ctx, file, result, diagnostics };
  } catch (e) {
    if (e instanceof DiagnosticError) return { ctx, file, diagnostics: e.diagnostics };
    if (e instanceof RangeError && /call stack/i.test(e.message))
      return { ctx, file, diagnostics: [diag("PRR1014", "input nested too deeply", { file, start: 0, end: 1 })] };
    throw e;
  }
}
