// Semantics of memref: alloc/alloca/dealloc (use after free and double free are reported), views
// (cast, subview, expand/collapse_shape, reinterpret_cast, transpose), load/store, copy, globals.
import type { Operation } from "../../ir/operation.ts";
import { DenseElementsAttr, DenseResourceAttr, SymbolRefAttr, TypeAttr } from "../../ir/attributes.ts";
import { MemRefType, type Type } from "../../ir/types.ts";
import { defineSemantics } from "../semantics.ts";
import type { FunctionCompiler } from "../compiler.ts";
import { allocate, copyInto, ShapedValue, rowMajorStrides, type RuntimeValue } from "../values.ts";
import { constantValue, elementKind } from "../constants.ts";
import { offsetOf, shapedArg, slotFns } from "./access.ts";
import { mixedList, reassociation, shapeWithDynamic } from "./index-lists.ts";
import { collapseView, expandView, permuteView, subview } from "./views.ts";
import { trap } from "../trap.ts";
import { runRegion } from "./scf.ts";
import { AffineMapAttr } from "../../ir/attributes.ts";

function memrefShape(t: Type): readonly number[] {
  return (t as MemRefType).shape;
}

function allocStep(op: Operation, c: FunctionCompiler) {
  const [dyn] = c.operandGroups(op) as [number[]];
  const out = c.slot(op.result(0));
  const t = op.result(0).type;
  const k = elementKind(t);
  const shape = memrefShape(t);
  return (regs: RuntimeValue[]) => {
    const s = shapeWithDynamic(shape, dyn.map((d) => regs[d] as number));
    if (s.some((x) => x < 0)) trap("PRR6004", `${op.name} with negative size [${s.join("x")}]`);
    regs[out] = allocate(k, s);
  };
}

function passThrough(op: Operation, c: FunctionCompiler) {
  const src = c.slot(op.operand(0));
  const out = c.slot(op.result(0));
  return (regs: RuntimeValue[]) => {
    regs[out] = regs[src];
  };
}

/** The initial buffer of a memref.global. */
function globalBuffer(g: Operation, c: FunctionCompiler): ShapedValue {
  const t = (g.getAttr("type") as TypeAttr).type;
  const init = g.getAttr("initial_value");
  if (init instanceof DenseElementsAttr || init instanceof DenseResourceAttr) {
    const v = constantValue(init, t, c.interp) as ShapedValue;
    return v.view(v.shape, v.strides, v.offset); // a private copy is not needed: constants are fresh
  }
  return allocate(elementKind(t), memrefShape(t));
}

defineSemantics({
  "memref.alloc": allocStep,
  "memref.alloca": allocStep,
  "memref.dealloc": (op, c) => {
    const src = c.slot(op.operand(0));
    return (regs) => {
      const m = regs[src] as ShapedValue;
      if (m.freed) trap("PRR6008", "memref.dealloc of a memref that was already deallocated (double free)");
      m.allocation.freed = true;
    };
  },
  "memref.load": (op, c) => {
    const [mem, ...idx] = c.operandSlots(op) as [number, ...number[]];
    const fns = slotFns(idx);
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[mem], "memref.load");
      regs[out] = m.data[offsetOf(m, fns, regs, "memref.load")];
    };
  },
  "memref.store": (op, c) => {
    const [value, mem, ...idx] = c.operandSlots(op) as [number, number, ...number[]];
    const fns = slotFns(idx);
    return (regs) => {
      const m = shapedArg(regs[mem], "memref.store");
      (m.data as unknown as unknown[])[offsetOf(m, fns, regs, "memref.store")] = regs[value];
    };
  },
  "memref.copy": (op, c) => {
    const [src, dst] = c.operandSlots(op) as [number, number];
    return (regs) => {
      const a = shapedArg(regs[src], "memref.copy");
      const b = shapedArg(regs[dst], "memref.copy");
      if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i]))
        trap("PRR6004", `memref.copy between shapes [${a.shape.join("x")}] and [${b.shape.join("x")}]`);
      copyInto(a, b);
    };
  },
  "memref.cast": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const t = op.result(0).type;
    const shape = t instanceof MemRefType ? t.shape : undefined;
    return (regs) => {
      const m = shapedArg(regs[src], "memref.cast");
      if (shape && (shape.length !== m.rank || shape.some((d, i) => d >= 0 && d !== m.shape[i])))
        trap("PRR6004", `memref.cast of [${m.shape.join("x")}] to '${t}'`);
      regs[out] = m;
    };
  },
  "memref.assume_alignment": passThrough,
  "memref.memory_space_cast": passThrough,
  "memref.dim": (op, c) => {
    const [src, idx] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[src], "memref.dim");
      const i = regs[idx] as number;
      if (!(i >= 0 && i < m.rank)) trap("PRR6002", `memref.dim index ${i} out of range for rank ${m.rank}`);
      regs[out] = m.shape[i];
    };
  },
  "memref.rank": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = (regs[src] as ShapedValue).rank;
    };
  },
  "memref.get_global": (op, c) => {
    const name = (op.getAttr("name") as SymbolRefAttr).root;
    const out = c.slot(op.result(0));
    const interp = c.interp;
    const g = interp.symbol(name);
    return (regs) => {
      let buf = interp.globals.get(name);
      if (buf === undefined) {
        if (g === undefined || g.name !== "memref.global") trap("PRR6005", `memref.get_global of unknown global '@${name}'`);
        interp.globals.set(name, (buf = globalBuffer(g, c)));
      }
      regs[out] = buf;
    };
  },
  "memref.subview": (op, c) => {
    const [[src], offs, sizes, steps] = c.operandGroups(op) as [[number], number[], number[], number[]];
    const o = mixedList(op.getAttr("static_offsets"), offs);
    const s = mixedList(op.getAttr("static_sizes"), sizes);
    const st = mixedList(op.getAttr("static_strides"), steps);
    const out = c.slot(op.result(0));
    const rank = memrefShape(op.result(0).type).length;
    return (regs) => {
      regs[out] = subview(shapedArg(regs[src], "memref.subview"), o(regs), s(regs), st(regs), rank, "memref.subview");
    };
  },
  "memref.expand_shape": (op, c) => {
    const [[src], dyn] = c.operandGroups(op) as [[number], number[]];
    const shape = mixedList(op.getAttr("static_output_shape"), dyn);
    const groups = reassociation(op);
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = expandView(shapedArg(regs[src], "memref.expand_shape"), groups, shape(regs));
    };
  },
  "memref.collapse_shape": (op, c) => {
    const src = c.slot(op.operand(0));
    const groups = reassociation(op);
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = collapseView(shapedArg(regs[src], "memref.collapse_shape"), groups);
    };
  },
  "memref.reinterpret_cast": (op, c) => {
    const [[src], offs, sizes, steps] = c.operandGroups(op) as [[number], number[], number[], number[]];
    const o = mixedList(op.getAttr("static_offsets"), offs);
    const s = mixedList(op.getAttr("static_sizes"), sizes);
    const st = mixedList(op.getAttr("static_strides"), steps);
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[src], "memref.reinterpret_cast");
      const shape = s(regs);
      const strides = st(regs);
      const offset = o(regs)[0] ?? 0;
      let last = offset;
      for (let d = 0; d < shape.length; d++) last += (shape[d]! - 1) * strides[d]!;
      if (shape.every((x) => x > 0) && (offset < 0 || last >= m.data.length))
        trap("PRR6002", `memref.reinterpret_cast reaches element ${last} of a buffer of ${m.data.length}`);
      regs[out] = m.view(shape, strides, offset);
    };
  },
  "memref.reshape": (op, c) => {
    const [src, shapeS] = c.operandSlots(op) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[src], "memref.reshape");
      const shape = Array.from((regs[shapeS] as ShapedValue).data as ArrayLike<number | bigint>, Number);
      regs[out] = m.view(shape, rowMajorStrides(shape), m.offset);
    };
  },
  "memref.transpose": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const perm = (op.getAttr("permutation") as AffineMapAttr).map.results.map((e) => (e.kind === "dim" ? e.position : 0));
    return (regs) => {
      regs[out] = permuteView(shapedArg(regs[src], "memref.transpose"), perm);
    };
  },
  "memref.extract_strided_metadata": (op, c) => {
    const src = c.slot(op.operand(0));
    const outs = c.resultSlots(op);
    return (regs) => {
      const m = shapedArg(regs[src], "memref.extract_strided_metadata");
      regs[outs[0]!] = m.view([], [], 0);
      regs[outs[1]!] = m.offset;
      for (let d = 0; d < m.rank; d++) {
        regs[outs[2 + d]!] = m.shape[d];
        regs[outs[2 + m.rank + d]!] = m.strides[d];
      }
    };
  },
  "memref.alloca_scope": (op, c) => {
    const outs = c.resultSlots(op);
    const body = c.region(op.region(0));
    return (regs) => {
      const vals = runRegion(body, regs, []);
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
  "memref.prefetch": () => () => {},
  "memref.global": () => () => {},
});

