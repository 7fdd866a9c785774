// Runs mlir-opt-22 over many independent inputs in one process: the inputs are joined with
// `// -----` and split again with --split-input-file, so a whole corpus costs one spawn per mode.
import { spawnSync } from "node:child_process";

/** mlir-opt's verdict on one input: its printed output, or its first error. */
export type OracleResult =
  { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string };

const marker = "// -----";
const maxBuffer = 1 << 30;

function run(
  tool: string,
  flags: readonly string[],
  input: string,
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(tool, [...flags, "-"], { input, encoding: "utf8", maxBuffer });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** mlir-opt's first error with the source line it points at: `error: ... at line N: \`text\``. */
function firstError(stderr: string): string {
  const lines = stderr.split("\n");
  const k = lines.findIndex((l) => / error: /.test(l));
  if (k < 0) return lines.find((l) => l.trim() !== "")?.trim() ?? "mlir-opt failed without a message";
  const m = /^<stdin>:(\d+):\d+: (.*)$/.exec(lines[k]!);
  if (!m) return lines[k]!.trim();
  const source = (lines[k + 1] ?? "").trim();
  return `${m[2]} (line ${m[1]}${source ? `: \`${source.length > 160 ? `${source.slice(0, 160)}...` : source}\`` : ""})`;
}

/** One input alone (used when a batch cannot be split reliably). */
export function mlirOptOne(tool: string, flags: readonly string[], input: string): OracleResult {
  const r = run(tool, flags, input);
  return r.status === 0 ? { ok: true, output: r.stdout } : { ok: false, error: firstError(r.stderr) };
}

/**
 * mlir-opt `flags` applied to each input separately, in one process. An input that holds the split
 * marker itself, or whose verdict the batch cannot tell (a failure without output), is rerun alone.
 */
export function mlirOptBatch(tool: string, flags: readonly string[], inputs: readonly string[]): OracleResult[] {
  const results: (OracleResult | undefined)[] = inputs.map(() => undefined);
  const batched = inputs.map((_, i) => i).filter((i) => !inputs[i]!.includes(marker));
  if (batched.length > 0) {
    const parts = batched.map((i) => (inputs[i]!.endsWith("\n") ? inputs[i]! : `${inputs[i]!}\n`));
    const r = run(tool, ["--split-input-file", ...flags], parts.join(`${marker}\n`));
    const pieces = r.stdout.split(/^\/\/ -----\n/m);
    if (pieces.length === batched.length) {
      batched.forEach((input, k) => {
        const piece = pieces[k]!;
        // A chunk that fails prints nothing; its output piece is empty.
        if (piece.length > 0) results[input] = { ok: true, output: piece };
      });
    }
  }
  return results.map((r, i) => r ?? mlirOptOne(tool, flags, inputs[i]!));
}
