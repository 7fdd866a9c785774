// Loop-nest code for element accesses: memref.load/store, affine.load/store (indices through the
// op's map) and memref.dim, bounds-checked like ops/access.ts with the same diagnostics.
import type { Operation } from "../../ir/operation.ts";
import { AffineMapAttr, IntegerAttr } from "../../ir/attributes.ts";
import { affineMapExprs, affineRange, type Range } from "./affine-code.ts";
import { defineNestOps, type MemrefNames, type NestEmitter } from "./nest-emitter.ts";

/** Index expressions with their ranges (undefined where unknown). */
interface Indices {
  readonly exprs: string[];
  readonly ranges: (Range | undefined)[];
}

/**
 * Emits the index computation and bounds check of an access to `m`; returns the expression of
 * the buffer position. When every index has a known range, the check is a ProvenCheck whose proof
 * (all of the ranges inside the sizes) is evaluated once at entry.
 */
function position(e: NestEmitter, op: Operation, m: MemrefNames, { exprs: idx, ranges }: Indices): string | undefined {
  if (idx.length !== m.sizes.length) return undefined;
  const names = idx.map((x) => {
    if (/^[A-Za-z_$][\w$]*$/.test(x)) return x;
    const t = e.fresh("x");
    e.lines.push(`const ${t} = ${x};`);
    return t;
  });
  if (names.length > 0) {
    const inBounds = names.map((x, d) => `${x} >= 0 && ${x} < ${m.sizes[d]}`).join(" && ");
    const check = `if (!(${inBounds})) outOfBounds(ops[${e.opIndex(op)}], ${m.value}, [${names.join(", ")}], "${op.name}");`;
    if (ranges.every((r) => r !== undefined)) {
      e.proofs.push(ranges.map((r, d) => `${r!.lo} >= 0 && ${r!.hi} < ${m.sizes[d]}`).join(" && "));
      e.lines.push({ check });
    } else e.lines.push(check);
  }
  return [m.offset, ...names.map((x, d) => `${x} * ${m.strides[d]}`)].join(" + ");
}

function affineIndices(e: NestEmitter, op: Operation, first: number): Indices | undefined {
  const attr = op.getAttr("map");
  if (!(attr instanceof AffineMapAttr)) return undefined;
  const operands = e.values(op.operands.slice(first).map((o) => o.value));
  if (operands === undefined) return undefined;
  const map = attr.map;
  const rs = operands.map((x) => e.range(x));
  const dims = rs.slice(0, map.numDims);
  const syms = rs.slice(map.numDims);
  return { exprs: affineMapExprs(map, operands), ranges: map.results.map((x) => affineRange(x, dims, syms)) };
}

function plainIndices(e: NestEmitter, op: Operation, first: number): Indices | undefined {
  const exprs = e.values(op.operands.slice(first).map((o) => o.value));
  return exprs && { exprs, ranges: exprs.map((x) => e.range(x)) };
}

function load(op: Operation, e: NestEmitter, idx: Indices | undefined): boolean {
  const m = e.memref(op.operand(0));
  if (m === undefined || idx === undefined) return false;
  const at = position(e, op, m, idx);
  if (at === undefined) return false;
  const out = e.fresh();
  e.lines.push(`const ${out} = ${m.data}[${at}];`);
  e.define(op.result(0), out);
  return true;
}

function store(op: Operation, e: NestEmitter, idx: Indices | undefined): boolean {
  const v = e.value(op.operand(0));
  const m = e.memref(op.operand(1));
  if (v === undefined || m === undefined || idx === undefined) return false;
  const at = position(e, op, m, idx);
  if (at === undefined) return false;
  e.written.add(m.value);
  e.lines.push(`${m.data}[${at}] = ${v};`);
  return true;
}

defineNestOps({
  "memref.load": (op, e) => load(op, e, plainIndices(e, op, 1)),
  "memref.store": (op, e) => store(op, e, plainIndices(e, op, 2)),
  "affine.load": (op, e) => load(op, e, affineIndices(e, op, 1)),
  "affine.store": (op, e) => store(op, e, affineIndices(e, op, 2)),
  "memref.dim": (op, e) => {
    const m = e.memref(op.operand(0));
    const d = e.value(op.operand(1));
    if (m === undefined || d === undefined) return false;
    const index = op.operand(1).definingOp?.getAttr("value");
    const out = e.fresh();
    if (index instanceof IntegerAttr && m.sizes[Number(index.value)] !== undefined) e.lines.push(`const ${out} = ${m.sizes[Number(index.value)]};`);
    else return false;
    e.define(op.result(0), out);
    return true;
  },
});
