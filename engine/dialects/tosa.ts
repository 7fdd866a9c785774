// The tosa dialect (TOSA 1.0 as in LLVM 22): tensor operators printed as
// `operands attr-dict : functional-type(operands, results)` (enum attributes as bare
// keywords: `nan_mode = IGNORE`), shape ops, constants, variables, cond_if and while_loop.
import {
  op,
  Trait,
  type Dialect,
  type OpDef,
  type ValueSpec,
} from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  RegionArgument,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { Region } from "../ir/block.ts";
import {
  FunctionType,
  RankedTensorType,
  ShapedType,
  type Type,
} from "../ir/types.ts";
import {
  DenseElementsAttr,
  DialectAttr,
  IntegerAttr,
  StringAttr,
  TypeAttr,
  type Attribute,
  type NamedAttribute,
} from "../ir/attributes.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import { parseWhile, printWhile } from "./scf.ts";
import {
  parseAssignmentList,
  printAttrDict,
  printInitializationList,
} from "./region-syntax.ts";

// ----- enum attributes written as bare keywords -----

/** Attribute names whose enum values TOSA's parser accepts as bare keywords, with their mnemonics. */
const enumMnemonics: Record<string, string> = {
  nan_mode: "nan_mode",
  rounding_mode: "rounding_mode",
  mode: "resize_mode",
};
const bareEnumMnemonics = new Set(Object.values(enumMnemonics));

function bareEnumCase(a: Attribute): string | undefined {
  if (!(a instanceof DialectAttr)) return undefined;
  const m = /^tosa\.([a-z_]+)<([A-Za-z0-9_]+)>$/.exec(a.text);
  return m && bareEnumMnemonics.has(m[1]!) ? m[2] : undefined;
}

const nanPropagate = "tosa.nan_mode<PROPAGATE>";

/** `{name = value, ...}` where enum-valued entries may be bare keywords (parseWithEnumHandling). */
function parseEnumAttrDict(p: OpAsmParser, s: ParsedOp): void {
  if (!p.parseOptionalLBrace() || p.parseOptionalRBrace()) return;
  do {
    const name = p.parseKeywordOrString();
    p.parseEqual();
    const mnemonic = enumMnemonics[name];
    const kw = mnemonic !== undefined ? p.parseOptionalAnyKeyword() : undefined;
    if (kw !== undefined)
      s.addAttribute(
        name,
        p.ctx.dialectAttr("tosa", `tosa.${mnemonic}<${kw}>`),
      );
    else s.addAttribute(name, p.parseAttribute());
  } while (p.parseOptionalComma());
  p.parseRBrace();
}

/** `{a = 1 : i32, nan_mode = IGNORE}`, enum values bare (printNamedAttr). */
function printEnumAttrDict(
  p: OpAsmPrinter,
  entries: readonly NamedAttribute[],
): void {
  if (entries.length === 0) return;
  const parts = entries.map((e) => {
    const c = bareEnumCase(e.value);
    return c !== undefined
      ? `${e.name} = ${c}`
      : `${e.name} = ${p.attributeText(e.value)}`;
  });
  p.print(` {${parts.join(", ")}}`);
}

// ----- `operands attr-dict : functional-type(operands, results)` -----

type AttrStyle = "plain" | "nan" | "enum";

function parseFunctional(
  p: OpAsmParser,
  s: ParsedOp,
  style: AttrStyle,
  nanDefault: boolean,
): void {
  const operands = p.parseOperandList();
  if (style === "plain") p.parseOptionalAttrDict(s);
  else parseEnumAttrDict(p, s);
  p.parseColon();
  const span = p.here();
  const fn = p.parseType();
  if (!(fn instanceof FunctionType)) p.error("expected function type", span);
  s.operands = p.resolveOperands(operands, fn.inputs, span);
  s.resultTypes = [...fn.results];
  if (nanDefault && s.getAttribute("nan_mode") === undefined)
    s.addAttribute("nan_mode", p.ctx.dialectAttr("tosa", nanPropagate));
}

/** Attribute names elided when they hold their default (DefaultValuedAttr in ODS attr-dict). */
const falseByDefault = ["local_bound"];

function printFunctional(
  p: OpAsmPrinter,
  o: Operation,
  style: AttrStyle,
): void {
  p.print(" ");
  p.printOperands(o.operandValues);
  const all = p.allAttributes(o);
  if (style === "plain") {
    const elided = all
      .filter(
        (e) =>
          falseByDefault.includes(e.name) &&
          e.value instanceof IntegerAttr &&
          e.value.value === 0n,
      )
      .map((e) => e.name);
    p.printOptionalAttrDict(all, elided);
  } else if (style === "nan") {
    const i = all.findIndex(
      (e) => e.value instanceof DialectAttr && e.value.text === nanPropagate,
    );
    printEnumAttrDict(
      p,
      i < 0 ? all : [...all.slice(0, i), ...all.slice(i + 1)],
    );
  } else printEnumAttrDict(p, all);
  p.print(" : ");
  p.printFunctionalType(o.operandTypes, o.resultTypes);
}

interface TosaSpec {
  /** Operand names; a trailing `*` marks a variadic group. */
  readonly ins: readonly string[];
  readonly outs?: readonly string[];
  readonly attrs?: readonly string[];
  readonly optional?: readonly string[];
  readonly style?: AttrStyle;
  readonly pure?: boolean;
  readonly traits?: readonly string[];
}

function specs(names: readonly string[]): ValueSpec[] {
  return names.map((n) =>
    n.endsWith("*")
      ? { name: n.slice(0, -1), arity: "variadic" as const }
      : { name: n },
  );
}

function tosaOp(mnemonic: string, spec: TosaSpec): OpDef {
  const style = spec.style ?? "plain";
  const attributes: Record<string, { optional?: boolean }> = {};
  for (const a of spec.attrs ?? []) attributes[a] = {};
  for (const a of spec.optional ?? []) attributes[a] = { optional: true };
  const outs = spec.outs ?? ["output"];
  const nanDefault = (spec.attrs ?? []).includes("nan_mode");
  return op(`tosa.${mnemonic}`, {
    traits: [
      ...(spec.pure === false ? [] : [Trait.Pure]),
      ...(spec.traits ?? []),
    ],
    operands: specs(spec.ins),
    results: specs(outs),
    attributes,
    parse: (p, s) => parseFunctional(p, s, style, nanDefault),
    print: (p, o) => printFunctional(p, o, style),
    ...(outs.length > 1 && !outs.some((n) => n.endsWith("*"))
      ? { resultNames: () => outs }
      : {}),
  });
}

// ----- control flow: cond_if, while_loop, yield -----

function parseCondIf(p: OpAsmParser, s: ParsedOp): void {
  const cond = p.parseOperand();
  let inputs: { args: RegionArgument[]; operands: UnresolvedOperand[] } = {
    args: [],
    operands: [],
  };
  if (p.at(Tok.lparen)) inputs = parseAssignmentList(p);
  p.parseColon();
  const condType = p.parseType();
  const inputTypes = inputs.operands.length > 0 ? p.parseParenTypeList() : [];
  s.resultTypes = p.parseArrowTypeList();
  s.operands = [
    p.resolveOperand(cond, condType),
    ...p.resolveOperands(inputs.operands, inputTypes),
  ];
  s.regions.push(p.parseRegion());
  s.regions.push(
    p.parseOptionalKeyword("else") ? p.parseRegion() : new Region(),
  );
  p.parseOptionalAttrDict(s);
}

function printCondIf(p: OpAsmPrinter, o: Operation): void {
  const [cond, ...inputs] = o.operandValues;
  p.print(" ");
  p.printOperand(cond!);
  printInitializationList(
    p,
    o.region(0).blocks[0]?.arguments ?? [],
    inputs,
    " ",
  );
  p.print(` : ${p.typeText(cond!.type)}`);
  if (inputs.length > 0)
    p.print(` (${inputs.map((v) => p.typeText(v.type)).join(", ")})`);
  p.print(" -> ");
  if (o.results.length === 0) p.print("()");
  else p.printArrowTypeList(o.resultTypes);
  p.print(" ");
  p.printRegion(o.region(0));
  const other = o.regions[1];
  if (other && other.blocks.length > 0) {
    p.print(" else ");
    p.printRegion(other);
  }
  printAttrDict(p, o);
}

// tosa.while_loop is written as scf.while: `(%arg = %init) : (types) -> types {cond} do {body}`.

/** `$inputs attr-dict : type($inputs)`; MLIR prints `tosa.yield  : ` for no inputs, which prr also reads back. */
function parseYield(p: OpAsmParser, s: ParsedOp): void {
  const operands = p.parseOperandList();
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const types = p.at(Tok.rbrace) ? [] : p.parseTypeList();
  s.operands = p.resolveOperands(operands, types);
}

function printYield(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperands(o.operandValues);
  printAttrDict(p, o);
  p.print(" : ");
  p.printTypes(o.operandTypes);
}

// ----- variables -----

function parseVariable(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  s.addAttribute("sym_name", ctx.string(p.parseSymbolName()));
  p.parseOptionalAttrDict(s);
  let type: Type;
  const span = p.here();
  if (p.parseOptionalEqual()) {
    const init = p.parseAttribute();
    if (!(init instanceof DenseElementsAttr))
      return p.error("expected Typed attr", span);
    s.addAttribute("initial_value", init);
    type = init.type;
  } else type = p.parseColonType();
  if (!(type instanceof RankedTensorType))
    return p.error("expected ranked type", span);
  s.addAttribute(
    "var_shape",
    ctx.dense(
      ctx.tensor([type.shape.length], ctx.index()),
      type.shape.map((d) => BigInt(d)),
      false,
    ),
  );
  s.addAttribute("type", ctx.typeAttr(type.elementType));
}

function printVariable(p: OpAsmPrinter, o: Operation): void {
  const name = o.getAttr("sym_name");
  p.print(" ");
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  printAttrDict(p, o, ["sym_name", "var_shape", "type", "initial_value"]);
  const init = o.getAttr("initial_value");
  p.print(" ");
  if (init instanceof DenseElementsAttr) {
    p.print("= ");
    p.printAttribute(init);
    return;
  }
  const shapeAttr = o.getAttr("var_shape");
  const el = o.getAttr("type");
  const shape =
    shapeAttr instanceof DenseElementsAttr
      ? Array.from(
          { length: (shapeAttr.type as ShapedType).numElements ?? 0 },
          (_, i) => Number(shapeAttr.at(i)),
        )
      : [];
  const elementType = el instanceof TypeAttr ? el.type : o.ctx.f32();
  p.print(`: ${p.typeText(o.ctx.tensor(shape, elementType))}`);
}

function parseVariableRead(p: OpAsmParser, s: ParsedOp): void {
  s.addAttribute("name", p.ctx.string(p.parseSymbolName()));
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.parseColonType()];
}

function printVariableName(p: OpAsmPrinter, o: Operation): void {
  const name = o.getAttr("name");
  p.print(" ");
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  printAttrDict(p, o, ["name"]);
}

function parseVariableWrite(p: OpAsmParser, s: ParsedOp): void {
  s.addAttribute("name", p.ctx.string(p.parseSymbolName()));
  p.parseOptionalAttrDict(s);
  p.parseComma();
  const v = p.parseOperand();
  s.operands = [p.resolveOperand(v, p.parseColonType())];
}

// ----- the dialect -----

const unary = (m: string, extra: Partial<TosaSpec> = {}) =>
  tosaOp(m, { ins: ["input1"], ...extra });
const binary = (m: string, extra: Partial<TosaSpec> = {}) =>
  tosaOp(m, { ins: ["input1", "input2"], ...extra });
const conv = ["input", "weight", "bias", "input_zp", "weight_zp"];
const convAttrs = ["pad", "stride", "dilation", "acc_type"];
const reduce = (m: string, style: AttrStyle = "plain") =>
  tosaOp(m, {
    ins: ["input"],
    attrs: style === "nan" ? ["axis", "nan_mode"] : ["axis"],
    style,
  });
const shapeBinary = (m: string) => tosaOp(m, { ins: ["input1", "input2"] });
const shapeUnary = (m: string) => tosaOp(m, { ins: ["input"] });

export const tosaDialect: Dialect = {
  name: "tosa",
  ops: [
    // Tensor operators.
    tosaOp("argmax", {
      ins: ["input"],
      attrs: ["axis", "nan_mode"],
      style: "nan",
    }),
    tosaOp("avg_pool2d", {
      ins: ["input", "input_zp", "output_zp"],
      attrs: ["kernel", "stride", "pad", "acc_type"],
    }),
    tosaOp("conv2d", {
      ins: conv,
      attrs: convAttrs,
      optional: ["local_bound"],
    }),
    tosaOp("conv3d", {
      ins: conv,
      attrs: convAttrs,
      optional: ["local_bound"],
    }),
    tosaOp("depthwise_conv2d", {
      ins: conv,
      attrs: convAttrs,
      optional: ["local_bound"],
    }),
    tosaOp("fft2d", {
      ins: ["input_real", "input_imag"],
      outs: ["output_real", "output_imag"],
      attrs: ["inverse"],
      optional: ["local_bound"],
    }),
    tosaOp("matmul", { ins: ["a", "b", "a_zp", "b_zp"] }),
    tosaOp("max_pool2d", {
      ins: ["input"],
      attrs: ["kernel", "stride", "pad", "nan_mode"],
      style: "nan",
    }),
    tosaOp("rfft2d", {
      ins: ["input_real"],
      outs: ["output_real", "output_imag"],
      optional: ["local_bound"],
    }),
    tosaOp("transpose_conv2d", {
      ins: conv,
      attrs: ["out_pad", "stride", "acc_type"],
      optional: ["local_bound"],
    }),
    tosaOp("matmul_t_block_scaled", {
      ins: ["a_data", "a_scale", "b_data", "b_scale"],
      attrs: ["block_size"],
    }),
    // Activation functions.
    tosaOp("clamp", {
      ins: ["input"],
      attrs: ["min_val", "max_val", "nan_mode"],
      style: "nan",
    }),
    unary("erf", { ins: ["input"] }),
    unary("sigmoid", { ins: ["input"] }),
    unary("tanh", { ins: ["input"] }),
    // Elementwise binary operators.
    binary("add", { traits: [Trait.Commutative] }),
    binary("arithmetic_right_shift", { attrs: ["round"] }),
    binary("bitwise_and", { traits: [Trait.Commutative] }),
    binary("bitwise_or", { traits: [Trait.Commutative] }),
    binary("bitwise_xor", { traits: [Trait.Commutative] }),
    binary("intdiv"),
    binary("logical_and", { traits: [Trait.Commutative] }),
    binary("logical_left_shift"),
    binary("logical_right_shift"),
    binary("logical_or", { traits: [Trait.Commutative] }),
    binary("logical_xor", { traits: [Trait.Commutative] }),
    binary("maximum", {
      attrs: ["nan_mode"],
      style: "nan",
      traits: [Trait.Commutative],
    }),
    binary("minimum", {
      attrs: ["nan_mode"],
      style: "nan",
      traits: [Trait.Commutative],
    }),
    tosaOp("mul", {
      ins: ["input1", "input2", "shift"],
      traits: [Trait.Commutative],
    }),
    binary("pow"),
    binary("sub"),
    tosaOp("table", { ins: ["input1", "table"] }),
    // Elementwise unary operators.
    unary("abs"),
    unary("bitwise_not"),
    unary("ceil"),
    unary("clz"),
    unary("cos"),
    unary("exp"),
    unary("floor"),
    unary("log"),
    unary("logical_not"),
    tosaOp("negate", { ins: ["input1", "input1_zp", "output_zp"] }),
    unary("reciprocal"),
    unary("rsqrt"),
    unary("sin"),
    // Elementwise ternary and comparison operators.
    tosaOp("select", { ins: ["input1", "input2", "input3"] }),
    binary("equal", { traits: [Trait.Commutative] }),
    binary("greater"),
    binary("greater_equal"),
    // Reductions.
    reduce("reduce_all"),
    reduce("reduce_any"),
    reduce("reduce_max", "nan"),
    reduce("reduce_min", "nan"),
    reduce("reduce_product"),
    reduce("reduce_sum"),
    // Data layout.
    tosaOp("concat", { ins: ["input1*"], attrs: ["axis"] }),
    tosaOp("pad", { ins: ["input1", "padding", "pad_const"] }),
    tosaOp("reshape", { ins: ["input1", "shape"] }),
    tosaOp("reverse", { ins: ["input1"], attrs: ["axis"] }),
    tosaOp("slice", { ins: ["input1", "start", "size"] }),
    tosaOp("tile", { ins: ["input1", "multiples"] }),
    tosaOp("transpose", { ins: ["input1"], attrs: ["perms"] }),
    // Scatter/gather, image, type conversion.
    tosaOp("gather", { ins: ["values", "indices"] }),
    tosaOp("scatter", { ins: ["values_in", "indices", "input"] }),
    tosaOp("resize", {
      ins: ["input", "scale", "offset", "border"],
      attrs: ["mode"],
      style: "enum",
    }),
    unary("cast", { ins: ["input"] }),
    tosaOp("cast_from_block_scaled", {
      ins: ["input_data", "input_scale"],
      attrs: ["block_size"],
    }),
    tosaOp("cast_to_block_scaled", {
      ins: ["input_data"],
      outs: ["output_data", "output_scale"],
      attrs: ["block_size"],
    }),
    tosaOp("rescale", {
      ins: ["input", "multiplier", "shift", "input_zp", "output_zp"],
      attrs: [
        "scale32",
        "rounding_mode",
        "per_channel",
        "input_unsigned",
        "output_unsigned",
      ],
      style: "enum",
    }),
    tosaOp("apply_scale", {
      ins: ["value", "multiplier", "shift"],
      attrs: ["rounding_mode"],
      style: "enum",
    }),
    // Data nodes.
    op("tosa.const", {
      traits: [Trait.Pure, Trait.ConstantLike],
      results: [{ name: "output" }],
      attributes: { values: {} },
    }),
    tosaOp("const_shape", {
      ins: [],
      attrs: ["values"],
      traits: [Trait.ConstantLike],
    }),
    unary("identity"),
    tosaOp("custom", {
      ins: ["input_list*"],
      outs: ["output_list*"],
      attrs: ["operator_name", "domain_name", "implementation_attrs"],
      pure: false,
    }),
    // Shape operators.
    tosaOp("dim", { ins: ["input1"], attrs: ["axis"] }),
    tosaOp("concat_shape", { ins: ["input*"] }),
    shapeBinary("add_shape"),
    shapeBinary("sub_shape"),
    shapeBinary("mul_shape"),
    shapeBinary("div_ceil_shape"),
    shapeBinary("div_floor_shape"),
    shapeBinary("mod_shape"),
    shapeBinary("max_shape"),
    shapeBinary("min_shape"),
    shapeUnary("exp2_shape"),
    shapeUnary("log2_ceil_shape"),
    shapeUnary("log2_floor_shape"),
    tosaOp("slice_shape", { ins: ["input", "start", "size"] }),
    // Control flow.
    op("tosa.cond_if", {
      operands: [
        { name: "condition" },
        { name: "input_list", arity: "variadic" },
      ],
      results: [{ name: "output_list", arity: "variadic" }],
      regions: 2,
      parse: parseCondIf,
      print: printCondIf,
    }),
    op("tosa.while_loop", {
      operands: [{ name: "input_list", arity: "variadic" }],
      results: [{ name: "output_list", arity: "variadic" }],
      regions: 2,
      parse: parseWhile,
      print: printWhile,
    }),
    op("tosa.yield", {
      traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
      operands: [{ name: "inputs", arity: "variadic" }],
      parents: ["tosa.cond_if", "tosa.while_loop"],
      parse: parseYield,
      print: printYield,
    }),
    // Variables.
    op("tosa.variable", {
      traits: [Trait.Symbol],
      attributes: {
        sym_name: {},
        var_shape: {},
        type: {},
        initial_value: { optional: true },
      },
      parse: parseVariable,
      print: printVariable,
    }),
    op("tosa.variable_read", {
      results: [{ name: "output1" }],
      attributes: { name: {} },
      parse: parseVariableRead,
      print(p, o) {
        printVariableName(p, o);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
    }),
    op("tosa.variable_write", {
      operands: [{ name: "input1" }],
      attributes: { name: {} },
      parse: parseVariableWrite,
      print(p, o) {
        printVariableName(p, o);
        p.print(", ");
        p.printOperand(o.operand(0));
        p.print(` : ${p.typeText(o.operand(0).type)}`);
      },
    }),
  ],
};
