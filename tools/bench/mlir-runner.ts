// Runs MLIR the reference way, for the oracle tests and the `run` benchmark: mlir-opt-22 lowers a
// model to the LLVM dialect (the corpus README's pipeline) and mlir-runner-22 -O3 executes it with
// LLVM 22's runner utility libraries.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const tosaPipeline = "builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,tosa-to-tensor,tosa-to-arith))";
const lowering = [
  "-eliminate-empty-tensors",
  "-empty-tensor-to-alloc-tensor",
  "-convert-elementwise-to-linalg",
  "-one-shot-bufferize=unknown-type-conversion=identity-layout-map function-boundary-type-conversion=identity-layout-map bufferize-function-boundaries",
  "-expand-strided-metadata",
  "-ownership-based-buffer-deallocation",
  "-buffer-deallocation-simplification",
  "-bufferization-lower-deallocations",
  "-convert-bufferization-to-memref",
  "-convert-linalg-to-affine-loops",
  "-lower-affine",
  "-convert-vector-to-scf",
  "-convert-scf-to-cf",
  "-cse",
  "-memref-expand",
  "-arith-expand",
  "-convert-vector-to-llvm",
  "-convert-arith-to-llvm",
  "-finalize-memref-to-llvm",
  "-convert-cf-to-llvm",
  "-convert-math-to-llvm",
  "-convert-math-to-libm",
  "-convert-func-to-llvm",
  "-reconcile-unrealized-casts",
];

export interface MlirTools {
  readonly opt: string;
  readonly runner: string;
  /** The directory of libmlir_runner_utils.so.22.1 and libmlir_c_runner_utils.so.22.1. */
  readonly libDir: string;
}

/** Finds the tools from their paths (the library directory is the runner's realpath ../lib). */
export function mlirTools(opt: string, runner: string): MlirTools {
  const libDir = path.resolve(path.dirname(fs.realpathSync(runner)), "..", "lib");
  return { opt, runner, libDir };
}

export interface RunnerResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the whole chain (both mlir-opt-22 runs and mlir-runner-22), in ms. */
  readonly ms: number;
}

/**
 * The fallback lowering for models the README's pipeline rejects: models that free their own
 * memrefs (ownership-based deallocation refuses `memref.dealloc`) and tensor programs whose
 * bufferization needs copies (copy-before-write instead of the in-place analysis).
 */
const fallbackLowering = lowering
  .filter((p) => !/deallocation/.test(p))
  .map((p) => (p.startsWith("-one-shot-bufferize=") ? `${p} copy-before-write` : p));

/**
 * Lowers and runs `text`'s `entry` (a void function); `timeoutMs` bounds each stage. The program's
 * output is decoded as UTF-8, or with `bytes` as a byte string (one char per byte, as `prr run` writes).
 */
export function runWithMlir(tools: MlirTools, text: string, entry = "main", timeoutMs = 600_000, bytes = false): RunnerResult {
  const first = runPipeline(tools, text, entry, timeoutMs, lowering, bytes);
  if (first.ok || !first.stderr.startsWith("mlir-opt (lowering)")) return first;
  return runPipeline(tools, text, entry, timeoutMs, fallbackLowering, bytes);
}

function runPipeline(tools: MlirTools, text: string, entry: string, timeoutMs: number, passes: readonly string[], bytes: boolean): RunnerResult {
  const started = performance.now();
  const stage = (cmd: string, args: string[], input: string) =>
    spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 1 << 30, timeout: timeoutMs });
  const a = stage(tools.opt, ["-pass-pipeline", tosaPipeline], text);
  if (a.status !== 0) return { ok: false, stdout: "", stderr: `mlir-opt (tosa): ${a.stderr ?? a.error?.message}`, ms: performance.now() - started };
  const b = stage(tools.opt, [...passes], a.stdout);
  if (b.status !== 0) return { ok: false, stdout: "", stderr: `mlir-opt (lowering): ${b.stderr ?? b.error?.message}`, ms: performance.now() - started };
  const libs = ["libmlir_runner_utils.so.22.1", "libmlir_c_runner_utils.so.22.1"].map((l) => `-shared-libs=${path.join(tools.libDir, l)}`);
  const c = spawnSync(tools.runner, ["-e", entry, "-entry-point-result=void", "-O3", ...libs], {
    input: b.stdout,
    encoding: bytes ? "latin1" : "utf8",
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
  });
  const ms = performance.now() - started;
  return { ok: c.status === 0, stdout: c.stdout ?? "", stderr: `${c.stderr ?? ""}${c.error ? c.error.message : ""}`, ms };
}

/** The model with its clock calls replaced by 0.0, so timing prints compare equal. */
export function withoutClock(text: string): string {
  return text.replace(/(%[\w.$-]+)\s*=\s*(?:func\.)?call @rtclock\(\)\s*:\s*\(\)\s*->\s*f64/g, "$1 = arith.constant 0.0 : f64");
}
