// Which scf.for loops the WebAssembly lane kernels cover (wasm/lane-loop.ts): no side effects,
// f32/f64 vector iter_args of one shape, and a body of scalar ops (index and i32 arithmetic,
// memref.load of floats, float scalars) and lanewise vector ops (vector.load, broadcast, splat
// constants, fma, addf/subf/mulf/divf) whose operands from outside are scalars and memrefs.
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import { IndexType, IntegerType, FloatType, MemRefType, Signedness, VectorType, type Type } from "../../ir/types.ts";

/** Scalar kinds the kernel holds: index as i64, i32, f32, f64. */
export type ScalarKind = "index" | "i32" | "f32" | "f64";

export function scalarKind(t: Type): ScalarKind | undefined {
  if (t instanceof IndexType) return "index";
  if (t instanceof IntegerType && t.width === 32 && t.signedness === Signedness.signless) return "i32";
  if (t instanceof FloatType && (t.floatKind === "f32" || t.floatKind === "f64")) return t.floatKind;
  return undefined;
}

/** Scalar binary ops and their opcodes per kind. */
export const scalarBinary: Record<string, Partial<Record<ScalarKind, number>>> = {
  "arith.addi": { index: 0x7c, i32: 0x6a },
  "arith.subi": { index: 0x7d, i32: 0x6b },
  "arith.muli": { index: 0x7e, i32: 0x6c },
  "arith.addf": { f32: 0x92, f64: 0xa0 },
  "arith.subf": { f32: 0x93, f64: 0xa1 },
  "arith.mulf": { f32: 0x94, f64: 0xa2 },
  "arith.divf": { f32: 0x95, f64: 0xa3 },
};

/** Lanewise binary vector ops by the SIMD operation they are. */
export const vectorBinary: Record<string, "add" | "sub" | "mul" | "div"> = { "arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.divf": "div" };

/** A loop the kernels cover, taken apart. */
export interface LaneLoopShape {
  readonly iv: Value;
  readonly iters: readonly Value[];
  /** The body's ops except the yield, in order; split into scalar and vector ops. */
  readonly ops: readonly Operation[];
  readonly scalarOps: ReadonlySet<Operation>;
  readonly vectorOps: readonly Operation[];
  readonly yielded: readonly Value[];
  /** Scalars and memrefs from outside the loop, in first-use order. */
  readonly scalars: readonly Value[];
  readonly memrefs: readonly Value[];
  readonly element: "f32" | "f64";
  readonly lanes: number;
}

/**
 * The shape of `loop`, or undefined when the kernels do not cover it; `constant` gives an
 * arith.constant's number (one number for a splat vector), `fusedF32` whether f32 fma can run.
 */
export function laneLoopShape(loop: Operation, constant: (op: Operation) => number | undefined, fusedF32: () => boolean): LaneLoopShape | undefined {
  if (loop.name !== "scf.for" || loop.regions.length !== 1 || loop.regions[0]!.blocks.length !== 1) return undefined;
  const body = loop.regions[0]!.blocks[0]!;
  const [iv, ...iters] = body.arguments;
  if (iv === undefined || scalarKind(iv.type) !== "index" || iters.length === 0) return undefined;
  const first = iters[0]!.type;
  if (!(first instanceof VectorType) || first.shape.length !== 1 || first.scalableDims[0]) return undefined;
  const element = scalarKind(first.elementType);
  const lanes = first.shape[0]!;
  // Lanes fill whole 16-byte SIMD registers.
  if ((element !== "f32" && element !== "f64") || (lanes * (element === "f32" ? 4 : 8)) % 16 !== 0 || lanes > 256) return undefined;
  const isLaneVector = (t: Type) => t instanceof VectorType && t.shape.length === 1 && t.shape[0] === lanes && !t.scalableDims[0] && scalarKind(t.elementType) === element;
  if (!iters.every((a) => isLaneVector(a.type))) return undefined;

  const scalars: Value[] = [];
  const memrefs: Value[] = [];
  const inside = new Set<Value>(body.arguments);
  const ops: Operation[] = [];
  const scalarOps = new Set<Operation>();
  const vectorOps: Operation[] = [];
  for (let o = body.first; o !== null && o !== body.last; o = o.next) {
    if (o.regions.length > 0 || o.results.length !== 1) return undefined;
    for (const { value } of o.operands) {
      if (inside.has(value)) continue;
      if (value.type instanceof MemRefType) {
        if (!memrefs.includes(value)) memrefs.push(value);
      } else if (scalarKind(value.type) !== undefined) {
        if (!scalars.includes(value)) scalars.push(value);
      } else return undefined;
    }
    const t = o.result(0).type;
    if (isLaneVector(t)) {
      if (!vectorOpSupported(o, constant) || (o.name === "vector.fma" && element === "f32" && !fusedF32())) return undefined;
      vectorOps.push(o);
    } else if (scalarKind(t) !== undefined && scalarOpSupported(o, constant)) scalarOps.add(o);
    else return undefined;
    inside.add(o.result(0));
    ops.push(o);
  }
  const y = body.last;
  if (y === null || y.name !== "scf.yield" || y.operands.length !== iters.length) return undefined;
  const yielded = y.operands.map((o) => o.value);
  if (!yielded.every((v) => inside.has(v) && isLaneVector(v.type))) return undefined;
  return { iv, iters, ops, scalarOps, vectorOps, yielded, scalars, memrefs, element, lanes };
}

function scalarOpSupported(o: Operation, constant: (op: Operation) => number | undefined): boolean {
  const kind = scalarKind(o.result(0).type)!;
  if (o.operands.some((x) => x.value.type instanceof VectorType)) return false;
  if (o.name === "arith.constant") return constant(o) !== undefined;
  if (o.name === "memref.load") return kind === "f32" || kind === "f64";
  const codes = scalarBinary[o.name];
  return codes !== undefined && codes[kind] !== undefined && o.operands.length === 2 && o.operands.every((x) => scalarKind(x.value.type) === kind);
}

function vectorOpSupported(o: Operation, constant: (op: Operation) => number | undefined): boolean {
  switch (o.name) {
    case "vector.broadcast":
    case "vector.splat":
      return o.operands.length === 1 && scalarKind(o.operand(0).type) === scalarKind((o.result(0).type as VectorType).elementType);
    case "vector.load":
      return o.operands.slice(1).every((x) => scalarKind(x.value.type) === "index");
    case "vector.fma":
      return o.operands.length === 3;
    case "arith.constant":
      return constant(o) !== undefined;
    default:
      return vectorBinary[o.name] !== undefined && o.operands.length === 2;
  }
}
