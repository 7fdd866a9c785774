// The WebAssembly SIMD matmul (engine/interp/wasm/matmul.ts) against the typed-array kernel it
// replaces: the same bits for every C element, on shapes with column tails, k across tile edges,
// strided and transposed views, and special values (NaN, ±inf, -0, subnormals).
import { afterEach, describe, expect, it } from "vitest";
import { Kinds } from "../../engine/interp/elements.ts";
import { Random } from "../../engine/interp/inputs.ts";
import { ShapedValue, wrap } from "../../engine/interp/values.ts";
import { matmulInto } from "../../engine/interp/ops/linalg-kernels.ts";
import { matmulSimd, setWasmKernels } from "../../engine/interp/wasm/matmul.ts";

afterEach(() => setWasmKernels(true));

/** Deterministic values mixing ordinary numbers and special ones. */
function values(seed: number, n: number, special: boolean): number[] {
  const random = new Random(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = random.next();
    const pick = special ? Math.floor(r * 1000) : 999;
    out.push(pick === 0 ? NaN : pick === 1 ? Infinity : pick === 2 ? -Infinity : pick === 3 ? -0 : pick === 4 ? 1e-40 : (r - 0.5) * 8);
  }
  return out;
}

type Kind = "f32" | "f64";

function tensor(kind: Kind, shape: number[], seed: number, special = false): ShapedValue {
  const k = Kinds[kind];
  const data = k.alloc(shape.reduce((a, b) => a * b, 1)) as Float32Array | Float64Array;
  data.set(values(seed, data.length, special));
  return wrap(k, data, shape);
}

function copy(v: ShapedValue): ShapedValue {
  return new ShapedValue(v.kind, (v.data as Float32Array).slice(), v.shape, v.strides, v.offset);
}

/** C += A·B both ways; the SIMD path must have run and the bits must agree. */
function agree(a: ShapedValue, b: ShapedValue, c: ShapedValue) {
  const round = c.kind.name === "f32" ? Math.fround : (x: number) => x;
  const viaSimd = copy(c);
  const viaArrays = copy(c);
  setWasmKernels(false);
  matmulInto(a, b, viaArrays, round);
  setWasmKernels(true);
  matmulInto(a, b, viaSimd, round);
  const x = viaSimd.data as Float32Array;
  const y = viaArrays.data as Float32Array;
  let differ = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i]) && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) differ++;
  expect(differ, "elements that differ").toBe(0);
}

describe("WebAssembly SIMD matmul", () => {
  for (const kind of ["f32", "f64"] as const) {
    it(`${kind}: the same bits as the typed-array kernel, with column and k tails`, () => {
      for (const [m, k, n, seed] of [
        [64, 300, 70, 1],
        [33, 257, 129, 2],
        [128, 64, 36, 3],
        [5, 1100, 67, 4],
      ] as const) {
        const a = tensor(kind, [m, k], seed);
        const b = tensor(kind, [k, n], seed + 10);
        expect(matmulSimd(a, b, copy(tensor(kind, [m, n], 0))), `${m}x${k}x${n} ran on the SIMD kernel`).toBeGreaterThan(0);
        agree(a, b, tensor(kind, [m, n], seed + 20));
      }
    });

    it(`${kind}: NaN, infinities, -0 and subnormals propagate as in the typed-array kernel`, () => {
      agree(tensor(kind, [40, 200], 5, true), tensor(kind, [200, 90], 6, true), tensor(kind, [40, 90], 7, true));
    });
  }

  it("reads strided and transposed views of A and writes a view of C", () => {
    const big = tensor("f32", [100, 400], 8);
    // A as a transposed view (column stride 400) of a 400x100 block; C as every other row of a buffer.
    const a = big.view([64, 100], [1, 400], 3);
    const b = tensor("f32", [100, 96], 9);
    const cBuffer = tensor("f32", [128, 96], 10);
    const c = cBuffer.view([64, 96], [192, 1], 0);
    expect(matmulSimd(a, b, copy(cBuffer).view([64, 96], [192, 1], 0))).toBe(96);
    agree(a, b, c);
  });

  it("leaves small, mixed-type and aliased matmuls to the typed-array kernel", () => {
    expect(matmulSimd(tensor("f32", [4, 4], 1), tensor("f32", [4, 4], 2), tensor("f32", [4, 4], 3))).toBe(0);
    expect(matmulSimd(tensor("f32", [64, 300], 1), tensor("f64", [300, 70], 2), tensor("f32", [64, 70], 3))).toBe(0);
    // Rows of C that overlap (stride 0): one element sums over every row, in the loops' order.
    const b = tensor("f32", [600, 64], 6);
    const overlapping = (v: ShapedValue) => v.view([64, 64], [0, 1], 0);
    expect(matmulSimd(tensor("f32", [64, 600], 7), b, overlapping(tensor("f32", [1, 64], 8)))).toBe(0);
    agree(tensor("f32", [64, 600], 7), b, overlapping(tensor("f32", [1, 64], 8)));
    const shared = tensor("f32", [128, 300], 4);
    expect(matmulSimd(shared.view([64, 300], [300, 1], 0), tensor("f32", [300, 64], 5), shared.view([64, 64], [300, 1], 64 * 300))).toBe(0);
  });
});
