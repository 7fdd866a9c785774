// FileCheck as a library: `checkFile(checkText, checkPath, input, options)` with LLVM FileCheck's semantics and messages.
// Text is handled as UTF-8 bytes (one char per byte) as LLVM does, so `.`, columns and fuzzy matches agree.
import { Buffer } from "node:buffer";
import { readCheckFile } from "./directives.ts";
import { checkInput } from "./match.ts";
import { Report } from "./report.ts";
import { canonicalize } from "./source.ts";
import { VariableTable } from "./variables.ts";

export interface CheckOptions {
  /** `--check-prefix`/`--check-prefixes`; empty means the default `CHECK`. */
  readonly checkPrefixes: readonly string[];
  readonly matchFullLines?: boolean;
  readonly strictWhitespace?: boolean;
  readonly implicitCheckNot?: readonly string[];
  readonly allowEmpty?: boolean;
  readonly allowUnusedPrefixes?: boolean;
  /** `--comment-prefixes`; defaults to `COM` and `RUN`. */
  readonly commentPrefixes?: readonly string[];
  /** How the input is named in diagnostics (`<stdin>` unless `--input-file` was given). */
  readonly inputName?: string;
}

export interface CheckResult {
  readonly ok: boolean;
  /** What FileCheck would print on stderr (without the `--dump-input` annotation). */
  readonly diagnostics: string;
  /** FileCheck's exit status: 0 pass, 1 check failure, 2 bad check file, options or empty input. */
  readonly status: 0 | 1 | 2;
}

const defaultCheckPrefixes = ["CHECK"];
const defaultCommentPrefixes = ["COM", "RUN"];

export function checkFile(checkText: string, checkPath: string, input: string, options: CheckOptions): CheckResult {
  const report = new Report();
  const fail = (status: 1 | 2): CheckResult => ({ ok: false, diagnostics: fromBytes(report.text), status });
  const isDefaultPrefix = options.checkPrefixes.length === 0;
  const checkPrefixes = isDefaultPrefix ? defaultCheckPrefixes : options.checkPrefixes;
  const commentPrefixes = options.commentPrefixes?.length ? options.commentPrefixes : defaultCommentPrefixes;
  const problem = validatePrefixes(options.checkPrefixes, options.commentPrefixes ?? [], isDefaultPrefix);
  if (problem) {
    report.line(problem);
    return fail(2);
  }
  const strict = options.strictWhitespace ?? false;
  const vars = new VariableTable();
  const checks = readCheckFile(
    { name: toBytes(checkPath), text: canonicalize(toBytes(checkText), strict) },
    {
      checkPrefixes,
      commentPrefixes,
      implicitCheckNot: (options.implicitCheckNot ?? []).map(toBytes),
      isDefaultPrefix,
      allowUnusedPrefixes: options.allowUnusedPrefixes ?? false,
      matchFullLines: options.matchFullLines ?? false,
      strictWhitespace: strict,
    },
    vars,
    report,
  );
  if (!checks) return fail(report.exitStatus ?? 2);
  const inputName = toBytes(options.inputName ?? "<stdin>");
  if (input.length === 0 && !options.allowEmpty) {
    report.line(`FileCheck error: '${inputName}' is empty.`);
    return fail(2);
  }
  const ok = checkInput(checks, { name: inputName, text: canonicalize(toBytes(input), strict) }, report);
  return ok ? { ok, diagnostics: fromBytes(report.text), status: 0 } : fail(1);
}

const nonAscii = /[^\x00-\x7f]/;

/** UTF-8 bytes as a string of char codes 0-255. */
function toBytes(s: string): string {
  return nonAscii.test(s) ? Buffer.from(s, "utf8").toString("latin1") : s;
}

function fromBytes(s: string): string {
  return nonAscii.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

/** FileCheck::ValidateCheckPrefixes. */
function validatePrefixes(
  checkPrefixes: readonly string[],
  commentPrefixes: readonly string[],
  isDefaultPrefix: boolean,
): string | undefined {
  const seen = new Set<string>();
  if (isDefaultPrefix) defaultCheckPrefixes.forEach((p) => seen.add(p));
  if (commentPrefixes.length === 0) defaultCommentPrefixes.forEach((p) => seen.add(p));
  for (const [kind, list] of [
    ["check", checkPrefixes],
    ["comment", commentPrefixes],
  ] as const) {
    for (const p of list) {
      if (p === "") return `error: supplied ${kind} prefix must not be the empty string`;
      if (!/^[a-zA-Z0-9_-]*$/.test(p)) {
        return (
          `error: supplied ${kind} prefix must start with a letter and contain only alphanumeric characters, ` +
          `hyphens, and underscores: '${p}'`
        );
      }
      if (seen.has(p)) return `error: supplied ${kind} prefix must be unique among check and comment prefixes: '${p}'`;
      seen.add(p);
    }
  }
  return undefined;
}
