// Semantics of func (call, return) and cf (assert; branches are followed by the block runner).
import { SymbolRefAttr, StringAttr } from "../../ir/attributes.ts";
import { defineSemantics } from "../semantics.ts";
import { Trap, trap } from "../trap.ts";
import type { RuntimeValue } from "../values.ts";

defineSemantics({
  "func.call": (op, c) => {
    const callee = op.getAttr("callee");
    const name = callee instanceof SymbolRefAttr ? callee.root : "";
    const ins = c.operandSlots(op);
    const outs = c.resultSlots(op);
    const interp = c.interp;
    let target: ((args: readonly RuntimeValue[]) => RuntimeValue[]) | undefined;
    return (regs) => {
      target ??= interp.resolve(name);
      if (target === undefined) trap("PRR6005", `call to unknown function '@${name}'`);
      const args = new Array<RuntimeValue>(ins.length);
      for (let i = 0; i < ins.length; i++) args[i] = regs[ins[i]!];
      let results: RuntimeValue[];
      try {
        results = target(args);
      } catch (e) {
        if (e instanceof Trap) e.calls.push({ callee: name, call: op });
        else if (e instanceof RangeError && /call stack/i.test(e.message)) {
          const t = new Trap("PRR6009", "call stack too deep (unbounded recursion?)", op);
          throw t;
        }
        throw e;
      }
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = results[i];
    };
  },
  "cf.assert": (op, c) => {
    const cond = c.slot(op.operand(0));
    const msg = op.getAttr("msg");
    const text = msg instanceof StringAttr ? msg.value : "";
    return (regs) => {
      if (!regs[cond]) trap("PRR6001", `assertion failed${text ? `: ${text}` : ""}`);
    };
  },
});
