// Finds the test files under the paths given to `prr test`: files as named, directories searched for
// `.mlir`/`.prr` files that contain `RUN:` lines, and .prr files with inline `test` blocks.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Io } from "../../io.ts";
import { hasInlineTests } from "./inline-tests.ts";

const testExtensions = [".mlir", ".prr"];

/** Test files in a stable order; paths not on disk (e.g. in-memory files) are passed through. */
export function collectTests(paths: readonly string[], io: Io): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(io.cwd, p));
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) walk(p, io, out);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, io: Io, out: string[]): void {
  const entries = fs.readdirSync(path.resolve(io.cwd, dir), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const child = path.join(dir, e.name);
    if (e.isDirectory()) walk(child, io, out);
    else if (e.isFile() && testExtensions.some((x) => e.name.endsWith(x)) && hasRunLine(child, io)) out.push(child);
  }
}

function hasRunLine(file: string, io: Io): boolean {
  try {
    const text = io.readFile(file);
    return /(?<![\w-])RUN:/.test(text) || (file.endsWith(".prr") && hasInlineTests(text));
  } catch {
    return false;
  }
}
