// The conformance round trip: each corpus file goes through `prr opt` (custom form as written, and the
// generic form mlir-opt-22 prints of it), and mlir-opt-22 judges prr's output against the original.
import type { CorpusFile } from "./corpus.ts";
import { mlirOptBatch, type OracleResult } from "./mlir-opt-batch.ts";
import { firstDifference, renameSsa } from "./normalize.ts";
import { firstDiagnostic, isUnregisteredFailure, prrOpt, type PrrRun } from "./prr-opt.ts";

/** The input forms: the file as written, and mlir-opt-22's generic print of it. */
export const forms = ["custom", "generic"] as const;
export type Form = (typeof forms)[number];

/** prr's output modes: its default print and `--print-generic`. */
export const modes = ["default", "print-generic"] as const;
export type Mode = (typeof modes)[number];

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly cause: string };

export interface FileResult {
  readonly name: string;
  /** Why the custom form was not tried (prr does not register some of its ops), if it was not. */
  readonly customSkipped?: string;
  /** One verdict per form and mode tried, keyed `form/mode`. */
  readonly verdicts: ReadonlyMap<`${Form}/${Mode}`, Verdict>;
  /** For files tried in custom form: whether prr's default output is mlir-opt-22's default output. */
  readonly sameText?: { readonly equal: true } | { readonly equal: false; readonly difference: string };
  /** Whether mlir-opt-22's own generic print is a fixed point (reprinting it changes nothing). */
  readonly oracleFixedPoint: boolean;
  /** Whether mlir-opt-22's own default (custom) print reads back as the original IR. */
  readonly oracleCustomRoundTrips: boolean;
}

const allowUnregistered = "--allow-unregistered-dialect";
const genericFlags = [allowUnregistered, "--mlir-print-op-generic"];

interface Attempt {
  readonly file: number;
  readonly key: `${Form}/${Mode}`;
  readonly run: PrrRun;
}

function prrFailure(run: PrrRun): string {
  return run.code === 70
    ? `prr crashes (exit 70): ${firstDiagnostic(run.err)}`
    : `prr exits ${run.code}: ${firstDiagnostic(run.err)}`;
}

function quote(line: string): string {
  return line === "" ? "an empty line" : `\`${line.trim()}\``;
}

function judge(attempt: Attempt, reprint: OracleResult | undefined, reference: OracleResult): Verdict {
  if (attempt.run.code !== 0) return { ok: false, cause: prrFailure(attempt.run) };
  if (!reference.ok) return { ok: false, cause: `mlir-opt-22 rejects the original: ${reference.error}` };
  if (reprint === undefined || !reprint.ok)
    return { ok: false, cause: `mlir-opt-22 rejects prr's output: ${reprint?.error ?? "no verdict"}` };
  const d = firstDifference(renameSsa(reference.output), renameSsa(reprint.output));
  if (d === undefined) return { ok: true };
  return {
    ok: false,
    cause: `mlir-opt-22's generic print of prr's output differs at line ${d.line}: expected ${quote(d.left)}, got ${quote(d.right)}`,
  };
}

/** Runs the whole round trip; mlir-opt-22 is spawned a handful of times for the whole corpus. */
export async function roundTrip(files: readonly CorpusFile[], mlirOpt: string): Promise<FileResult[]> {
  const originals = files.map((f) => f.text);
  const genericOriginals = mlirOptBatch(mlirOpt, genericFlags, originals);
  const reprintedGenerics = mlirOptBatch(
    mlirOpt,
    genericFlags,
    genericOriginals.map((g) => (g.ok ? g.output : "")),
  );
  // mlir-opt's default print of each original, and that print read back: the oracle's own custom round trip.
  const customOriginals = mlirOptBatch(mlirOpt, [allowUnregistered], originals);
  const reprintedCustoms = mlirOptBatch(
    mlirOpt,
    genericFlags,
    customOriginals.map((c) => (c.ok ? c.output : "")),
  );

  const attempts: Attempt[] = [];
  const customSkipped = new Map<number, string>();
  for (const [i, f] of files.entries()) {
    // The file as written, with generic ops of unknown dialects allowed (as mlir-opt reads it); only
    // custom syntax of a dialect prr does not register makes the custom form untestable.
    const custom = await prrOpt(f.name, f.text, [allowUnregistered]);
    if (isUnregisteredFailure(custom)) customSkipped.set(i, firstDiagnostic(custom.err));
    else {
      attempts.push({ file: i, key: "custom/default", run: custom });
      attempts.push({
        file: i,
        key: "custom/print-generic",
        run: await prrOpt(f.name, f.text, [allowUnregistered, "--print-generic"]),
      });
    }
    const generic = genericOriginals[i]!;
    if (!generic.ok) continue;
    const name = f.name.replace(/\.mlir$/, ".generic.mlir");
    attempts.push({ file: i, key: "generic/default", run: await prrOpt(name, generic.output, [allowUnregistered]) });
    attempts.push({
      file: i,
      key: "generic/print-generic",
      run: await prrOpt(name, generic.output, [allowUnregistered, "--print-generic"]),
    });
  }

  const printed = attempts.filter((a) => a.run.code === 0);
  const reprints = new Map<Attempt, OracleResult>();
  mlirOptBatch(
    mlirOpt,
    genericFlags,
    printed.map((a) => a.run.out),
  ).forEach((r, k) => reprints.set(printed[k]!, r));

  // The share of registered files printed as mlir-opt prints them counts prr's failures as differences.
  const sameText = new Map<number, FileResult["sameText"]>();
  for (const a of attempts.filter((x) => x.key === "custom/default")) {
    const oracle = customOriginals[a.file]!;
    if (!oracle.ok) continue;
    const d = a.run.code === 0 ? firstDifference(oracle.output, a.run.out) : { line: 0, left: "", right: "" };
    sameText.set(
      a.file,
      d === undefined
        ? { equal: true }
        : {
            equal: false,
            difference:
              a.run.code === 0
                ? `line ${d.line}: mlir-opt-22 prints ${quote(d.left)}, prr prints ${quote(d.right)}`
                : prrFailure(a.run),
          },
    );
  }

  const attemptsOf = new Map<number, Attempt[]>();
  for (const a of attempts) attemptsOf.set(a.file, [...(attemptsOf.get(a.file) ?? []), a]);
  return files.map((f, i) => {
    const g = genericOriginals[i]!;
    const verdicts = new Map<`${Form}/${Mode}`, Verdict>();
    for (const a of attemptsOf.get(i) ?? []) verdicts.set(a.key, judge(a, reprints.get(a), g));
    if (!g.ok) verdicts.set("generic/default", { ok: false, cause: `mlir-opt-22 rejects the original: ${g.error}` });
    const r = reprintedGenerics[i]!;
    const c = reprintedCustoms[i]!;
    return {
      name: f.name,
      ...(customSkipped.has(i) ? { customSkipped: customSkipped.get(i)! } : {}),
      verdicts,
      ...(sameText.has(i) ? { sameText: sameText.get(i)! } : {}),
      oracleFixedPoint: g.ok && r.ok && renameSsa(g.output) === renameSsa(r.output),
      oracleCustomRoundTrips: g.ok && c.ok && renameSsa(g.output) === renameSsa(c.output),
    };
  });
}
