// Loop-nest code for element accesses: memref.load/store, affine.load/store (indices through the
// op's map) and memref.dim, bounds-checked like ops/access.ts with the same diagnostics.
import type { Operation } from "../../ir/operation.ts";
import { AffineMapAttr, IntegerAttr } from "../../ir/attributes.ts";
import { affineMapExprs } from "./affine-code.ts";
import { defineNestOps, type MemrefNames, type NestEmitter } from "./nest-emitter.ts";

/**
 * Emits the index computation and bounds check of an access to `m` by index expressions `idx`;
 * returns the expression of the buffer position.
 */
function position(e: NestEmitter, op: Operation, m: MemrefNames, idx: readonly string[]): string | undefined {
  if (idx.length !== m.sizes.length) return undefined;
  const names = idx.map((x) => {
    if (/^[A-Za-z_$][\w$]*$/.test(x)) return x;
    const t = e.fresh("x");
    e.lines.push(`const ${t} = ${x};`);
    return t;
  });
  if (names.length > 0) {
    const inBounds = names.map((x, d) => `${x} >= 0 && ${x} < ${m.sizes[d]}`).join(" && ");
    e.lines.push(`if (!(${inBounds})) outOfBounds(ops[${e.opIndex(op)}], ${m.value}, [${names.join(", ")}], "${op.name}");`);
  }
  return [m.offset, ...names.map((x, d) => `${x} * ${m.strides[d]}`)].join(" + ");
}

function affineIndices(e: NestEmitter, op: Operation, first: number): string[] | undefined {
  const map = op.getAttr("map");
  if (!(map instanceof AffineMapAttr)) return undefined;
  const operands = e.values(op.operands.slice(first).map((o) => o.value));
  return operands && affineMapExprs(map.map, operands);
}

function load(op: Operation, e: NestEmitter, idx: string[] | undefined): boolean {
  const m = e.memref(op.operand(0));
  if (m === undefined || idx === undefined) return false;
  const at = position(e, op, m, idx);
  if (at === undefined) return false;
  const out = e.fresh();
  e.lines.push(`const ${out} = ${m.data}[${at}];`);
  e.define(op.result(0), out);
  return true;
}

function store(op: Operation, e: NestEmitter, idx: string[] | undefined): boolean {
  const v = e.value(op.operand(0));
  const m = e.memref(op.operand(1));
  if (v === undefined || m === undefined || idx === undefined) return false;
  const at = position(e, op, m, idx);
  if (at === undefined) return false;
  e.lines.push(`${m.data}[${at}] = ${v};`);
  return true;
}

defineNestOps({
  "memref.load": (op, e) => load(op, e, e.values(op.operands.slice(1).map((o) => o.value))),
  "memref.store": (op, e) => store(op, e, e.values(op.operands.slice(2).map((o) => o.value))),
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
