// Semantics of memref.dma_start / dma_wait as a synchronous copy: dma_start moves num_elements
// elements in row-major order from the source position to the destination position at once (in
// chunks of elements_per_stride, `stride` apart on the slower, lower-numbered memory space, when
// strided); the tag element is checked but untouched, so dma_wait only validates its operands.
import type { Operation } from "../../ir/operation.ts";
import { MemRefType, ShapedType } from "../../ir/types.ts";
import { defineSemantics } from "../semantics.ts";
import { ShapedValue, type RuntimeValue } from "../values.ts";
import { offsetOf, shapedArg, slotFns, type IndexFn } from "./access.ts";
import { intAttr } from "./attr-helpers.ts";
import type { Scalar } from "./elementwise.ts";
import { trap } from "../trap.ts";

interface Side {
  readonly mem: number;
  readonly idx: IndexFn[];
}

function rankOf(op: Operation, i: number): number {
  const t = op.operand(i).type;
  return t instanceof ShapedType ? (t.rank ?? 0) : 0;
}

function memorySpace(op: Operation, i: number): number {
  const t = op.operand(i).type;
  return t instanceof MemRefType ? intAttr(t.memorySpace, 0) : 0;
}

/** The buffer offset of the element `linear` places after `start` in row-major order. */
function offsetAfter(m: ShapedValue, start: number[], linear: number, what: string): number {
  let at = m.offset;
  let carry = linear;
  for (let d = m.rank - 1; d >= 0; d--) {
    const n = m.shape[d]!;
    const i = start[d]! + carry;
    carry = Math.floor(i / n);
    at += (i - carry * n) * m.strides[d]!;
  }
  if (carry !== 0) trap("PRR6002", `out-of-bounds ${what}: element ${linear} after [${start.join(", ")}] is past the end of shape [${m.shape.join("x")}]`);
  return at;
}

/** The start indices, bounds-checked (and the memref live). */
function startOf(regs: RuntimeValue[], s: Side, what: string): { m: ShapedValue; start: number[] } {
  const m = shapedArg(regs[s.mem], what);
  offsetOf(m, s.idx, regs, what);
  return { m, start: s.idx.map((f) => f(regs)) };
}

/** Buffer offsets of the `n` transferred elements on one side (strided: chunks `stride` apart). */
function offsets(m: ShapedValue, start: number[], n: number, chunk: number, stride: number, what: string): number[] {
  const out: number[] = [];
  for (let e = 0; e < n; e++) out.push(offsetAfter(m, start, chunk > 0 ? Math.floor(e / chunk) * stride + (e % chunk) : e, what));
  return out;
}

/** Overlapping source and destination bytes are undefined behaviour (MLIR's dma_start doc). */
function checkOverlap(a: ShapedValue, ao: number[], b: ShapedValue, bo: number[]): void {
  if (a.data.buffer !== b.data.buffer) return;
  const bytes = (m: ShapedValue, o: number) => m.data.byteOffset + o * m.data.BYTES_PER_ELEMENT;
  const src = new Set<number>();
  for (const o of ao) for (let k = 0; k < a.data.BYTES_PER_ELEMENT; k++) src.add(bytes(a, o) + k);
  for (const o of bo)
    for (let k = 0; k < b.data.BYTES_PER_ELEMENT; k++)
      if (src.has(bytes(b, o) + k)) trap("PRR6001", "memref.dma_start with overlapping source and destination");
}

defineSemantics({
  // dma_start %src[si], %dst[di], %n, %tag[ti] (, %stride, %perStride)?
  "memref.dma_start": (op, c) => {
    const all = c.operandSlots(op);
    const sr = rankOf(op, 0);
    const dr = rankOf(op, 1 + sr);
    const tr = rankOf(op, 3 + sr + dr);
    const src: Side = { mem: all[0]!, idx: slotFns(all.slice(1, 1 + sr)) };
    const dst: Side = { mem: all[1 + sr]!, idx: slotFns(all.slice(2 + sr, 2 + sr + dr)) };
    const num = all[2 + sr + dr]!;
    const tag: Side = { mem: all[3 + sr + dr]!, idx: slotFns(all.slice(4 + sr + dr, 4 + sr + dr + tr)) };
    const strided = all.slice(4 + sr + dr + tr);
    const stridedSide = memorySpace(op, 0) <= memorySpace(op, 1 + sr) ? "src" : "dst";
    return (regs) => {
      const s = startOf(regs, src, "memref.dma_start source");
      const d = startOf(regs, dst, "memref.dma_start destination");
      startOf(regs, tag, "memref.dma_start tag");
      const n = regs[num] as number;
      if (n < 0) trap("PRR6001", `memref.dma_start of ${n} elements`);
      const stride = strided.length === 2 ? (regs[strided[0]!] as number) : 0;
      const chunk = strided.length === 2 ? (regs[strided[1]!] as number) : 0;
      if (strided.length === 2 && !(chunk > 0 && stride >= chunk)) trap("PRR6001", `memref.dma_start with stride ${stride} and ${chunk} elements per stride`);
      const so = offsets(s.m, s.start, n, stridedSide === "src" ? chunk : 0, stride, "memref.dma_start source");
      const dO = offsets(d.m, d.start, n, stridedSide === "dst" ? chunk : 0, stride, "memref.dma_start destination");
      checkOverlap(s.m, so, d.m, dO);
      const sd = s.m.data as unknown as Scalar[];
      const dd = d.m.data as unknown as Scalar[];
      for (let e = 0; e < n; e++) dd[dO[e]!] = sd[so[e]!]!;
    };
  },
  // dma_wait %tag[ti], %n: the transfer already happened; the tag must still be a live, in-bounds element.
  "memref.dma_wait": (op, c) => {
    const [mem, ...rest] = c.operandSlots(op) as [number, ...number[]];
    const tag: Side = { mem, idx: slotFns(rest.slice(0, -1)) };
    return (regs) => {
      startOf(regs, tag, "memref.dma_wait tag");
    };
  },
});
