// The arith dialect (LLVM 22): integer and float arithmetic, comparisons, casts, select and
// constant, with their ODS assembly formats, traits, constraints and verifiers.
import { constraint, op, Trait, type AttrSpec, type Constraint, type Dialect, type OpDef, type ValueSpec } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Context } from "../ir/context.ts";
import type { Attribute } from "../ir/attributes.ts";
import { DenseElementsAttr, DialectAttr, FloatAttr, IntegerAttr, StringAttr } from "../ir/attributes.ts";
import {
  type Type,
  FloatType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  ShapedType,
  UnrankedTensorType,
  VectorType,
} from "../ir/types.ts";
import { floatWidth } from "../ir/float-format.ts";

// ----- type constraints (ODS's *Like families: scalar, vector or tensor of) -----


/** The element type of a vector or tensor, or the type itself. */
export function elementTypeOf(t: Type): Type {
  return t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : t;
}

const signless = (t: Type) => t instanceof IntegerType && t.signedness === 0;
const like = (description: string, scalar: (t: Type) => boolean) =>
  constraint<Type>(description, (t) => scalar(elementTypeOf(t)));

export const signlessIntegerOrIndexLike = like("signless-integer-or-index-like", (t) => signless(t) || t instanceof IndexType);
export const signlessIntegerLike = like("signless-integer-like", signless);
export const signlessFixedWidthIntegerLike = like("signless-fixed-width-integer-like", signless);
export const floatLike = like("floating-point-like", (t) => t instanceof FloatType);
export const boolLike = like("bool-like", (t) => t instanceof IntegerType && t.width === 1 && t.signedness === 0);
export const anyType = constraint<Type>("any type", () => true);
const memrefOf = (pred: (t: Type) => boolean) => (t: Type) => t instanceof MemRefType && pred(t.elementType);
const indexCastType = constraint<Type>(
  "signless-integer-like or memref of signless-integer",
  (t) => signlessIntegerOrIndexLike(t) || memrefOf((e) => signless(e) || e instanceof IndexType)(t),
);
const bitcastType = constraint<Type>(
  "signless-integer-or-float-like or memref of signless-integer or float",
  (t) => like("", (e) => signless(e) || e instanceof FloatType)(t) || memrefOf((e) => signless(e) || e instanceof FloatType)(t),
);

// ----- attributes -----

export const fastmathCases = ["none", "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn", "fast"] as const;

/** `#arith.fastmath<none>` by default (MLIR's DefaultValuedAttr); printed `fastmath<...>` by formats. */
export const fastmathAttr: AttrSpec = {
  default: (ctx) => ctx.dialectAttr("arith", "arith.fastmath<none>"),
  enumCases: fastmathCases,
  enumStorage: { dialect: "arith", mnemonic: "fastmath" },
  type: constraint<Attribute>(
    "floating point fast math flags",
    (a) => a instanceof DialectAttr && a.text.startsWith("arith.fastmath<"),
  ),
};
const optionalFastmath: AttrSpec = { ...fastmathAttr, default: undefined, optional: true };

const overflowAttr: AttrSpec = {
  default: (ctx) => ctx.dialectAttr("arith", "arith.overflow<none>"),
  enumCases: ["none", "nsw", "nuw"],
  enumStorage: { dialect: "arith", mnemonic: "overflow" },
  type: constraint<Attribute>(
    "Integer overflow arith flags",
    (a) => a instanceof DialectAttr && a.text.startsWith("arith.overflow<"),
  ),
};

const unitAttr = constraint<Attribute>("unit attribute", (a) => a.kind === "unit");
const exactAttr: AttrSpec = { optional: true, type: unitAttr };

const i64Enum = constraint<Attribute>("integer comparison predicate", (a) => a instanceof IntegerAttr);
export const cmpiPredicates = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"] as const;
export const cmpfPredicates = [
  "false",
  "oeq",
  "ogt",
  "oge",
  "olt",
  "ole",
  "one",
  "ord",
  "ueq",
  "ugt",
  "uge",
  "ult",
  "ule",
  "une",
  "uno",
  "true",
] as const;
const roundingModes = ["to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away"] as const;

// ----- shared op shapes -----

const arithTraits = [Trait.Pure, Trait.Elementwise];
const binary = (c: Constraint<Type>): ValueSpec[] => [
  { name: "lhs", type: c },
  { name: "rhs", type: c },
];

/** addi, subi, muli, shli: `$lhs, $rhs overflow<...> : t`. */
function intBinaryWithOverflow(name: string, traits: string[] = []): OpDef {
  return op(`arith.${name}`, {
    traits: [...arithTraits, Trait.SameOperandsAndResultType, ...traits],
    operands: binary(signlessIntegerOrIndexLike),
    results: [{ name: "result", type: signlessIntegerOrIndexLike }],
    attributes: { overflowFlags: overflowAttr },
    format: "$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)",
  });
}

/** divsi, divui, shrsi, shrui: `$lhs, $rhs exact : t`. */
function intBinaryWithExact(name: string, pure: boolean): OpDef {
  return op(`arith.${name}`, {
    traits: [...(pure ? [Trait.Pure] : []), Trait.Elementwise, Trait.SameOperandsAndResultType],
    operands: binary(signlessIntegerOrIndexLike),
    results: [{ name: "result", type: signlessIntegerOrIndexLike }],
    attributes: { isExact: exactAttr },
    format: "$lhs `,` $rhs (`exact` $isExact^)? attr-dict `:` type($result)",
  });
}

function intBinary(name: string, traits: string[] = [], pure = true): OpDef {
  return op(`arith.${name}`, {
    traits: [...(pure ? [Trait.Pure] : []), Trait.Elementwise, Trait.SameOperandsAndResultType, ...traits],
    operands: binary(signlessIntegerOrIndexLike),
    results: [{ name: "result", type: signlessIntegerOrIndexLike }],
    format: "$lhs `,` $rhs attr-dict `:` type($result)",
  });
}

function floatBinary(name: string, traits: string[] = []): OpDef {
  return op(`arith.${name}`, {
    traits: [...arithTraits, Trait.SameOperandsAndResultType, ...traits],
    operands: binary(floatLike),
    results: [{ name: "result", type: floatLike }],
    attributes: { fastmath: fastmathAttr },
    format: "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
  });
}

/** Extended (two-result) integer ops. */
function extendedMul(name: string): OpDef {
  return op(`arith.${name}`, {
    traits: [...arithTraits, Trait.Commutative],
    operands: binary(signlessIntegerOrIndexLike),
    results: [
      { name: "low", type: signlessIntegerOrIndexLike },
      { name: "high", type: signlessIntegerOrIndexLike },
    ],
    typesMatch: [["lhs", "rhs", "low", "high"]],
    format: "$lhs `,` $rhs attr-dict `:` type($lhs)",
    resultNames: () => ["low", "high"],
  });
}

/** Bit width of the element type (integers and floats), or undefined. */
function widthOf(t: Type): number | undefined {
  const e = elementTypeOf(t);
  if (e instanceof IntegerType) return e.width;
  if (e instanceof FloatType) return floatWidth(e.floatKind);
  return undefined;
}

/** Shapes of casts: both scalars, or shaped with the same shape. */
function sameShape(a: Type, b: Type): boolean {
  const sa = a instanceof ShapedType ? a.shape : null;
  const sb = b instanceof ShapedType ? b.shape : null;
  if (sa === null || sb === null) return sa === sb;
  return sa === undefined || sb === undefined || (sa.length === sb.length && sa.every((d, i) => d === sb[i]));
}

type WidthRule = "wider" | "narrower" | "equal" | undefined;

function cast(
  name: string,
  from: Constraint<Type>,
  to: Constraint<Type>,
  rule: WidthRule = undefined,
  extra: { attributes?: Record<string, AttrSpec>; format?: string } = {},
): OpDef {
  return op(`arith.${name}`, {
    traits: [Trait.Pure, Trait.Elementwise],
    operands: [{ name: "in", type: from }],
    results: [{ name: "out", type: to }],
    attributes: extra.attributes,
    format: extra.format ?? "$in attr-dict `:` type($in) `to` type($out)",
    verify(o, emit) {
      const a = o.operand(0).type;
      const b = o.result().type;
      if (!sameShape(a, b)) return emit("requires the same shape for all operands and results");
      const wa = widthOf(a);
      const wb = widthOf(b);
      if (wa === undefined || wb === undefined) return;
      if (rule === "wider" && !(wb > wa)) emit("result type must be wider than operand type");
      if (rule === "narrower" && !(wb < wa)) emit("result type must be narrower than operand type");
      if (rule === "equal" && wa !== wb) emit(`operand type '${a}' and result type '${b}' are cast incompatible`);
    },
  });
}

// ----- arith.constant -----

function constantVerify(o: Operation, emit: (m: string) => void): void {
  const value = o.getAttr("value");
  const type = o.result().type;
  const vt =
    value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr ? value.type : undefined;
  if (vt !== undefined && vt !== type) return emit(`value type ${vt} must match return type: ${type}`);
  if (type instanceof IntegerType && type.signedness !== 0) return emit("integer return type must be signless");
  if (
    !(value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr) &&
    !(value instanceof StringAttr)
  )
    if (value !== undefined && value.kind !== "dense-resource" && value.kind !== "sparse" && value.kind !== "dialect")
      emit("value must be an integer, float, or elements attribute");
}

/** `%c42_i32`, `%c0`, `%true`, `%cst`, as MLIR's ConstantOp::getAsmResultNames. */
function constantNames(o: Operation): (string | undefined)[] {
  const value = o.getAttr("value");
  const type = o.result().type;
  if (!(value instanceof IntegerAttr)) return ["cst"];
  if (type instanceof IntegerType && type.width === 1) return [value.value !== 0n ? "true" : "false"];
  // APInt prints as signed.
  let v = value.value;
  if (type instanceof IntegerType) v = BigInt.asIntN(type.width, v);
  return [type instanceof IntegerType ? `c${v}_${type.key}` : `c${v}`];
}

// ----- arith.select (C++ custom syntax) -----

function parseSelect(p: OpAsmParser, s: ParsedOp): void {
  const span = p.here();
  const operands = p.parseOperandList();
  if (operands.length !== 3) p.error(`expected 3 operands`, span);
  p.parseOptionalAttrDict(s);
  let resultType = p.parseColonType();
  let condType: Type = p.ctx.i1();
  if (p.parseOptionalComma()) {
    condType = resultType;
    resultType = p.parseType();
  }
  s.operands = p.resolveOperands(operands, [condType, resultType, resultType], span);
  s.resultTypes = [resultType];
}

function printSelect(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperands(o.operandValues);
  p.printOptionalAttrDict(p.allAttributes(o));
  p.print(" : ");
  const cond = o.operand(0).type;
  if (cond instanceof ShapedType) {
    p.printType(cond);
    p.print(", ");
  }
  p.printType(o.result().type);
}

function verifySelect(o: Operation, emit: (m: string) => void): void {
  const cond = o.operand(0).type;
  const res = o.result().type;
  if (cond instanceof IntegerType && cond.width === 1) return;
  if (!(cond instanceof ShapedType) || !(res instanceof ShapedType) || !sameShape(cond, res))
    emit("expected condition type to have the same shape as the result type");
}

// ----- the dialect -----

/** The i1 (or shaped i1) type of the same shape as `t`, as MLIR's getI1SameShape. */
export function i1SameShape(ctx: Context, t: Type): Type {
  const i1 = ctx.i1();
  if (t instanceof VectorType) return ctx.vector(t.shape, i1, t.scalableDims);
  if (t instanceof RankedTensorType) return ctx.tensor(t.shape, i1, t.encoding);
  if (t instanceof UnrankedTensorType) return ctx.unrankedTensor(i1);
  return i1;
}

function compare(name: string, operand: Constraint<Type>, cases: readonly string[], fastmath: boolean): OpDef {
  return op(`arith.${name}`, {
    traits: [Trait.Pure, Trait.Elementwise, Trait.SameTypeOperands],
    operands: binary(operand),
    results: [{ name: "result", type: boolLike }],
    attributes: {
      predicate: { enumCases: cases, enumStorage: "i64", type: i64Enum },
      ...(fastmath ? { fastmath: fastmathAttr } : {}),
    },
    format: fastmath
      ? "$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)"
      : "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)",
    inferResultTypes: (ctx, types) => (types[0] ? [i1SameShape(ctx, types[0])] : undefined),
    verify(o, emit) {
      if (o.result().type !== i1SameShape(o.ctx, o.operand(0).type))
        emit("result type has i1 element type and same shape as operands");
    },
  });
}

const roundingAttr: AttrSpec = {
  optional: true,
  enumCases: roundingModes,
  enumStorage: "i32",
  type: constraint<Attribute>("Floating point rounding mode", (a) => a instanceof IntegerAttr),
};

export const arithDialect: Dialect = {
  name: "arith",
  // Integer, index and float scalars and splats fold into arith.constant.
  materializeConstant: (ctx, value, type) => {
    const ok =
      (value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr) &&
      value.type === type &&
      !(elementTypeOf(type) instanceof IntegerType && (elementTypeOf(type) as IntegerType).signedness !== 0);
    return ok ? { name: "arith.constant", properties: ctx.dictionary([{ name: "value", value }]) } : undefined;
  },
  ops: [
    op("arith.constant", {
      traits: [Trait.Pure, Trait.ConstantLike],
      attributes: { value: {} },
      results: [{ name: "result" }],
      typesMatch: [["value", "result"]],
      format: "attr-dict $value",
      verify: constantVerify,
      resultNames: constantNames,
    }),
    intBinaryWithOverflow("addi", [Trait.Commutative]),
    op("arith.addui_extended", {
      traits: [...arithTraits, Trait.Commutative],
      operands: binary(signlessIntegerOrIndexLike),
      results: [
        { name: "sum", type: signlessIntegerOrIndexLike },
        { name: "overflow", type: boolLike },
      ],
      typesMatch: [["lhs", "rhs", "sum"]],
      format: "$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)",
      resultNames: () => ["sum", "overflow"],
    }),
    intBinaryWithOverflow("subi"),
    intBinaryWithOverflow("muli", [Trait.Commutative]),
    extendedMul("mulsi_extended"),
    extendedMul("mului_extended"),
    intBinaryWithExact("divui", false),
    intBinaryWithExact("divsi", false),
    intBinary("ceildivui", [], false),
    intBinary("ceildivsi", [], false),
    intBinary("floordivsi"),
    intBinary("remui"),
    intBinary("remsi"),
    intBinary("andi", [Trait.Commutative, Trait.Idempotent]),
    intBinary("ori", [Trait.Commutative, Trait.Idempotent]),
    intBinary("xori", [Trait.Commutative]),
    intBinaryWithOverflow("shli"),
    intBinaryWithExact("shrui", true),
    intBinaryWithExact("shrsi", true),
    op("arith.negf", {
      traits: [...arithTraits, Trait.SameOperandsAndResultType],
      operands: [{ name: "operand", type: floatLike }],
      results: [{ name: "result", type: floatLike }],
      attributes: { fastmath: fastmathAttr },
      format: "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
    }),
    floatBinary("addf", [Trait.Commutative]),
    floatBinary("subf"),
    floatBinary("maximumf", [Trait.Commutative]),
    floatBinary("maxnumf", [Trait.Commutative]),
    intBinary("maxsi", [Trait.Commutative]),
    intBinary("maxui", [Trait.Commutative]),
    floatBinary("minimumf", [Trait.Commutative]),
    floatBinary("minnumf", [Trait.Commutative]),
    intBinary("minsi", [Trait.Commutative]),
    intBinary("minui", [Trait.Commutative]),
    floatBinary("mulf", [Trait.Commutative]),
    floatBinary("divf"),
    floatBinary("remf"),
    cast("extui", signlessFixedWidthIntegerLike, signlessFixedWidthIntegerLike, "wider"),
    cast("extsi", signlessFixedWidthIntegerLike, signlessFixedWidthIntegerLike, "wider"),
    cast("extf", floatLike, floatLike, "wider", {
      attributes: { fastmath: optionalFastmath },
      format: "$in (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `to` type($out)",
    }),
    op("arith.scaling_extf", {
      traits: [Trait.Pure, Trait.Elementwise],
      operands: [
        { name: "in", type: floatLike },
        { name: "scale", type: floatLike },
      ],
      results: [{ name: "out", type: floatLike }],
      attributes: { fastmath: optionalFastmath },
      format: "$in `,` $scale (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `,` type($scale) `to` type($out)",
    }),
    cast("trunci", signlessFixedWidthIntegerLike, signlessFixedWidthIntegerLike, "narrower", {
      attributes: { overflowFlags: overflowAttr },
      format: "$in (`overflow` `` $overflowFlags^)? attr-dict `:` type($in) `to` type($out)",
    }),
    cast("truncf", floatLike, floatLike, "narrower", {
      attributes: { roundingmode: roundingAttr, fastmath: optionalFastmath },
      format: "$in ($roundingmode^)? (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `to` type($out)",
    }),
    op("arith.scaling_truncf", {
      traits: [Trait.Pure, Trait.Elementwise],
      operands: [
        { name: "in", type: floatLike },
        { name: "scale", type: floatLike },
      ],
      results: [{ name: "out", type: floatLike }],
      attributes: { roundingmode: roundingAttr, fastmath: optionalFastmath },
      format:
        "$in `,` $scale ($roundingmode^)? (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `,` type($scale) `to` type($out)",
    }),
    cast("uitofp", signlessFixedWidthIntegerLike, floatLike),
    cast("sitofp", signlessFixedWidthIntegerLike, floatLike),
    cast("fptoui", floatLike, signlessFixedWidthIntegerLike),
    cast("fptosi", floatLike, signlessFixedWidthIntegerLike),
    cast("index_cast", indexCastType, indexCastType),
    cast("index_castui", indexCastType, indexCastType),
    cast("bitcast", bitcastType, bitcastType, "equal"),
    compare("cmpi", signlessIntegerOrIndexLike, cmpiPredicates, false),
    compare("cmpf", floatLike, cmpfPredicates, true),
    op("arith.select", {
      traits: [Trait.Pure, Trait.Elementwise],
      operands: [
        { name: "condition", type: boolLike },
        { name: "true_value", type: anyType },
        { name: "false_value", type: anyType },
      ],
      results: [{ name: "result", type: anyType }],
      typesMatch: [["true_value", "false_value", "result"]],
      parse: parseSelect,
      print: printSelect,
      verify: verifySelect,
    }),
  ],
};
