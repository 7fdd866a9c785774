// Runs MLIR the reference way, for the oracle tests and the `run` benchmark: mlir-opt-22 lowers a
// model to the LLVM dialect (the corpus README's pipeline) and mlir-runner-22 -O3 executes it with
// LLVM 22's runner utility libraries.
import { spawn } from "node:child_process";
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
 * The stages run as child processes without blocking: a test worker must stay responsive while
 * mlir-runner-22 spends a minute on a large model.
 */
export async function runWithMlir(tools: MlirTools, text: string, entry = "main", timeoutMs = 600_000, bytes = false): Promise<RunnerResult> {
  const first = await runPipeline(tools, text, entry, timeoutMs, lowering, bytes);
  if (first.ok || !first.stderr.startsWith("mlir-opt (lowering)")) return first;
  return runPipeline(tools, text, entry, timeoutMs, fallbackLowering, bytes);
}

interface StageResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd` on `input`; a stage past `timeoutMs` is killed and reported in stderr. */
function stage(cmd: string, args: readonly string[], input: string, timeoutMs: number, encoding: BufferEncoding): Promise<StageResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    // A stage that exits before reading all its input closes the pipe: its status says why.
    child.stdin.on("error", () => {});
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ status: null, stdout: "", stderr: e.message });
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8") + (timedOut ? `killed after ${timeoutMs} ms` : "");
      resolve({ status: timedOut ? null : status, stdout: Buffer.concat(out).toString(encoding), stderr });
    });
    child.stdin.end(input);
  });
}

async function runPipeline(tools: MlirTools, text: string, entry: string, timeoutMs: number, passes: readonly string[], bytes: boolean): Promise<RunnerResult> {
  const started = performance.now();
  const a = await stage(tools.opt, ["-pass-pipeline", tosaPipeline], text, timeoutMs, "utf8");
  if (a.status !== 0) return { ok: false, stdout: "", stderr: `mlir-opt (tosa): ${a.stderr}`, ms: performance.now() - started };
  const b = await stage(tools.opt, [...passes], a.stdout, timeoutMs, "utf8");
  if (b.status !== 0) return { ok: false, stdout: "", stderr: `mlir-opt (lowering): ${b.stderr}`, ms: performance.now() - started };
  const libs = ["libmlir_runner_utils.so.22.1", "libmlir_c_runner_utils.so.22.1"].map((l) => `-shared-libs=${path.join(tools.libDir, l)}`);
  const c = await stage(tools.runner, ["-e", entry, "-entry-point-result=void", "-O3", ...libs], b.stdout, timeoutMs, bytes ? "latin1" : "utf8");
  const ms = performance.now() - started;
  return { ok: c.status === 0, stdout: c.stdout, stderr: c.stderr, ms };
}

/** The model with its clock calls replaced by 0.0, so timing prints compare equal. */
export function withoutClock(text: string): string {
  return text.replace(/(%[\w.$-]+)\s*=\s*(?:func\.)?call @rtclock\(\)\s*:\s*\(\)\s*->\s*f64/g, "$1 = arith.constant 0.0 : f64");
}
