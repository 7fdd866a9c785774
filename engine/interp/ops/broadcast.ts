// Elementwise evaluation with numpy/TOSA broadcasting (size-1 dimensions stretch to the output's),
// over strided views, with a tight loop when every operand is contiguous and of the output's shape.
import type { ElementKind } from "../elements.ts";
import { allocate, type ShapedValue } from "../values.ts";
import { trap } from "../trap.ts";
import type { Scalar } from "./elementwise.ts";

type Elements = { [i: number]: Scalar };

export function broadcastShape(values: readonly ShapedValue[], what: string): number[] {
  const rank = Math.max(...values.map((v) => v.rank));
  const out = new Array<number>(rank).fill(1);
  for (const v of values) {
    const pad = rank - v.rank;
    v.shape.forEach((d, i) => {
      const o = out[pad + i]!;
      if (o === 1) out[pad + i] = d;
      else if (d !== 1 && d !== o) trap("PRR6004", `${what}: shapes [${values.map((x) => x.shape.join("x")).join("], [")}] do not broadcast`);
    });
  }
  return out;
}

/** `f` applied elementwise over the broadcast of `values`, into a fresh buffer of kind `k`. */
export function zipBroadcast(k: ElementKind, values: readonly ShapedValue[], f: (...xs: Scalar[]) => Scalar, what: string): ShapedValue {
  const shape = broadcastShape(values, what);
  const out = allocate(k, shape);
  const n = out.size;
  const dst = out.data as unknown as Elements;
  const simple = values.every((v) => v.rank === shape.length && v.shape.every((d, i) => d === shape[i]) && v.isContiguous());
  if (simple) {
    const arrays = values.map((v) => v.data as unknown as Elements);
    const offs = values.map((v) => v.offset);
    if (values.length === 1) {
      const a = arrays[0]!;
      const o = offs[0]!;
      for (let i = 0; i < n; i++) dst[i] = f(a[o + i]!);
    } else if (values.length === 2) {
      const [a, b] = arrays as [Elements, Elements];
      const [oa, ob] = offs as [number, number];
      for (let i = 0; i < n; i++) dst[i] = f(a[oa + i]!, b[ob + i]!);
    } else {
      for (let i = 0; i < n; i++) dst[i] = f(...arrays.map((a, j) => a[offs[j]! + i]!));
    }
    return out;
  }
  const r = shape.length;
  const strides = values.map((v) => {
    const pad = r - v.rank;
    return shape.map((_, d) => (d < pad || v.shape[d - pad] === 1 ? 0 : v.strides[d - pad]!));
  });
  const arrays = values.map((v) => v.data as unknown as Elements);
  const offs = values.map((v) => v.offset);
  const idx = new Array<number>(r).fill(0);
  const args = new Array<Scalar>(values.length);
  for (let q = 0; q < n; q++) {
    for (let j = 0; j < values.length; j++) args[j] = arrays[j]![offs[j]!]!;
    dst[q] = f(...args);
    for (let d = r - 1; d >= 0; d--) {
      idx[d]!++;
      for (let j = 0; j < values.length; j++) offs[j]! += strides[j]![d]!;
      if (idx[d]! < shape[d]!) break;
      for (let j = 0; j < values.length; j++) offs[j]! -= strides[j]![d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

