// Constants: scalar attributes to numbers, dense and dense_resource elements to ShapedValues
// (splats filled, resource blobs decoded from their little-endian hex).
import { DenseElementsAttr, DenseResourceAttr, FloatAttr, IntegerAttr, type Attribute } from "../ir/attributes.ts";
import { ShapedType, type Type } from "../ir/types.ts";
import { bitsToFloat } from "../ir/float-semantics.ts";
import { kindOf, type ElementKind } from "./elements.ts";
import { allocate, type RuntimeValue, type ShapedValue } from "./values.ts";
import { trap } from "./trap.ts";
import type { Interpreter } from "./interpreter.ts";

export function elementKind(t: Type): ElementKind {
  const k = kindOf(t instanceof ShapedType ? t.elementType : t);
  if (k === undefined) return trap("PRR6006", `the interpreter has no storage for element type '${t}'`);
  return k;
}

/** A scalar of kind `k` from an attribute's value. */
export function scalarOf(v: unknown, k: ElementKind): number | bigint {
  if (k.isBig) return BigInt.asIntN(k.width, typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v))));
  if (typeof v === "boolean") return v ? 1 : 0;
  return k.norm(Number(v));
}

/** The runtime value of a constant attribute of type `t`. */
export function constantValue(attr: Attribute, t: Type, interp: Interpreter): RuntimeValue {
  if (attr instanceof IntegerAttr) return scalarOf(attr.value, elementKind(attr.type));
  if (attr instanceof FloatAttr) return scalarOf(attr.value, elementKind(attr.type));
  if (attr instanceof DenseElementsAttr) return denseValue(attr, t);
  if (attr instanceof DenseResourceAttr) return resourceValue(attr, interp);
  return trap("PRR6006", `unsupported constant attribute '${attr.key.slice(0, 60)}'`);
}

function shapeOf(t: Type): readonly number[] {
  if (!(t instanceof ShapedType) || t.shape === undefined || !t.hasStaticShape())
    return trap("PRR6004", `constant of type '${t}' needs a static shape`);
  return t.shape;
}

export function denseValue(attr: DenseElementsAttr, t: Type): ShapedValue {
  const type = t instanceof ShapedType ? t : attr.type;
  const k = elementKind(type);
  const out = allocate(k, shapeOf(type));
  const data = out.data as unknown as { [i: number]: number | bigint; fill(v: number | bigint): void };
  const n = out.size;
  if (attr.splat || attr.values.length === 1) {
    if (n > 0) data.fill(scalarOf(attr.values[0], k));
    return out;
  }
  for (let i = 0; i < n; i++) data[i] = scalarOf(attr.values[i], k);
  return out;
}

function resourceValue(attr: DenseResourceAttr, interp: Interpreter): ShapedValue {
  let hex: string | undefined;
  for (const blobs of interp.resources.values()) hex ??= blobs.get(attr.handle);
  if (hex === undefined) return trap("PRR6001", `dense_resource blob '${attr.handle}' is not in the file's resources`);
  const k = elementKind(attr.type);
  const out = allocate(k, shapeOf(attr.type));
  const text = hex.replace(/^"|"$/g, "").replace(/^0x/i, "");
  const bytes = Buffer.from(text.slice(8), "hex"); // the first 4 bytes are the alignment
  const n = out.size;
  const data = out.data as unknown as { [i: number]: number | bigint; fill(v: number | bigint): void };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bytesPer = k.width === 1 ? 1 : k.width / 8;
  const splat = bytes.byteLength === bytesPer && n > 1;
  if (!splat && bytes.byteLength < n * bytesPer) return trap("PRR6004", `dense_resource blob '${attr.handle}' holds ${bytes.byteLength} bytes, ${n * bytesPer} needed`);
  for (let i = 0; i < n; i++) {
    const at = splat ? 0 : i * bytesPer;
    data[i] = readElement(view, at, k);
  }
  return out;
}

function readElement(view: DataView, at: number, k: ElementKind): number | bigint {
  switch (k.name) {
    case "f32":
      return view.getFloat32(at, true);
    case "f64":
      return view.getFloat64(at, true);
    case "f16":
      return bitsToFloat(BigInt(view.getUint16(at, true)), "f16");
    case "bf16":
      return bitsToFloat(BigInt(view.getUint16(at, true)), "bf16");
    case "index":
      return Number(view.getBigInt64(at, true));
    default:
      if (k.isBig) return BigInt.asIntN(k.width, view.getBigInt64(at, true));
      if (k.width === 1 || k.width === 8) return k.norm(view.getInt8(at));
      if (k.width === 16) return k.norm(view.getInt16(at, true));
      return k.norm(view.getInt32(at, true));
  }
}
