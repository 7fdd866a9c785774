// Semantics of vector memory ops: load/store (the vector covers the trailing dimensions at the
// indices), masked load/store, transfer_read/write with padding and in_bounds; bounds are checked.
import type { Operation } from "../../ir/operation.ts";
import { AffineMapAttr, ArrayAttr, BoolAttrLike } from "./attr-helpers.ts";
import type { VectorType } from "../../ir/types.ts";
import { defineSemantics } from "../semantics.ts";
import { allocate, ShapedValue, product, type RuntimeValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { trap } from "../trap.ts";
import { elementKind } from "../constants.ts";

type Elements = { [i: number]: number | bigint };

/** Offset of `idx` (full rank), bounds-checked against the view. */
function at(m: ShapedValue, idx: readonly number[], what: string): number {
  let o = m.offset;
  for (let d = 0; d < idx.length; d++) {
    const i = idx[d]!;
    if (!(i >= 0 && i < m.shape[d]!))
      trap("PRR6002", `out-of-bounds ${what}: index [${idx.join(", ")}] into shape [${m.shape.join("x")}]`);
    o += i * m.strides[d]!;
  }
  return o;
}

/** Calls f(k, idx) for each vector element k with the memory index it touches. */
function eachLane(base: readonly number[], vshape: readonly number[], f: (k: number, idx: number[]) => void): void {
  const n = product(vshape);
  const r = base.length;
  const vr = vshape.length;
  const idx = [...base];
  const lane = new Array<number>(vr).fill(0);
  for (let k = 0; k < n; k++) {
    for (let d = 0; d < vr; d++) idx[r - vr + d] = base[r - vr + d]! + lane[d]!;
    f(k, idx);
    for (let d = vr - 1; d >= 0; d--) {
      if (++lane[d]! < vshape[d]!) break;
      lane[d] = 0;
    }
  }
}

export function loadVector(m: ShapedValue, base: readonly number[], vshape: readonly number[], what: string): ShapedValue {
  const out = allocate(m.kind, vshape);
  const dst = out.data as unknown as Elements;
  const src = m.data as unknown as Elements;
  // Fast path: one contiguous run along the innermost dimension.
  if (vshape.length === 1 && m.strides[m.rank - 1] === 1) {
    const n = vshape[0]!;
    const start = at(m, base, what);
    const last = [...base];
    last[last.length - 1]! += n - 1;
    if (n > 0) at(m, last, what);
    for (let k = 0; k < n; k++) dst[k] = src[start + k]!;
    return out;
  }
  eachLane(base, vshape, (k, idx) => {
    dst[k] = src[at(m, idx, what)]!;
  });
  return out;
}

export function storeVector(v: RuntimeValue, m: ShapedValue, base: readonly number[], what: string, mask?: ShapedValue): void {
  if (!(v instanceof ShapedValue)) return trap("PRR6001", `${what}: expected a vector value`);
  const src = v.data as unknown as Elements;
  const dst = m.data as unknown as Elements;
  const bits = mask?.data;
  eachLane(base, v.shape, (k, idx) => {
    if (bits !== undefined && !bits[mask!.offset + k]) return;
    dst[at(m, idx, what)] = src[v.offset + k]!;
  });
}

function maskedLoad(m: ShapedValue, base: readonly number[], mask: ShapedValue, pass: ShapedValue, what: string): ShapedValue {
  const out = allocate(m.kind, pass.shape);
  const dst = out.data as unknown as Elements;
  const src = m.data as unknown as Elements;
  const ps = pass.data as unknown as Elements;
  const bits = mask.data;
  eachLane(base, pass.shape, (k, idx) => {
    dst[k] = bits[mask.offset + k] ? src[at(m, idx, what)]! : ps[pass.offset + k]!;
  });
  return out;
}

function indicesFrom(regs: RuntimeValue[], slots: readonly number[]): number[] {
  return slots.map((s) => regs[s] as number);
}

/** transfer_read: out-of-bounds lanes (allowed unless in_bounds) read the padding value. */
function transferRead(op: Operation) {
  const map = op.getAttr("permutation_map");
  const inBounds = op.getAttr("in_bounds");
  return { map: map instanceof AffineMapAttr ? map.map : undefined, inBounds: inBounds instanceof ArrayAttr ? inBounds.elements.map(BoolAttrLike) : [] };
}

defineSemantics({
  "vector.load": (op, c) => {
    const [mem, ...idx] = c.operandSlots(op) as [number, ...number[]];
    const out = c.slot(op.result(0));
    const shape = (op.result(0).type as VectorType).shape;
    return (regs) => {
      regs[out] = loadVector(shapedArg(regs[mem], "vector.load"), indicesFrom(regs, idx), shape, "vector.load");
    };
  },
  "vector.store": (op, c) => {
    const [value, mem, ...idx] = c.operandSlots(op) as [number, number, ...number[]];
    return (regs) => {
      storeVector(regs[value], shapedArg(regs[mem], "vector.store"), indicesFrom(regs, idx), "vector.store");
    };
  },
  "vector.maskedload": (op, c) => {
    const all = c.operandSlots(op);
    const mem = all[0]!;
    const idx = all.slice(1, -2);
    const [mask, pass] = all.slice(-2) as [number, number];
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = maskedLoad(shapedArg(regs[mem], "vector.maskedload"), indicesFrom(regs, idx), regs[mask] as ShapedValue, regs[pass] as ShapedValue, "vector.maskedload");
    };
  },
  "vector.maskedstore": (op, c) => {
    const all = c.operandSlots(op);
    const mem = all[0]!;
    const idx = all.slice(1, -2);
    const [mask, value] = all.slice(-2) as [number, number];
    return (regs) => {
      storeVector(regs[value], shapedArg(regs[mem], "vector.maskedstore"), indicesFrom(regs, idx), "vector.maskedstore", regs[mask] as ShapedValue);
    };
  },
  "vector.transfer_read": (op, c) => {
    const groups = c.operandGroups(op);
    const [[mem], idx, [pad], maskG] = groups as [[number], number[], [number], number[] | undefined];
    const mask = maskG?.[0];
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    const { map, inBounds } = transferRead(op);
    const k = elementKind(vt);
    return (regs) => {
      const m = shapedArg(regs[mem], "vector.transfer_read");
      const base = indicesFrom(regs, idx);
      const res = allocate(k, vt.shape);
      const dst = res.data as unknown as Elements;
      const src = m.data as unknown as Elements;
      const mk = mask === undefined ? undefined : (regs[mask] as ShapedValue);
      const dims = map ? map.results.map((e) => (e.kind === "dim" ? e.position : -1)) : vt.shape.map((_, i) => base.length - vt.shape.length + i);
      const lane = new Array<number>(vt.shape.length).fill(0);
      const n = res.size;
      for (let q = 0; q < n; q++) {
        const pos = [...base];
        let inside = true;
        for (let d = 0; d < dims.length; d++) {
          if (dims[d]! < 0) continue; // broadcast dimension
          pos[dims[d]!]! += lane[d]!;
          if (pos[dims[d]!]! >= m.shape[dims[d]!]!) {
            if (inBounds[d]) trap("PRR6002", `out-of-bounds vector.transfer_read declared in_bounds at [${pos.join(", ")}]`);
            inside = false;
          }
        }
        const active = mk === undefined || mk.data[mk.offset + q];
        dst[q] = inside && active ? src[at(m, pos, "vector.transfer_read")]! : (regs[pad] as number);
        for (let d = lane.length - 1; d >= 0; d--) {
          if (++lane[d]! < vt.shape[d]!) break;
          lane[d] = 0;
        }
      }
      regs[out] = res;
    };
  },
  "vector.transfer_write": (op, c) => {
    const groups = c.operandGroups(op);
    const [[value], [mem], idx, maskG] = groups as [[number], [number], number[], number[] | undefined];
    const mask = maskG?.[0];
    const { map } = transferRead(op);
    const isTensor = op.results.length > 0;
    const out = isTensor ? c.slot(op.result(0)) : -1;
    return (regs) => {
      let m = shapedArg(regs[mem], "vector.transfer_write");
      if (isTensor) m = allocateCopy(m);
      const v = regs[value] as ShapedValue;
      const base = indicesFrom(regs, idx);
      const dims = map ? map.results.map((e) => (e.kind === "dim" ? e.position : -1)) : v.shape.map((_, i) => base.length - v.shape.length + i);
      const lane = new Array<number>(v.shape.length).fill(0);
      const mk = mask === undefined ? undefined : (regs[mask] as ShapedValue);
      const src = v.data as unknown as Elements;
      const dst = m.data as unknown as Elements;
      for (let q = 0; q < v.size; q++) {
        const pos = [...base];
        let inside = true;
        for (let d = 0; d < dims.length; d++) {
          if (dims[d]! < 0) continue;
          pos[dims[d]!]! += lane[d]!;
          if (pos[dims[d]!]! >= m.shape[dims[d]!]!) inside = false;
        }
        if (inside && (mk === undefined || mk.data[mk.offset + q])) dst[at(m, pos, "vector.transfer_write")] = src[v.offset + q]!;
        for (let d = lane.length - 1; d >= 0; d--) {
          if (++lane[d]! < v.shape[d]!) break;
          lane[d] = 0;
        }
      }
      if (isTensor) regs[out] = m;
    };
  },
});

function allocateCopy(m: ShapedValue): ShapedValue {
  const out = allocate(m.kind, m.shape);
  const src = m.data as unknown as Elements;
  const dst = out.data as unknown as Elements;
  let q = 0;
  eachLane(new Array<number>(m.rank).fill(0), m.shape, (_k, idx) => {
    dst[q++] = src[at(m, idx, "copy")]!;
  });
  return out;
}
