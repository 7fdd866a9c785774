// Conformance with real MLIR: every corpus file (models, xdsl conformance inputs), in custom form where
// prr registers its ops and in mlir-opt-22's generic form always, goes through `prr opt` with and
// without --print-generic; mlir-opt-22 must accept prr's output and print it as it prints the original.
import { beforeAll, describe, expect, it } from "vitest";
import { corpusAbsence, corpusMlirFiles, type CorpusFile } from "./corpus.ts";
import { roundTrip, type FileResult, type Form, type Mode } from "./roundtrip.ts";
import { formatReport } from "./report.ts";
import { llvmTool } from "../support/llvm.ts";

/**
 * Checks that are known to fail, by file, with the reason. Keep it small and honest: a failing check
 * not listed here fails the suite, and so does a listed check that passes (remove it then).
 */
const knownExceptions: Record<string, { readonly checks: readonly `${Form}/${Mode}`[]; readonly reason: string }> = {};

const mlirOpt = llvmTool("mlir-opt");
const absent = corpusAbsence();
const skipReason = absent ?? (mlirOpt === undefined ? "mlir-opt-22 is not installed" : undefined);
if (skipReason !== undefined) console.log(`conformance suite skipped: ${skipReason}`);
// PRR_CONFORMANCE_ONLY=REGEX narrows the run to matching files while developing.
const only = process.env.PRR_CONFORMANCE_ONLY ? new RegExp(process.env.PRR_CONFORMANCE_ONLY) : undefined;
const files: CorpusFile[] = skipReason === undefined ? corpusMlirFiles().filter((f) => only?.test(f.name) ?? true) : [];

describe.skipIf(skipReason !== undefined)("conformance: prr opt round trip against mlir-opt-22", () => {
  const results = new Map<string, FileResult>();

  beforeAll(async () => {
    for (const r of await roundTrip(files, mlirOpt!)) results.set(r.name, r);
    console.log(formatReport([...results.values()]));
  }, 600_000);

  it("knows every listed exception's file", () => {
    expect(Object.keys(knownExceptions).filter((name) => !results.has(name))).toEqual([]);
  });

  for (const file of files) {
    it(file.name, () => {
      const r = results.get(file.name)!;
      const listed = knownExceptions[file.name]?.checks ?? [];
      const problems: string[] = [];
      for (const [key, v] of r.verdicts) {
        if (!v.ok && !listed.includes(key)) problems.push(`${key}: ${v.cause}`);
        if (v.ok && listed.includes(key)) problems.push(`${key}: passes but is listed as a known exception; remove it`);
      }
      expect(problems).toEqual([]);
    });
  }
});
