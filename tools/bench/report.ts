// Shared pieces of the benchmark sections: finding mlir-opt-22 and the project, medians, and the
// plain-text tables the reports print.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export function findMlirOpt(): string | undefined {
  const candidates = [
    ...(process.env.PRR_LLVM_BIN ? [path.join(process.env.PRR_LLVM_BIN, "mlir-opt")] : []),
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((d) => path.join(d, "mlir-opt-22")),
    "/usr/lib/llvm-22/bin/mlir-opt",
  ];
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
export const count = (n: number) => n.toLocaleString("en-US");

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("   ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The project root: the nearest ancestor of this file holding package.json (works from dist/ too; the spec suites use it to find ../shared). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find the project root");
    dir = up;
  }
  return dir;
}

/** Number of operations in MLIR text in generic form (one op per line that opens with a quoted name). */
export function countGenericOps(text: string): number {
  return text.split("\n").filter((l) => /^\s*(%[^=]*=\s*)?"[\w.$]+"/.test(l)).length;
}
