// Arguments for `prr run --inputs`: deterministic pseudo-random values for each argument type
// (splitmix-style generator, so a seed gives the same inputs everywhere), and .npy reading/writing.
import { ShapedType, type Type } from "../ir/types.ts";
import { bitsToFloat, floatToBits } from "../ir/float-semantics.ts";
import { kindOf, type ElementKind } from "./elements.ts";
import { allocate, contiguous, type ShapedValue, type RuntimeValue } from "./values.ts";

/** A small deterministic generator of doubles in [0, 1). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function randomScalar(k: ElementKind, r: Random): number | bigint {
  if (k.isFloat) return k.norm(r.next() * 2 - 1);
  if (k.width === 1) return r.next() < 0.5 ? 0 : 1;
  const x = Math.floor(r.next() * 17) - 8;
  if (k.name === "index") return Math.abs(x);
  return k.isBig ? BigInt(x) : k.norm(x);
}

/** A value of type `t` with pseudo-random elements, or undefined when `t` has no dynamic-free form. */
export function randomValue(t: Type, r: Random): RuntimeValue | undefined {
  if (t instanceof ShapedType) {
    const k = kindOf(t.elementType);
    if (k === undefined || t.shape === undefined || !t.hasStaticShape()) return undefined;
    const v = allocate(k, t.shape);
    const d = v.data as unknown as { [i: number]: number | bigint };
    for (let i = 0; i < v.size; i++) d[i] = randomScalar(k, r);
    return v;
  }
  const k = kindOf(t);
  return k === undefined ? undefined : randomScalar(k, r);
}

const descrs: Record<string, string> = {
  f32: "<f4",
  f64: "<f8",
  f16: "<f2",
  bf16: "<u2",
  i1: "|b1",
  i8: "|i1",
  i16: "<i2",
  i32: "<i4",
  i64: "<i8",
  index: "<i8",
};

/** The .npy bytes of a value (bf16 is written as its raw 16-bit patterns). */
export function toNpy(v: ShapedValue): Uint8Array {
  const c = contiguous(v, false);
  const k = c.kind;
  const descr = descrs[k.name] ?? "<f8";
  const shape = c.shape.length === 1 ? `(${c.shape[0]},)` : `(${c.shape.join(", ")})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  const total = 10 + header.length + 1;
  header += " ".repeat((64 - (total % 64)) % 64) + "\n";
  const body = encode(c, k);
  const out = new Uint8Array(10 + header.length + body.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(Buffer.from(header, "latin1"), 10);
  out.set(body, 10 + header.length);
  return out;
}

function encode(c: ShapedValue, k: ElementKind): Uint8Array {
  const n = c.size;
  const d = c.data as unknown as ArrayLike<number | bigint>;
  if (k.name === "f16" || k.name === "bf16") {
    const u = new Uint16Array(n);
    for (let i = 0; i < n; i++) u[i] = Number(floatToBits(Number(d[i]), k.name));
    return new Uint8Array(u.buffer);
  }
  if (k.name === "index") {
    const b = new BigInt64Array(n);
    for (let i = 0; i < n; i++) b[i] = BigInt(d[i]!);
    return new Uint8Array(b.buffer);
  }
  return new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength);
}

/** Reads a .npy file into a value of element kind `k` (converting numbers as needed). */
export function fromNpy(bytes: Uint8Array, k: ElementKind): ShapedValue {
  if (bytes[0] !== 0x93 || String.fromCharCode(...bytes.subarray(1, 6)) !== "NUMPY") throw new Error("not a .npy file");
  const major = bytes[6]!;
  const hlen = major === 1 ? bytes[8]! | (bytes[9]! << 8) : new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  const start = major === 1 ? 10 : 12;
  const header = Buffer.from(bytes.subarray(start, start + hlen)).toString("latin1");
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? "";
  if (/'fortran_order':\s*True/.test(header)) throw new Error("Fortran-ordered .npy files are not supported");
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? "").split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  const data = bytes.slice(start + hlen);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const v = allocate(k, shape);
  const out = v.data as unknown as { [i: number]: number | bigint };
  const size = Number(/\d+/.exec(descr)?.[0] ?? "0");
  const kind = descr.replace(/[<>|=]/g, "")[0];
  if (data.byteLength < v.size * size) throw new Error(`holds ${data.byteLength} bytes, ${v.size * size} needed for shape (${shape.join(", ")})`);
  for (let i = 0; i < v.size; i++) {
    const at = i * size;
    let x: number | bigint;
    if (kind === "f") x = size === 4 ? view.getFloat32(at, true) : size === 8 ? view.getFloat64(at, true) : bitsToFloat(BigInt(view.getUint16(at, true)), "f16");
    else if (kind === "b") x = view.getUint8(at);
    else if (kind === "u") x = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at, true) : size === 4 ? view.getUint32(at, true) : view.getBigUint64(at, true);
    else x = size === 1 ? view.getInt8(at) : size === 2 ? view.getInt16(at, true) : size === 4 ? view.getInt32(at, true) : view.getBigInt64(at, true);
    out[i] = k.isBig ? BigInt(x) : k.isFloat ? k.norm(Number(x)) : k.norm(Number(x));
  }
  return v;
}

