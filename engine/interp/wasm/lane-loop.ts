// Compiles a side-effect-free scf.for whose iter_args are f32/f64 vectors into a WebAssembly SIMD
// kernel. Its body is a scalar part (index arithmetic, memref.load, float scalars) and a lanewise
// vector part (vector.load, broadcast, fma, addf/subf/mulf/divf): lane l of every vector depends
// only on lane l of others, so the kernel runs the scalar parts of `unroll` iterations first, then
// sweeps the lanes 16 bytes at a time through those iterations' vector parts (each lane still in
// iteration order), keeping the vector iter_args in memory rows. Every op rounds as the
// interpreter's does: f32x4/f64x2 add, sub, mul and div are IEEE operations; f32 fma is the fused
// relaxed multiply-add when it is fused here (else such loops are not compiled); f64 fma is a
// multiply then an add, as the interpreter computes it. A failed bounds check returns 1 and the
// caller runs the loop its own way (which then traps where the loop does).
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import { IndexType, IntegerType, FloatType, MemRefType, Signedness, VectorType, type Type } from "../../ir/types.ts";
import { FunctionWriter, ValType, writeModule } from "./module-writer.ts";
import { arena } from "./arena.ts";
import { fusedMaddAvailable, relaxedMadd } from "./fused-madd.ts";

/** Scalar kinds the kernel holds: index as i64, i32, f32, f64. */
type ScalarKind = "index" | "i32" | "f32" | "f64";

function scalarKind(t: Type): ScalarKind | undefined {
  if (t instanceof IndexType) return "index";
  if (t instanceof IntegerType && t.width === 32 && t.signedness === Signedness.signless) return "i32";
  if (t instanceof FloatType && (t.floatKind === "f32" || t.floatKind === "f64")) return t.floatKind;
  return undefined;
}

const local: Record<ScalarKind, ValType> = { index: ValType.i64, i32: ValType.i32, f32: ValType.f32, f64: ValType.f64 };

/** The kernel of one loop op and the order of the arguments its caller passes. */
export interface LaneLoopKernel {
  /** Scalars from outside the loop, each passed as a number (f64). */
  readonly scalars: readonly Value[];
  /** Memrefs the body reads: each passed as its arena address, then per dimension stride and size. */
  readonly memrefs: readonly Value[];
  /** Lanes per vector iter_arg (all alike) and their element type. */
  readonly lanes: number;
  readonly element: "f32" | "f64";
  /** (lb, ub, step, ...scalars, ...per memref [address, strides..., sizes...], rows) -> 0, or 1 to bail. */
  readonly run: (...args: number[]) => number;
}

const op = {
  return: 0x0f,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32LtU: 0x49,
  i32Sub: 0x6b,
  i32WrapI64: 0xa7,
  i32TruncF64S: 0xaa,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Mul: 0x7e,
  i64LtS: 0x53,
  i64GeS: 0x59,
  i64LtU: 0x54,
  i64GeU: 0x5a,
  i64Ne: 0x52,
  i64TruncF64S: 0xb0,
  f32DemoteF64: 0xb6,
  f32Load: 0x2a,
  f64Load: 0x2b,
} as const;
const simd = { load: 0x00, store: 0x0b } as const;
/** SIMD opcodes by element type: splat, add, sub, mul, div. */
const lanesOps = {
  f32: { splat: 0x13, add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7 },
  f64: { splat: 0x14, add: 0xf0, sub: 0xf1, mul: 0xf2, div: 0xf3 },
} as const;

const scalarBinary: Record<string, Partial<Record<ScalarKind, number>>> = {
  "arith.addi": { index: 0x7c, i32: 0x6a },
  "arith.subi": { index: 0x7d, i32: 0x6b },
  "arith.muli": { index: 0x7e, i32: 0x6c },
  "arith.addf": { f32: 0x92, f64: 0xa0 },
  "arith.subf": { f32: 0x93, f64: 0xa1 },
  "arith.mulf": { f32: 0x94, f64: 0xa2 },
  "arith.divf": { f32: 0x95, f64: 0xa3 },
};
const vectorBinary: Record<string, "add" | "sub" | "mul" | "div"> = { "arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.divf": "div" };

/** How a vector value of one iteration is read inside the lane sweep. */
type VectorSource =
  | { readonly kind: "splat"; readonly local: number }
  | { readonly kind: "load"; readonly address: number; readonly local: number }
  | { readonly kind: "local"; readonly local: number };

/** Iterations whose scalar parts run before one lane sweep. */
const unroll = 8;

function i64Const(f: FunctionWriter, n: number): void {
  // sLEB128 of a safe integer through BigInt (constants may exceed 32 bits).
  let v = BigInt(n);
  const bytes: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      break;
    }
    bytes.push(byte | 0x80);
  }
  f.emit(0x42, ...bytes);
}

function floatConst(f: FunctionWriter, k: "f32" | "f64", x: number): void {
  const b = new DataView(new ArrayBuffer(8));
  if (k === "f32") {
    b.setFloat32(0, x, true);
    f.emit(0x43, ...new Uint8Array(b.buffer, 0, 4));
  } else {
    b.setFloat64(0, x, true);
    f.emit(0x44, ...new Uint8Array(b.buffer, 0, 8));
  }
}

/**
 * The kernel of `loop` (an scf.for), or undefined when its body is not of that form; `constant`
 * gives an arith.constant's value (a number, or one number for a splat vector constant).
 */
export function compileLaneLoop(loop: Operation, constant: (op: Operation) => number | undefined): LaneLoopKernel | undefined {
  if (loop.name !== "scf.for" || loop.regions.length !== 1 || loop.regions[0]!.blocks.length !== 1) return undefined;
  const body = loop.regions[0]!.blocks[0]!;
  const [iv, ...iters] = body.arguments;
  if (iv === undefined || scalarKind(iv.type) !== "index" || iters.length === 0) return undefined;
  const first = iters[0]!.type;
  if (!(first instanceof VectorType) || first.shape.length !== 1 || first.scalableDims[0]) return undefined;
  const element = scalarKind(first.elementType);
  const lanes = first.shape[0]!;
  if ((element !== "f32" && element !== "f64") || (lanes * (element === "f32" ? 4 : 8)) % 16 !== 0 || lanes > 256) return undefined;
  const isLaneVector = (t: Type) => t instanceof VectorType && t.shape.length === 1 && t.shape[0] === lanes && !t.scalableDims[0] && scalarKind(t.elementType) === element;
  if (!iters.every((a) => isLaneVector(a.type))) return undefined;
  const wide = element === "f64";
  const simdOf = lanesOps[element];

  // Values from outside the loop, in first-use order.
  const scalars: Value[] = [];
  const memrefs: Value[] = [];
  const inside = new Set<Value>(body.arguments);
  const ops: Operation[] = [];
  for (let o = body.first; o !== null; o = o.next) {
    if (o === body.last) break;
    if (o.regions.length > 0 || o.results.length !== 1) return undefined;
    for (const { value } of o.operands) {
      if (inside.has(value)) continue;
      if (value.type instanceof MemRefType) {
        if (!memrefs.includes(value)) memrefs.push(value);
      } else if (scalarKind(value.type) !== undefined) {
        if (!scalars.includes(value)) scalars.push(value);
      } else return undefined;
    }
    inside.add(o.result(0));
    ops.push(o);
  }
  const yielded = body.last;
  if (yielded === null || yielded.name !== "scf.yield" || yielded.operands.length !== iters.length) return undefined;
  if (!yielded.operands.every((o) => inside.has(o.value) && isLaneVector(o.value.type))) return undefined;

  // Classify: scalar ops (one result of a scalar kind) and vector ops (lane vectors).
  const vectorOps: Operation[] = [];
  const scalarOps: Operation[] = [];
  for (const o of ops) {
    const t = o.result(0).type;
    if (isLaneVector(t)) {
      if (!vectorOpSupported(o, constant)) return undefined;
      if (o.name === "vector.fma" && !wide && !fusedMaddAvailable()) return undefined;
      vectorOps.push(o);
    } else if (scalarKind(t) !== undefined) {
      if (o.operands.some((x) => x.value.type instanceof VectorType)) return undefined;
      if (!scalarOpSupported(o, constant)) return undefined;
      scalarOps.push(o);
    } else return undefined;
  }

  const { f64, i32 } = ValType;
  const memrefParams = memrefs.flatMap((m) => [i32, ...(m.type as MemRefType).shape.flatMap(() => [f64, f64])]);
  const f = new FunctionWriter([f64, f64, f64, ...scalars.map(() => f64), ...memrefParams, i32], [i32]);
  let param = 0;
  const lbP = param++;
  const ubP = param++;
  const stepP = param++;
  const scalarP = scalars.map(() => param++);
  const memrefP = memrefs.map((m) => {
    const address = param++;
    const rank = (m.type as MemRefType).shape.length;
    const strides = Array.from({ length: rank }, () => param++);
    const sizes = Array.from({ length: rank }, () => param++);
    return { address, strides, sizes };
  });
  const rowsP = param++;

  const bail = () => f.when(() => f.i32(1).op(op.return));
  // Entry: scalars from outside into locals of their kind; strides and sizes into i64 locals.
  const outside = new Map<Value, number>();
  scalars.forEach((v, i) => {
    const k = scalarKind(v.type)!;
    const l = f.local(local[k]);
    f.get(scalarP[i]!);
    if (k === "index") f.op(op.i64TruncF64S);
    else if (k === "i32") f.op(op.i32TruncF64S);
    else if (k === "f32") f.op(op.f32DemoteF64);
    f.set(l);
    outside.set(v, l);
  });
  const memLocals = memrefP.map((m) => {
    const toI64 = (p: number) => {
      const l = f.local(ValType.i64);
      f.get(p).op(op.i64TruncF64S).set(l);
      return l;
    };
    return { address: m.address, strides: m.strides.map(toI64), sizes: m.sizes.map(toI64) };
  });
  // Vector loads need unit stride along their last dimension.
  for (const o of vectorOps) {
    if (o.name !== "vector.load") continue;
    const m = memLocals[memrefs.indexOf(o.operand(0))]!;
    f.get(m.strides[m.strides.length - 1]!);
    i64Const(f, 1);
    f.op(op.i64Ne);
    bail();
  }
  const k = f.local(ValType.i64);
  const ub = f.local(ValType.i64);
  const step = f.local(ValType.i64);
  f.get(lbP).op(op.i64TruncF64S).set(k);
  f.get(ubP).op(op.i64TruncF64S).set(ub);
  f.get(stepP).op(op.i64TruncF64S).set(step);
  const elementBytes = wide ? 8 : 4;
  const rowBytes = lanes * elementBytes;
  const chunk = f.local(ValType.i32);
  const delta = f.local(ValType.i32);
  const touch = f.local(ValType.i32);
  const sink = f.local(ValType.f32);
  const current = iters.map(() => f.local(ValType.v128));
  const scalarLocals = new Map<Value, number[]>();
  for (const o of scalarOps) scalarLocals.set(o.result(0), Array.from({ length: unroll }, () => f.local(local[scalarKind(o.result(0).type)!])));
  const sources = new Map<Value, VectorSource[]>();
  const ivLocals = Array.from({ length: unroll }, () => f.local(ValType.i64));

  /** Pushes scalar `v` of iteration u. */
  const scalar = (v: Value, u: number) => {
    if (v === iv) f.get(ivLocals[u]!);
    else if (outside.has(v)) f.get(outside.get(v)!);
    else f.get(scalarLocals.get(v)![u]!);
  };

  // Emits the bounds check and the byte address of an access at `indices` (extent lanes from the last).
  const access = (o: Operation, memrefOperand: number, firstIndex: number, u: number, extent: number, bytes: number): number | undefined => {
    const m = memLocals[memrefs.indexOf(o.operand(memrefOperand))]!;
    const indices = o.operands.slice(firstIndex).map((x) => x.value);
    if (indices.length !== m.sizes.length) return undefined;
    indices.forEach((x, d) => {
      scalar(x, u);
      f.get(m.sizes[d]!).op(op.i64GeU);
      bail();
      if (d === indices.length - 1 && extent > 1) {
        scalar(x, u);
        i64Const(f, extent - 1);
        f.op(op.i64Add);
        f.get(m.sizes[d]!).op(op.i64GeU);
        bail();
      }
    });
    const at = f.local(ValType.i32);
    i64Const(f, 0);
    indices.forEach((x, d) => {
      scalar(x, u);
      f.get(m.strides[d]!).op(op.i64Mul).op(op.i64Add);
    });
    f.op(op.i32WrapI64).i32(Math.log2(bytes)).op(op.i32Shl).get(m.address).op(op.i32Add).set(at);
    return at;
  };

  /** The scalar part of iteration u (iv already set): scalar ops, splats, vector load addresses. */
  const scalarPart = (u: number): boolean => {
    for (const o of ops) {
      const r = o.result(0);
      if (scalarLocals.has(r)) {
        const kind = scalarKind(r.type)!;
        if (o.name === "arith.constant") {
          const x = constant(o)!;
          if (kind === "index") i64Const(f, x);
          else if (kind === "i32") f.i32(x);
          else floatConst(f, kind, x);
        } else if (o.name === "memref.load") {
          const at = access(o, 0, 1, u, 1, kind === "f32" ? 4 : 8);
          if (at === undefined) return false;
          f.get(at).mem(kind === "f32" ? op.f32Load : op.f64Load, kind === "f32" ? 2 : 3);
        } else {
          scalar(o.operand(0), u);
          scalar(o.operand(1), u);
          f.op(scalarBinary[o.name]![kind]!);
        }
        f.set(scalarLocals.get(r)![u]!);
        continue;
      }
      // Vector ops: splats and load addresses now, lanes in the sweep.
      let list = sources.get(r);
      if (list === undefined) sources.set(r, (list = []));
      if (o.name === "vector.broadcast" || o.name === "vector.splat") {
        const l = f.local(ValType.v128);
        scalar(o.operand(0), u);
        f.simd(simdOf.splat).set(l);
        list[u] = { kind: "splat", local: l };
      } else if (o.name === "vector.load") {
        const at = access(o, 0, 1, u, lanes, elementBytes);
        if (at === undefined) return false;
        list[u] = { kind: "load", address: at, local: f.local(ValType.v128) };
      } else if (o.name === "arith.constant") {
        const l = f.local(ValType.v128);
        floatConst(f, element, constant(o)!);
        f.simd(simdOf.splat).set(l);
        list[u] = { kind: "splat", local: l };
      } else {
        list[u] = { kind: "local", local: f.local(ValType.v128) };
      }
    }
    return true;
  };

  /** Pushes the current chunk of vector `v` in iteration u. */
  const lanesOf = (v: Value, u: number) => {
    const i = iters.indexOf(v as never);
    if (i >= 0) {
      f.get(current[i]!);
      return;
    }
    f.get(sources.get(v)![u]!.local);
  };

  /** The vector part of iteration u on the current chunk; the yield updates `current`. */
  const vectorPart = (u: number) => {
    // Each loaded vector's chunk is read once, before the ops that use it.
    for (const o of vectorOps) {
      const s = sources.get(o.result(0))![u]!;
      if (s.kind !== "load") continue;
      f.get(s.address).get(chunk).op(op.i32Add).simd(simd.load, { align: 4 }).set(s.local);
    }
    for (const o of vectorOps) {
      const s = sources.get(o.result(0))![u]!;
      if (s.kind !== "local") continue;
      if (o.name === "vector.fma") {
        lanesOf(o.operand(0), u);
        lanesOf(o.operand(1), u);
        if (wide) {
          f.simd(simdOf.mul);
          lanesOf(o.operand(2), u);
          f.simd(simdOf.add);
        } else {
          lanesOf(o.operand(2), u);
          f.simd(relaxedMadd);
        }
      } else {
        lanesOf(o.operand(0), u);
        lanesOf(o.operand(1), u);
        f.simd(simdOf[vectorBinary[o.name]!]);
      }
      f.set(s.local);
    }
    const ys = yielded.operands.map((x) => x.value);
    // Parallel assignment of the yielded chunks to the iter_args.
    ys.forEach((y) => lanesOf(y, u));
    for (let i = ys.length - 1; i >= 0; i--) f.set(current[i]!);
  };

  /** `n` iterations from k (all in range): scalar parts, then one sweep over the lanes. */
  const iterations = (n: number): boolean => {
    for (let u = 0; u < n; u++) {
      f.get(k);
      if (u > 0) {
        f.get(step);
        i64Const(f, u);
        f.op(op.i64Mul).op(op.i64Add);
      }
      f.set(ivLocals[u]!);
      if (!scalarPart(u)) return false;
    }
    // Touch the lines the next `n` iterations' vector loads will read (each load's address moves
    // by the same amount per iteration when its indices are affine in the induction variable):
    // their cache misses then overlap this sweep instead of stalling the next one. A touch is a
    // plain read, harmless at any address inside the memory.
    if (n > 1) {
      for (const o of vectorOps) {
        const first = sources.get(o.result(0))![0]!;
        const second = sources.get(o.result(0))![1]!;
        if (first.kind !== "load" || second.kind !== "load") continue;
        f.get(second.address).get(first.address).op(op.i32Sub).i32(n).op(op.i32Mul).set(delta);
        for (let u = 0; u < n; u++) {
          const src = sources.get(o.result(0))![u]! as { address: number };
          for (const lane of [0, lanes - 1]) {
            f.get(src.address).get(delta).op(op.i32Add).i32(lane * elementBytes).op(op.i32Add).tee(touch);
            f.emit(0x3f, 0x00).i32(16).op(op.i32Shl).i32(16).op(op.i32Sub).op(op.i32LtU);
            f.when(() => f.get(sink).get(touch).mem(op.f32Load, 2).emit(0x92).set(sink));
          }
        }
      }
    }
    f.i32(0).set(chunk);
    f.loop(() => {
      iters.forEach((_, i) => f.get(rowsP).get(chunk).op(op.i32Add).simd(simd.load, { align: 4, offset: i * rowBytes }).set(current[i]!));
      for (let u = 0; u < n; u++) vectorPart(u);
      iters.forEach((_, i) => f.get(rowsP).get(chunk).op(op.i32Add).get(current[i]!).simd(simd.store, { align: 4, offset: i * rowBytes }));
      f.get(chunk).i32(16).op(op.i32Add).tee(chunk).i32(rowBytes).op(op.i32LtU).brIf(0);
    });
    return true;
  };

  // Groups of `unroll` iterations while that many remain, then one at a time.
  const advance = (n: number) => {
    f.get(k).get(step);
    i64Const(f, n);
    f.op(op.i64Mul).op(op.i64Add).set(k);
  };
  let ok = true;
  f.loop(() => {
    f.get(k).get(step);
    i64Const(f, unroll - 1);
    f.op(op.i64Mul).op(op.i64Add).get(ub).op(op.i64GeS).brIf(1);
    ok &&= iterations(unroll);
    advance(unroll);
    f.br(0);
  });
  f.loop(() => {
    f.get(k).get(ub).op(op.i64GeS).brIf(1);
    ok &&= iterations(1);
    advance(1);
    f.br(0);
  });
  // The touches' sum is stored after the rows, so that no compiler drops them as unused.
  f.get(rowsP).get(sink).mem(0x38, 2, iters.length * rowBytes);
  f.i32(0);
  if (!ok) return undefined;
  let run: LaneLoopKernel["run"];
  try {
    const bytes = writeModule({ laneLoop: f });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: arena().memory } });
    run = instance.exports.laneLoop as LaneLoopKernel["run"];
  } catch {
    return undefined;
  }
  return { scalars, memrefs, lanes, element, run };
}

function scalarOpSupported(o: Operation, constant: (op: Operation) => number | undefined): boolean {
  const kind = scalarKind(o.result(0).type)!;
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
