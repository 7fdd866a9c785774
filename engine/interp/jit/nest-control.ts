// Loop-nest code for structured control flow: scf.for and affine.for (iter_args carried in
// locals), scf.if and affine.if (results assigned in both branches), affine.apply/min/max.
import type { Operation } from "../../ir/operation.ts";
import type { Region } from "../../ir/block.ts";
import { AffineMapAttr, IntegerAttr, IntegerSetAttr } from "../../ir/attributes.ts";
import { kindOf } from "../elements.ts";
import { affineBound, affineExpr } from "./affine-code.ts";
import { defineNestOps, type NestEmitter } from "./nest-emitter.ts";

function segments(op: Operation): number[] | undefined {
  const a = op.getAttr("operandSegmentSizes") as { values?: readonly unknown[] } | undefined;
  return a?.values?.map((v) => Number(v));
}

/** Emits a single-block region's ops, then assigns its terminator's operands to `outs`. */
function regionInto(e: NestEmitter, r: Region, outs: readonly string[]): boolean {
  const b = r.blocks[0];
  if (r.blocks.length !== 1 || b === undefined) return false;
  const term = e.block(b);
  if (term === undefined) return false;
  const ys = e.values(term.operands.map((o) => o.value));
  if (ys === undefined || ys.length !== outs.length) return false;
  // Parallel copy: every yielded value is read before any carried local is written.
  if (ys.length === 1) e.lines.push(`${outs[0]} = ${ys[0]};`);
  else if (ys.length > 1) {
    const ts = ys.map(() => e.fresh("y"));
    e.lines.push(`const ${ts.map((t, i) => `${t} = ${ys[i]}`).join(", ")};`, ...outs.map((o, i) => `${o} = ${ts[i]};`));
  }
  return true;
}

/** A counted loop: `iv` from lo below hi by step, carrying `inits` through the body's iter_args. */
function countedLoop(op: Operation, e: NestEmitter, lo: string, hi: string, step: string, inits: readonly string[]): boolean {
  const body = op.regions[0]!.blocks[0];
  if (body === undefined || op.regions[0]!.blocks.length !== 1) return false;
  const [ivArg, ...iterArgs] = body.arguments;
  if (ivArg === undefined || iterArgs.length !== inits.length) return false;
  const iv = e.fresh("i");
  const carried = inits.map(() => e.fresh("r"));
  const hiName = e.fresh("h");
  if (carried.length > 0) e.lines.push(`let ${carried.map((r, i) => `${r} = ${inits[i]}`).join(", ")};`);
  e.lines.push(`const ${hiName} = ${hi};`, `for (let ${iv} = ${lo}; ${iv} < ${hiName}; ${iv} += ${step}) {`);
  e.define(ivArg, iv);
  iterArgs.forEach((a, i) => e.define(a, carried[i]!));
  if (!regionInto(e, op.regions[0]!, carried)) return false;
  e.lines.push("}");
  op.results.forEach((r, i) => e.define(r, carried[i]!));
  return true;
}

function scfFor(op: Operation, e: NestEmitter): boolean {
  const k = kindOf(op.operand(0).type);
  if (k === undefined || k.isBig || k.isFloat) return false;
  const ins = e.values(op.operands.map((o) => o.value));
  if (ins === undefined) return false;
  const [lb, ub, step, ...inits] = ins as [string, string, string, ...string[]];
  const lo = e.fresh("l");
  e.lines.push(
    `const ${lo} = ${lb};`,
    `if (${step} <= 0) fail(ops[${e.opIndex(op)}], "PRR6001", "scf.for step must be positive, got " + ${step});`,
  );
  return countedLoop(op, e, lo, ub, step, inits);
}

function affineFor(op: Operation, e: NestEmitter): boolean {
  const seg = segments(op);
  const lbMap = op.getAttr("lowerBoundMap");
  const ubMap = op.getAttr("upperBoundMap");
  const step = op.getAttr("step");
  if (seg === undefined || !(lbMap instanceof AffineMapAttr) || !(ubMap instanceof AffineMapAttr) || !(step instanceof IntegerAttr)) return false;
  const ins = e.values(op.operands.map((o) => o.value));
  if (ins === undefined) return false;
  const [nl, nu] = seg as [number, number];
  const hi = affineBound(ubMap.map, ins.slice(nl, nl + nu), false);
  const lo = affineBound(lbMap.map, ins.slice(0, nl), true);
  return countedLoop(op, e, lo, hi, `${Number(step.value)}`, ins.slice(nl + nu));
}

/** An if with `cond` choosing the then region (results assigned in both branches). */
function conditional(op: Operation, e: NestEmitter, cond: string): boolean {
  const outs = op.results.map(() => e.fresh("r"));
  if (outs.length > 0) e.lines.push(`let ${outs.join(", ")};`);
  e.lines.push(`if (${cond}) {`);
  if (!regionInto(e, op.regions[0]!, outs)) return false;
  const otherwise = op.regions[1];
  if (otherwise !== undefined && otherwise.blocks.length > 0) {
    e.lines.push("} else {");
    if (!regionInto(e, otherwise, outs)) return false;
  } else if (outs.length > 0) return false;
  e.lines.push("}");
  op.results.forEach((r, i) => e.define(r, outs[i]!));
  return true;
}

function mapResult(op: Operation, e: NestEmitter, pick: (xs: string[]) => string): boolean {
  const map = op.getAttr("map");
  const ins = e.values(op.operands.map((o) => o.value));
  if (!(map instanceof AffineMapAttr) || ins === undefined) return false;
  const dims = ins.slice(0, map.map.numDims);
  const syms = ins.slice(map.map.numDims);
  const out = e.fresh();
  e.lines.push(`const ${out} = ${pick(map.map.results.map((x) => affineExpr(x, dims, syms)))};`);
  e.define(op.result(0), out);
  return true;
}

defineNestOps({
  "scf.for": scfFor,
  "affine.for": affineFor,
  "scf.if": (op, e) => {
    const c = e.value(op.operand(0));
    return c !== undefined && conditional(op, e, c);
  },
  "affine.if": (op, e) => {
    const set = op.getAttr("condition");
    const ins = e.values(op.operands.map((o) => o.value));
    if (!(set instanceof IntegerSetAttr) || ins === undefined) return false;
    const s = set.set;
    const dims = ins.slice(0, s.numDims);
    const syms = ins.slice(s.numDims);
    const holds = s.constraints.map((x, i) => `${affineExpr(x, dims, syms)} ${s.eqFlags[i] ? "=== 0" : ">= 0"}`);
    return conditional(op, e, holds.length > 0 ? holds.join(" && ") : "true");
  },
  "affine.apply": (op, e) => mapResult(op, e, (xs) => xs[0] ?? "0"),
  "affine.min": (op, e) => mapResult(op, e, (xs) => (xs.length === 1 ? xs[0]! : `Math.min(${xs.join(", ")})`)),
  "affine.max": (op, e) => mapResult(op, e, (xs) => (xs.length === 1 ? xs[0]! : `Math.max(${xs.join(", ")})`)),
});
