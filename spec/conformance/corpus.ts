// The shared MLIR corpus (../shared/corpus from the project root): where it is, which files the
// conformance and fuzz suites read, and whether its absence skips a suite or fails it.
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../tools/bench/report.ts";

/** One corpus file: its name relative to the corpus root (`models/x.mlir`) and its text. */
export interface CorpusFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/** The MLIR folders the suites read, relative to the corpus root. */
export const mlirFolders = ["models", "conformance/xdsl"] as const;

export function corpusRoot(): string {
  return path.resolve(projectRoot(), "..", "shared", "corpus");
}

/**
 * Why the MLIR corpus cannot be used, or undefined when it can. Throws when PRR_REQUIRE_CORPUS=1,
 * so CI cannot pass by silently skipping.
 */
export function corpusAbsence(): string | undefined {
  const root = corpusRoot();
  const missing = mlirFolders.map((f) => path.join(root, f)).filter((d) => !fs.existsSync(d));
  if (missing.length === 0) return undefined;
  const why = `the corpus is absent (${missing.join(", ")} not found)`;
  if (process.env.PRR_REQUIRE_CORPUS === "1") throw new Error(`${why}, and PRR_REQUIRE_CORPUS=1 requires it`);
  return why;
}

/** Every `.mlir` file of the MLIR folders, sorted by name. */
export function corpusMlirFiles(): CorpusFile[] {
  const root = corpusRoot();
  const out: CorpusFile[] = [];
  for (const folder of mlirFolders) {
    const dir = path.join(root, folder);
    for (const entry of fs.readdirSync(dir).sort()) {
      if (!entry.endsWith(".mlir")) continue;
      const p = path.join(dir, entry);
      out.push({ name: `${folder}/${entry}`, path: p, text: fs.readFileSync(p, "utf8") });
    }
  }
  return out;
}
