// Runtime values: scalars are JS numbers (bigint for i64), tensors, memrefs and vectors are
// ShapedValues, a strided view {shape, strides, offset} over a typed-array buffer.
import type { ElementKind, Storage } from "./elements.ts";

export class ShapedValue {
  readonly kind: ElementKind;
  readonly data: Storage;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  /** The allocation this view belongs to (shared by all views of one buffer). */
  readonly allocation: Allocation;
  constructor(
    kind: ElementKind,
    data: Storage,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    allocation: Allocation = { freed: false },
  ) {
    this.kind = kind;
    this.data = data;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.allocation = allocation;
  }

  /** Set when the memref was deallocated: any later access is undefined behaviour. */
  get freed(): boolean {
    return this.allocation.freed;
  }

  /** Another view of the same buffer. */
  view(shape: readonly number[], strides: readonly number[], offset: number): ShapedValue {
    return new ShapedValue(this.kind, this.data, shape, strides, offset, this.allocation);
  }

  get rank(): number {
    return this.shape.length;
  }
  get size(): number {
    return product(this.shape);
  }
  /** Whether elements are laid out row-major and densely from `offset`. */
  isContiguous(): boolean {
    let expect = 1;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      if (this.shape[d] !== 1 && this.strides[d] !== expect) return false;
      expect *= this.shape[d]!;
    }
    return true;
  }
}

export interface Allocation {
  freed: boolean;
}

export type RuntimeValue = number | bigint | ShapedValue | undefined;

export function product(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function rowMajorStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d]!;
  }
  return s;
}

/** A fresh zero-filled contiguous value. */
export function allocate(kind: ElementKind, shape: readonly number[]): ShapedValue {
  return new ShapedValue(kind, kind.alloc(product(shape)), shape, rowMajorStrides(shape), 0);
}

/** A contiguous value over `data` (no copy). */
export function wrap(kind: ElementKind, data: Storage, shape: readonly number[]): ShapedValue {
  return new ShapedValue(kind, data, shape, rowMajorStrides(shape), 0);
}

/** Calls `f(flatIndexInView, bufferOffset)` for every element in row-major order. */
export function forEachOffset(v: ShapedValue, f: (i: number, at: number) => void): void {
  const rank = v.shape.length;
  const n = v.size;
  if (n === 0) return;
  if (v.isContiguous()) {
    for (let i = 0; i < n; i++) f(i, v.offset + i);
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  let at = v.offset;
  for (let i = 0; i < n; i++) {
    f(i, at);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++;
      at += v.strides[d]!;
      if (idx[d]! < v.shape[d]!) break;
      at -= v.strides[d]! * v.shape[d]!;
      idx[d] = 0;
    }
  }
}

type Elements = { [i: number]: number | bigint };

/**
 * Copies the elements of the view `src` to `dst` at `dstOffset` with `dstStrides` (same shape):
 * rows of the innermost dimension in a tight loop (a block copy when both are dense), an odometer
 * over the outer dimensions.
 */
export function copyStrided(src: ShapedValue, dst: Storage, dstOffset: number, dstStrides: readonly number[]): void {
  const shape = src.shape;
  const rank = shape.length;
  const n = src.size;
  if (n === 0) return;
  const sd = src.data as unknown as Elements;
  const dd = dst as unknown as Elements;
  if (rank === 0) {
    dd[dstOffset] = sd[src.offset]!;
    return;
  }
  const ss = src.strides;
  const inner = shape[rank - 1]!;
  const si = ss[rank - 1]!;
  const di = dstStrides[rank - 1]!;
  const block = si === 1 && di === 1 && inner >= 16 && src.data.constructor === dst.constructor;
  const rows = n / inner;
  const idx = new Array<number>(rank).fill(0);
  let s = src.offset;
  let d = dstOffset;
  for (let row = 0; row < rows; row++) {
    if (block) (dst as Float64Array).set((src.data as Float64Array).subarray(s, s + inner), d);
    else for (let i = 0; i < inner; i++) dd[d + i * di] = sd[s + i * si]!;
    for (let k = rank - 2; k >= 0; k--) {
      idx[k]!++;
      s += ss[k]!;
      d += dstStrides[k]!;
      if (idx[k]! < shape[k]!) break;
      s -= ss[k]! * shape[k]!;
      d -= dstStrides[k]! * shape[k]!;
      idx[k] = 0;
    }
  }
}

/** The elements of a view as a fresh contiguous buffer (the buffer itself when already contiguous and `share`). */
export function contiguous(v: ShapedValue, share = false): ShapedValue {
  if (v.isContiguous()) {
    if (share) return v.offset === 0 && v.data.length === v.size ? v : wrap(v.kind, v.data.subarray(v.offset, v.offset + v.size) as never, v.shape);
    return wrap(v.kind, v.data.slice(v.offset, v.offset + v.size) as never, v.shape);
  }
  const out = v.kind.alloc(v.size);
  copyStrided(v, out, 0, rowMajorStrides(v.shape));
  return wrap(v.kind, out, v.shape);
}

/** Copies `src`'s elements into the view `dst` (same shape). */
export function copyInto(src: ShapedValue, dst: ShapedValue): void {
  // Views of different buffers cannot overlap: copy directly.
  if (src.data !== dst.data && !(src.isContiguous() && dst.isContiguous())) {
    copyStrided(src, dst.data, dst.offset, dst.strides);
    return;
  }
  const s = contiguous(src, true);
  const sd = s.data as Float64Array;
  const off = s.offset;
  const dd = dst.data as Float64Array;
  if (dst.isContiguous()) {
    if (sd === dd && off === dst.offset) return;
    dd.set(sd.subarray(off, off + dst.size), dst.offset);
    return;
  }
  copyStrided(s, dd, dst.offset, dst.strides);
}

/** A same-shaped contiguous copy (tensors are values: destination-passing ops write into a copy). */
export function clone(v: ShapedValue): ShapedValue {
  return contiguous(v, false);
}
