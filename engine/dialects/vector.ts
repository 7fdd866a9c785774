// The vector dialect: construction (broadcast, from_elements, masks, step), element and slice
// access, arithmetic (fma, contract, outerproduct, reductions) and reshaping, with MLIR's custom
// syntax; the memory ops' syntax is in vector-memory.ts, shared helpers in vector-support.ts.
import {
  op,
  Trait,
  type Dialect,
  type EmitError,
  type OpDef,
} from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { VectorType, type Type } from "../ir/types.ts";
import {
  ArrayAttr,
  DictionaryAttr,
  StringAttr,
  type Attribute,
  type NamedAttribute,
} from "../ir/attributes.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import {
  kDynamic,
  parseDynamicIndexList,
  parseYieldLike,
  printAttrDict,
  printDynamicIndexList,
  printYieldLike,
} from "./region-syntax.ts";
import {
  parseEnumBody,
  enumCase,
  kind,
  fastmathNone,
  vectorOf,
  parseVectorType,
  i64Numbers,
} from "./vector-support.ts";
import type { OpSpec } from "./vector-support.ts";
import {
  parseTransferRead,
  parseTransferWrite,
  printTransferRead,
  printTransferWrite,
  verifyTransfer,
  accessOp,
} from "./vector-memory.ts";

// ----- vector.extract / vector.insert -----

function parseExtract(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const source = p.parseOperand();
  const pos = parseDynamicIndexList(p, Tok.lsquare);
  s.addAttribute("static_position", ctx.denseArray(ctx.i64(), pos.statics));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  s.resultTypes = [p.parseType()];
  p.parseKeyword("from");
  const st = p.parseType();
  s.operands = [
    p.resolveOperand(source, st),
    ...p.resolveOperands(pos.values, ctx.index()),
  ];
}

function printExtract(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  printDynamicIndexList(
    p,
    o.operandValues.slice(1),
    i64Numbers(o.getAttr("static_position")),
    "[",
    "]",
  );
  printAttrDict(p, o, ["static_position"]);
  p.print(
    ` : ${p.typeText(o.result(0).type)} from ${p.typeText(o.operand(0).type)}`,
  );
}

function parseInsert(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const value = p.parseOperand();
  p.parseComma();
  const dest = p.parseOperand();
  const pos = parseDynamicIndexList(p, Tok.lsquare);
  s.addAttribute("static_position", ctx.denseArray(ctx.i64(), pos.statics));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const vt = p.parseType();
  p.parseKeyword("into");
  const dt = p.parseType();
  s.resultTypes = [dt];
  s.operands = [
    p.resolveOperand(value, vt),
    p.resolveOperand(dest, dt),
    ...p.resolveOperands(pos.values, ctx.index()),
  ];
}

function printInsert(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperands(o.operandValues.slice(0, 2));
  p.print(" ");
  printDynamicIndexList(
    p,
    o.operandValues.slice(2),
    i64Numbers(o.getAttr("static_position")),
    "[",
    "]",
  );
  printAttrDict(p, o, ["static_position"]);
  p.print(
    ` : ${p.typeText(o.operand(0).type)} into ${p.typeText(o.operand(1).type)}`,
  );
}

function verifyPosition(
  o: Operation,
  vectorIndex: number,
  emit: EmitError,
): void {
  const pos = i64Numbers(o.getAttr("static_position"));
  const dyn = pos.filter((x) => x === kDynamic).length;
  if (dyn !== o.operands.length - vectorIndex - 1)
    emit("mismatch between dynamic and static positions");
  const vt = o.operands[vectorIndex]?.value.type;
  if (vt instanceof VectorType && pos.length > vt.shape.length)
    emit(`expected position attribute of rank no greater than vector rank`);
}

// ----- vector.reduction, multi_reduction, scan -----

function parseReduction(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  s.addAttribute("kind", parseEnumBody(p, "vector", "kind"));
  p.parseComma();
  const vector = p.parseOperand();
  const acc = p.parseOptionalComma() ? p.parseOperand() : undefined;
  if (p.parseOptionalKeyword("fastmath"))
    s.addAttribute("fastmath", parseEnumBody(p, "arith", "fastmath"));
  else s.addAttribute("fastmath", fastmathNone(ctx));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const vt = p.parseType();
  p.parseKeyword("into");
  const dt = p.parseType();
  s.resultTypes = [dt];
  s.operands = [
    p.resolveOperand(vector, vt),
    ...(acc ? [p.resolveOperand(acc, dt)] : []),
  ];
}

function printReduction(p: OpAsmPrinter, o: Operation): void {
  p.print(` <${enumCase(o.getAttr("kind"))}>, `);
  p.printOperands(o.operandValues);
  const fm = enumCase(o.getAttr("fastmath"));
  const elided = ["kind"];
  if (o.getAttr("fastmath") !== undefined) elided.push("fastmath");
  if (fm !== "" && fm !== "none") p.print(` fastmath<${fm}>`);
  printAttrDict(p, o, elided);
  p.print(
    ` : ${p.typeText(o.operand(0).type)} into ${p.typeText(o.result(0).type)}`,
  );
}

function parseMultiReduction(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  s.addAttribute("kind", parseEnumBody(p, "vector", "kind"));
  p.parseComma();
  const source = p.parseOperand();
  p.parseComma();
  const acc = p.parseOperand();
  p.parseOptionalAttrDict(s);
  const dims = parseDynamicIndexList(p, Tok.lsquare);
  s.addAttribute("reduction_dims", ctx.denseArray(ctx.i64(), dims.statics));
  p.parseColon();
  const st = p.parseType();
  p.parseKeyword("to");
  const dt = p.parseType();
  s.resultTypes = [dt];
  s.operands = [p.resolveOperand(source, st), p.resolveOperand(acc, dt)];
}

function printMultiReduction(p: OpAsmPrinter, o: Operation): void {
  p.print(` <${enumCase(o.getAttr("kind"))}>, `);
  p.printOperands(o.operandValues);
  printAttrDict(p, o, ["kind", "reduction_dims"]);
  p.print(` [${i64Numbers(o.getAttr("reduction_dims")).join(", ")}]`);
  p.print(
    ` : ${p.typeText(o.operand(0).type)} to ${p.typeText(o.result(0).type)}`,
  );
}

function parseScan(p: OpAsmParser, s: ParsedOp): void {
  s.addAttribute("kind", parseEnumBody(p, "vector", "kind"));
  p.parseComma();
  const source = p.parseOperand();
  p.parseComma();
  const init = p.parseOperand();
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const st = p.parseType();
  p.parseComma();
  const it = p.parseType();
  s.resultTypes = [st, it];
  s.operands = [p.resolveOperand(source, st), p.resolveOperand(init, it)];
}

function printScan(p: OpAsmPrinter, o: Operation): void {
  p.print(` <${enumCase(o.getAttr("kind"))}>, `);
  p.printOperands(o.operandValues);
  printAttrDict(p, o, ["kind"]);
  p.print(
    ` : ${p.typeText(o.operand(0).type)}, ${p.typeText(o.operand(1).type)}`,
  );
}

// ----- vector.contract and vector.outerproduct -----

const contractTraitAttrs = ["indexing_maps", "iterator_types", "kind"];

function parseContract(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const span = p.here();
  const dict = p.parseAttribute();
  if (!(dict instanceof DictionaryAttr))
    p.error("expected a dictionary of contraction attributes", span);
  for (const e of dict.entries) {
    if (e.name === "iterator_types" && e.value instanceof ArrayAttr) {
      const names = e.value.elements.map((x) =>
        x instanceof StringAttr ? x.value : enumCase(x),
      );
      s.addAttribute(
        e.name,
        ctx.array(
          names.map((n) =>
            ctx.dialectAttr("vector", `vector.iterator_type<${n}>`),
          ),
        ),
      );
    } else s.addAttribute(e.name, e.value);
  }
  if (s.getAttribute("kind") === undefined)
    s.addAttribute("kind", kind(ctx, "add"));
  const lhs = p.parseOperand();
  p.parseComma();
  const rhs = p.parseOperand();
  p.parseComma();
  const acc = p.parseOperand();
  if (p.parseOptionalComma())
    p.error("masked vector.contract is not supported");
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const lt = p.parseType();
  p.parseComma();
  const rt = p.parseType();
  p.parseKeyword("into");
  const resT = p.parseType();
  s.resultTypes = [resT];
  s.operands = [
    p.resolveOperand(lhs, lt),
    p.resolveOperand(rhs, rt),
    p.resolveOperand(acc, resT),
  ];
}

function printContract(p: OpAsmPrinter, o: Operation): void {
  const ctx = o.ctx;
  const traits: NamedAttribute[] = [];
  for (const e of p.allAttributes(o)) {
    if (e.name === "iterator_types" && e.value instanceof ArrayAttr)
      traits.push({
        name: e.name,
        value: ctx.array(e.value.elements.map((x) => ctx.string(enumCase(x)))),
      });
    else if (contractTraitAttrs.includes(e.name)) traits.push(e);
  }
  p.print(" ");
  p.printAttribute(ctx.dictionary(traits));
  p.print(" ");
  p.printOperands(o.operandValues);
  printAttrDict(p, o, contractTraitAttrs);
  p.print(
    ` : ${p.typeText(o.operand(0).type)}, ${p.typeText(o.operand(1).type)} into ${p.typeText(o.result(0).type)}`,
  );
}

function parseOuterProduct(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const operands = p.parseOperandList();
  if (operands.length < 2) p.error("expected at least 2 operands");
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const lt = parseVectorType(p);
  p.parseComma();
  const rt = p.parseType();
  const el = lt.elementType;
  const res =
    rt instanceof VectorType
      ? ctx.vector([lt.shape[0]!, rt.shape[0]!], el, [
          lt.scalableDims[0] ?? false,
          rt.scalableDims[0] ?? false,
        ])
      : ctx.vector([lt.shape[0]!], el, lt.scalableDims);
  if (s.getAttribute("kind") === undefined)
    s.addAttribute("kind", kind(ctx, "add"));
  s.resultTypes = [res];
  s.operands = [
    p.resolveOperand(operands[0]!, lt),
    p.resolveOperand(operands[1]!, rt),
    ...p.resolveOperands(operands.slice(2), res),
  ];
}

function printOuterProduct(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperands(o.operandValues);
  if (o.operands.length > 2) printAttrDict(p, o);
  p.print(
    ` : ${p.typeText(o.operand(0).type)}, ${p.typeText(o.operand(1).type)}`,
  );
}

// ----- vector.print -----

function parsePrint(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const source = p.parseOptionalOperand();
  if (source) s.operands = [p.resolveOperand(source, p.parseColonType())];
  let punctuation: Attribute | undefined;
  for (;;) {
    if (p.parseOptionalKeyword("str"))
      s.addAttribute("stringLiteral", ctx.string(p.parseString()));
    else if (p.parseOptionalKeyword("punctuation"))
      punctuation = parseEnumBody(p, "vector", "punctuation");
    else break;
  }
  s.addAttribute(
    "punctuation",
    punctuation ?? ctx.dialectAttr("vector", "vector.punctuation<newline>"),
  );
  p.parseOptionalAttrDict(s);
}

function printPrint(p: OpAsmPrinter, o: Operation): void {
  if (o.operands.length > 0) {
    p.print(" ");
    p.printOperand(o.operand(0));
    p.print(` : ${p.typeText(o.operand(0).type)}`);
  }
  const str = o.getAttr("stringLiteral");
  if (str instanceof StringAttr) {
    p.print(" str ");
    p.printString(str.value);
  }
  const punct = enumCase(o.getAttr("punctuation"));
  if (punct !== "" && punct !== "newline") p.print(` punctuation <${punct}>`);
  printAttrDict(p, o, ["stringLiteral", "punctuation"]);
}

// ----- simple `operands attr-dict : types` forms -----

/** `$a attr-dict : type($a) <word> type($result)` (broadcast, shape_cast, bitcast, type_cast). */
function conversion(name: string, word: string, extra: OpSpec = {}): OpDef {
  return op(name, {
    traits: [Trait.Pure],
    ...extra,
    parse(p, s) {
      const v = p.parseOperand();
      p.parseOptionalAttrDict(s);
      p.parseColon();
      const from = p.parseType();
      p.parseKeyword(word);
      s.resultTypes = [p.parseType()];
      s.operands = [p.resolveOperand(v, from)];
    },
    print(p, o) {
      p.print(" ");
      p.printOperand(o.operand(0));
      printAttrDict(p, o);
      p.print(
        ` : ${p.typeText(o.operand(0).type)} ${word} ${p.typeText(o.result(0).type)}`,
      );
    },
  });
}

/** `$a, $b attr-dict : type($a) into type($b)` (insert_strided_slice). */
function parseTwoInto(p: OpAsmParser, s: ParsedOp): void {
  const a = p.parseOperand();
  p.parseComma();
  const b = p.parseOperand();
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const at = p.parseType();
  p.parseKeyword("into");
  const bt = p.parseType();
  s.resultTypes = [bt];
  s.operands = [p.resolveOperand(a, at), p.resolveOperand(b, bt)];
}

function elementsOf(t: Type): number {
  return t instanceof VectorType ? t.shape.reduce((a, b) => a * b, 1) : 1;
}

// ----- the dialect -----

const pure = [Trait.Pure];

export const vectorDialect: Dialect = {
  name: "vector",
  ops: [
    conversion("vector.broadcast", "to", {
      operands: [{ name: "source" }],
      results: [{ name: "vector" }],
    }),
    conversion("vector.shape_cast", "to", {
      operands: [{ name: "source" }],
      results: [{ name: "result" }],
    }),
    conversion("vector.bitcast", "to", {
      operands: [{ name: "source" }],
      results: [{ name: "result" }],
    }),
    conversion("vector.type_cast", "to", {
      operands: [{ name: "memref" }],
      results: [{ name: "result" }],
    }),
    op("vector.extract", {
      traits: pure,
      operands: [
        { name: "source" },
        { name: "dynamic_position", arity: "variadic" },
      ],
      results: [{ name: "result" }],
      attributes: { static_position: {} },
      parse: parseExtract,
      print: printExtract,
      verify: (o, emit) => verifyPosition(o, 0, emit),
    }),
    op("vector.insert", {
      traits: pure,
      operands: [
        { name: "valueToStore" },
        { name: "dest" },
        { name: "dynamic_position", arity: "variadic" },
      ],
      results: [{ name: "result" }],
      attributes: { static_position: {} },
      parse: parseInsert,
      print: printInsert,
      verify: (o, emit) => verifyPosition(o, 1, emit),
    }),
    op("vector.extract_strided_slice", {
      traits: pure,
      operands: [{ name: "source" }],
      results: [{ name: "result" }],
      attributes: { offsets: {}, sizes: {}, strides: {} },
      parse(p, s) {
        const v = p.parseOperand();
        p.parseOptionalAttrDict(s);
        p.parseColon();
        const from = p.parseType();
        p.parseKeyword("to");
        s.resultTypes = [p.parseType()];
        s.operands = [p.resolveOperand(v, from)];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        printAttrDict(p, o);
        p.print(
          ` : ${p.typeText(o.operand(0).type)} to ${p.typeText(o.result(0).type)}`,
        );
      },
    }),
    op("vector.insert_strided_slice", {
      traits: pure,
      operands: [{ name: "valueToStore" }, { name: "dest" }],
      results: [{ name: "result" }],
      attributes: { offsets: {}, strides: {} },
      parse: parseTwoInto,
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        printAttrDict(p, o);
        p.print(
          ` : ${p.typeText(o.operand(0).type)} into ${p.typeText(o.operand(1).type)}`,
        );
      },
    }),
    op("vector.transfer_read", {
      traits: [Trait.AttrSizedOperandSegments],
      operands: [
        { name: "base" },
        { name: "indices", arity: "variadic" },
        { name: "padding" },
        { name: "mask", arity: "optional" },
      ],
      results: [{ name: "vector" }],
      attributes: {
        permutation_map: {},
        in_bounds: {},
        operandSegmentSizes: {},
      },
      parse: parseTransferRead,
      print: printTransferRead,
      verify: (o, emit) => verifyTransfer(o, 0, o.results[0]?.type, emit),
    }),
    op("vector.transfer_write", {
      traits: [Trait.AttrSizedOperandSegments],
      operands: [
        { name: "valueToStore" },
        { name: "base" },
        { name: "indices", arity: "variadic" },
        { name: "mask", arity: "optional" },
      ],
      results: [{ name: "result", arity: "optional" }],
      attributes: {
        permutation_map: {},
        in_bounds: {},
        operandSegmentSizes: {},
      },
      parse: parseTransferWrite,
      print: printTransferWrite,
      verify: (o, emit) =>
        verifyTransfer(o, 1, o.operands[0]?.value.type, emit),
    }),
    accessOp(
      "vector.load",
      { before: 0, after: 0, results: 1, into: false },
      {
        operands: [{ name: "base" }, { name: "indices", arity: "variadic" }],
        results: [{ name: "result" }],
        attributes: {
          nontemporal: { optional: true },
          alignment: { optional: true },
        },
      },
    ),
    accessOp(
      "vector.store",
      { before: 1, after: 0, results: 0, into: false },
      {
        operands: [
          { name: "valueToStore" },
          { name: "base" },
          { name: "indices", arity: "variadic" },
        ],
        attributes: {
          nontemporal: { optional: true },
          alignment: { optional: true },
        },
      },
    ),
    accessOp(
      "vector.maskedload",
      { before: 0, after: 2, results: 1, into: true },
      {
        operands: [
          { name: "base" },
          { name: "indices", arity: "variadic" },
          { name: "mask" },
          { name: "pass_thru" },
        ],
        results: [{ name: "result" }],
        attributes: { alignment: { optional: true } },
      },
    ),
    accessOp(
      "vector.maskedstore",
      { before: 0, after: 2, results: 0, into: false },
      {
        operands: [
          { name: "base" },
          { name: "indices", arity: "variadic" },
          { name: "mask" },
          { name: "valueToStore" },
        ],
        attributes: { alignment: { optional: true } },
      },
    ),
    op("vector.fma", {
      traits: [Trait.Pure, Trait.SameOperandsAndResultType, Trait.Elementwise],
      operands: [{ name: "lhs" }, { name: "rhs" }, { name: "acc" }],
      results: [{ name: "result" }],
      parse(p, s) {
        const vs = p.parseOperandList();
        p.parseOptionalAttrDict(s);
        const t = p.parseColonType();
        s.resultTypes = [t];
        s.operands = p.resolveOperands(vs, t);
      },
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        printAttrDict(p, o);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
    }),
    op("vector.reduction", {
      traits: pure,
      operands: [{ name: "vector" }, { name: "acc", arity: "optional" }],
      results: [{ name: "dest" }],
      attributes: { kind: {}, fastmath: { optional: true } },
      parse: parseReduction,
      print: printReduction,
    }),
    op("vector.multi_reduction", {
      traits: pure,
      operands: [{ name: "source" }, { name: "acc" }],
      results: [{ name: "dest" }],
      attributes: { kind: {}, reduction_dims: {} },
      parse: parseMultiReduction,
      print: printMultiReduction,
    }),
    op("vector.scan", {
      traits: pure,
      operands: [{ name: "source" }, { name: "initial_value" }],
      results: [{ name: "dest" }, { name: "accumulated_value" }],
      attributes: { kind: {}, reduction_dim: {}, inclusive: {} },
      parse: parseScan,
      print: printScan,
      resultNames: () => ["dest", "accumulated_value"],
    }),
    op("vector.contract", {
      traits: pure,
      operands: [{ name: "lhs" }, { name: "rhs" }, { name: "acc" }],
      results: [{ name: "result" }],
      attributes: { indexing_maps: {}, iterator_types: {}, kind: {} },
      parse: parseContract,
      print: printContract,
    }),
    op("vector.outerproduct", {
      traits: pure,
      operands: [
        { name: "lhs" },
        { name: "rhs" },
        { name: "acc", arity: "optional" },
      ],
      results: [{ name: "result" }],
      attributes: { kind: {} },
      parse: parseOuterProduct,
      print: printOuterProduct,
    }),
    op("vector.transpose", {
      traits: pure,
      operands: [{ name: "vector" }],
      results: [{ name: "result" }],
      attributes: { permutation: {} },
      parse(p, s) {
        const v = p.parseOperand();
        p.parseComma();
        const perm = parseDynamicIndexList(p, Tok.lsquare);
        s.addAttribute(
          "permutation",
          p.ctx.denseArray(p.ctx.i64(), perm.statics),
        );
        p.parseOptionalAttrDict(s);
        p.parseColon();
        const from = p.parseType();
        p.parseKeyword("to");
        s.resultTypes = [p.parseType()];
        s.operands = [p.resolveOperand(v, from)];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        p.print(`, [${i64Numbers(o.getAttr("permutation")).join(", ")}]`);
        printAttrDict(p, o, ["permutation"]);
        p.print(
          ` : ${p.typeText(o.operand(0).type)} to ${p.typeText(o.result(0).type)}`,
        );
      },
    }),
    op("vector.print", {
      operands: [{ name: "source", arity: "optional" }],
      attributes: { punctuation: {}, stringLiteral: { optional: true } },
      parse: parsePrint,
      print: printPrint,
    }),
    op("vector.constant_mask", {
      traits: pure,
      results: [{ name: "result" }],
      attributes: { mask_dim_sizes: {} },
      parse(p, s) {
        const sizes = parseDynamicIndexList(p, Tok.lsquare);
        s.addAttribute(
          "mask_dim_sizes",
          p.ctx.denseArray(p.ctx.i64(), sizes.statics),
        );
        p.parseOptionalAttrDict(s);
        s.resultTypes = [p.parseColonType()];
      },
      print(p, o) {
        p.print(` [${i64Numbers(o.getAttr("mask_dim_sizes")).join(", ")}]`);
        printAttrDict(p, o, ["mask_dim_sizes"]);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
    }),
    op("vector.create_mask", {
      traits: pure,
      operands: [{ name: "operands", arity: "variadic" }],
      results: [{ name: "result" }],
      parse(p, s) {
        const vs = p.parseOperandList();
        p.parseOptionalAttrDict(s);
        s.resultTypes = [p.parseColonType()];
        s.operands = p.resolveOperands(vs, p.ctx.index());
      },
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        printAttrDict(p, o);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
    }),
    op("vector.step", {
      traits: pure,
      results: [{ name: "result" }],
      parse(p, s) {
        p.parseOptionalAttrDict(s);
        s.resultTypes = [p.parseColonType()];
      },
      print(p, o) {
        printAttrDict(p, o);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
    }),
    op("vector.vscale", {
      traits: pure,
      results: [{ name: "res" }],
      parse(p, s) {
        p.parseOptionalAttrDict(s);
        s.resultTypes = [p.ctx.index()];
      },
      print: (p, o) => printAttrDict(p, o),
      resultNames: () => ["vscale"],
    }),
    op("vector.from_elements", {
      traits: pure,
      operands: [{ name: "elements", arity: "variadic" }],
      results: [{ name: "dest" }],
      parse(p, s) {
        const vs = p.parseOperandList();
        p.parseOptionalAttrDict(s);
        const span = p.here();
        const t = vectorOf(p, span, p.parseColonType());
        s.resultTypes = [t];
        s.operands = p.resolveOperands(vs, t.elementType);
      },
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        printAttrDict(p, o);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
      verify(o, emit) {
        if (o.operands.length !== elementsOf(o.result(0).type))
          emit("incorrect number of elements");
      },
    }),
    op("vector.to_elements", {
      traits: pure,
      operands: [{ name: "source" }],
      results: [{ name: "elements", arity: "variadic" }],
      parse(p, s) {
        const v = p.parseOperand();
        p.parseOptionalAttrDict(s);
        const span = p.here();
        const t = vectorOf(p, span, p.parseColonType());
        s.resultTypes = Array.from(
          { length: elementsOf(t) },
          () => t.elementType,
        );
        s.operands = [p.resolveOperand(v, t)];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        printAttrDict(p, o);
        p.print(` : ${p.typeText(o.operand(0).type)}`);
      },
    }),
    op("vector.shuffle", {
      traits: pure,
      operands: [{ name: "v1" }, { name: "v2" }],
      results: [{ name: "vector" }],
      attributes: { mask: {} },
      parse(p, s) {
        const ctx = p.ctx;
        const vs = p.parseOperandList();
        const mask = parseDynamicIndexList(p, Tok.lsquare);
        s.addAttribute("mask", ctx.denseArray(ctx.i64(), mask.statics));
        p.parseOptionalAttrDict(s);
        const types = p.parseColonTypeList();
        const v1 = types[0];
        const el = v1 instanceof VectorType ? v1.elementType : v1!;
        const trailing = v1 instanceof VectorType ? v1.shape.slice(1) : [];
        s.resultTypes = [ctx.vector([mask.statics.length, ...trailing], el)];
        s.operands = p.resolveOperands(vs, types);
      },
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        p.print(` [${i64Numbers(o.getAttr("mask")).join(", ")}]`);
        printAttrDict(p, o, ["mask"]);
        p.print(" : ");
        p.printTypes(o.operandTypes);
      },
    }),
    op("vector.interleave", {
      traits: pure,
      operands: [{ name: "lhs" }, { name: "rhs" }],
      results: [{ name: "result" }],
      parse(p, s) {
        const vs = p.parseOperandList();
        p.parseOptionalAttrDict(s);
        const t = p.parseColonType();
        p.parseArrow();
        s.resultTypes = [p.parseType()];
        s.operands = p.resolveOperands(vs, t);
      },
      print(p, o) {
        p.print(" ");
        p.printOperands(o.operandValues);
        printAttrDict(p, o);
        p.print(
          ` : ${p.typeText(o.operand(0).type)} -> ${p.typeText(o.result(0).type)}`,
        );
      },
    }),
    op("vector.deinterleave", {
      traits: pure,
      operands: [{ name: "source" }],
      results: [{ name: "res1" }, { name: "res2" }],
      parse(p, s) {
        const v = p.parseOperand();
        p.parseOptionalAttrDict(s);
        const t = p.parseColonType();
        p.parseArrow();
        const r = p.parseType();
        s.resultTypes = [r, r];
        s.operands = [p.resolveOperand(v, t)];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        printAttrDict(p, o);
        p.print(
          ` : ${p.typeText(o.operand(0).type)} -> ${p.typeText(o.result(0).type)}`,
        );
      },
      resultNames: () => ["res1", "res2"],
    }),
    op("vector.yield", {
      traits: [Trait.Pure, Trait.ReturnLike, Trait.Terminator],
      operands: [{ name: "operands", arity: "variadic" }],
      parse: parseYieldLike,
      print: printYieldLike,
    }),
  ],
};
