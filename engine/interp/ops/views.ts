// Views of buffers shared by memref and tensor ops: subview (slices), expand and collapse of
// reassociated dimensions, permutations; non-contiguous collapses fall back to a copy.
import { ShapedValue, contiguous } from "../values.ts";
import { trap } from "../trap.ts";

/** The view of `offsets`/`sizes`/`steps`, dropping unit dimensions to reach `resultRank`. */
export function subview(src: ShapedValue, offsets: readonly number[], sizes: readonly number[], steps: readonly number[], resultRank: number, what: string): ShapedValue {
  let offset = src.offset;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0; d < sizes.length; d++) {
    const o = offsets[d]!;
    const n = sizes[d]!;
    const st = steps[d]!;
    if (o < 0 || n < 0 || (n > 0 && o + (n - 1) * st >= src.shape[d]!))
      trap("PRR6002", `${what}: slice [offset ${o}, size ${n}, stride ${st}] out of bounds of dimension ${d} (size ${src.shape[d]})`);
    offset += o * src.strides[d]!;
    shape.push(n);
    strides.push(src.strides[d]! * st);
  }
  let drop = shape.length - resultRank;
  for (let d = 0; d < shape.length && drop > 0; d++) {
    if (shape[d] === 1) {
      shape.splice(d, 1);
      strides.splice(d, 1);
      d--;
      drop--;
    }
  }
  return src.view(shape, strides, offset);
}

/** Splits each source dimension into the sizes of its group. */
export function expandView(src: ShapedValue, groups: readonly number[][], shape: readonly number[]): ShapedValue {
  const strides = new Array<number>(shape.length).fill(0);
  groups.forEach((g, d) => {
    let s = src.strides[d] ?? 1;
    for (let i = g.length - 1; i >= 0; i--) {
      strides[g[i]!] = s;
      s *= shape[g[i]!]!;
    }
  });
  let n = 1;
  for (const x of shape) n *= x;
  if (n !== src.size) trap("PRR6004", `expand_shape: [${src.shape.join("x")}] cannot be expanded to [${shape.join("x")}]`);
  return src.view(shape, strides, src.offset);
}

/** Merges each group of dimensions; copies when the group is not contiguous in memory. */
export function collapseView(src: ShapedValue, groups: readonly number[][]): ShapedValue {
  const shape: number[] = [];
  const strides: number[] = [];
  for (const g of groups) {
    let size = 1;
    for (const d of g) size *= src.shape[d]!;
    // The group is contiguous when each dimension's stride is the next one's stride times its size.
    let ok = true;
    for (let i = 0; i + 1 < g.length; i++) {
      const a = g[i]!;
      const b = g[i + 1]!;
      if (src.shape[a] !== 1 && src.shape[b] !== 1 && src.strides[a] !== src.strides[b]! * src.shape[b]!) ok = false;
    }
    if (!ok) {
      const c = contiguous(src, false);
      return collapseView(c, groups);
    }
    const inner = g.filter((d) => src.shape[d] !== 1);
    shape.push(size);
    strides.push(g.length === 0 ? 1 : inner.length > 0 ? src.strides[inner[inner.length - 1]!]! : src.strides[g[g.length - 1]!]!);
  }
  return src.view(shape, strides, src.offset);
}

export function permuteView(src: ShapedValue, perm: readonly number[]): ShapedValue {
  return src.view(
    perm.map((p) => src.shape[p]!),
    perm.map((p) => src.strides[p]!),
    src.offset,
  );
}
