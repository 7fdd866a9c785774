// Semantics of tensor: tensors are immutable contiguous values, so reshapes share the buffer and
// every op that "modifies" one (insert, insert_slice, pad) builds a new buffer.
import type { Operation } from "../../ir/operation.ts";
import { RankedTensorType, type Type } from "../../ir/types.ts";
import { defineSemantics } from "../semantics.ts";
import type { FunctionCompiler } from "../compiler.ts";
import { allocate, clone, contiguous, copyInto, ShapedValue, wrap, type RuntimeValue } from "../values.ts";
import { elementKind } from "../constants.ts";
import { offsetOf, shapedArg, slotFns } from "./access.ts";
import { mixedList, reassociation, shapeWithDynamic } from "./index-lists.ts";
import { collapseView, expandView, subview } from "./views.ts";
import { intAttr } from "./attr-helpers.ts";
import { runRegion } from "./scf.ts";
import { trap } from "../trap.ts";
import type { Scalar } from "./elementwise.ts";
import { structuredKernel, type StructuredKernel } from "../jit/structured-loop.ts";
import { identityMaps } from "./linalg-maps.ts";

type Elements = { [i: number]: Scalar };

function tensorShape(t: Type): readonly number[] {
  return (t as RankedTensorType).shape;
}

/** A contiguous tensor value of the view (copying only when it is not contiguous). */
function settle(v: ShapedValue): ShapedValue {
  return contiguous(v, true);
}

function reshapeStep(expand: boolean) {
  return (op: Operation, c: FunctionCompiler) => {
    const [[src], dyn] = c.operandGroups(op) as [[number], number[] | undefined];
    const groups = reassociation(op);
    const out = c.slot(op.result(0));
    const shape = expand ? mixedList(op.getAttr("static_output_shape"), dyn ?? []) : undefined;
    return (regs: RuntimeValue[]) => {
      const v = shapedArg(regs[src], op.name);
      regs[out] = settle(expand ? expandView(v, groups, shape!(regs)) : collapseView(v, groups));
    };
  };
}

/** Runs a region once per element of `shape`, with the indices as block arguments. */
function generate(k: ReturnType<typeof elementKind>, shape: readonly number[], regs: RuntimeValue[], body: ReturnType<FunctionCompiler["region"]>, at?: (idx: number[]) => Scalar | undefined): ShapedValue {
  const out = allocate(k, shape);
  const d = out.data as unknown as Elements;
  const r = shape.length;
  const idx = new Array<number>(r).fill(0);
  for (let q = 0; q < out.size; q++) {
    const direct = at?.(idx);
    if (direct !== undefined) d[q] = direct;
    else {
      for (let i = 0; i < r; i++) regs[body.argSlots[i]!] = idx[i];
      const exit = body.run(regs);
      d[q] = regs[exit.termSlots[0]!] as Scalar;
    }
    for (let i = r - 1; i >= 0; i--) {
      if (++idx[i]! < shape[i]!) break;
      idx[i] = 0;
    }
  }
  return out;
}

defineSemantics({
  "tensor.empty": (op, c) => {
    const dyn = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const k = elementKind(t);
    const shape = tensorShape(t);
    return (regs) => {
      regs[out] = allocate(k, shapeWithDynamic(shape, dyn.map((s) => regs[s] as number)));
    };
  },
  "tensor.cast": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const shape = t instanceof RankedTensorType ? t.shape : undefined;
    return (regs) => {
      const v = shapedArg(regs[src], "tensor.cast");
      if (shape && (shape.length !== v.rank || shape.some((d, i) => d >= 0 && d !== v.shape[i])))
        trap("PRR6004", `tensor.cast of [${v.shape.join("x")}] to '${t}'`);
      regs[out] = v;
    };
  },
  "tensor.dim": (op, c) => {
    const [src, idx] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = shapedArg(regs[src], "tensor.dim");
      const i = regs[idx] as number;
      if (!(i >= 0 && i < v.rank)) trap("PRR6002", `tensor.dim index ${i} out of range for rank ${v.rank}`);
      regs[out] = v.shape[i];
    };
  },
  "tensor.rank": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = (regs[src] as ShapedValue).rank;
    };
  },
  "tensor.extract": (op, c) => {
    const [src, ...idx] = c.operandSlots(op) as [number, ...number[]];
    const fns = slotFns(idx);
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = shapedArg(regs[src], "tensor.extract");
      regs[out] = v.data[offsetOf(v, fns, regs, "tensor.extract")];
    };
  },
  "tensor.insert": (op, c) => {
    const [val, dst, ...idx] = c.operandSlots(op) as [number, number, ...number[]];
    const fns = slotFns(idx);
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = clone(shapedArg(regs[dst], "tensor.insert"));
      (v.data as unknown as Elements)[offsetOf(v, fns, regs, "tensor.insert")] = regs[val] as Scalar;
      regs[out] = v;
    };
  },
  "tensor.extract_slice": (op, c) => {
    const [[src], offs, sizes, steps] = c.operandGroups(op) as [[number], number[], number[], number[]];
    const o = mixedList(op.getAttr("static_offsets"), offs);
    const s = mixedList(op.getAttr("static_sizes"), sizes);
    const st = mixedList(op.getAttr("static_strides"), steps);
    const out = c.slot(op.result(0));
    const rank = tensorShape(op.result(0).type).length;
    return (regs) => {
      regs[out] = settle(subview(shapedArg(regs[src], "tensor.extract_slice"), o(regs), s(regs), st(regs), rank, "tensor.extract_slice"));
    };
  },
  "tensor.insert_slice": (op, c) => {
    const [[src], [dst], offs, sizes, steps] = c.operandGroups(op) as [[number], [number], number[], number[], number[]];
    const o = mixedList(op.getAttr("static_offsets"), offs);
    const s = mixedList(op.getAttr("static_sizes"), sizes);
    const st = mixedList(op.getAttr("static_strides"), steps);
    const out = c.slot(op.result(0));
    return (regs) => {
      const source = shapedArg(regs[src], "tensor.insert_slice");
      const dest = clone(shapedArg(regs[dst], "tensor.insert_slice"));
      const window = subview(dest, o(regs), s(regs), st(regs), source.rank, "tensor.insert_slice");
      if (window.size !== source.size) trap("PRR6004", `tensor.insert_slice of [${source.shape.join("x")}] into a slice of [${window.shape.join("x")}]`);
      copyInto(window.shape.length === source.rank ? source : wrap(source.kind, settle(source).data, window.shape), window);
      regs[out] = dest;
    };
  },
  "tensor.expand_shape": reshapeStep(true),
  "tensor.collapse_shape": reshapeStep(false),
  "tensor.reshape": (op, c) => {
    const [src, shapeS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = settle(shapedArg(regs[src], "tensor.reshape"));
      const shape = Array.from((regs[shapeS] as ShapedValue).data as ArrayLike<number | bigint>, Number);
      if (shape.reduce((a, b) => a * b, 1) !== v.size) trap("PRR6004", `tensor.reshape of [${v.shape.join("x")}] to [${shape.join("x")}]`);
      regs[out] = wrap(v.kind, v.offset === 0 ? v.data : (v.data.subarray(v.offset) as never), shape);
    };
  },
  "tensor.from_elements": (op, c) => {
    const ins = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const k = elementKind(t);
    const shape = tensorShape(t);
    return (regs) => {
      const v = allocate(k, shape);
      for (let i = 0; i < ins.length; i++) (v.data as unknown as Elements)[i] = regs[ins[i]!] as Scalar;
      regs[out] = v;
    };
  },
  "tensor.splat": (op, c) => {
    const [src, ...dyn] = c.operandSlots(op) as [number, ...number[]];
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const k = elementKind(t);
    const shape = tensorShape(t);
    return (regs) => {
      const v = allocate(k, shapeWithDynamic(shape, dyn.map((s) => regs[s] as number)));
      if (v.size > 0) (v.data as unknown as { fill(x: Scalar): void }).fill(regs[src] as Scalar);
      regs[out] = v;
    };
  },
  "tensor.generate": (op, c) => {
    const dyn = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const k = elementKind(t);
    const shape = tensorShape(t);
    const body = c.region(op.region(0));
    let kernel: StructuredKernel | undefined | null = null;
    return (regs) => {
      const s = shapeWithDynamic(shape, dyn.map((d) => regs[d] as number));
      kernel ??= structuredKernel(op.region(0).blocks[0]!, s.length, 1, [], [0], (v) => c.slot(v), true);
      if (kernel === undefined) {
        regs[out] = generate(k, s, regs, body);
        return;
      }
      const res = allocate(k, s);
      kernel(regs, [res], identityMaps(s.length, 1), "tensor.generate");
      regs[out] = res;
    };
  },
  "tensor.pad": (op, c) => {
    const [[src], lows, highs] = c.operandGroups(op) as [[number], number[], number[]];
    const lo = mixedList(op.getAttr("static_low"), lows);
    const hi = mixedList(op.getAttr("static_high"), highs);
    const out = c.slot(op.result(0));
    const k = elementKind(op.result(0).type);
    const body = c.region(op.region(0));
    return (regs) => {
      const v = settle(shapedArg(regs[src], "tensor.pad"));
      const l = lo(regs);
      const h = hi(regs);
      const shape = v.shape.map((d, i) => d + l[i]! + h[i]!);
      const data = v.data as unknown as Elements;
      regs[out] = generate(k, shape, regs, body, (idx) => {
        let at = v.offset;
        for (let i = 0; i < idx.length; i++) {
          const j = idx[i]! - l[i]!;
          if (j < 0 || j >= v.shape[i]!) return undefined;
          at += j * v.strides[i]!;
        }
        return data[at];
      });
    };
  },
  "tensor.concat": (op, c) => {
    const ins = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const dim = intAttr(op.getAttr("dim"));
    const k = elementKind(op.result(0).type);
    return (regs) => {
      const parts = ins.map((s) => shapedArg(regs[s], "tensor.concat"));
      regs[out] = concat(parts, dim, k);
    };
  },
  "tensor.bitcast": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const k = elementKind(op.result(0).type);
    return (regs) => {
      const v = settle(regs[src] as ShapedValue);
      const copy = v.data.slice(v.offset, v.offset + v.size);
      const Ctor = k.alloc(0).constructor as new (b: ArrayBufferLike) => never;
      regs[out] = wrap(k, new Ctor(copy.buffer), v.shape);
    };
  },
});

/** Concatenates along `dim` (shapes must agree elsewhere). */
export function concat(parts: readonly ShapedValue[], dim: number, k: ReturnType<typeof elementKind>): ShapedValue {
  const first = parts[0]!;
  for (const p of parts)
    if (p.rank !== first.rank || p.shape.some((d, i) => i !== dim && d !== first.shape[i]))
      trap("PRR6004", `concat of [${p.shape.join("x")}] with [${first.shape.join("x")}] along dimension ${dim}`);
  const shape = [...first.shape];
  shape[dim] = parts.reduce((a, p) => a + p.shape[dim]!, 0);
  const out = allocate(k, shape);
  let at = 0;
  for (const p of parts) {
    const offsets = shape.map((_, i) => (i === dim ? at : 0));
    copyInto(p, subview(out, offsets, p.shape, shape.map(() => 1), out.rank, "concat"));
    at += p.shape[dim]!;
  }
  return out;
}
