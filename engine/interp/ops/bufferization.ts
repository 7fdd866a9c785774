// Semantics of bufferization: to_buffer/to_tensor alias the same buffer (writing through an alias
// of a tensor is UB in MLIR too), alloc_tensor and clone allocate, dealloc frees conditionally.
import { defineSemantics } from "../semantics.ts";
import { allocate, clone, copyInto, ShapedValue } from "../values.ts";
import { elementKind } from "../constants.ts";
import { shapedArg } from "./access.ts";
import { shapeWithDynamic } from "./index-lists.ts";
import type { RankedTensorType } from "../../ir/types.ts";
import type { Operation } from "../../ir/operation.ts";
import type { FunctionCompiler } from "../compiler.ts";

function alias(op: Operation, c: FunctionCompiler) {
  const src = c.slot(op.operand(0));
  const out = c.slot(op.result(0));
  return (regs: import("../values.ts").RuntimeValue[]) => {
    regs[out] = shapedArg(regs[src], op.name);
  };
}

defineSemantics({
  "bufferization.to_buffer": alias,
  "bufferization.to_tensor": alias,
  "bufferization.clone": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = clone(shapedArg(regs[src], "bufferization.clone"));
    };
  },
  "bufferization.alloc_tensor": (op, c) => {
    const [dyn, copy] = c.operandGroups(op) as [number[], number[] | undefined];
    const out = c.slot(op.result(0));
    const t = op.result(0).type as RankedTensorType;
    const k = elementKind(t);
    return (regs) => {
      if (copy !== undefined && copy.length > 0) regs[out] = clone(shapedArg(regs[copy[0]!], "bufferization.alloc_tensor"));
      else regs[out] = allocate(k, shapeWithDynamic(t.shape, dyn.map((s) => regs[s] as number)));
    };
  },
  "bufferization.materialize_in_destination": (op, c) => {
    const [src, dst] = c.operandSlots(op) as [number, number];
    const out = op.results.length > 0 ? c.slot(op.result(0)) : -1;
    return (regs) => {
      const s = shapedArg(regs[src], "bufferization.materialize_in_destination");
      const d = shapedArg(regs[dst], "bufferization.materialize_in_destination");
      if (out >= 0) regs[out] = clone(s);
      else copyInto(s, d);
    };
  },
  "bufferization.dealloc_tensor": () => () => {},
  "bufferization.dealloc": (op, c) => {
    const [mems, conds, retained] = c.operandGroups(op) as [number[], number[], number[]];
    const outs = c.resultSlots(op);
    return (regs) => {
      const keep = new Set(retained.map((s) => (regs[s] as ShapedValue).allocation));
      for (let i = 0; i < mems.length; i++) {
        const m = regs[mems[i]!] as ShapedValue;
        if (regs[conds[i]!] && !keep.has(m.allocation)) m.allocation.freed = true;
      }
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = 0;
    };
  },
});
