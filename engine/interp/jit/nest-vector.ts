// Loop-nest code for small fixed vectors held lane by lane: broadcast/splat of a scalar, fma, and
// 1-D vector.load/store (out-of-bounds accesses run the closures' own load/store, which trap).
import type { Operation } from "../../ir/operation.ts";
import type { VectorType } from "../../ir/types.ts";
import { kindOf } from "../elements.ts";
import { wrap } from "../values.ts";
import { fmaOf } from "../fma.ts";
import { loadVector, storeVector } from "../ops/vector-memory.ts";
import { defineNestOps, laneCount, type NestEmitter } from "./nest-emitter.ts";
import type { Range } from "./affine-code.ts";

function splat(op: Operation, e: NestEmitter): boolean {
  const n = laneCount(op.result(0).type);
  const src = op.operand(0);
  if (n === undefined || kindOf(src.type) === undefined) return false;
  const x = e.value(src);
  if (x === undefined) return false;
  e.defineLanes(op.result(0), Array.from({ length: n }, () => x));
  return true;
}

/**
 * The position of a 1-D vector access of `n` lanes at indices `idx` into `m`, after a check of
 * its first and last lane; a failing check runs `slow` (the closures' access, which traps).
 */
function vectorPosition(e: NestEmitter, op: Operation, memref: number, first: number, n: number, slow: string): string | undefined {
  const m = e.memref(op.operand(memref));
  const idx = e.values(op.operands.slice(first).map((o) => o.value));
  if (m === undefined || idx === undefined || idx.length !== m.sizes.length || idx.length === 0) return undefined;
  const last = idx.length - 1;
  const inBounds = [...idx.map((x, d) => `${x} >= 0 && ${x} < ${m.sizes[d]}`), `${idx[last]} + ${n - 1} < ${m.sizes[last]}`].join(" && ");
  const check = `if (!(${inBounds})) ${slow}`;
  const ranges = idx.map((x) => e.range(x));
  if (ranges.every((r) => r !== undefined)) {
    const rs = ranges as Range[];
    e.proofs.push([...rs.map((r, d) => `${r.lo} >= 0 && ${r.hi} < ${m.sizes[d]}`), `${rs[last]!.hi} + ${n - 1} < ${m.sizes[last]}`].join(" && "));
    e.lines.push({ check });
  } else e.lines.push(check);
  return [m.offset, ...idx.map((x, d) => `${x} * ${m.strides[d]}`)].join(" + ");
}

defineNestOps({
  "vector.broadcast": splat,
  "vector.splat": splat,
  "vector.fma": (op, e) => {
    const t = op.result(0).type as VectorType;
    const n = laneCount(t);
    const k = kindOf(t.elementType);
    const [a, b, c] = op.operands.map((o) => e.lanes(o.value));
    if (n === undefined || k === undefined || !k.isFloat || a === undefined || b === undefined || c === undefined) return false;
    const fma = k.name === "f64" ? undefined : e.helper(fmaOf(k));
    const lanes = a.map((x, i) => {
      const out = e.fresh();
      e.lines.push(`const ${out} = ${fma === undefined ? `${x} * ${b[i]} + ${c[i]}` : `${fma}(${x}, ${b[i]}, ${c[i]})`};`);
      return out;
    });
    e.defineLanes(op.result(0), lanes);
    return true;
  },
  "vector.load": (op, e) => {
    const t = op.result(0).type as VectorType;
    const n = laneCount(t);
    if (n === undefined || t.shape.length !== 1) return false;
    const m = e.memref(op.operand(0));
    const idx = e.values(op.operands.slice(1).map((o) => o.value));
    if (m === undefined || idx === undefined) return false;
    const load = e.helper(loadVector);
    const slow = `try { ${load}(${m.value}, [${idx.join(", ")}], [${n}], "vector.load"); } catch (x) { throw atOp(x, ops[${e.opIndex(op)}]); }`;
    const at = vectorPosition(e, op, 0, 1, n, slow);
    if (at === undefined) return false;
    const base = e.fresh("p");
    const step = m.strides[m.strides.length - 1]!;
    e.lines.push(`const ${base} = ${at};`);
    const lanes = Array.from({ length: n }, (_, i) => {
      const out = e.fresh();
      e.lines.push(`const ${out} = ${m.data}[${base} + ${i} * ${step}];`);
      return out;
    });
    e.defineLanes(op.result(0), lanes);
    return true;
  },
  "vector.store": (op, e) => {
    const t = op.operand(0).type as VectorType;
    const n = laneCount(t);
    const k = kindOf(t.elementType);
    if (n === undefined || k === undefined || t.shape.length !== 1) return false;
    const lanes = e.lanes(op.operand(0));
    const m = e.memref(op.operand(1));
    const idx = e.values(op.operands.slice(2).map((o) => o.value));
    if (lanes === undefined || m === undefined || idx === undefined) return false;
    // The closures' store writes the lanes in bounds, then traps at the first one outside.
    const store = e.helper((values: (number | bigint)[], memref: never, base: number[]) => {
      const data = k.alloc(n) as unknown as (number | bigint)[];
      values.forEach((x, i) => (data[i] = x));
      storeVector(wrap(k, data as never, t.shape), memref, base, "vector.store");
    });
    const slow = `try { ${store}([${lanes.join(", ")}], ${m.value}, [${idx.join(", ")}]); } catch (x) { throw atOp(x, ops[${e.opIndex(op)}]); }`;
    const at = vectorPosition(e, op, 1, 2, n, slow);
    if (at === undefined) return false;
    const base = e.fresh("p");
    const step = m.strides[m.strides.length - 1]!;
    e.written.add(m.value);
    e.lines.push(`const ${base} = ${at};`, ...lanes.map((x, i) => `${m.data}[${base} + ${i} * ${step}] = ${x};`));
    return true;
  },
});
