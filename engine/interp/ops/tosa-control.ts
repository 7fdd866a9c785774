// Semantics of TOSA 1.0's control flow: cond_if runs its then or else region on the input list
// (the regions' arguments) by the tensor<i1> condition; while_loop repeats its body while the
// cond region yields true. Results are the tosa.yield operands of the region that ran last.
import { defineSemantics } from "../semantics.ts";
import type { RuntimeValue, ShapedValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { runRegion } from "./scf.ts";
import { trap } from "../trap.ts";

/** The value of a tensor<i1> condition. */
function truth(v: RuntimeValue, what: string): boolean {
  const t: ShapedValue = shapedArg(v, what);
  if (t.size !== 1) trap("PRR6004", `${what} condition has ${t.size} elements, expected 1`);
  return t.data[t.offset] !== 0;
}

defineSemantics({
  // cond_if %c (inputs) { then } else { else }: then(inputs) if c[] else else(inputs)
  "tosa.cond_if": (op, c) => {
    const [cond, ...inputs] = c.operandSlots(op) as [number, ...number[]];
    const outs = c.resultSlots(op);
    const then = c.region(op.region(0));
    const otherwise = op.regions[1]!.blocks.length > 0 ? c.region(op.region(1)) : undefined;
    return (regs) => {
      const r = truth(regs[cond], "tosa.cond_if") ? then : otherwise;
      if (r === undefined) return;
      const vals = runRegion(r, regs, inputs.map((s) => regs[s]));
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
  // while_loop (inputs) { cond } do { body }: x = inputs; while cond(x)[] do x = body(x); x
  "tosa.while_loop": (op, c) => {
    const inputs = c.operandSlots(op);
    const outs = c.resultSlots(op);
    const cond = c.region(op.region(0));
    const body = c.region(op.region(1));
    return (regs) => {
      let vals = inputs.map((s) => regs[s]);
      while (truth(runRegion(cond, regs, vals)[0], "tosa.while_loop")) vals = runRegion(body, regs, vals);
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
});
