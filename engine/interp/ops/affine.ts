// Semantics of affine: for (bounds as max/min of maps), if, apply, min, max, load, store,
// vector_load/store, parallel (sequential); index maps are compiled into closures once.
import type { Operation } from "../../ir/operation.ts";
import { AffineMapAttr, IntegerAttr, IntegerSetAttr } from "../../ir/attributes.ts";
import { defineSemantics } from "../semantics.ts";
import type { FunctionCompiler } from "../compiler.ts";
import { exprFn, mapFns, offsetOf, shapedArg, type IndexFn } from "./access.ts";
import { runRegion } from "./scf.ts";
import type { RuntimeValue } from "../values.ts";
import { loadVector, storeVector } from "./vector-memory.ts";
import { intList } from "./attr-helpers.ts";
import { withLoopJit } from "../jit/loop-nest.ts";
import type { VectorType } from "../../ir/types.ts";

function mapOf(op: Operation, name: string) {
  const a = op.getAttr(name);
  if (!(a instanceof AffineMapAttr)) throw new Error(`${op.name} without '${name}'`);
  return a.map;
}

function boundFn(fns: IndexFn[], isMax: boolean): IndexFn {
  if (fns.length === 1) return fns[0]!;
  return isMax
    ? (regs) => {
        let v = -Infinity;
        for (const f of fns) v = Math.max(v, f(regs));
        return v;
      }
    : (regs) => {
        let v = Infinity;
        for (const f of fns) v = Math.min(v, f(regs));
        return v;
      };
}

function affineFor(op: Operation, c: FunctionCompiler) {
  const [lbOps, ubOps, inits] = c.operandGroups(op) as [number[], number[], number[]];
  const lb = boundFn(mapFns(mapOf(op, "lowerBoundMap"), lbOps), true);
  const ub = boundFn(mapFns(mapOf(op, "upperBoundMap"), ubOps), false);
  const step = Number((op.getAttr("step") as IntegerAttr).value);
  const outs = c.resultSlots(op);
  const body = c.region(op.region(0));
  const [ivS, ...iterS] = body.argSlots as [number, ...number[]];
  const n = iterS.length;
  const run = body.run;
  if (n === 0) {
    return (regs: RuntimeValue[]) => {
      const hi = ub(regs);
      for (let iv = lb(regs); iv < hi; iv += step) {
        regs[ivS] = iv;
        run(regs);
      }
    };
  }
  return (regs: RuntimeValue[]) => {
    for (let j = 0; j < n; j++) regs[iterS[j]!] = regs[inits[j]!];
    const hi = ub(regs);
    for (let iv = lb(regs); iv < hi; iv += step) {
      regs[ivS] = iv;
      const ts = run(regs).termSlots;
      const vals = ts.map((t) => regs[t]);
      for (let j = 0; j < n; j++) regs[iterS[j]!] = vals[j];
    }
    for (let j = 0; j < n; j++) regs[outs[j]!] = regs[iterS[j]!];
  };
}

function affineIf(op: Operation, c: FunctionCompiler) {
  const set = (op.getAttr("condition") as IntegerSetAttr).set;
  const ins = c.operandSlots(op);
  const dims = ins.slice(0, set.numDims);
  const syms = ins.slice(set.numDims);
  const conds = set.constraints.map((e, i) => ({ f: exprFn(e, dims, syms), eq: set.eqFlags[i]! }));
  const outs = c.resultSlots(op);
  const then = c.region(op.region(0));
  const otherwise = op.regions[1]!.blocks.length > 0 ? c.region(op.region(1)) : undefined;
  return (regs: RuntimeValue[]) => {
    const holds = conds.every(({ f, eq }) => (eq ? f(regs) === 0 : f(regs) >= 0));
    const r = holds ? then : otherwise;
    if (r === undefined) return;
    const vals = runRegion(r, regs, []);
    for (let i = 0; i < outs.length; i++) regs[outs[i]!] = vals[i];
  };
}

function access(op: Operation, c: FunctionCompiler, memrefIndex: number) {
  const slots = c.operandSlots(op);
  return { mem: slots[memrefIndex]!, fns: mapFns(mapOf(op, "map"), slots.slice(memrefIndex + 1)) };
}

defineSemantics({
  "affine.for": withLoopJit(affineFor),
  "affine.if": affineIf,
  "affine.apply": (op, c) => {
    const f = mapFns(mapOf(op, "map"), c.operandSlots(op))[0]!;
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = f(regs);
    };
  },
  "affine.min": (op, c) => {
    const f = boundFn(mapFns(mapOf(op, "map"), c.operandSlots(op)), false);
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = f(regs);
    };
  },
  "affine.max": (op, c) => {
    const f = boundFn(mapFns(mapOf(op, "map"), c.operandSlots(op)), true);
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = f(regs);
    };
  },
  "affine.load": (op, c) => {
    const { mem, fns } = access(op, c, 0);
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[mem], "affine.load");
      regs[out] = m.data[offsetOf(m, fns, regs, "affine.load")];
    };
  },
  "affine.store": (op, c) => {
    const value = c.slot(op.operand(0));
    const { mem, fns } = access(op, c, 1);
    return (regs) => {
      const m = shapedArg(regs[mem], "affine.store");
      (m.data as unknown as unknown[])[offsetOf(m, fns, regs, "affine.store")] = regs[value];
    };
  },
  "affine.vector_load": (op, c) => {
    const { mem, fns } = access(op, c, 0);
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    return (regs) => {
      regs[out] = loadVector(shapedArg(regs[mem], "affine.vector_load"), fns.map((f) => f(regs)), vt.shape, "affine.vector_load");
    };
  },
  "affine.vector_store": (op, c) => {
    const value = c.slot(op.operand(0));
    const { mem, fns } = access(op, c, 1);
    return (regs) => {
      storeVector(regs[value], shapedArg(regs[mem], "affine.vector_store"), fns.map((f) => f(regs)), "affine.vector_store");
    };
  },
  "affine.parallel": (op, c) => {
    const ins = c.operandSlots(op);
    const lbMap = mapOf(op, "lowerBoundsMap");
    const ubMap = mapOf(op, "upperBoundsMap");
    const nDims = lbMap.numDims + lbMap.numSymbols;
    const lbs = mapFns(lbMap, ins.slice(0, nDims));
    const ubs = mapFns(ubMap, ins.slice(nDims));
    const steps = intList(op.getAttr("steps"));
    const body = c.region(op.region(0));
    return (regs) => {
      const lo = lbs.map((f) => f(regs));
      const hi = ubs.map((f) => f(regs));
      const rank = lo.length;
      if (lo.some((l, i) => l >= hi[i]!)) return;
      const iv = [...lo];
      for (;;) {
        for (let d = 0; d < rank; d++) regs[body.argSlots[d]!] = iv[d];
        body.run(regs);
        let d = rank - 1;
        for (; d >= 0; d--) {
          iv[d]! += steps[d]!;
          if (iv[d]! < hi[d]!) break;
          iv[d] = lo[d]!;
        }
        if (d < 0) return;
      }
    };
  },
});
