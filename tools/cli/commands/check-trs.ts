// `prr check --trs FILE`: confluence of a first-order TRS in ARI or COPS format. Prints YES, NO or
// MAYBE alone on the first line (the Confluence Competition's convention), then the proof.
import type { Io } from "../io.ts";
import { Exit } from "../exit.ts";
import { parseTrs } from "../../../grammar/trs/parse.ts";
import { SourceFile } from "../../../engine/support/source.ts";
import { diag, diagnosticToJson, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";
import { trsFromProblem } from "../../../engine/check/trs/trs.ts";
import { checkConfluence } from "../../../engine/check/trs/prove.ts";

export interface TrsCheckOptions {
  readonly json: boolean;
  /** Time limit for the whole proof search, in milliseconds. */
  readonly timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 1000;

export function checkTrsFile(path: string, options: TrsCheckOptions, io: Io): number {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return reportDiagnostics([diag("PRR9002", `cannot read '${path}': ${reason}`, undefined)], options, io);
  }
  const parsed = parseTrs(new SourceFile(path, text));
  if (!parsed.ok) return reportDiagnostics(parsed.diagnostics, options, io);
  const outcome = checkConfluence(trsFromProblem(parsed.problem), options.timeoutMs);
  if (options.json) {
    const json = {
      answer: outcome.answer,
      criterion: outcome.criterion ?? null,
      certificate: outcome.proof?.certificate ?? null,
      proof: outcome.lines,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else io.stdout(`${outcome.answer}\n${outcome.lines.join("\n")}\n`);
  return Exit.ok;
}

function reportDiagnostics(ds: readonly Diagnostic[], options: TrsCheckOptions, io: Io): number {
  if (options.json) io.stdout(`${JSON.stringify({ diagnostics: ds.map(diagnosticToJson) }, null, 2)}\n`);
  else io.stderr(ds.map((d) => `${formatDiagnostic(d)}\n`).join(""));
  return Exit.diagnostics;
}
