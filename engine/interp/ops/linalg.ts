// Semantics of linalg: generic, map, reduce and named ops run through the loop executor with their
// compiled bodies; fill, copy, transpose, broadcast and float matmuls use typed-array kernels.
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import type { FunctionCompiler } from "../compiler.ts";
import { clone, copyInto, ShapedValue, type RuntimeValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { identityMaps, mapsAttr, namedMaps, reduceMaps, sameMaps, standardMaps, type LinearMap } from "./linalg-maps.ts";
import { runStructured, type StructuredBody } from "./linalg-loops.ts";
import { batchMatmulInto, matmulInto } from "./linalg-kernels.ts";
import { structuredKernel, type StructuredKernel } from "../jit/structured-loop.ts";
import { intAttr, intList } from "./attr-helpers.ts";
import { permuteView } from "./views.ts";
import { trap } from "../trap.ts";
import { elementKind } from "../constants.ts";
import type { Scalar } from "./elementwise.ts";
import { DialectAttr } from "../../ir/attributes.ts";

interface Operands {
  ins: number[];
  outs: number[];
  results: number[];
  /** Per output: whether the tensor can be updated in place (nobody else can observe it). */
  inPlace: boolean[];
}

/** Ops whose tensor results are buffers of their own (not shared with a constant or an operand). */
const freshProducers = new Set(["tensor.empty", "bufferization.alloc_tensor", "tensor.insert_slice", "tensor.insert", "tensor.pad"]);

/**
 * Destination-passing on tensors normally copies the output; the copy is skipped when the output
 * tensor is a fresh buffer made in the same block and this op is its only user.
 */
function updatableInPlace(v: Value, user: Operation): boolean {
  const def = v.definingOp;
  if (def === null || def.parentBlock !== user.parentBlock || !v.hasOneUse()) return false;
  return freshProducers.has(def.name) || def.name.startsWith("linalg.");
}

function operandsOf(op: Operation, c: FunctionCompiler): Operands {
  const groups = c.operandGroups(op);
  const [ins, outs] = groups.length >= 2 ? (groups as [number[], number[]]) : [groups[0]!.slice(0, -1), groups[0]!.slice(-1)];
  const outValues = op.operands.slice(ins.length).map((o) => o.value);
  return { ins, outs, results: c.resultSlots(op), inPlace: outValues.map((v) => updatableInPlace(v, op)) };
}

/** Reads operands; tensor outputs are copied (tensors are values) and become the results. */
function prepare(regs: RuntimeValue[], o: Operands, what: string): { values: ShapedValue[]; outs: ShapedValue[] } {
  const values: ShapedValue[] = [];
  for (const s of o.ins) {
    const v = regs[s];
    values.push(v instanceof ShapedValue ? shapedArg(v, what) : (scalarView(v) as ShapedValue));
  }
  const outs: ShapedValue[] = [];
  for (let i = 0; i < o.outs.length; i++) {
    let v = shapedArg(regs[o.outs[i]!], what);
    if (o.results.length > 0 && !o.inPlace[i]) v = clone(v);
    outs.push(v);
    values.push(v);
  }
  return { values, outs };
}

/** A scalar input (linalg.fill, generic with scalar ins) as a 0-d value. */
function scalarView(v: RuntimeValue): ShapedValue {
  const data = typeof v === "bigint" ? BigInt64Array.of(v) : Float64Array.of(v as number);
  return new ShapedValue({ name: "scalar", isFloat: true, isBig: typeof v === "bigint", width: 64, alloc: (n) => new Float64Array(n), norm: (x) => x }, data, [], [], 0);
}

function finish(regs: RuntimeValue[], o: Operands, outs: ShapedValue[]): void {
  for (let i = 0; i < o.results.length; i++) regs[o.results[i]!] = outs[i];
}

/** A step running the op's body over `maps(values)`; args/yields map to operands. */
function structured(op: Operation, c: FunctionCompiler, maps: (values: ShapedValue[]) => LinearMap[], argOperands: (nIns: number, nOuts: number) => number[]): (regs: RuntimeValue[]) => void {
  const o = operandsOf(op, c);
  const ivs: number[] = [];
  c.structuredIvs = ivs;
  const body = c.region(op.region(0));
  c.structuredIvs = undefined;
  const nIns = o.ins.length;
  const sb: StructuredBody = {
    body,
    argOperands: argOperands(nIns, o.outs.length),
    yieldOperands: o.outs.map((_, i) => nIns + i),
    ivs,
  };
  const what = op.name;
  // The body compiled into a generated loop nest when it is scalar code; else the loop executor.
  let kernel: StructuredKernel | undefined | null = null;
  return (regs) => {
    const { values, outs } = prepare(regs, o, what);
    const m = maps(values);
    if (kernel === null) kernel = structuredKernel(op.region(0).blocks[0]!, m[0]?.dims ?? 0, values.length, sb.argOperands, sb.yieldOperands, (v) => c.slot(v));
    if (kernel) kernel(regs, values, m, what);
    else runStructured(regs, values, m, sb, what);
    finish(regs, o, outs);
  };
}

const allOperands = (nIns: number, nOuts: number) => Array.from({ length: nIns + nOuts }, (_, i) => i);
const onlyInputs = (nIns: number) => Array.from({ length: nIns }, (_, i) => i);

/** Scalar inputs get 0-result maps; shaped ones the identity of the output's rank. */
function elementwiseMaps(values: ShapedValue[]): LinearMap[] {
  const out = values[values.length - 1]!;
  const ids = identityMaps(out.rank, 1)[0]!;
  return values.map((v) => (v.rank === 0 && out.rank > 0 ? { dims: out.rank, results: [] } : ids));
}

const generic: OpSemantics = (op, c) => {
  const maps = mapsAttr(op);
  if (maps === undefined) return trap("PRR6006", `${op.name} without indexing_maps`);
  return structured(op, c, () => maps, allOperands);
};

const named: OpSemantics = (op, c) => {
  const maps = namedMaps(op);
  if (maps !== undefined) return structured(op, c, () => maps, allOperands);
  // Elementwise named ops (linalg.add, linalg.exp, ...): identity maps.
  return structured(op, c, elementwiseMaps, allOperands);
};

function isDefaultCast(op: Operation): boolean {
  const a = op.getAttr("cast");
  return !(a instanceof DialectAttr) || a.text !== "linalg.type_fn<cast_unsigned>";
}

/** matmul/batch_matmul on floats of one type: the typed kernel; anything else: the loops. */
function contraction(kernel: typeof matmulInto): OpSemantics {
  return (op, c) => {
    const fallback = named(op, c);
    const kinds = op.operands.map((x) => elementKind(x.value.type).name);
    const explicit = mapsAttr(op);
    const standard = standardMaps(op);
    // Operands may be transposed (matmul with indexing_maps): the kernel reads them through views.
    const perms = explicit === undefined || standard === undefined ? [undefined, undefined, undefined] : operandPermutations(explicit, standard);
    const fast = perms !== undefined && isDefaultCast(op) && kinds.every((k) => k === kinds[0]) && (kinds[0] === "f32" || kinds[0] === "f64");
    if (!fast) return fallback;
    const o = operandsOf(op, c);
    const round = kinds[0] === "f32" ? Math.fround : (x: number) => x;
    const rank = kernel === matmulInto ? 2 : 3;
    return (regs) => {
      const { values, outs } = prepare(regs, o, op.name);
      const [a, b, out] = values.map((v, i) => (perms![i] ? permuteView(v, perms![i]!) : v)) as [ShapedValue, ShapedValue, ShapedValue];
      const inner = rank - 1;
      if (a.rank !== rank || b.rank !== rank || out.rank !== rank || a.shape[inner] !== b.shape[inner - 1] || a.shape[inner - 1] !== out.shape[inner - 1] || b.shape[inner] !== out.shape[inner] || (rank === 3 && (a.shape[0] !== b.shape[0] || a.shape[0] !== out.shape[0])))
        trap("PRR6004", `${op.name} on shapes [${a.shape.join("x")}], [${b.shape.join("x")}] -> [${out.shape.join("x")}]`);
      kernel(a, b, out, round);
      finish(regs, o, outs);
    };
  };
}

/**
 * For each operand, the permutation of its dimensions that turns `actual`'s map into
 * `standard`'s (undefined when already equal), or undefined when some map is not a permutation.
 */
function operandPermutations(actual: readonly LinearMap[], standard: readonly LinearMap[]): (number[] | undefined)[] | undefined {
  if (sameMaps(actual, standard)) return [undefined, undefined, undefined];
  if (actual.length !== standard.length) return undefined;
  const perms: (number[] | undefined)[] = [];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const s = standard[i]!;
    if (a.dims !== s.dims || a.results.length !== s.results.length) return undefined;
    const dimOf = (r: { coef: number[]; c: number }) => (r.c === 0 && r.coef.filter((x) => x !== 0).length === 1 && r.coef.includes(1) ? r.coef.indexOf(1) : -1);
    const ad = a.results.map(dimOf);
    const sd = s.results.map(dimOf);
    if (ad.includes(-1) || sd.includes(-1)) return undefined;
    const perm = sd.map((d) => ad.indexOf(d));
    if (perm.includes(-1)) return undefined;
    perms.push(perm.every((p, k) => p === k) ? undefined : perm);
  }
  return perms;
}

defineSemantics({
  "linalg.generic": generic,
  "linalg.map": (op, c) => structured(op, c, elementwiseMaps, onlyInputs),
  "linalg.reduce": (op, c) => {
    const dims = intList(op.getAttr("dimensions"));
    const o = operandsOf(op, c);
    return structured(op, c, (values) => reduceMaps(values[0]!.rank, o.ins.length, o.outs.length, dims), allOperands);
  },
  "linalg.fill": (op, c) => {
    const o = operandsOf(op, c);
    const k = elementKind(op.operand(o.ins.length).type);
    return (regs) => {
      const { outs } = prepare(regs, { ...o, ins: [] }, "linalg.fill");
      const out = outs[0]!;
      const x = regs[o.ins[0]!] as Scalar;
      const v = k.isBig ? BigInt(x) : k.norm(Number(x));
      if (out.isContiguous()) (out.data as unknown as { fill(v: Scalar, a: number, b: number): void }).fill(v, out.offset, out.offset + out.size);
      else copyInto(new ShapedValue(out.kind, k.alloc(1).fill(v as never) as never, out.shape, out.shape.map(() => 0), 0), out);
      finish(regs, o, outs);
    };
  },
  "linalg.copy": (op, c) => {
    const o = operandsOf(op, c);
    return (regs) => {
      const { values, outs } = prepare(regs, o, "linalg.copy");
      copyInto(values[0]!, outs[0]!);
      finish(regs, o, outs);
    };
  },
  "linalg.transpose": (op, c) => {
    const o = operandsOf(op, c);
    const perm = intList(op.getAttr("permutation"));
    return (regs) => {
      const { values, outs } = prepare(regs, o, "linalg.transpose");
      const view = permuteView(values[0]!, perm);
      if (view.shape.some((d, i) => d !== outs[0]!.shape[i])) trap("PRR6004", `linalg.transpose of [${values[0]!.shape.join("x")}] into [${outs[0]!.shape.join("x")}]`);
      copyInto(view, outs[0]!);
      finish(regs, o, outs);
    };
  },
  "linalg.broadcast": (op, c) => {
    const o = operandsOf(op, c);
    const added = intList(op.getAttr("dimensions"));
    return (regs) => {
      const { values, outs } = prepare(regs, o, "linalg.broadcast");
      const src = values[0]!;
      const out = outs[0]!;
      const strides: number[] = [];
      let s = 0;
      for (let d = 0; d < out.rank; d++) {
        if (added.includes(d)) strides.push(0);
        else {
          if (src.shape[s] !== out.shape[d]) trap("PRR6004", `linalg.broadcast of [${src.shape.join("x")}] into [${out.shape.join("x")}]`);
          strides.push(src.strides[s++]!);
        }
      }
      copyInto(src.view(out.shape, strides, src.offset), out);
      finish(regs, o, outs);
    };
  },
  "linalg.matmul": contraction(matmulInto),
  "linalg.batch_matmul": contraction(batchMatmulInto),
  "linalg.index": (op, c) => {
    const ivs = c.structuredIvs;
    const dim = intAttr(op.getAttr("dim"));
    const out = c.slot(op.result(0));
    if (ivs === undefined) return trap("PRR6006", "linalg.index outside a structured op body");
    return (regs) => {
      regs[out] = ivs[dim];
    };
  },
});

/** Every other linalg structured op (elementwise, contractions, convolutions, pooling). */
export const linalgNamed = named;
