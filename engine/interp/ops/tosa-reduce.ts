// Semantics of TOSA's reductions (reduce_*, argmax; the axis is kept with size 1), matmul (with
// zero points), cast (round-to-nearest-even into integers, saturating) and table lookups.
import type { Operation } from "../../ir/operation.ts";
import { defineSemantics } from "../semantics.ts";
import { allocate, contiguous, ShapedValue, type RuntimeValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { intAttr, enumCase } from "./attr-helpers.ts";
import { combiner, type Combine } from "./reductions.ts";
import { resultKind, operandKind, type Scalar } from "./elementwise.ts";
import { zipBroadcast } from "./broadcast.ts";
import { broadcastLoop } from "../jit/broadcast-loop.ts";
import { batchMatmulInto } from "./linalg-kernels.ts";
import { intOps } from "./int-ops.ts";
import { trap } from "../trap.ts";
import type { ElementKind } from "../elements.ts";
import type { FunctionCompiler } from "../compiler.ts";

type Elements = { [i: number]: Scalar };

/** Folds `axis` of v with `f` starting from the first element (outer, axis, inner) layout. */
function reduceAxis(v: ShapedValue, axis: number, k: ElementKind, f: Combine): ShapedValue {
  const c = contiguous(v, true);
  const shape = [...c.shape];
  const n = shape[axis]!;
  shape[axis] = 1;
  const out = allocate(k, shape);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const src = c.data as unknown as Elements;
  const dst = out.data as unknown as Elements;
  if (n === 0) return out;
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = c.offset + o * n * inner + i;
      let acc = src[base]!;
      for (let j = 1; j < n; j++) acc = f(acc, src[base + j * inner]!);
      dst[o * inner + i] = acc;
    }
  return out;
}

function reduction(kind: (op: Operation, k: ElementKind) => Combine) {
  return (op: Operation, c: FunctionCompiler) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const axis = intAttr(op.getAttr("axis"));
    const k = resultKind(op);
    const f = kind(op, k);
    return (regs: RuntimeValue[]) => {
      const v = shapedArg(regs[src], op.name);
      if (!(axis >= 0 && axis < v.rank)) trap("PRR6004", `${op.name} axis ${axis} out of range for rank ${v.rank}`);
      regs[out] = reduceAxis(v, axis, k, f);
    };
  };
}

const ignore = (op: Operation) => enumCase(op.getAttr("nan_mode")).toUpperCase() === "IGNORE";

/** Float to integer as tosa-to-linalg lowers tosa.cast: round half to even, then saturate. */
function castFn(from: ElementKind, to: ElementKind): (a: Scalar) => Scalar {
  if (to.width === 1 && !to.isFloat) return (a) => (a ? 1 : 0);
  if (to.isFloat) return (a) => to.norm(Number(a));
  const o = intOps(to);
  if (from.isFloat) {
    const lo = -(2 ** (to.width - 1));
    const hi = 2 ** (to.width - 1) - 1;
    return (a) => {
      const x = a as number;
      if (x !== x) return o.from(0);
      const r = Math.round(x);
      const even = Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
      const sat = Math.min(hi, Math.max(lo, even));
      return o.from(to.isBig ? BigInt(sat) : sat);
    };
  }
  return (a) => o.from(a);
}

defineSemantics({
  "tosa.reduce_sum": reduction((_op, k) => combiner("add", k)),
  "tosa.reduce_product": reduction((_op, k) => combiner("mul", k)),
  "tosa.reduce_max": reduction((op, k) => combiner(k.isFloat ? (ignore(op) ? "maxnumf" : "maximumf") : "maxsi", k)),
  "tosa.reduce_min": reduction((op, k) => combiner(k.isFloat ? (ignore(op) ? "minnumf" : "minimumf") : "minsi", k)),
  "tosa.reduce_all": reduction(() => (a, b) => (a && b ? 1 : 0)),
  "tosa.reduce_any": reduction(() => (a, b) => (a || b ? 1 : 0)),
  "tosa.argmax": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const axis = intAttr(op.getAttr("axis"));
    const k = resultKind(op);
    const skipNan = ignore(op);
    return (regs) => {
      const v = contiguous(shapedArg(regs[src], "tosa.argmax"), true);
      const shape = v.shape.filter((_, i) => i !== axis);
      const n = v.shape[axis]!;
      const inner = v.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      const outer = v.shape.slice(0, axis).reduce((a, b) => a * b, 1);
      const res = allocate(k, shape);
      const s = v.data as unknown as Elements;
      const d = res.data as unknown as Elements;
      for (let o = 0; o < outer; o++)
        for (let i = 0; i < inner; i++) {
          let best = 0;
          let bestV = s[v.offset + o * n * inner + i]! as number;
          for (let j = 1; j < n; j++) {
            const x = s[v.offset + (o * n + j) * inner + i]! as number;
            if ((bestV !== bestV && !skipNan) || x <= bestV) continue;
            if (x > bestV || (bestV !== bestV && skipNan) || (x !== x && !skipNan)) {
              best = j;
              bestV = x;
            }
          }
          d[o * inner + i] = k.isBig ? BigInt(best) : best;
        }
      regs[out] = res;
    };
  },
  "tosa.matmul": (op, c) => {
    const [aS, bS, azS, bzS] = c.operandSlots(op) as [number, number, number | undefined, number | undefined];
    const out = c.slot(op.result(0));
    const k = resultKind(op);
    const ink = operandKind(op, 0);
    return (regs) => {
      const a = shapedArg(regs[aS], "tosa.matmul");
      const b = shapedArg(regs[bS], "tosa.matmul");
      const [N, H, C] = a.shape as [number, number, number];
      const W = b.shape[2]!;
      if (a.rank !== 3 || b.rank !== 3 || b.shape[0] !== N || b.shape[1] !== C)
        trap("PRR6004", `tosa.matmul on shapes [${a.shape.join("x")}] and [${b.shape.join("x")}]`);
      const res = allocate(k, [N, H, W]);
      if (k.isFloat && ink.name === k.name && (k.name === "f32" || k.name === "f64")) {
        batchMatmulInto(a, b, res, k.name === "f32" ? Math.fround : (x) => x);
      } else {
        const az = azS === undefined ? 0 : Number((regs[azS] as ShapedValue).data[(regs[azS] as ShapedValue).offset]);
        const bz = bzS === undefined ? 0 : Number((regs[bzS] as ShapedValue).data[(regs[bzS] as ShapedValue).offset]);
        const A = contiguous(a, true);
        const B = contiguous(b, true);
        const ad = A.data as unknown as Elements;
        const bd = B.data as unknown as Elements;
        const d = res.data as unknown as Elements;
        const o = k.isFloat ? undefined : intOps(k);
        for (let n = 0; n < N; n++)
          for (let h = 0; h < H; h++)
            for (let w = 0; w < W; w++) {
              let acc = 0;
              for (let q = 0; q < C; q++) {
                const x = Number(ad[A.offset + (n * H + h) * C + q]) - az;
                const y = Number(bd[B.offset + (n * C + q) * W + w]) - bz;
                acc = k.isFloat ? k.norm(acc + k.norm(x * y)) : acc + x * y;
              }
              d[(n * H + h) * W + w] = o ? o.from(k.isBig ? BigInt(acc) : acc) : acc;
            }
      }
      regs[out] = res;
    };
  },
  "tosa.cast": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const k = resultKind(op);
    const f = castFn(operandKind(op, 0), k);
    const loop = broadcastLoop(1);
    return (regs) => {
      regs[out] = zipBroadcast(k, [shapedArg(regs[src], "tosa.cast")], f, "tosa.cast", loop);
    };
  },
  "tosa.table": (op, c) => {
    const [src, tableS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    const k = resultKind(op);
    const inWidth = operandKind(op, 0).width;
    const loop = broadcastLoop(1);
    return (regs) => {
      const t = contiguous(shapedArg(regs[tableS], "tosa.table"), true);
      const td = t.data as unknown as Elements;
      const f =
        inWidth === 8
          ? (x: Scalar) => td[t.offset + Number(x) + 128]!
          : (x: Scalar) => {
              const v = Number(x) + 32768;
              const i = v >> 7;
              const frac = v & 0x7f;
              const base = Number(td[t.offset + i]);
              const next = Number(td[t.offset + Math.min(i + 1, t.size - 1)]);
              return (base << 7) + (next - base) * frac;
            };
      regs[out] = zipBroadcast(k, [shapedArg(regs[src], "tosa.table")], f, "tosa.table", loop);
    };
  },
});
