// Loop-nest glue for WebAssembly lane loops (wasm/lane-loop.ts): an scf.for with vector iter_args
// and no side effects runs as a SIMD kernel once the nest has done enough work in JavaScript to
// pay for copying the memrefs the kernel reads into the arena (once per nest run, and only when
// the nest writes none of their buffers); a kernel that bails leaves the JavaScript loop to run.
import type { Operation } from "../../ir/operation.ts";
import { ShapedValue } from "../values.ts";
import { IndexType } from "../../ir/types.ts";
import { constantValue } from "../constants.ts";
import { arena, span } from "../wasm/arena.ts";
import { compileLaneLoop, type LaneLoopKernel } from "../wasm/lane-loop.ts";
import type { NestEmitter } from "./nest-emitter.ts";

let enabled = true;
let nextKernel = 0;
/** How many lane-loop kernels have run to completion in this process (tests check they ran). */
export let laneLoopsRun = 0;

/** Turns lane-loop kernels on or off (tests compare both ways). */
export function setLaneLoops(on: boolean): void {
  enabled = on;
}

/** One nest's use of the arena during a run: which kernels' memrefs are copied in, and where. */
export class NestResidency {
  private written: readonly ShapedValue[] = [];
  private pending = 0;
  private state: "waiting" | "resident" | "off" = "waiting";
  private readonly addresses = new Map<ShapedValue, number>();
  private readonly rowAddress = new Map<number, number>();
  private wideRows: Float64Array | undefined;
  private narrowRows: Float32Array | undefined;

  /** At nest entry: `written` are the memrefs the nest stores into. */
  begin(written: readonly ShapedValue[]): void {
    this.written = written;
    this.pending = 0;
    this.state = enabled ? "waiting" : "off";
    this.addresses.clear();
    this.rowAddress.clear();
  }

  /**
   * The byte address of kernel `id`'s rows (`rowBytes` long) with its memrefs resident, or -1 to
   * run this call in JavaScript; `work` estimates the call's lane operations.
   */
  prepare(id: number, work: number, memrefs: readonly ShapedValue[], rowBytes: number): number {
    if (this.state === "off") return -1;
    if (this.state === "waiting") {
      this.pending += work;
      let elements = 0;
      const spans: [number, number][] = [];
      for (const m of memrefs) {
        const s = span(m.offset, m.shape, m.strides);
        if (s === undefined || !(m.data instanceof Float32Array || m.data instanceof Float64Array)) return this.off();
        if (this.written.some((w) => w.data.buffer === m.data.buffer)) return this.off();
        elements += s[1] - s[0] + 1;
        spans.push(s);
      }
      // Copying an element costs a few nanoseconds; a lane operation in JavaScript costs ten or
      // more (a fused multiply-add, a bounds check): the copy pays once the loops have done an
      // eighth as many.
      if (this.pending * 8 < elements) return -1;
      const memory = arena();
      memory.reset();
      for (const [i, m] of memrefs.entries()) {
        const at = memory.copyIn(m.data as Float32Array | Float64Array, ...spans[i]!);
        if (at === undefined) return this.off();
        this.addresses.set(m, at);
      }
      this.state = "resident";
    }
    for (const m of memrefs) if (!this.addresses.has(m)) return this.off();
    let rows = this.rowAddress.get(id);
    if (rows === undefined) {
      const at = arena().reserve(rowBytes);
      if (at === undefined) return this.off();
      this.rowAddress.set(id, (rows = at));
    }
    return rows;
  }

  address(m: ShapedValue): number {
    return this.addresses.get(m)!;
  }

  /** The arena as f64s or f32s (made again after the memory grows). */
  rows(wide: boolean): Float64Array | Float32Array {
    const buffer = arena().memory.buffer;
    if (wide) {
      if (this.wideRows === undefined || this.wideRows.buffer !== buffer) this.wideRows = new Float64Array(buffer);
      return this.wideRows;
    }
    if (this.narrowRows === undefined || this.narrowRows.buffer !== buffer) this.narrowRows = new Float32Array(buffer);
    return this.narrowRows;
  }

  ran(): void {
    laneLoopsRun++;
  }

  private off(): number {
    this.state = "off";
    return -1;
  }
}

/** Whether loop bounds (lo, hi, step) and index scalars are safe integers the kernel's i64s hold as JS does. */
function safeIndices(lo: number, hi: number, step: number, ...scalars: number[]): boolean {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || !Number.isSafeInteger(step) || !Number.isSafeInteger(hi + 8 * step)) return false;
  for (const x of scalars) if (!Number.isSafeInteger(x)) return false;
  return true;
}

/** A splat or scalar arith.constant's number, else undefined. */
function constantNumber(op: Operation, e: NestEmitter): number | undefined {
  if (op.name !== "arith.constant") return undefined;
  const attr = op.getAttr("value");
  if (attr === undefined) return undefined;
  try {
    const v = constantValue(attr, op.result(0).type, e.c.interp);
    if (typeof v === "number") return v;
    if (v instanceof ShapedValue && v.size > 0) {
      const first = v.data[v.offset] as number;
      if (typeof first !== "number") return undefined;
      // A splat is stored once (all strides 0) or repeated; anything else is not one number.
      if (v.strides.every((x) => x === 0)) return first;
      if (!v.isContiguous()) return undefined;
      for (let i = 0; i < v.size; i++) if (!Object.is(v.data[v.offset + i], first)) return undefined;
      return first;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * For an scf.for the kernel covers: emits the kernel call, assigning the loop's results to
 * `carried` (lanes flattened) on success; returns the name of the flag the JavaScript loop must
 * test (it runs when the kernel did not). Undefined when the loop is not a lane loop.
 */
export function laneLoopCall(op: Operation, e: NestEmitter, lo: string, hi: string, step: string, inits: readonly string[], carried: readonly string[]): string | undefined {
  if (!enabled || op.name !== "scf.for") return undefined;
  const kernel: LaneLoopKernel | undefined = compileLaneLoop(op, (o) => constantNumber(o, e));
  if (kernel === undefined) return undefined;
  const scalars = e.values(kernel.scalars);
  const memrefs = kernel.memrefs.map((m) => e.memref(m));
  if (scalars === undefined || memrefs.some((m) => m === undefined)) return undefined;
  const n = kernel.lanes;
  const vectors = carried.length / n;
  if (inits.length !== carried.length || !Number.isInteger(vectors)) return undefined;
  const residency = e.residency();
  const wide = kernel.element === "f64";
  const bytes = wide ? 8 : 4;
  const id = nextKernel++;
  const run = e.helper(kernel.run);
  const flag = e.fresh("w");
  const rows = e.fresh("rw");
  const at = e.fresh("ra");
  const names = memrefs.map((m) => m!.value);
  // The kernel holds indices as i64: bounds and index scalars must be exact integers, and the
  // last group of iterations must not pass 2^53.
  const indexScalars = scalars.filter((_, i) => kernel.scalars[i]!.type instanceof IndexType);
  const safe = e.helper(safeIndices);
  const args = [lo, hi, step, ...scalars, ...memrefs.flatMap((m) => [`${residency}.address(${m!.value})`, ...m!.strides, ...m!.sizes]), at];
  e.lines.push(
    `let ${flag} = false;`,
    `const ${at} = ${safe}(${[lo, hi, step, ...indexScalars].join(", ")}) ? ${residency}.prepare(${id}, (${hi} - ${lo}) / ${step} * ${n * vectors}, [${names.join(", ")}], ${carried.length * 8 + 16}) : -1;`,
    `if (${at} >= 0) {`,
    `const ${rows} = ${residency}.rows(${wide});`,
    ...inits.map((x, i) => `${rows}[${at} / ${bytes} + ${i}] = ${x};`),
    `if (${run}(${args.join(", ")}) === 0) {`,
    ...carried.map((c, i) => `${c} = ${rows}[${at} / ${bytes} + ${i}];`),
    `${flag} = true; ${residency}.ran();`,
    `}`,
    `}`,
  );
  return flag;
}
