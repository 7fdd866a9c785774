// The math dialect (LLVM 22): elementwise transcendental, rounding, bit-counting and
// classification functions on scalars, vectors and tensors, with their ODS formats.
import { op, Trait, type Dialect, type OpDef } from "./registry.ts";
import { fastmathAttr, floatLike, signlessIntegerLike, boolLike, i1SameShape } from "./arith.ts";

const mathTraits = [Trait.Pure, Trait.Elementwise];

/** `math.<name> %x fastmath<...> : t` */
function floatUnary(name: string, traits: string[] = []): OpDef {
  return op(`math.${name}`, {
    traits: [...mathTraits, Trait.SameOperandsAndResultType, ...traits],
    operands: [{ name: "operand", type: floatLike }],
    results: [{ name: "result", type: floatLike }],
    attributes: { fastmath: fastmathAttr },
    format: "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
  });
}

function floatBinary(name: string, traits: string[] = []): OpDef {
  return op(`math.${name}`, {
    traits: [...mathTraits, Trait.SameOperandsAndResultType, ...traits],
    operands: [
      { name: "lhs", type: floatLike },
      { name: "rhs", type: floatLike },
    ],
    results: [{ name: "result", type: floatLike }],
    attributes: { fastmath: fastmathAttr },
    format: "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
  });
}

function intUnary(name: string): OpDef {
  return op(`math.${name}`, {
    traits: [...mathTraits, Trait.SameOperandsAndResultType],
    operands: [{ name: "operand", type: signlessIntegerLike }],
    results: [{ name: "result", type: signlessIntegerLike }],
    format: "$operand attr-dict `:` type($result)",
  });
}

/** isfinite, isinf, isnan, isnormal: an i1-like result of the operand's shape. */
function classify(name: string): OpDef {
  return op(`math.${name}`, {
    traits: mathTraits,
    operands: [{ name: "operand", type: floatLike }],
    results: [{ name: "result", type: boolLike }],
    attributes: { fastmath: fastmathAttr },
    format: "$operand attr-dict `:` type($operand)",
    inferResultTypes: (ctx, types) => (types[0] ? [i1SameShape(ctx, types[0])] : undefined),
  });
}

const floatUnaryNames = [
  "absf",
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atanh",
  "cbrt",
  "ceil",
  "cos",
  "cosh",
  "erf",
  "erfc",
  "exp",
  "exp2",
  "expm1",
  "floor",
  "log",
  "log10",
  "log1p",
  "log2",
  "round",
  "roundeven",
  "rsqrt",
  "sin",
  "sinh",
  "sqrt",
  "tan",
  "tanh",
  "trunc",
];

export const mathDialect: Dialect = {
  name: "math",
  ops: [
    ...floatUnaryNames.map((n) => floatUnary(n)),
    intUnary("absi"),
    intUnary("ctlz"),
    intUnary("cttz"),
    intUnary("ctpop"),
    floatBinary("atan2"),
    floatBinary("copysign"),
    floatBinary("powf"),
    op("math.fma", {
      traits: [...mathTraits, Trait.SameOperandsAndResultType],
      operands: [
        { name: "a", type: floatLike },
        { name: "b", type: floatLike },
        { name: "c", type: floatLike },
      ],
      results: [{ name: "result", type: floatLike }],
      attributes: { fastmath: fastmathAttr },
      format: "$a `,` $b `,` $c (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
    }),
    op("math.fpowi", {
      traits: mathTraits,
      operands: [
        { name: "lhs", type: floatLike },
        { name: "rhs", type: signlessIntegerLike },
      ],
      results: [{ name: "result", type: floatLike }],
      attributes: { fastmath: fastmathAttr },
      typesMatch: [["lhs", "result"]],
      format: "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs) `,` type($rhs)",
    }),
    op("math.ipowi", {
      traits: [...mathTraits, Trait.SameOperandsAndResultType],
      operands: [
        { name: "lhs", type: signlessIntegerLike },
        { name: "rhs", type: signlessIntegerLike },
      ],
      results: [{ name: "result", type: signlessIntegerLike }],
      format: "$lhs `,` $rhs attr-dict `:` type($result)",
    }),
    op("math.clampf", {
      traits: [...mathTraits, Trait.SameOperandsAndResultType],
      operands: [
        { name: "value", type: floatLike },
        { name: "min", type: floatLike },
        { name: "max", type: floatLike },
      ],
      results: [{ name: "result", type: floatLike }],
      attributes: { fastmath: fastmathAttr },
      format: "$value `to` ` ` `[` $min `,` $max `]` (`fastmath` `` $fastmath^)? attr-dict `:` type($result)",
    }),
    op("math.sincos", {
      traits: mathTraits,
      operands: [{ name: "operand", type: floatLike }],
      results: [
        { name: "sin", type: floatLike },
        { name: "cos", type: floatLike },
      ],
      attributes: { fastmath: fastmathAttr },
      typesMatch: [["operand", "sin", "cos"]],
      format: "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($operand)",
      resultNames: () => ["sin", "cos"],
    }),
    classify("isfinite"),
    classify("isinf"),
    classify("isnan"),
    classify("isnormal"),
  ],
};
