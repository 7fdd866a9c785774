// Semantics of the vector dialect's value ops: broadcast, splat, fma, print, extract/insert,
// reductions, masks, shape_cast, transpose, from_elements; vectors are contiguous ShapedValues.
import type { Operation } from "../../ir/operation.ts";
import { StringAttr } from "../../ir/attributes.ts";
import { ShapedType, VectorType, type Type } from "../../ir/types.ts";
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import { allocate, contiguous, ShapedValue, wrap, product, type RuntimeValue } from "../values.ts";
import { liftStep, resultKind, type Scalar } from "./elementwise.ts";
import { enumCase, intList } from "./attr-helpers.ts";
import { elementKind } from "../constants.ts";
import { formatG } from "../format-g.ts";
import { combiner } from "./reductions.ts";
import { trap } from "../trap.ts";
import type { ElementKind } from "../elements.ts";
import { fmaOf } from "../fma.ts";

type Elements = { [i: number]: Scalar; length: number };

/** Broadcasts a scalar or a lower-rank vector to `shape` (numpy-style trailing alignment). */
export function broadcastTo(v: RuntimeValue, k: ElementKind, shape: readonly number[]): ShapedValue {
  const out = allocate(k, shape);
  const dst = out.data as unknown as Elements & { fill(x: Scalar): void };
  if (!(v instanceof ShapedValue)) {
    if (out.size > 0) dst.fill(v as Scalar);
    return out;
  }
  const src = contiguous(v, true);
  const sd = src.data as unknown as Elements;
  const r = shape.length;
  const sr = src.rank;
  const sstr = src.strides;
  const idx = new Array<number>(r).fill(0);
  for (let q = 0; q < out.size; q++) {
    let o = src.offset;
    for (let d = 0; d < sr; d++) {
      const i = idx[r - sr + d]!;
      o += (src.shape[d] === 1 ? 0 : i) * sstr[d]!;
    }
    dst[q] = sd[o]!;
    for (let d = r - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Text as the byte string of its UTF-8 encoding (the interpreter's output is bytes). */
function utf8Bytes(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : String.fromCharCode(...new TextEncoder().encode(text));
}

function printScalar(x: Scalar, t: Type): string {
  const k = elementKind(t);
  if (k.isFloat) return formatG(Number(x));
  // Index prints unsigned (printU64), i1 as 0/1, other integers signed (printI64).
  if (k.name === "index") return String(BigInt.asUintN(64, BigInt(x)));
  return String(x);
}

function printValue(v: RuntimeValue, t: Type): string {
  if (!(v instanceof ShapedValue)) return printScalar(v as Scalar, t);
  const et = (t as ShapedType).elementType;
  const c = contiguous(v, true);
  const data = c.data as unknown as Elements;
  const rec = (dim: number, at: number): string => {
    if (dim === c.rank) return printScalar(data[c.offset + at]!, et);
    const n = c.shape[dim]!;
    const stride = product(c.shape.slice(dim + 1));
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(rec(dim + 1, at + i * stride));
    return `( ${parts.join(", ")} )`;
  };
  if (c.rank === 0) return `( ${printScalar(data[c.offset]!, et)} )`;
  return rec(0, 0);
}

function positions(op: Operation, c: { slot(v: import("../../ir/value.ts").Value): number }, first: number) {
  // Static positions come from `static_position` (kDynamic = INT64_MIN marks a dynamic one); a
  // dynamic position is its operand's slot (>= 0), a static one p is encoded as -1 - p.
  const statics = intList(op.getAttr("static_position"));
  const dyn = op.operands.slice(first).map((o) => c.slot(o.value));
  let d = 0;
  return statics.map((s) => (s < -(2 ** 52) ? dyn[d++]! : -1 - s));
}

/** vector.broadcast and vector.splat: the operand (scalar or vector) broadcast to the result's shape. */
const broadcast: OpSemantics = (op, c) => {
  const src = c.slot(op.operand(0));
  const out = c.slot(op.result(0));
  const vt = op.result(0).type as VectorType;
  const k = elementKind(vt);
  return (regs) => {
    regs[out] = broadcastTo(regs[src], k, vt.shape);
  };
};

defineSemantics({
  "vector.broadcast": broadcast,
  "vector.splat": broadcast,
  "vector.fma": (op, c) => {
    const fma = fmaOf(resultKind(op));
    return liftStep(op, c, (a, b, d) => fma(a as number, b as number, d as number));
  },
  "vector.print": (op, c) => {
    const interp = c.interp;
    const lit = op.getAttr("stringLiteral");
    const punct = enumCase(op.getAttr("punctuation")) || "newline";
    const tail = punct === "newline" ? "\n" : punct === "comma" ? ", " : punct === "open" ? "( " : punct === "close" ? " )" : "";
    if (lit instanceof StringAttr) {
      const bytes = utf8Bytes(lit.value);
      return () => interp.print(bytes);
    }
    if (op.operands.length === 0) return () => interp.print(tail);
    const src = c.slot(op.operand(0));
    const t = op.operand(0).type;
    return (regs) => {
      interp.print(printValue(regs[src], t) + tail);
    };
  },
  "vector.create_mask": (op, c) => {
    const ins = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    return (regs) => {
      const bounds = ins.map((s) => regs[s] as number);
      regs[out] = maskValue(vt, bounds);
    };
  },
  "vector.constant_mask": (op, c) => {
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    const value = maskValue(vt, intList(op.getAttr("mask_dim_sizes")));
    return (regs) => {
      regs[out] = value;
    };
  },
  "vector.extract": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const pos = positions(op, c, 1);
    const scalar = !(op.result(0).type instanceof ShapedType);
    return (regs) => {
      const v = contiguous(regs[src] as ShapedValue, true);
      const p = pos.map((x) => (x >= 0 ? (regs[x] as number) : -1 - x));
      let at = v.offset;
      for (let d = 0; d < p.length; d++) {
        if (!(p[d]! >= 0 && p[d]! < v.shape[d]!)) trap("PRR6002", `vector.extract position [${p.join(", ")}] out of bounds of [${v.shape.join("x")}]`);
        at += p[d]! * v.strides[d]!;
      }
      if (scalar) regs[out] = (v.data as unknown as Elements)[at];
      else {
        const shape = v.shape.slice(p.length);
        regs[out] = wrap(v.kind, v.data.slice(at, at + product(shape)) as never, shape);
      }
    };
  },
  "vector.insert": (op, c) => {
    const val = c.slot(op.operand(0));
    const dest = c.slot(op.operand(1));
    const out = c.slot(op.result(0));
    const pos = positions(op, c, 2);
    return (regs) => {
      const v = contiguous(regs[dest] as ShapedValue, false);
      const p = pos.map((x) => (x >= 0 ? (regs[x] as number) : -1 - x));
      let at = 0;
      for (let d = 0; d < p.length; d++) {
        if (!(p[d]! >= 0 && p[d]! < v.shape[d]!)) trap("PRR6002", `vector.insert position [${p.join(", ")}] out of bounds of [${v.shape.join("x")}]`);
        at += p[d]! * v.strides[d]!;
      }
      const x = regs[val];
      if (x instanceof ShapedValue) (v.data as unknown as { set(a: unknown, o: number): void }).set(contiguous(x, false).data, at);
      else (v.data as unknown as Elements)[at] = x as Scalar;
      regs[out] = v;
    };
  },
  "vector.reduction": (op, c) => {
    const src = c.slot(op.operand(0));
    const acc = op.operands.length > 1 ? c.slot(op.operand(1)) : -1;
    const out = c.slot(op.result(0));
    const k = resultKind(op);
    const f = combiner(enumCase(op.getAttr("kind")), k);
    return (regs) => {
      const v = contiguous(regs[src] as ShapedValue, true);
      const d = v.data as unknown as Elements;
      let r = acc >= 0 ? (regs[acc] as Scalar) : d[v.offset]!;
      for (let i = acc >= 0 ? 0 : 1; i < v.size; i++) r = f(r, d[v.offset + i]!);
      regs[out] = r;
    };
  },
  "vector.shape_cast": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const shape = (op.result(0).type as VectorType).shape;
    return (regs) => {
      const v = contiguous(regs[src] as ShapedValue, true);
      regs[out] = new ShapedValue(v.kind, v.data, shape, wrap(v.kind, v.data, shape).strides, v.offset);
    };
  },
  "vector.from_elements": (op, c) => {
    const ins = c.operandSlots(op);
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    const k = elementKind(vt);
    return (regs) => {
      const v = allocate(k, vt.shape);
      const d = v.data as unknown as Elements;
      for (let i = 0; i < ins.length; i++) d[i] = regs[ins[i]!] as Scalar;
      regs[out] = v;
    };
  },
  "vector.step": (op, c) => {
    const out = c.slot(op.result(0));
    const vt = op.result(0).type as VectorType;
    const v = allocate(elementKind(vt), vt.shape);
    for (let i = 0; i < v.size; i++) (v.data as unknown as Elements)[i] = i;
    return (regs) => {
      regs[out] = v;
    };
  },
  "vector.transpose": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    const perm = intList(op.getAttr("permutation"));
    return (regs) => {
      const v = regs[src] as ShapedValue;
      const view = new ShapedValue(v.kind, v.data, perm.map((p) => v.shape[p]!), perm.map((p) => v.strides[p]!), v.offset);
      regs[out] = contiguous(view, false);
    };
  },
});

function maskValue(vt: VectorType, bounds: readonly number[]): ShapedValue {
  const v = allocate(elementKind(vt), vt.shape);
  const d = v.data as unknown as Elements;
  const r = vt.shape.length;
  const idx = new Array<number>(r).fill(0);
  for (let q = 0; q < v.size; q++) {
    let on = 1;
    for (let i = 0; i < r; i++) if (idx[i]! >= bounds[i]!) on = 0;
    d[q] = on;
    for (let i = r - 1; i >= 0; i--) {
      if (++idx[i]! < vt.shape[i]!) break;
      idx[i] = 0;
    }
  }
  return v;
}
