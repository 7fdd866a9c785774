// Oracle round trips for dialect tests: prr prints a real input, mlir-opt-22 must accept the
// result, and the generic form mlir-opt-22 gives of it must equal the one of the original.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../tools/cli/main.ts";
import type { Io } from "../../tools/cli/io.ts";
import { corpusAbsence, corpusRoot } from "../conformance/corpus.ts";
import { renameSsa } from "../conformance/normalize.ts";

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
export const corpusDir = corpusRoot();

let absenceReported = false;

/**
 * Corpus `.mlir` files (conformance chunks and models) that mention an op of `dialect`; none, with
 * a message, when the corpus is absent (and a failure under PRR_REQUIRE_CORPUS=1).
 */
export function corpusFilesUsing(dialect: string): string[] {
  const absent = corpusAbsence();
  if (absent !== undefined) {
    if (!absenceReported) console.log(`dialect suites: corpus inputs skipped: ${absent}`);
    absenceReported = true;
    return [];
  }
  const out: string[] = [];
  const re = new RegExp(`["\\s(]${dialect}\\.[a-z_]+`);
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".mlir") && re.test(fs.readFileSync(p, "utf8")))
        out.push(p);
    }
  };
  walk(path.join(corpusDir, "conformance"));
  walk(path.join(corpusDir, "models"));
  return out.sort();
}

/** Runs `prr opt` in-process on a file. */
export async function prrOpt(
  file: string,
  args: readonly string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => fs.readFileSync(path.resolve(repoRoot, p), "utf8"),
    writeFile: (p, t) => (p === "-" ? (out += t) : fs.writeFileSync(p, t)),
    isTTY: false,
    cwd: repoRoot,
  };
  const code = await main(["opt", file, ...args], io);
  return { code, out, err };
}

export function mlirOpt(
  tool: string,
  input: string,
  args: readonly string[] = [],
): { code: number; out: string; err: string } {
  const r = spawnSync(tool, ["--allow-unregistered-dialect", ...args, "-"], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Renames SSA values and block labels in order of first appearance (shared with the conformance suite). */
export const renameValues = renameSsa;

export interface RoundTrip {
  /** prr's diagnostics when it could not print the input (parse or verify failure). */
  readonly prrError?: string;
  /** mlir-opt-22's diagnostics on prr's output, when it rejected it. */
  readonly rejected?: string;
  /**
   * Whether the generic forms (after renaming) agree: prr's with the original's, or else with
   * that of mlir-opt-22's own custom output (where MLIR's custom syntax itself is lossy, e.g.
   * `affine.load %m[%i, %i]` reparses with one dim where the generic input had two).
   */
  readonly genericEqual: boolean;
  /** Whether only the comparison with mlir-opt-22's own round trip succeeded. */
  readonly lossyInMlir: boolean;
  /** Whether prr's default output equals mlir-opt-22's (up to the trailing newline mlir-opt adds). */
  readonly textEqual: boolean;
  readonly prrText: string;
  readonly mlirText: string;
  readonly prrGeneric: string;
  readonly mlirGeneric: string;
}

/** The file's round trip through prr, judged by mlir-opt-22 (`tool`). */
export async function roundTrip(
  tool: string,
  file: string,
): Promise<RoundTrip> {
  const original = fs.readFileSync(file, "utf8");
  const none = {
    genericEqual: false,
    lossyInMlir: false,
    textEqual: false,
    prrText: "",
    mlirText: "",
    prrGeneric: "",
    mlirGeneric: "",
  };
  const prr = await prrOpt(file, ["--allow-unregistered-dialect"]);
  if (prr.code !== 0) return { ...none, prrError: prr.err };
  const accepted = mlirOpt(tool, prr.out, ["--mlir-print-op-generic"]);
  const reference = mlirOpt(tool, original, ["--mlir-print-op-generic"]);
  const mlirText = mlirOpt(tool, original).out;
  if (accepted.code !== 0)
    return { ...none, prrText: prr.out, mlirText, rejected: accepted.err };
  const prrGeneric = renameValues(accepted.out);
  let mlirGeneric = renameValues(reference.out);
  let lossyInMlir = false;
  if (prrGeneric !== mlirGeneric) {
    const own = renameValues(
      mlirOpt(tool, mlirText, ["--mlir-print-op-generic"]).out,
    );
    if (own === prrGeneric) {
      mlirGeneric = own;
      lossyInMlir = true;
    }
  }
  return {
    genericEqual: prrGeneric === mlirGeneric,
    lossyInMlir,
    textEqual: prr.out.trimEnd() === mlirText.trimEnd(),
    prrText: prr.out,
    mlirText,
    prrGeneric,
    mlirGeneric,
  };
}

/** The first differing line of two texts, for failure messages. */
export function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i])
      return `line ${i + 1}:\n  prr:      ${x[i] ?? "<eof>"}\n  mlir-opt: ${y[i] ?? "<eof>"}`;
  return "no difference";
}

/** Whether prr failed only because an op of another, not yet registered, dialect is unknown. */
export function blockedByOtherDialect(
  error: string,
  dialect: string,
): string | undefined {
  const m =
    /custom op '([\w.]+)' is unknown|operation '([\w.]+)' is not registered/.exec(
      error,
    );
  const name = m?.[1] ?? m?.[2];
  if (name === undefined || name.startsWith(`${dialect}.`)) return undefined;
  return name;
}

export interface SuiteOptions {
  /** The dialect under test: corpus files mentioning it are round-tripped. */
  readonly dialect: string;
  /** Inline inputs (name → MLIR text) covering ops the corpus does not use. */
  readonly cases?: Readonly<Record<string, string>>;
}

/**
 * Registers one vitest case per corpus file and inline input: prr must print it, mlir-opt-22
 * must accept the result, and the generic forms must agree. Whether prr's default output is
 * identical to mlir-opt-22's is reported (printed), not asserted. Files blocked by another
 * dialect prr does not register yet are skipped with the reason printed.
 */
export async function defineRoundTripSuite(
  vitest: typeof import("vitest"),
  tool: string | undefined,
  options: SuiteOptions,
): Promise<void> {
  const { describe, it, expect, afterAll } = vitest;
  describe(`${options.dialect} dialect round trips against mlir-opt-22`, () => {
    if (tool === undefined) {
      it.skip("mlir-opt-22 is not installed", () => {});
      console.log(
        `[${options.dialect}] skipped: mlir-opt-22 not found (set PRR_LLVM_BIN or install mlir-22-tools)`,
      );
      return;
    }
    const dir = fs.mkdtempSync(
      path.join(os.tmpdir(), `prr-${options.dialect}-`),
    );
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const identical: string[] = [];
    const different: string[] = [];
    afterAll(() =>
      console.log(
        `[${options.dialect}] prr's default output equals mlir-opt-22's for ${identical.length} of ${identical.length + different.length} inputs` +
          (different.length > 0
            ? `; differs for: ${different.join(", ")}`
            : ""),
      ),
    );
    const inputs: [string, string][] = corpusFilesUsing(options.dialect).map(
      (f) => [path.relative(corpusDir, f), f],
    );
    for (const [name, text] of Object.entries(options.cases ?? {})) {
      const f = path.join(dir, `${name}.mlir`);
      fs.writeFileSync(f, text);
      inputs.push([`inline: ${name}`, f]);
    }
    for (const [name, file] of inputs) {
      it(name, async (ctx) => {
        const r = await roundTrip(tool, file);
        if (r.prrError !== undefined) {
          const other = blockedByOtherDialect(r.prrError, options.dialect);
          if (other !== undefined) {
            console.log(
              `[${options.dialect}] skipped ${name}: needs '${other}', not registered in prr yet`,
            );
            ctx.skip();
          }
        }
        expect(r.prrError, "prr rejected the input").toBeUndefined();
        expect(r.rejected, "mlir-opt-22 rejected prr's output").toBeUndefined();
        expect(
          r.genericEqual,
          firstDifference(r.prrGeneric, r.mlirGeneric),
        ).toBe(true);
        (r.textEqual ? identical : different).push(name);
      });
    }
  });
}
