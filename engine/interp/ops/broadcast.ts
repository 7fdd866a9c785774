// Elementwise evaluation with numpy/TOSA broadcasting (size-1 dimensions stretch to the output's),
// over strided views, with a tight loop when every operand is contiguous and of the output's shape.
import type { ElementKind } from "../elements.ts";
import { allocate, type ShapedValue } from "../values.ts";
import { trap } from "../trap.ts";
import type { Scalar } from "./elementwise.ts";
import type { BroadcastLoop } from "../jit/broadcast-loop.ts";

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

/**
 * `f` applied elementwise over the broadcast of `values`, into a fresh buffer of kind `k`; `loop`
 * is the op's own element loop (jit/broadcast-loop.ts), made once when the op is compiled.
 */
export function zipBroadcast(
  k: ElementKind,
  values: readonly ShapedValue[],
  f: (...xs: Scalar[]) => Scalar,
  what: string,
  loop: BroadcastLoop,
): ShapedValue {
  const shape = broadcastShape(values, what);
  const out = allocate(k, shape);
  const n = out.size;
  if (n === 0) return out;
  const dst = out.data as unknown as Elements;
  const arrays = values.map((v) => v.data as unknown as Elements);
  const offs = values.map((v) => v.offset);
  const simple = values.every((v) => v.rank === shape.length && v.shape.every((d, i) => d === shape[i]) && v.isContiguous());
  if (simple || shape.length === 0) {
    loop(dst, arrays, offs, null, shape, n, f);
    return out;
  }
  const r = shape.length;
  const strides = values.map((v) => {
    const pad = r - v.rank;
    return shape.map((_, d) => (d < pad || v.shape[d - pad] === 1 ? 0 : v.strides[d - pad]!));
  });
  loop(dst, arrays, offs, strides, shape, n, f);
  return out;
}
