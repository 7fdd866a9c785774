// linalg's named structured ops of LLVM 22 (those generated from OpDSL and those written in
// ODS, matmul and friends): their scalar bodies, as MLIR's region builders emit them, and their
// extra attributes. Bodies evaluate depth first, left to right, so ops appear in MLIR's order.
import type { AttrSpec } from "./registry.ts";
import type { Value } from "../ir/value.ts";
import type { Attribute } from "../ir/attributes.ts";
import { DialectAttr } from "../ir/attributes.ts";
import type { TypeFn, UnaryFn, BinaryFn } from "./linalg-region-builder.ts";
import { RegionBuildError, unaryFns, binaryFns } from "./linalg-region-builder.ts";
import type { BodyBuilder } from "./linalg-structured.ts";
import { constraint } from "./shaped-ops.ts";

export interface NamedOpSpec {
  readonly name: string;
  /** Number of inputs (the body has one more argument, for the output). */
  readonly inputs: number;
  readonly body: BodyBuilder;
  readonly attributes?: Readonly<Record<string, AttrSpec>>;
}

// ----- attributes -----

const dialectAttr = (prefix: string) =>
  constraint<Attribute>(`#${prefix}<...> attribute`, (a) => a instanceof DialectAttr && a.text.startsWith(`${prefix}<`));

/** TypeFnAttr `cast`, cast_signed when absent. */
export const castAttr: AttrSpec = { optional: true, type: dialectAttr("linalg.type_fn") };
const windowAttrs: Record<string, AttrSpec> = {
  strides: { optional: true },
  dilations: { optional: true },
};

/** The TypeFn an op's `cast` attribute names (cast_signed by default). */
export function typeFnOf(a: Attribute | undefined): TypeFn {
  return a instanceof DialectAttr && a.text === "linalg.type_fn<cast_unsigned>" ? "cast_unsigned" : "cast_signed";
}

// ----- body shapes -----

const last = (args: readonly Value[]): Value => args[args.length - 1]!;

/** `C += cast(A) * cast(B)`; `fn` "attr" reads the `cast` attribute. */
export function contraction(fn: TypeFn | "attr"): BodyBuilder {
  return (b, args, attr) => {
    const f = fn === "attr" ? typeFnOf(attr("cast")) : fn;
    const c = last(args);
    b.yield([b.binary("add", c, b.binary("mul", b.cast(f, c.type, args[0]!), b.cast(f, c.type, args[1]!)))]);
  };
}

/** `C += (cast(A) - cast(AZp)) * (cast(B) - cast(BZp))` with operands A, B, AZp, BZp, C. */
const quantized: BodyBuilder = (b, args) => {
  const c = last(args);
  const cs = (x: Value) => b.cast("cast_signed", c.type, x);
  b.yield([
    b.binary("add", c, b.binary("mul", b.binary("sub", cs(args[0]!), cs(args[2]!)), b.binary("sub", cs(args[1]!), cs(args[3]!)))),
  ]);
};

/** `O = fn(O, cast(I))`: sum, max and min pooling. */
function pooling(fn: BinaryFn, cast: TypeFn): BodyBuilder {
  return (b, args) => {
    const o = last(args);
    b.yield([b.binary(fn, o, b.cast(cast, o.type, args[0]!))]);
  };
}

const unaryBody =
  (fn: UnaryFn): BodyBuilder =>
  (b, args) =>
    b.yield([b.unary(fn, args[0]!)]);

const binaryBody =
  (fn: BinaryFn): BodyBuilder =>
  (b, args) =>
    b.yield([b.binary(fn, args[0]!, args[1]!)]);

const selectBody: BodyBuilder = (b, args) => b.yield([b.select(args[0]!, args[1]!, args[2]!)]);

const copyBody: BodyBuilder = (b, args, attr) => b.yield([b.cast(typeFnOf(attr("cast")), last(args).type, args[0]!)]);

export const fillBody: BodyBuilder = (b, args) => b.yield([args[0]!]);

/** linalg.fill_rng_2d: a linear congruential generator per element, scaled into [min, max). */
const fillRng2d: BodyBuilder = (b, args) => {
  const ctx = b.ctx;
  const [min, max, seed, out] = [args[0]!, args[1]!, args[2]!, args[3]!];
  const i32 = ctx.i32();
  const f64 = ctx.f64();
  const i64 = (v: number) => b.constant(ctx.integerAttr(ctx.i64(), v));
  const cs = (t: typeof i32 | typeof f64, x: Value) => b.cast("cast_signed", t, x);
  const multiplier = () => cs(i32, i64(1103515245));
  const increment = () => cs(i32, i64(12345));
  const rand = (dim: number, prev: () => Value) =>
    b.binary("add", b.binary("mul", b.binary("add", cs(i32, b.index(dim)), prev()), multiplier()), increment());
  const offset = cs(f64, i64(2147483647));
  const rand2 = rand(1, () => rand(0, () => seed));
  const sum = b.binary("add", offset, cs(f64, rand2));
  const scaling = b.binary("mul", b.binary("sub", max, min), cs(f64, b.constant(ctx.floatAttr(f64, 2.3283064e-10))));
  b.yield([b.cast("cast_signed", out.type, b.binary("add", b.binary("mul", sum, scaling), min))]);
};

/** linalg.elementwise: the function its `kind` names, applied to the inputs. */
export const elementwiseBody: BodyBuilder = (b, args, attr) => {
  const kind = attr("kind");
  const name = kind instanceof DialectAttr ? /^linalg\.elementwise_kind<(\w+)>$/.exec(kind.text)?.[1] : undefined;
  if (name === undefined) throw new RegionBuildError("expected a kind attribute");
  if ((unaryFns as readonly string[]).includes(name)) return b.yield([b.unary(name as UnaryFn, args[0]!)]);
  if ((binaryFns as readonly string[]).includes(name)) return b.yield([b.binary(name as BinaryFn, args[0]!, args[1]!)]);
  if (name === "select") return b.yield([b.select(args[0]!, args[1]!, args[2]!)]);
  throw new RegionBuildError(`unknown elementwise kind '${name}'`);
};

/** How many inputs an elementwise kind takes. */
export function elementwiseArity(kind: Attribute | undefined): number {
  const name = kind instanceof DialectAttr ? /<(\w+)>$/.exec(kind.text)?.[1] : undefined;
  if (name === "select") return 3;
  return name !== undefined && (binaryFns as readonly string[]).includes(name) ? 2 : 1;
}

// ----- the OpDSL ops -----

const conv = contraction("cast_signed");

const convolutions = ["conv_1d", "conv_2d", "conv_3d"];
const windowedConvolutions = [
  "conv_1d_nwc_wcf",
  "conv_1d_ncw_fcw",
  "conv_2d_nhwc_hwcf",
  "conv_2d_nhwc_fhwc",
  "conv_2d_nchw_fchw",
  "conv_2d_ngchw_fgchw",
  "conv_2d_ngchw_gfchw",
  "conv_2d_nhwgc_gfhwc",
  "conv_3d_ndhwc_dhwcf",
  "conv_3d_ncdhw_fcdhw",
  "depthwise_conv_1d_nwc_wc",
  "depthwise_conv_1d_ncw_cw",
  "depthwise_conv_1d_nwc_wcm",
  "depthwise_conv_2d_nhwc_hwc",
  "depthwise_conv_2d_nchw_chw",
  "depthwise_conv_2d_nhwc_hwcm",
  "depthwise_conv_3d_ndhwc_dhwc",
  "depthwise_conv_3d_ncdhw_cdhw",
  "depthwise_conv_3d_ndhwc_dhwcm",
];
const quantizedConvolutions = [
  "conv_2d_nhwc_hwcf_q",
  "conv_2d_nhwc_fhwc_q",
  "conv_2d_nchw_fchw_q",
  "conv_2d_ngchw_gfchw_q",
  "conv_2d_nhwgc_gfhwc_q",
  "conv_3d_ndhwc_dhwcf_q",
  "depthwise_conv_2d_nhwc_hwc_q",
  "depthwise_conv_2d_nhwc_hwcm_q",
];
const poolings: [string, BinaryFn, TypeFn][] = [
  ["pooling_nhwc_sum", "add", "cast_signed"],
  ["pooling_nchw_sum", "add", "cast_signed"],
  ["pooling_nwc_sum", "add", "cast_signed"],
  ["pooling_ncw_sum", "add", "cast_signed"],
  ["pooling_ndhwc_sum", "add", "cast_signed"],
  ["pooling_nhwc_max", "max_signed", "cast_signed"],
  ["pooling_nchw_max", "max_signed", "cast_signed"],
  ["pooling_nwc_max", "max_signed", "cast_signed"],
  ["pooling_ncw_max", "max_signed", "cast_signed"],
  ["pooling_ndhwc_max", "max_signed", "cast_signed"],
  ["pooling_nhwc_max_unsigned", "max_unsigned", "cast_unsigned"],
  ["pooling_nwc_max_unsigned", "max_unsigned", "cast_unsigned"],
  ["pooling_nhwc_min", "min_signed", "cast_signed"],
  ["pooling_nwc_min", "min_signed", "cast_signed"],
  ["pooling_ndhwc_min", "min_signed", "cast_signed"],
  ["pooling_nhwc_min_unsigned", "min_unsigned", "cast_unsigned"],
  ["pooling_nwc_min_unsigned", "min_unsigned", "cast_unsigned"],
];
const contractions = ["matvec", "vecmat", "batch_matvec", "batch_vecmat", "dot", "mmt4d", "batch_mmt4d"];
const binaries: [string, BinaryFn][] = [
  ["add", "add"],
  ["sub", "sub"],
  ["mul", "mul"],
  ["div", "div"],
  ["div_unsigned", "div_unsigned"],
  ["max", "max_signed"],
  ["min", "min_signed"],
  ["powf", "powf"],
];

/** Named ops whose only syntax is `{attrs} ins(...) outs(...) -> results`. */
export const opdslOps: readonly NamedOpSpec[] = [
  { name: "copy", inputs: 1, body: copyBody, attributes: { cast: castAttr } },
  ...unaryFns.map((fn) => ({ name: fn, inputs: 1, body: unaryBody(fn) })),
  ...binaries.map(([name, fn]) => ({ name, inputs: 2, body: binaryBody(fn) })),
  { name: "select", inputs: 3, body: selectBody },
  { name: "quantized_matmul", inputs: 4, body: quantized },
  { name: "quantized_batch_matmul", inputs: 4, body: quantized },
  ...contractions.map((name) => ({ name, inputs: 2, body: conv })),
  ...convolutions.map((name) => ({ name, inputs: 2, body: conv })),
  ...windowedConvolutions.map((name) => ({ name, inputs: 2, body: conv, attributes: windowAttrs })),
  ...quantizedConvolutions.map((name) => ({ name, inputs: 4, body: quantized, attributes: windowAttrs })),
  ...poolings.map(([name, fn, cast]) => ({ name, inputs: 2, body: pooling(fn, cast), attributes: windowAttrs })),
  { name: "fill_rng_2d", inputs: 3, body: fillRng2d },
];
