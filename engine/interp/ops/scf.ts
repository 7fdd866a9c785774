// Semantics of scf: for, while, if, index_switch, execute_region, parallel (run sequentially, with
// its scf.reduce combiners), forall; bodies are compiled regions run in the caller's frame.
import type { Operation } from "../../ir/operation.ts";
import { DenseArrayAttr } from "../../ir/attributes.ts";
import { defineSemantics } from "../semantics.ts";
import type { CompiledRegion, FunctionCompiler } from "../compiler.ts";
import type { RuntimeValue } from "../values.ts";
import { trap } from "../trap.ts";
import { withLoopJit } from "../jit/loop-nest.ts";

/** Runs a region with `args` bound to its entry arguments; returns the terminator's operand values. */
export function runRegion(r: CompiledRegion, regs: RuntimeValue[], args: readonly RuntimeValue[]): RuntimeValue[] {
  const slots = r.argSlots;
  for (let i = 0; i < slots.length; i++) regs[slots[i]!] = args[i];
  const exit = r.run(regs);
  const ts = exit.termSlots;
  const out = new Array<RuntimeValue>(ts.length);
  for (let i = 0; i < ts.length; i++) out[i] = regs[ts[i]!];
  return out;
}

function loopStep(op: Operation, c: FunctionCompiler) {
  const [lbS, ubS, stS, ...initS] = c.operandSlots(op) as [number, number, number, ...number[]];
  const outs = c.resultSlots(op);
  const body = c.region(op.region(0));
  const [ivS, ...iterS] = body.argSlots as [number, ...number[]];
  const n = iterS.length;
  return (regs: RuntimeValue[]) => {
    const lb = regs[lbS] as number;
    const ub = regs[ubS] as number;
    const step = regs[stS] as number;
    if (step <= 0) trap("PRR6001", `scf.for step must be positive, got ${step}`);
    for (let j = 0; j < n; j++) regs[iterS[j]!] = regs[initS[j]!];
    const big = typeof lb === "bigint";
    for (let iv = lb; iv < ub; iv = (big ? (iv as unknown as bigint) + (step as unknown as bigint) : iv + step) as number) {
      regs[ivS] = iv;
      const exit = body.run(regs);
      const ts = exit.termSlots;
      if (n === 1) regs[iterS[0]!] = regs[ts[0]!];
      else if (n > 1) {
        const vals = ts.map((t) => regs[t]);
        for (let j = 0; j < n; j++) regs[iterS[j]!] = vals[j];
      }
    }
    for (let j = 0; j < n; j++) regs[outs[j]!] = regs[iterS[j]!];
  };
}

defineSemantics({
  "scf.for": withLoopJit(loopStep),
  "scf.if": (op, c) => {
    const cond = c.slot(op.operand(0));
    const outs = c.resultSlots(op);
    const then = c.region(op.region(0));
    const otherwise = op.regions[1]!.blocks.length > 0 ? c.region(op.region(1)) : undefined;
    return (regs) => {
      const r = regs[cond] ? then : otherwise;
      if (r === undefined) return;
      const vals = runRegion(r, regs, []);
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
  "scf.while": (op, c) => {
    const ins = c.operandSlots(op);
    const outs = c.resultSlots(op);
    const before = c.region(op.region(0));
    const after = c.region(op.region(1));
    return (regs) => {
      let args = ins.map((s) => regs[s]);
      for (;;) {
        const [cond, ...rest] = runRegion(before, regs, args);
        if (!cond) {
          for (let i = 0; i < outs.length; i++) regs[outs[i]!] = rest[i];
          return;
        }
        args = runRegion(after, regs, rest);
      }
    };
  },
  "scf.execute_region": (op, c) => {
    const outs = c.resultSlots(op);
    const body = c.region(op.region(0));
    return (regs) => {
      const vals = runRegion(body, regs, []);
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
  "scf.index_switch": (op, c) => {
    const arg = c.slot(op.operand(0));
    const outs = c.resultSlots(op);
    const cases = (op.getAttr("cases") as DenseArrayAttr).numbers();
    const regions = op.regions.map((r) => c.region(r));
    return (regs) => {
      const k = cases.indexOf(regs[arg] as number);
      const vals = runRegion(regions[k < 0 ? 0 : k + 1]!, regs, []);
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
    };
  },
  "scf.parallel": withLoopJit((op, c) => {
    const [lbs, ubs, steps, inits] = c.operandGroups(op) as [number[], number[], number[], number[]];
    const outs = c.resultSlots(op);
    const body = c.region(op.region(0));
    const exitTerm = body.blocks[body.blocks.length - 1]!.term;
    // The scf.reduce terminator: operands are the values to combine, one region each.
    const reduceOperands = exitTerm ? c.operandSlots(exitTerm) : [];
    const combiners = exitTerm ? exitTerm.regions.map((r) => c.region(r)) : [];
    const rank = lbs.length;
    return (regs) => {
      const acc = inits.map((s) => regs[s]);
      const lb = lbs.map((s) => regs[s] as number);
      const ub = ubs.map((s) => regs[s] as number);
      const st = steps.map((s) => regs[s] as number);
      for (const s of st) if (s <= 0) trap("PRR6001", `scf.parallel step must be positive, got ${s}`);
      if (lb.some((l, i) => l >= ub[i]!)) {
        for (let i = 0; i < outs.length; i++) regs[outs[i]!] = acc[i];
        return;
      }
      const iv = [...lb];
      for (;;) {
        for (let d = 0; d < rank; d++) regs[body.argSlots[d]!] = iv[d];
        body.run(regs);
        for (let k = 0; k < combiners.length; k++) acc[k] = runRegion(combiners[k]!, regs, [acc[k], regs[reduceOperands[k]!]])[0];
        let d = rank - 1;
        for (; d >= 0; d--) {
          iv[d]! += st[d]!;
          if (iv[d]! < ub[d]!) break;
          iv[d] = lb[d]!;
        }
        if (d < 0) break;
      }
      for (let i = 0; i < outs.length; i++) regs[outs[i]!] = acc[i];
    };
  }),
});
