// Typed-array kernels for linalg's hot named ops: matmul and batch_matmul in i-k-j order (each
// output element still sums k in ascending order, rounding every step as the loops would), fill.
// Large float matmuls run on the WebAssembly SIMD kernel (wasm/matmul.ts), with the same roundings.
import type { ShapedValue } from "../values.ts";
import { matmulSimd } from "../wasm/matmul.ts";

type Floats = Float32Array | Float64Array;

/** C[m,n] += A[m,k]·B[k,n] over strided 2-D views of float buffers; `round` rounds products. */
export function matmulInto(a: ShapedValue, b: ShapedValue, c: ShapedValue, round: (x: number) => number): void {
  const simd = matmulSimd(a, b, c);
  if (simd > 0) {
    // The SIMD kernel computed C's leading columns; the rest (fewer than a vector) are done here.
    if (simd === c.shape[1]) return;
    const rest = (v: ShapedValue) => v.view([v.shape[0]!, v.shape[1]! - simd], v.strides, v.offset + simd * v.strides[1]!);
    b = rest(b);
    c = rest(c);
  }
  if (c.data instanceof Float32Array && b.data instanceof Float32Array && a.data instanceof Float32Array && b.strides[1] === 1 && c.strides[1] === 1) {
    matmulF32Blocked(a, b, c);
    return;
  }
  const [M, K] = a.shape as [number, number];
  const N = b.shape[1]!;
  const A = a.data as Floats;
  const B = b.data as Floats;
  const C = c.data as Floats;
  const [as0, as1] = a.strides as [number, number];
  const [bs0, bs1] = b.strides as [number, number];
  const [cs0, cs1] = c.strides as [number, number];
  const wide = C instanceof Float64Array;
  for (let i = 0; i < M; i++) {
    const cRow = c.offset + i * cs0;
    for (let k = 0; k < K; k++) {
      const x = A[a.offset + i * as0 + k * as1]!;
      const bRow = b.offset + k * bs0;
      if (bs1 !== 1 && bs0 === 1 && k === 0) {
        dotRows(a, b, c, i, round);
        break;
      }
      if (bs1 === 1 && cs1 === 1) {
        if (wide) for (let j = 0; j < N; j++) C[cRow + j] = C[cRow + j]! + x * B[bRow + j]!;
        else for (let j = 0; j < N; j++) C[cRow + j] = C[cRow + j]! + round(x * B[bRow + j]!);
      } else {
        for (let j = 0; j < N; j++) C[cRow + j * cs1] = C[cRow + j * cs1]! + round(x * B[bRow + j * bs1]!);
      }
    }
  }
}

/** Batched matmul: each batch is a strided 2-D matmul. */
export function batchMatmulInto(a: ShapedValue, b: ShapedValue, c: ShapedValue, round: (x: number) => number): void {
  const batch = a.shape[0]!;
  for (let p = 0; p < batch; p++) {
    const slice = (v: ShapedValue) => v.view(v.shape.slice(1), v.strides.slice(1), v.offset + p * v.strides[0]!);
    matmulInto(slice(a), slice(b), slice(c), round);
  }
}

/** Row i of C when B is stored transposed (stride 1 along k): dot products, k ascending. */
function dotRows(a: ShapedValue, b: ShapedValue, c: ShapedValue, i: number, round: (x: number) => number): void {
  const K = a.shape[1]!;
  const N = b.shape[1]!;
  const A = a.data as Floats;
  const B = b.data as Floats;
  const C = c.data as Floats;
  const aRow = a.offset + i * a.strides[0]!;
  const as1 = a.strides[1]!;
  const bs1 = b.strides[1]!;
  const cRow = c.offset + i * c.strides[0]!;
  const cs1 = c.strides[1]!;
  const f32 = C instanceof Float32Array;
  let j = 0;
  if (f32) {
    // Eight outputs at once: eight independent rounding chains (each still adds k in ascending
    // order) instead of one, whose latency bounded the loop; A's element is loaded once for all.
    for (; j + 8 <= N; j += 8) {
      const b0 = b.offset + j * bs1;
      const b1 = b0 + bs1;
      const b2 = b1 + bs1;
      const b3 = b2 + bs1;
      const b4 = b3 + bs1;
      const b5 = b4 + bs1;
      const b6 = b5 + bs1;
      const b7 = b6 + bs1;
      let acc0 = C[cRow + j * cs1]!;
      let acc1 = C[cRow + (j + 1) * cs1]!;
      let acc2 = C[cRow + (j + 2) * cs1]!;
      let acc3 = C[cRow + (j + 3) * cs1]!;
      let acc4 = C[cRow + (j + 4) * cs1]!;
      let acc5 = C[cRow + (j + 5) * cs1]!;
      let acc6 = C[cRow + (j + 6) * cs1]!;
      let acc7 = C[cRow + (j + 7) * cs1]!;
      for (let k = 0; k < K; k++) {
        const x = A[aRow + k * as1]!;
        acc0 = Math.fround(acc0 + Math.fround(x * B[b0 + k]!));
        acc1 = Math.fround(acc1 + Math.fround(x * B[b1 + k]!));
        acc2 = Math.fround(acc2 + Math.fround(x * B[b2 + k]!));
        acc3 = Math.fround(acc3 + Math.fround(x * B[b3 + k]!));
        acc4 = Math.fround(acc4 + Math.fround(x * B[b4 + k]!));
        acc5 = Math.fround(acc5 + Math.fround(x * B[b5 + k]!));
        acc6 = Math.fround(acc6 + Math.fround(x * B[b6 + k]!));
        acc7 = Math.fround(acc7 + Math.fround(x * B[b7 + k]!));
      }
      C[cRow + j * cs1] = acc0;
      C[cRow + (j + 1) * cs1] = acc1;
      C[cRow + (j + 2) * cs1] = acc2;
      C[cRow + (j + 3) * cs1] = acc3;
      C[cRow + (j + 4) * cs1] = acc4;
      C[cRow + (j + 5) * cs1] = acc5;
      C[cRow + (j + 6) * cs1] = acc6;
      C[cRow + (j + 7) * cs1] = acc7;
    }
  }
  for (; j < N; j++) {
    let acc = C[cRow + j * cs1]!;
    const bCol = b.offset + j * bs1;
    if (f32) for (let k = 0; k < K; k++) acc = Math.fround(acc + Math.fround(A[aRow + k * as1]! * B[bCol + k]!));
    else for (let k = 0; k < K; k++) acc += A[aRow + k * as1]! * B[bCol + k]!;
    C[cRow + j * cs1] = acc;
  }
  void round;
}

const tileJ = 512;
const tileK = 64;

/**
 * The f32 matmul with unit-stride rows of B and C, tiled so a block of B stays in cache while
 * every row of A passes over it; each C[i,j] still adds its products in ascending k.
 */
function matmulF32Blocked(a: ShapedValue, b: ShapedValue, c: ShapedValue): void {
  const M = a.shape[0]!;
  const K = a.shape[1]!;
  const N = b.shape[1]!;
  const A = a.data as Float32Array;
  const B = b.data as Float32Array;
  const C = c.data as Float32Array;
  const as0 = a.strides[0]!;
  const as1 = a.strides[1]!;
  const bs0 = b.strides[0]!;
  const cs0 = c.strides[0]!;
  const ao = a.offset;
  const bo = b.offset;
  const co = c.offset;
  for (let j0 = 0; j0 < N; j0 += tileJ) {
    const j1 = Math.min(N, j0 + tileJ);
    for (let k0 = 0; k0 < K; k0 += tileK) {
      const k1 = Math.min(K, k0 + tileK);
      for (let i = 0; i < M; i++) {
        const cRow = co + i * cs0;
        const aRow = ao + i * as0;
        for (let k = k0; k < k1; k++) {
          const x = A[aRow + k * as1]!;
          const bRow = bo + k * bs0;
          for (let j = j0; j < j1; j++) C[cRow + j] = C[cRow + j]! + Math.fround(x * B[bRow + j]!);
        }
      }
    }
  }
}

