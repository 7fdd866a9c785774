// Compiles a side-effect-free scf.for with f32/f64 vector iter_args (wasm/lane-loop-shape.ts) into
// a WebAssembly SIMD kernel. Lane l of every vector depends only on lane l of others, so the
// kernel runs the scalar parts of `unroll` iterations first, then sweeps the lanes 16 bytes at a
// time through those iterations' vector parts (each lane still in iteration order), keeping the
// vector iter_args in memory rows. Every op rounds as the interpreter's does: f32x4/f64x2 add,
// sub, mul and div are IEEE operations; f32 fma is the relaxed multiply-add, compiled only when it
// is fused here; f64 fma is a multiply then an add, as the interpreter computes it. A failed
// bounds check returns 1 and the caller runs the loop its own way (which then traps where the
// loop does).
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import type { MemRefType } from "../../ir/types.ts";
import { FunctionWriter, ValType, writeModule } from "./module-writer.ts";
import { arena } from "./arena.ts";
import { fusedMaddAvailable, relaxedMadd } from "./fused-madd.ts";
import { laneLoopShape, scalarBinary, scalarKind, vectorBinary, type LaneLoopShape, type ScalarKind } from "./lane-loop-shape.ts";

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
  memorySize: 0x3f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32LtU: 0x49,
  i32WrapI64: 0xa7,
  i32TruncF64S: 0xaa,
  i64Add: 0x7c,
  i64Mul: 0x7e,
  i64GeS: 0x59,
  i64GeU: 0x5a,
  i64Ne: 0x52,
  i64TruncF64S: 0xb0,
  f32DemoteF64: 0xb6,
  f32Add: 0x92,
  f32Load: 0x2a,
  f64Load: 0x2b,
  f32Store: 0x38,
} as const;
const v128 = { load: 0x00, store: 0x0b } as const;
/** SIMD opcodes by element type. */
const lanesOps = {
  f32: { splat: 0x13, add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7 },
  f64: { splat: 0x14, add: 0xf0, sub: 0xf1, mul: 0xf2, div: 0xf3 },
} as const;
const localType: Record<ScalarKind, ValType> = { index: ValType.i64, i32: ValType.i32, f32: ValType.f32, f64: ValType.f64 };

/** How a vector value of one iteration is read inside the lane sweep. */
type VectorSource =
  | { readonly kind: "splat" | "computed"; readonly local: number }
  | { readonly kind: "load"; readonly address: number; readonly local: number };

/** Iterations whose scalar parts run before one lane sweep. */
const unroll = 8;

/** The i64 locals of a memref's strides and sizes, and its address parameter. */
interface MemrefLocals {
  readonly address: number;
  readonly strides: number[];
  readonly sizes: number[];
}

/** Writes one loop's kernel function; `write` is false when some access cannot be compiled. */
class LaneLoopWriter {
  readonly f: FunctionWriter;
  private readonly s: LaneLoopShape;
  private readonly constant: (op: Operation) => number | undefined;
  private readonly wide: boolean;
  private readonly bytes: number;
  private readonly rowBytes: number;
  private readonly simd: (typeof lanesOps)["f32" | "f64"];
  private readonly params: { lb: number; ub: number; step: number; scalars: number[]; memrefs: { address: number; strides: number[]; sizes: number[] }[]; rows: number };
  private readonly outside = new Map<Value, number>();
  private memrefLocals: MemrefLocals[] = [];
  private readonly k: number;
  private readonly ub: number;
  private readonly step: number;
  private readonly chunk: number;
  private readonly delta: number;
  private readonly touch: number;
  private readonly sink: number;
  private readonly current: number[];
  private readonly ivLocals: number[];
  private readonly scalarLocals = new Map<Value, number[]>();
  private readonly sources = new Map<Value, VectorSource[]>();

  constructor(shape: LaneLoopShape, constant: (op: Operation) => number | undefined) {
    this.s = shape;
    this.constant = constant;
    this.wide = shape.element === "f64";
    this.bytes = this.wide ? 8 : 4;
    this.rowBytes = shape.lanes * this.bytes;
    this.simd = lanesOps[shape.element];
    const { f64, i32, i64 } = ValType;
    const memrefParams = shape.memrefs.flatMap((m) => [i32, ...(m.type as MemRefType).shape.flatMap(() => [f64, f64])]);
    const f = (this.f = new FunctionWriter([f64, f64, f64, ...shape.scalars.map(() => f64), ...memrefParams, i32], [i32]));
    let p = 0;
    const next = () => p++;
    this.params = {
      lb: next(),
      ub: next(),
      step: next(),
      scalars: shape.scalars.map(next),
      memrefs: shape.memrefs.map((m) => {
        const rank = (m.type as MemRefType).shape.length;
        return { address: next(), strides: Array.from({ length: rank }, next), sizes: Array.from({ length: rank }, next) };
      }),
      rows: next(),
    };
    this.k = f.local(i64);
    this.ub = f.local(i64);
    this.step = f.local(i64);
    this.chunk = f.local(i32);
    this.delta = f.local(i32);
    this.touch = f.local(i32);
    this.sink = f.local(ValType.f32);
    this.current = shape.iters.map(() => f.local(ValType.v128));
    this.ivLocals = Array.from({ length: unroll }, () => f.local(i64));
    for (const o of shape.scalarOps) this.scalarLocals.set(o.result(0), Array.from({ length: unroll }, () => f.local(localType[scalarKind(o.result(0).type)!])));
  }

  write(): boolean {
    const f = this.f;
    this.entry();
    // Groups of `unroll` iterations while that many remain, then one at a time.
    let ok = true;
    f.loop(() => {
      f.get(this.k).get(this.step).i64(unroll - 1).op(op.i64Mul).op(op.i64Add).get(this.ub).op(op.i64GeS).brIf(1);
      ok &&= this.iterations(unroll);
      f.get(this.k).get(this.step).i64(unroll).op(op.i64Mul).op(op.i64Add).set(this.k).br(0);
    });
    f.loop(() => {
      f.get(this.k).get(this.ub).op(op.i64GeS).brIf(1);
      ok &&= this.iterations(1);
      f.get(this.k).get(this.step).op(op.i64Add).set(this.k).br(0);
    });
    // The touches' sum is stored after the rows, so that no compiler drops them as unused.
    f.get(this.params.rows).get(this.sink).mem(op.f32Store, 2, this.s.iters.length * this.rowBytes);
    f.i32(0);
    return ok;
  }

  private bail(): void {
    this.f.when(() => this.f.i32(1).op(op.return));
  }

  /** Outside scalars into locals of their kind, strides and sizes into i64s, the loop bounds. */
  private entry(): void {
    const f = this.f;
    this.s.scalars.forEach((v, i) => {
      const kind = scalarKind(v.type)!;
      const l = f.local(localType[kind]);
      f.get(this.params.scalars[i]!);
      if (kind === "index") f.op(op.i64TruncF64S);
      else if (kind === "i32") f.op(op.i32TruncF64S);
      else if (kind === "f32") f.op(op.f32DemoteF64);
      f.set(l);
      this.outside.set(v, l);
    });
    const toI64 = (p: number) => {
      const l = f.local(ValType.i64);
      f.get(p).op(op.i64TruncF64S).set(l);
      return l;
    };
    this.memrefLocals = this.params.memrefs.map((m) => ({ address: m.address, strides: m.strides.map(toI64), sizes: m.sizes.map(toI64) }));
    // Vector loads need unit stride along their last dimension.
    for (const o of this.s.vectorOps) {
      if (o.name !== "vector.load") continue;
      const m = this.memrefOf(o.operand(0));
      f.get(m.strides[m.strides.length - 1]!).i64(1).op(op.i64Ne);
      this.bail();
    }
    f.get(this.params.lb).op(op.i64TruncF64S).set(this.k);
    f.get(this.params.ub).op(op.i64TruncF64S).set(this.ub);
    f.get(this.params.step).op(op.i64TruncF64S).set(this.step);
  }

  private memrefOf(v: Value): MemrefLocals {
    return this.memrefLocals[this.s.memrefs.indexOf(v)]!;
  }

  /** Pushes scalar `v` of iteration u. */
  private scalar(v: Value, u: number): void {
    if (v === this.s.iv) this.f.get(this.ivLocals[u]!);
    else if (this.outside.has(v)) this.f.get(this.outside.get(v)!);
    else this.f.get(this.scalarLocals.get(v)![u]!);
  }

  /** Bounds checks of an access of `extent` elements along the last index, then its byte address in a new local. */
  private access(o: Operation, firstIndex: number, u: number, extent: number, bytes: number): number | undefined {
    const f = this.f;
    const m = this.memrefOf(o.operand(0));
    const indices = o.operands.slice(firstIndex).map((x) => x.value);
    if (indices.length !== m.sizes.length) return undefined;
    indices.forEach((x, d) => {
      // Unsigned: a negative index is out of range too.
      this.scalar(x, u);
      f.get(m.sizes[d]!).op(op.i64GeU);
      this.bail();
      if (d === indices.length - 1 && extent > 1) {
        this.scalar(x, u);
        f.i64(extent - 1).op(op.i64Add).get(m.sizes[d]!).op(op.i64GeU);
        this.bail();
      }
    });
    const at = f.local(ValType.i32);
    f.i64(0);
    indices.forEach((x, d) => {
      this.scalar(x, u);
      f.get(m.strides[d]!).op(op.i64Mul).op(op.i64Add);
    });
    f.op(op.i32WrapI64).i32(Math.log2(bytes)).op(op.i32Shl).get(m.address).op(op.i32Add).set(at);
    return at;
  }

  /** The scalar part of iteration u: scalar ops, then splats and load addresses of vector ops. */
  private scalarPart(u: number): boolean {
    const f = this.f;
    for (const o of this.s.ops) {
      const r = o.result(0);
      const kind = scalarKind(r.type)!;
      if (this.s.scalarOps.has(o)) {
        if (o.name === "arith.constant") {
          const x = this.constant(o)!;
          if (kind === "index") f.i64(x);
          else if (kind === "i32") f.i32(x);
          else f.float(kind, x);
        } else if (o.name === "memref.load") {
          const at = this.access(o, 1, u, 1, kind === "f32" ? 4 : 8);
          if (at === undefined) return false;
          f.get(at).mem(kind === "f32" ? op.f32Load : op.f64Load, kind === "f32" ? 2 : 3);
        } else {
          this.scalar(o.operand(0), u);
          this.scalar(o.operand(1), u);
          f.op(scalarBinary[o.name]![kind]!);
        }
        f.set(this.scalarLocals.get(r)![u]!);
        continue;
      }
      let list = this.sources.get(r);
      if (list === undefined) this.sources.set(r, (list = []));
      if (o.name === "vector.broadcast" || o.name === "vector.splat" || o.name === "arith.constant") {
        const l = f.local(ValType.v128);
        if (o.name === "arith.constant") f.float(this.s.element, this.constant(o)!);
        else this.scalar(o.operand(0), u);
        f.simd(this.simd.splat).set(l);
        list[u] = { kind: "splat", local: l };
      } else if (o.name === "vector.load") {
        const at = this.access(o, 1, u, this.s.lanes, this.bytes);
        if (at === undefined) return false;
        list[u] = { kind: "load", address: at, local: f.local(ValType.v128) };
      } else list[u] = { kind: "computed", local: f.local(ValType.v128) };
    }
    return true;
  }

  /** Pushes the current chunk of vector `v` in iteration u. */
  private lanesOf(v: Value, u: number): void {
    const i = this.s.iters.indexOf(v);
    this.f.get(i >= 0 ? this.current[i]! : this.sources.get(v)![u]!.local);
  }

  /** The vector part of iteration u on the current chunk; the yield updates `current`. */
  private vectorPart(u: number): void {
    const f = this.f;
    // Each loaded vector's chunk is read once, before the ops that use it.
    for (const o of this.s.vectorOps) {
      const src = this.sources.get(o.result(0))![u]!;
      if (src.kind === "load") f.get(src.address).get(this.chunk).op(op.i32Add).simd(v128.load, { align: 4 }).set(src.local);
    }
    for (const o of this.s.vectorOps) {
      const src = this.sources.get(o.result(0))![u]!;
      if (src.kind !== "computed") continue;
      this.lanesOf(o.operand(0), u);
      this.lanesOf(o.operand(1), u);
      if (o.name !== "vector.fma") f.simd(this.simd[vectorBinary[o.name]!]);
      else if (this.wide) {
        f.simd(this.simd.mul);
        this.lanesOf(o.operand(2), u);
        f.simd(this.simd.add);
      } else {
        this.lanesOf(o.operand(2), u);
        f.simd(relaxedMadd);
      }
      f.set(src.local);
    }
    // Parallel assignment of the yielded chunks to the iter_args.
    this.s.yielded.forEach((y) => this.lanesOf(y, u));
    for (let i = this.current.length - 1; i >= 0; i--) f.set(this.current[i]!);
  }

  /**
   * Touches the lines the next `n` iterations' vector loads will read (a load's address moves by
   * the same amount per iteration when its indices are affine in the induction variable): their
   * cache misses then overlap this sweep instead of stalling the next one. A touch is a plain
   * read, made only inside the memory.
   */
  private touchAhead(n: number): void {
    const f = this.f;
    for (const o of this.s.vectorOps) {
      const list = this.sources.get(o.result(0))!;
      const [first, second] = list as [VectorSource, VectorSource];
      if (first.kind !== "load" || second.kind !== "load") continue;
      f.get(second.address).get(first.address).op(op.i32Sub).i32(n).op(op.i32Mul).set(this.delta);
      for (let u = 0; u < n; u++) {
        const src = list[u] as { address: number };
        for (const lane of [0, this.s.lanes - 1]) {
          f.get(src.address).get(this.delta).op(op.i32Add).i32(lane * this.bytes).op(op.i32Add).tee(this.touch);
          f.emit(op.memorySize, 0x00).i32(16).op(op.i32Shl).i32(16).op(op.i32Sub).op(op.i32LtU);
          f.when(() => f.get(this.sink).get(this.touch).mem(op.f32Load, 2).op(op.f32Add).set(this.sink));
        }
      }
    }
  }

  /** `n` iterations from k (all in range): their scalar parts, then one sweep over the lanes. */
  private iterations(n: number): boolean {
    const f = this.f;
    for (let u = 0; u < n; u++) {
      f.get(this.k);
      if (u > 0) f.get(this.step).i64(u).op(op.i64Mul).op(op.i64Add);
      f.set(this.ivLocals[u]!);
      if (!this.scalarPart(u)) return false;
    }
    if (n > 1) this.touchAhead(n);
    const rows = this.params.rows;
    f.i32(0).set(this.chunk);
    f.loop(() => {
      this.current.forEach((c, i) => f.get(rows).get(this.chunk).op(op.i32Add).simd(v128.load, { align: 4, offset: i * this.rowBytes }).set(c));
      for (let u = 0; u < n; u++) this.vectorPart(u);
      this.current.forEach((c, i) => f.get(rows).get(this.chunk).op(op.i32Add).get(c).simd(v128.store, { align: 4, offset: i * this.rowBytes }));
      f.get(this.chunk).i32(16).op(op.i32Add).tee(this.chunk).i32(this.rowBytes).op(op.i32LtU).brIf(0);
    });
    return true;
  }
}

/**
 * The kernel of `loop`, or undefined when the kernels do not cover it; `constant` gives an
 * arith.constant's number (one number for a splat vector constant).
 */
export function compileLaneLoop(loop: Operation, constant: (op: Operation) => number | undefined): LaneLoopKernel | undefined {
  const shape = laneLoopShape(loop, constant, fusedMaddAvailable);
  if (shape === undefined) return undefined;
  const writer = new LaneLoopWriter(shape, constant);
  if (!writer.write()) return undefined;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(writeModule({ laneLoop: writer.f })), { env: { memory: arena().memory } });
    const { scalars, memrefs, lanes, element } = shape;
    return { scalars, memrefs, lanes, element, run: instance.exports.laneLoop as LaneLoopKernel["run"] };
  } catch {
    return undefined;
  }
}
