// Semantics of arith's two-result integer ops: addui_extended gives the wrapped sum and the
// unsigned carry out (i1), on scalars or elementwise on vectors and tensors.
import { defineSemantics } from "../semantics.ts";
import { broadcastLoop } from "../jit/broadcast-loop.ts";
import { intOps } from "./int-ops.ts";
import { isShaped, mapValues, resultKind, type Scalar } from "./elementwise.ts";

defineSemantics({
  // addui_extended(a, b) -> (a + b mod 2^w, a + b >= 2^w as unsigned values)
  "arith.addui_extended": (op, c) => {
    const k = resultKind(op, 0);
    const i1 = resultKind(op, 1);
    const ops = intOps(k);
    const u = ops.unsigned;
    const sum = ops.add;
    const carry = (a: Scalar, b: Scalar): Scalar => (u(sum(a, b)) < u(a) ? 1 : 0);
    const [as, bs] = c.operandSlots(op) as [number, number];
    const [sumOut, carryOut] = c.resultSlots(op) as [number, number];
    if (isShaped(op.result(0).type)) {
      const loop = broadcastLoop(2);
      return (regs) => {
        const args = [regs[as], regs[bs]];
        regs[sumOut] = mapValues(k, args, sum, loop);
        regs[carryOut] = mapValues(i1, args, carry, loop);
      };
    }
    return (regs) => {
      const a = regs[as] as Scalar;
      const b = regs[bs] as Scalar;
      regs[sumOut] = sum(a, b);
      regs[carryOut] = carry(a, b);
    };
  },
});
