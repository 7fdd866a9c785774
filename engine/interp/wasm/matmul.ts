// A WebAssembly SIMD kernel for C[m,n] += A[m,k]·B[k,n] on f32 or f64 with unit-stride rows of B
// and C: four vector accumulators per row segment, k ascending, each product and each sum rounded
// in the element type (f32x4/f64x2 mul then add), so every C[i,j] is what the scalar loops compute.
import { FunctionWriter, ValType, writeModule } from "./module-writer.ts";
import { arena, span, type FloatArray } from "./arena.ts";
import type { ShapedValue } from "../values.ts";

/** Columns per tile and call, in bytes (B's tile of `tileK` rows stays in cache while every row of A passes). */
const tileBytes = 1024;
const tileK = 256;

const op = {
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32LtU: 0x49,
  i32LeU: 0x4d,
  select: 0x1b,
  v128Load: 0x00,
  v128Store: 0x0b,
  load32Splat: 0x09,
  load64Splat: 0x0a,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
} as const;

/**
 * matmul(a, as0, as1, b, bs0, c, cs0, M, K, j0, j1): addresses and strides in bytes; computes the
 * columns from byte j0 to byte j1 of every C row (a multiple of 16 bytes), with M and K positive.
 */
function matmulFunction(wide: boolean): FunctionWriter {
  const { i32, v128 } = ValType;
  const f = new FunctionWriter([i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32]);
  const [a, as0, as1, b, bs0, c, cs0, M, K, j0, j1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
  const local = () => f.local(i32);
  const [k0, k1, i, jb, cp, ap, bp, kk] = [local(), local(), local(), local(), local(), local(), local(), local()];
  const acc = Array.from({ length: 4 }, () => f.local(v128));
  const x = f.local(v128);
  const splat = wide ? op.load64Splat : op.load32Splat;
  const add = wide ? op.f64x2Add : op.f32x4Add;
  const mul = wide ? op.f64x2Mul : op.f32x4Mul;
  const align = wide ? 3 : 2;

  // min(p + q, r) of locals/constants, left on the stack.
  const minSum = (p: number, q: () => void, r: number) => {
    f.get(p);
    q();
    f.op(op.i32Add).tee(kk).get(r).get(kk).get(r).op(op.i32LtU).op(op.select);
  };
  // One row segment of `n` vectors (n·16 bytes) at column byte jb: accumulators through k0..k1.
  const segment = (n: number) => {
    f.get(c).get(i).get(cs0).op(op.i32Mul).op(op.i32Add).get(jb).op(op.i32Add).set(cp);
    for (let t = 0; t < n; t++) f.get(cp).simd(op.v128Load, { align: 4, offset: 16 * t }).set(acc[t]!);
    f.get(a).get(i).get(as0).op(op.i32Mul).op(op.i32Add).get(k0).get(as1).op(op.i32Mul).op(op.i32Add).set(ap);
    f.get(b).get(k0).get(bs0).op(op.i32Mul).op(op.i32Add).get(jb).op(op.i32Add).set(bp);
    f.get(k1).get(k0).op(op.i32Sub).set(kk);
    f.loop(() => {
      f.get(ap).simd(splat, { align }).set(x);
      for (let t = 0; t < n; t++) {
        f.get(acc[t]!).get(x).get(bp).simd(op.v128Load, { align: 4, offset: 16 * t }).simd(mul).simd(add).set(acc[t]!);
      }
      f.get(ap).get(as1).op(op.i32Add).set(ap);
      f.get(bp).get(bs0).op(op.i32Add).set(bp);
      f.get(kk).i32(1).op(op.i32Sub).tee(kk).brIf(0);
    });
    for (let t = 0; t < n; t++) f.get(cp).get(acc[t]!).simd(op.v128Store, { align: 4, offset: 16 * t });
    f.get(jb).i32(16 * n).op(op.i32Add).set(jb);
  };
  // While jb + 16·n <= j1: one segment of n vectors.
  const segments = (n: number) => {
    f.get(jb).i32(16 * n).op(op.i32Add).get(j1).op(op.i32LeU);
    f.when(() => f.loop(() => {
      segment(n);
      f.get(jb).i32(16 * n).op(op.i32Add).get(j1).op(op.i32LeU).brIf(0);
    }));
  };

  f.i32(0).set(k0);
  f.loop(() => {
    minSum(k0, () => f.i32(tileK), K);
    f.set(k1);
    f.i32(0).set(i);
    f.loop(() => {
      f.get(j0).set(jb);
      segments(4);
      segments(1);
      f.get(i).i32(1).op(op.i32Add).tee(i).get(M).op(op.i32LtU).brIf(0);
    });
    f.get(k1).tee(k0).get(K).op(op.i32LtU).brIf(0);
  });
  return f;
}

type Matmul = (a: number, as0: number, as1: number, b: number, bs0: number, c: number, cs0: number, m: number, k: number, j0: number, j1: number) => void;

let kernels: { f32: Matmul; f64: Matmul } | null | undefined;
let enabled = true;

/** Turns the SIMD kernels on or off (tests compare both paths). */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

function instantiate(): { f32: Matmul; f64: Matmul } | null {
  try {
    const bytes = writeModule({ matmulF32: matmulFunction(false), matmulF64: matmulFunction(true) });
    if (!WebAssembly.validate(bytes)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: arena().memory } });
    return { f32: instance.exports.matmulF32 as Matmul, f64: instance.exports.matmulF64 as Matmul };
  } catch {
    // No WebAssembly SIMD here: the typed-array kernels do all the work.
    return null;
  }
}

/** Multiply-adds below which copying the operands in costs more than the kernel saves. */
const minWork = 1 << 18;

/**
 * Runs C += A·B on the SIMD kernel for C's leading columns (a whole number of vectors); returns
 * how many columns it computed, 0 when the kernel does not apply (then the caller computes all).
 */
export function matmulSimd(a: ShapedValue, b: ShapedValue, c: ShapedValue): number {
  if (!enabled) return 0;
  const A = a.data;
  const B = b.data;
  const C = c.data;
  const wide = C instanceof Float64Array;
  if (!(wide || C instanceof Float32Array) || A.constructor !== C.constructor || B.constructor !== C.constructor) return 0;
  if (b.strides[1] !== 1 || c.strides[1] !== 1) return 0;
  // The result is copied back whole: it must not share a buffer with an operand.
  if ((C as FloatArray).buffer === (A as FloatArray).buffer || (C as FloatArray).buffer === (B as FloatArray).buffer) return 0;
  const [M, K] = a.shape as [number, number];
  const N = b.shape[1]!;
  const lanes = wide ? 2 : 4;
  const cols = N - (N % lanes);
  if (M === 0 || K === 0 || cols === 0 || M * cols * K < minWork) return 0;
  // Rows of C that overlap would sum one element over several rows, in the kernel's tile order.
  if (M > 1 && c.strides[0]! < N) return 0;
  const sa = span(a.offset, a.shape, a.strides);
  const sb = span(b.offset, b.shape, b.strides);
  const sc = span(c.offset, c.shape, c.strides);
  if (sa === undefined || sb === undefined || sc === undefined) return 0;
  // An element copied in or out costs about what a typed-array multiply-add does; the kernel's
  // multiply-adds are several times cheaper, so it pays once it does a few per element copied.
  if (M * cols * K < 4 * (sa[1] - sa[0] + sb[1] - sb[0] + 2 * (sc[1] - sc[0]))) return 0;
  kernels ??= instantiate();
  if (kernels === null) return 0;
  const memory = arena();
  memory.reset();
  const pa = memory.copyIn(A as FloatArray, sa[0], sa[1]);
  const pb = pa === undefined ? undefined : memory.copyIn(B as FloatArray, sb[0], sb[1]);
  const pc = pb === undefined ? undefined : memory.copyIn(C as FloatArray, sc[0], sc[1]);
  if (pa === undefined || pb === undefined || pc === undefined) return 0;
  const bytes = C.BYTES_PER_ELEMENT;
  const [as0, as1] = a.strides as [number, number];
  const kernel = wide ? kernels.f64 : kernels.f32;
  // One call per column tile: V8 first runs a WebAssembly function on its baseline code and
  // switches to optimized code from a later call, so a single long call would never speed up.
  for (let j = 0; j < cols * bytes; j += tileBytes) {
    kernel(pa, as0 * bytes, as1 * bytes, pb, b.strides[0]! * bytes, pc, c.strides[0]! * bytes, M, K, j, Math.min(j + tileBytes, cols * bytes));
  }
  memory.copyOut(C as FloatArray, sc[0], sc[1], pc);
  memory.reset();
  return cols;
}
