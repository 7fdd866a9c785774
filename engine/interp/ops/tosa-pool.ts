// Semantics of TOSA 1.0's max_pool2d and avg_pool2d on NHWC tensors (kernel, stride, pad): windows
// over the in-bounds elements, as tosa-to-linalg lowers them (max starts from the lowest finite
// value; NaN propagates or, with nan_mode IGNORE, is skipped; integer averages use
// reciprocal_scale and apply_scale_32 with the zero points, then clamp).
import type { Operation } from "../../ir/operation.ts";
import { TypeAttr } from "../../ir/attributes.ts";
import type { ShapedType } from "../../ir/types.ts";
import { defineSemantics } from "../semantics.ts";
import { kindOf, type ElementKind } from "../elements.ts";
import { allocate, contiguous, type RuntimeValue, type ShapedValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { enumCase, intList } from "./attr-helpers.ts";
import { resultKind, type Scalar } from "./elementwise.ts";
import { applyScale32, reciprocalScale } from "./tosa-scale.ts";
import { trap } from "../trap.ts";

type Elements = { [i: number]: Scalar };

interface Window {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  /** top, bottom, left, right */
  readonly pad: readonly [number, number, number, number];
}

function windowOf(op: Operation): Window {
  const [ky = 1, kx = 1] = intList(op.getAttr("kernel"));
  const [sy = 1, sx = 1] = intList(op.getAttr("stride"));
  const [pt = 0, pb = 0, pl = 0, pr = 0] = intList(op.getAttr("pad"));
  return { kernel: [ky, kx], stride: [sy, sx], pad: [pt, pb, pl, pr] };
}

/** The input and the output shape TOSA's ERROR_IFs require (checked against the result type). */
function pooled(regs: RuntimeValue[], slot: number, w: Window, op: Operation): { x: ShapedValue; shape: number[] } {
  const what = op.name;
  const x = contiguous(shapedArg(regs[slot], what), true);
  const [N, IH, IW, C] = x.shape as [number, number, number, number];
  const oh = (IH + w.pad[0] + w.pad[1] - w.kernel[0]) / w.stride[0] + 1;
  const ow = (IW + w.pad[2] + w.pad[3] - w.kernel[1]) / w.stride[1] + 1;
  const shape = [N, oh, ow, C];
  const declared = (op.result(0).type as ShapedType).shape ?? shape;
  if (x.rank !== 4 || !Number.isInteger(oh) || !Number.isInteger(ow) || oh < 1 || ow < 1 || shape.some((d, i) => declared[i] !== undefined && declared[i] >= 0 && declared[i] !== d))
    trap("PRR6004", `${what} of [${x.shape.join("x")}] into [${declared.join("x")}] with kernel ${w.kernel.join("x")}, stride ${w.stride.join("x")}, pad ${w.pad.join(",")}`);
  return { x, shape };
}

/**
 * Calls `visit(outIndex, inOffsets)` for each output element with the input offsets of its window's
 * in-bounds elements, in row-major window order.
 */
function forEachWindow(x: ShapedValue, w: Window, out: readonly number[], visit: (at: number, window: number[]) => void): void {
  const [N, IH, IW, C] = x.shape as [number, number, number, number];
  const [, OH, OW] = out as [number, number, number];
  const window: number[] = [];
  let at = 0;
  for (let n = 0; n < N; n++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let c = 0; c < C; c++, at++) {
          window.length = 0;
          const iy = oy * w.stride[0] - w.pad[0];
          const ix = ox * w.stride[1] - w.pad[2];
          for (let ky = 0; ky < w.kernel[0]; ky++) {
            const y = iy + ky;
            if (y < 0 || y >= IH) continue;
            for (let kx = 0; kx < w.kernel[1]; kx++) {
              const xx = ix + kx;
              if (xx >= 0 && xx < IW) window.push(x.offset + ((n * IH + y) * IW + xx) * C + c);
            }
          }
          visit(at, window);
        }
}

/** The lowest value of a kind: tosa-to-linalg's max_pool2d starting point (lowest finite float). */
function lowest(k: ElementKind): Scalar {
  if (k.isFloat) return k.name === "f64" ? -Number.MAX_VALUE : k.name === "f16" ? -65504 : k.name === "bf16" ? -3.3895313892515355e38 : -3.4028234663852886e38;
  return k.isBig ? -(1n << BigInt(k.width - 1)) : -(2 ** (k.width - 1));
}

/** The zero point held by a one-element tensor operand. */
function zeroPoint(regs: RuntimeValue[], slot: number): number {
  const v = regs[slot] as ShapedValue;
  return Number(v.data[v.offset]!);
}

defineSemantics({
  // out[n,oy,ox,c] = max over the window's in-bounds input elements
  "tosa.max_pool2d": (op, c) => {
    const w = windowOf(op);
    const k = resultKind(op);
    const ignoreNan = enumCase(op.getAttr("nan_mode")).toUpperCase() === "IGNORE";
    const [src] = c.operandSlots(op) as [number];
    const outSlot = c.slot(op.result(0));
    const start = lowest(k);
    return (regs) => {
      const { x, shape } = pooled(regs, src, w, op);
      const out = allocate(k, shape);
      const sd = x.data as unknown as Elements;
      const dd = out.data as unknown as Elements;
      forEachWindow(x, w, out.shape, (at, window) => {
        let acc = start;
        for (const i of window) {
          const v = sd[i]!;
          if (v !== v) {
            if (ignoreNan) continue;
            acc = v;
            break;
          }
          if (v > acc) acc = v;
        }
        dd[at] = acc;
      });
      regs[outSlot] = out;
    };
  },
  // out = (Σ window (in - in_zp)) / count: floats divided in acc_type, integers scaled by
  // reciprocal_scale(count), plus out_zp, clamped to the output type
  "tosa.avg_pool2d": (op, c) => {
    const w = windowOf(op);
    const k = resultKind(op);
    const accAttr = op.getAttr("acc_type");
    const acc = (accAttr instanceof TypeAttr ? kindOf(accAttr.type) : undefined) ?? k;
    const [src, inZp, outZp] = c.operandSlots(op) as [number, number, number];
    const outSlot = c.slot(op.result(0));
    const outMin = k.isFloat ? 0 : -(2 ** (k.width - 1));
    const outMax = k.isFloat ? 0 : 2 ** (k.width - 1) - 1;
    return (regs) => {
      const { x, shape } = pooled(regs, src, w, op);
      const out = allocate(k, shape);
      const sd = x.data as unknown as Elements;
      const dd = out.data as unknown as Elements;
      const izp = zeroPoint(regs, inZp);
      const ozp = zeroPoint(regs, outZp);
      if (k.isFloat) {
        if (izp !== 0 || ozp !== 0) trap("PRR6001", `tosa.avg_pool2d on ${k.name} with zero points ${izp}, ${ozp} (TOSA requires 0)`);
        const round = acc.norm;
        forEachWindow(x, w, out.shape, (at, window) => {
          let sum = 0;
          for (const i of window) sum = round(sum + (sd[i] as number));
          dd[at] = k.norm(round(sum / window.length));
        });
      } else {
        forEachWindow(x, w, out.shape, (at, window) => {
          let sum = 0;
          for (const i of window) sum += Number(sd[i]!) - izp;
          const scale = reciprocalScale(window.length);
          const v = applyScale32(sum, scale.multiplier, scale.shift, false) + ozp;
          dd[at] = v < outMin ? outMin : v > outMax ? outMax : v;
        });
      }
      regs[outSlot] = out;
    };
  },
});

