// Semantics of TOSA's data-movement and constant operators: const, const_shape (shapes are 1-D
// index values), reshape, transpose, concat, slice, tile, reverse, pad, gather, scatter.
import type { Operation } from "../../ir/operation.ts";
import { DenseElementsAttr } from "../../ir/attributes.ts";
import { defineSemantics } from "../semantics.ts";
import { constantValue, denseValue } from "../constants.ts";
import { allocate, contiguous, copyInto, ShapedValue, wrap, product, type RuntimeValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { intAttr, intList } from "./attr-helpers.ts";
import { permuteView, subview } from "./views.ts";
import { concat } from "./tensor.ts";
import { resultKind, type Scalar } from "./elementwise.ts";
import { trap } from "../trap.ts";
import { Kinds } from "../elements.ts";

type Elements = { [i: number]: Scalar };

function numbers(v: RuntimeValue): number[] {
  const s = shapedArg(v, "shape operand");
  const c = contiguous(s, true);
  return Array.from((c.data as unknown as ArrayLike<Scalar>) as ArrayLike<number>, Number).slice(c.offset, c.offset + c.size);
}

function unary(op: Operation, c: import("../compiler.ts").FunctionCompiler, f: (v: ShapedValue, regs: RuntimeValue[]) => ShapedValue) {
  const src = c.slot(op.operand(0));
  const out = c.slot(op.result(0));
  return (regs: RuntimeValue[]) => {
    regs[out] = f(shapedArg(regs[src], op.name), regs);
  };
}

defineSemantics({
  "tosa.const": (op, c) => {
    const out = c.slot(op.result(0));
    const value = constantValue(op.getAttr("values")!, op.result(0).type, c.interp);
    return (regs) => {
      regs[out] = value;
    };
  },
  "tosa.const_shape": (op, c) => {
    const out = c.slot(op.result(0));
    const a = op.getAttr("values") as DenseElementsAttr;
    const shape = [a.type.numElements ?? a.values.length];
    const v = denseValue(a, a.type);
    const value = wrap(Kinds.index, Float64Array.from(Array.from({ length: shape[0]! }, (_, i) => Number((v.data as unknown as Elements)[i]))), shape);
    return (regs) => {
      regs[out] = value;
    };
  },
  "tosa.reshape": (op, c) => {
    const [src, shapeS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = contiguous(shapedArg(regs[src], "tosa.reshape"), true);
      const shape = numbers(regs[shapeS]);
      const known = shape.filter((d) => d >= 0).reduce((a, b) => a * b, 1);
      const filled = shape.map((d) => (d < 0 ? v.size / known : d));
      if (product(filled) !== v.size) trap("PRR6004", `tosa.reshape of [${v.shape.join("x")}] to [${shape.join("x")}]`);
      regs[out] = v.view(filled, wrap(v.kind, v.data, filled).strides, v.offset);
    };
  },
  "tosa.transpose": (op, c) => {
    const perms = intList(op.getAttr("perms"));
    return unary(op, c, (v) => contiguous(permuteView(v, perms), false));
  },
  "tosa.concat": (op, c) => {
    const ins = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const axis = intAttr(op.getAttr("axis"));
    const k = resultKind(op);
    return (regs) => {
      regs[out] = concat(ins.map((s) => shapedArg(regs[s], "tosa.concat")), axis, k);
    };
  },
  "tosa.slice": (op, c) => {
    const [src, startS, sizeS] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = shapedArg(regs[src], "tosa.slice");
      const start = numbers(regs[startS]);
      const size = numbers(regs[sizeS]).map((d, i) => (d < 0 ? v.shape[i]! - start[i]! : d));
      regs[out] = contiguous(subview(v, start, size, size.map(() => 1), v.rank, "tosa.slice"), false);
    };
  },
  "tosa.tile": (op, c) => {
    const [src, multS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = shapedArg(regs[src], "tosa.tile");
      const mult = numbers(regs[multS]);
      const shape = v.shape.map((d, i) => d * mult[i]!);
      const res = allocate(v.kind, shape);
      const total = product(mult);
      const rep = new Array<number>(v.rank).fill(0);
      for (let t = 0; t < total; t++) {
        copyInto(v, subview(res, rep.map((r, i) => r * v.shape[i]!), v.shape, v.shape.map(() => 1), v.rank, "tosa.tile"));
        for (let d = v.rank - 1; d >= 0; d--) {
          if (++rep[d]! < mult[d]!) break;
          rep[d] = 0;
        }
      }
      regs[out] = res;
    };
  },
  "tosa.reverse": (op, c) => {
    const axis = intAttr(op.getAttr("axis"));
    return unary(op, c, (v) => {
      const strides = [...v.strides];
      strides[axis] = -strides[axis]!;
      return contiguous(v.view(v.shape, strides, v.offset + (v.shape[axis]! - 1) * v.strides[axis]!), false);
    });
  },
  "tosa.pad": (op, c) => {
    const [src, padS, constS] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = shapedArg(regs[src], "tosa.pad");
      const p = numbers(regs[padS]);
      const fill = (regs[constS] as ShapedValue).data[(regs[constS] as ShapedValue).offset]!;
      const shape = v.shape.map((d, i) => d + p[2 * i]! + p[2 * i + 1]!);
      if (shape.some((d) => d < 0)) trap("PRR6004", `tosa.pad with negative result shape [${shape.join("x")}]`);
      const res = allocate(v.kind, shape);
      if (res.size > 0) (res.data as unknown as { fill(x: Scalar): void }).fill(fill);
      copyInto(v, subview(res, v.shape.map((_, i) => p[2 * i]!), v.shape, v.shape.map(() => 1), v.rank, "tosa.pad"));
      regs[out] = res;
    };
  },
  "tosa.gather": (op, c) => {
    const [valS, idxS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const values = contiguous(shapedArg(regs[valS], "tosa.gather"), true);
      const indices = contiguous(shapedArg(regs[idxS], "tosa.gather"), true);
      const [N, K, C] = values.shape as [number, number, number];
      const W = indices.shape[1]!;
      const res = allocate(values.kind, [N, W, C]);
      const src = values.data as unknown as Elements;
      const ix = indices.data as unknown as Elements;
      const dst = res.data as unknown as Elements;
      for (let n = 0; n < N; n++)
        for (let w = 0; w < W; w++) {
          const k = Number(ix[indices.offset + n * W + w]);
          if (!(k >= 0 && k < K)) trap("PRR6002", `tosa.gather index ${k} out of range [0, ${K}) at [${n}, ${w}]`);
          for (let ch = 0; ch < C; ch++) dst[(n * W + w) * C + ch] = src[values.offset + (n * K + k) * C + ch]!;
        }
      regs[out] = res;
    };
  },
  "tosa.scatter": (op, c) => {
    const [valS, idxS, inS] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const res = contiguous(shapedArg(regs[valS], "tosa.scatter"), false);
      const indices = contiguous(shapedArg(regs[idxS], "tosa.scatter"), true);
      const input = contiguous(shapedArg(regs[inS], "tosa.scatter"), true);
      const [N, K, C] = res.shape as [number, number, number];
      const W = indices.shape[1]!;
      const ix = indices.data as unknown as Elements;
      const src = input.data as unknown as Elements;
      const dst = res.data as unknown as Elements;
      for (let n = 0; n < N; n++)
        for (let w = 0; w < W; w++) {
          const k = Number(ix[indices.offset + n * W + w]);
          if (!(k >= 0 && k < K)) trap("PRR6002", `tosa.scatter index ${k} out of range [0, ${K}) at [${n}, ${w}]`);
          for (let ch = 0; ch < C; ch++) dst[(n * K + k) * C + ch] = src[input.offset + (n * W + w) * C + ch]!;
        }
      regs[out] = res;
    };
  },
});
