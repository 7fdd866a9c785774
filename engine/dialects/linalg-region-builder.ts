// Builds the scalar bodies of linalg's named ops as MLIR's RegionBuilderHelper does: unary,
// binary and ternary functions picked by element type (arith, math or complex ops), numeric
// casts as convertScalarToDtype, constants, `linalg.index` and the closing `linalg.yield`.
import type { Context } from "../ir/context.ts";
import type { Attribute, Location, NamedAttribute } from "../ir/attributes.ts";
import type { Block } from "../ir/block.ts";
import type { Value } from "../ir/value.ts";
import { Operation } from "../ir/operation.ts";
import { ComplexType, FloatType, IndexType, IntegerType, type Type } from "../ir/types.ts";

export const unaryFns = [
  "exp",
  "log",
  "abs",
  "ceil",
  "floor",
  "negf",
  "reciprocal",
  "round",
  "sqrt",
  "rsqrt",
  "square",
  "tanh",
  "erf",
] as const;
export type UnaryFn = (typeof unaryFns)[number];

export const binaryFns = [
  "add",
  "sub",
  "mul",
  "div",
  "div_unsigned",
  "max_signed",
  "min_signed",
  "max_unsigned",
  "min_unsigned",
  "powf",
] as const;
export type BinaryFn = (typeof binaryFns)[number];

/** `cast_signed` or `cast_unsigned` (MLIR's TypeFn). */
export type TypeFn = "cast_signed" | "cast_unsigned";

const unaryOps: Record<UnaryFn, string> = {
  exp: "math.exp",
  log: "math.log",
  abs: "math.absf",
  ceil: "math.ceil",
  floor: "math.floor",
  negf: "arith.negf",
  reciprocal: "arith.divf",
  round: "math.round",
  sqrt: "math.sqrt",
  rsqrt: "math.rsqrt",
  square: "arith.mulf",
  tanh: "math.tanh",
  erf: "math.erf",
};

/** Op names of a binary function for complex, float, bool and integer operands. */
const binaryOps: Record<BinaryFn, { complex?: string; float?: string; bool?: string; int?: string }> = {
  add: { complex: "complex.add", float: "arith.addf", bool: "arith.ori", int: "arith.addi" },
  sub: { complex: "complex.sub", float: "arith.subf", int: "arith.subi" },
  mul: { complex: "complex.mul", float: "arith.mulf", bool: "arith.andi", int: "arith.muli" },
  div: { complex: "complex.div", float: "arith.divf", int: "arith.divsi" },
  div_unsigned: { int: "arith.divui" },
  max_signed: { float: "arith.maximumf", int: "arith.maxsi", bool: "arith.maxsi" },
  min_signed: { float: "arith.minimumf", int: "arith.minsi", bool: "arith.minsi" },
  max_unsigned: { int: "arith.maxui", bool: "arith.maxui" },
  min_unsigned: { int: "arith.minui", bool: "arith.minui" },
  powf: { float: "math.powf" },
};

/** MLIR's messages for functions that do not apply to the operands' types. */
const unsupported: Partial<Record<BinaryFn, string>> = {
  sub: "unsupported operation: sub with bools",
  div: "unsupported operation: div with bools",
  div_unsigned: "unsupported operation: unsigned div not on uint",
  max_unsigned: "unsupported operation: unsigned max not on uint",
  min_unsigned: "unsupported operation: unsigned min not on uint",
};

/** Properties of complex ops, which prr does not register (so their defaults are not known). */
const complexFastmath = new Set(["complex.add", "complex.sub", "complex.mul", "complex.div"]);

/** Why a body cannot be built (MLIR asserts or reports these). */
export class RegionBuildError extends Error {}

/** Appends ops to one block; ops get `loc` (MLIR's named-op builders use the unknown location). */
export class RegionBuilder {
  readonly ctx: Context;
  readonly block: Block;
  readonly loc: Location;
  constructor(ctx: Context, block: Block, loc: Location = ctx.unknownLoc()) {
    this.ctx = ctx;
    this.block = block;
    this.loc = loc;
  }

  /**
   * Creates `name` with the given operands and result types; inherent attributes the op's
   * definition gives a default (e.g. `fastmath`) are set as MLIR's property defaults are.
   */
  create(
    name: string,
    operands: readonly Value[],
    resultTypes: readonly Type[],
    attrs: readonly NamedAttribute[] = [],
  ): Operation {
    const ctx = this.ctx;
    const def = ctx.registry.lookup(name);
    const specs = def?.attributes ?? {};
    const props: NamedAttribute[] = [];
    const discardable: NamedAttribute[] = [];
    for (const a of attrs) (specs[a.name] !== undefined ? props : discardable).push(a);
    for (const [n, spec] of Object.entries(specs))
      if (spec.default && !props.some((a) => a.name === n)) props.push({ name: n, value: spec.default(ctx) });
    if (complexFastmath.has(name) && !props.some((a) => a.name === "fastmath"))
      props.push({ name: "fastmath", value: ctx.dialectAttr("arith", "arith.fastmath<none>") });
    const o = Operation.create(ctx, {
      name,
      operands,
      resultTypes,
      properties: ctx.dictionary(props),
      attributes: ctx.dictionary(discardable),
      loc: this.loc,
    });
    this.block.append(o);
    return o;
  }

  private value(name: string, operands: readonly Value[], type: Type, attrs: readonly NamedAttribute[] = []): Value {
    return this.create(name, operands, [type], attrs).result();
  }

  constant(value: Attribute & { readonly type: Type }): Value {
    return this.value("arith.constant", [], value.type, [{ name: "value", value }]);
  }

  index(dim: number): Value {
    return this.value("linalg.index", [], this.ctx.index(), [{ name: "dim", value: this.ctx.integerAttr(this.ctx.i64(), dim) }]);
  }

  yield(values: readonly Value[]): void {
    this.create("linalg.yield", values, []);
  }

  unary(fn: UnaryFn, x: Value): Value {
    const t = x.type;
    if (!(t instanceof FloatType)) throw new RegionBuildError("unsupported non numeric type");
    if (fn === "reciprocal") return this.value("arith.divf", [this.constant(this.ctx.floatAttr(t, 1)), x], t);
    if (fn === "square") return this.value("arith.mulf", [x, x], t);
    return this.value(unaryOps[fn], [x], t);
  }

  binary(fn: BinaryFn, a: Value, b: Value): Value {
    const ta = a.type;
    const tb = b.type;
    const kind =
      ta instanceof ComplexType && tb instanceof ComplexType
        ? "complex"
        : ta instanceof FloatType && tb instanceof FloatType
          ? "float"
          : ta instanceof IntegerType && tb instanceof IntegerType
            ? ta.width === 1 && tb.width === 1
              ? "bool"
              : "int"
            : undefined;
    if (kind === undefined)
      throw new RegionBuildError(
        `Cannot build binary Linalg operation: expects allComplex, allFloatingPoint, or allInteger, got ${ta} and ${tb}`,
      );
    const names = binaryOps[fn];
    const name = names[kind] ?? (kind === "bool" ? names.int : undefined);
    if (name === undefined || (kind === "bool" && (fn === "sub" || fn === "div" || fn === "div_unsigned")))
      throw new RegionBuildError(unsupported[fn] ?? `unsupported operation: ${fn} with ${kind} operands`);
    return this.value(name, [a, b], ta);
  }

  select(c: Value, a: Value, b: Value): Value {
    return this.value("arith.select", [c, a, b], a.type);
  }

  /** MLIR's convertScalarToDtype; an impossible cast returns the operand unchanged. */
  cast(fn: TypeFn, to: Type, x: Value): Value {
    const from = x.type;
    if (from === to) return x;
    const unsigned = fn === "cast_unsigned";
    if (to instanceof IntegerType) {
      if (from instanceof FloatType) return this.value(unsigned ? "arith.fptoui" : "arith.fptosi", [x], to);
      if (from instanceof IndexType) return this.value("arith.index_cast", [x], to);
      if (from instanceof IntegerType) {
        if (to.width > from.width) return this.value(unsigned ? "arith.extui" : "arith.extsi", [x], to);
        if (to.width < from.width) return this.value("arith.trunci", [x], to);
      }
      return x;
    }
    if (to instanceof FloatType) {
      if (from instanceof IntegerType) return this.value(unsigned ? "arith.uitofp" : "arith.sitofp", [x], to);
      if (from instanceof FloatType) {
        const wt = floatWidth(to);
        const wf = floatWidth(from);
        if (wt > wf) return this.value("arith.extf", [x], to);
        if (wt < wf) return this.value("arith.truncf", [x], to);
      }
      return x;
    }
    if (to instanceof ComplexType && to.elementType instanceof FloatType) {
      const et = to.elementType;
      if (from instanceof ComplexType && from.elementType instanceof FloatType) {
        const widen = floatWidth(et) > floatWidth(from.elementType);
        const re = this.value("complex.re", [x], from.elementType);
        const im = this.value("complex.im", [x], from.elementType);
        const conv = widen ? "arith.extf" : "arith.truncf";
        return this.value("complex.create", [this.value(conv, [re], et), this.value(conv, [im], et)], to);
      }
      let real: Value | undefined;
      if (from instanceof FloatType) {
        real = x;
        if (floatWidth(from) < floatWidth(et)) real = this.value("arith.extf", [x], et);
        else if (floatWidth(from) > floatWidth(et)) real = this.value("arith.truncf", [x], et);
      } else if (from instanceof IntegerType) real = this.value(unsigned ? "arith.uitofp" : "arith.sitofp", [x], et);
      if (real !== undefined) return this.value("complex.create", [real, this.constant(this.ctx.floatAttr(et, 0))], to);
    }
    return x;
  }
}

function floatWidth(t: FloatType): number {
  switch (t.floatKind) {
    case "f16":
    case "bf16":
      return 16;
    case "f32":
    case "tf32":
      return t.floatKind === "tf32" ? 19 : 32;
    case "f64":
      return 64;
    case "f80":
      return 80;
    case "f128":
      return 128;
    default:
      return /^f4/.test(t.floatKind) ? 4 : /^f6/.test(t.floatKind) ? 6 : 8;
  }
}
