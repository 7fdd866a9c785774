// The cf dialect (LLVM 22): unstructured control flow between blocks (br, cond_br, switch)
// and runtime assertions.
import { constraint, op, Trait, type Constraint, type Dialect } from "./registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { Block } from "../ir/block.ts";
import type { Value } from "../ir/value.ts";
import type { Context } from "../ir/context.ts";
import { DenseArrayAttr, DenseElementsAttr, StringAttr } from "../ir/attributes.ts";
import { IntegerType, type Type } from "../ir/types.ts";
import { anyType } from "./arith.ts";


/** I1: buildable, so formats may omit its type. */
const i1 = Object.assign(
  constraint<Type>("1-bit signless integer", (t) => t instanceof IntegerType && t.width === 1 && t.signedness === 0),
  { buildableType: (ctx: Context) => ctx.i1() },
);
const anyInteger = constraint<Type>("integer", (t) => t instanceof IntegerType);
const strAttr = constraint<Attribute>("string attribute", (a) => a instanceof StringAttr);
const denseI32Array = constraint<Attribute>(
  "i32 dense array attribute",
  (a) => a instanceof DenseArrayAttr && a.elementType instanceof IntegerType && a.elementType.width === 32,
);
const intElements = constraint<Attribute>(
  "integer elements attribute",
  (a) => a instanceof DenseElementsAttr && a.type.elementType instanceof IntegerType,
);

/** Successor operands must match the successor's block arguments. */
function verifySuccessorOperands(o: Operation, index: number, operands: readonly Value[], emit: (m: string) => void): void {
  const block = o.successors[index];
  if (!block) return;
  if (block.arguments.length !== operands.length)
    return emit(`branch has ${operands.length} operands for successor #${index}, but target block has ${block.arguments.length}`);
  operands.forEach((v, i) => {
    if (v.type !== block.arguments[i]!.type) emit(`type mismatch for bb argument #${i} of successor #${index}`);
  });
}

/** Values of a DenseArrayAttr as numbers (empty when absent). */
function sizes(a: Attribute | undefined): number[] {
  return a instanceof DenseArrayAttr ? a.numbers() : [];
}

// ----- cf.switch: `%flag : i32, [ default: ^bb(...), 42: ^bb(...) ]` -----

function parseDest(p: OpAsmParser): { block: Block; operands: UnresolvedOperand[]; types: Type[] } {
  const block = p.parseSuccessor();
  let operands: UnresolvedOperand[] = [];
  let types: Type[] = [];
  if (p.parseOptionalLParen()) {
    operands = p.parseOperandList();
    types = p.parseColonTypeList();
    p.parseRParen();
  }
  return { block, operands, types };
}

function parseSwitch(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const flag = p.parseOperand();
  p.parseColon();
  const flagSpan = p.here();
  const flagType = p.parseType();
  if (!(flagType instanceof IntegerType)) p.error("expected an integer type for the switch flag", flagSpan);
  p.parseComma();
  p.parseLSquare();
  p.parseKeyword("default");
  p.parseColon();
  const def = parseDest(p);
  const values: bigint[] = [];
  const cases: ReturnType<typeof parseDest>[] = [];
  while (p.parseOptionalComma()) {
    const v = p.parseInteger();
    values.push(BigInt.asIntN(flagType.width, v));
    p.parseColon();
    cases.push(parseDest(p));
  }
  p.parseRSquare();
  p.parseOptionalAttrDict(s);
  const operands: Value[] = [p.resolveOperand(flag, flagType), ...p.resolveOperands(def.operands, def.types)];
  for (const c of cases) operands.push(...p.resolveOperands(c.operands, c.types));
  s.operands = operands;
  s.successors = [def.block, ...cases.map((c) => c.block)];
  const caseCount = cases.reduce((n, c) => n + c.operands.length, 0);
  s.addAttribute("operandSegmentSizes", ctx.denseArray(ctx.i32(), [1n, BigInt(def.operands.length), BigInt(caseCount)]));
  s.addAttribute(
    "case_operand_segments",
    ctx.denseArray(
      ctx.i32(),
      cases.map((c) => BigInt(c.operands.length)),
    ),
  );
  if (values.length > 0) s.addAttribute("case_values", ctx.dense(ctx.vector([values.length], flagType), values, false));
  s.properties = s.attributes.filter((a) => switchInherent.has(a.name));
  s.attributes = s.attributes.filter((a) => !switchInherent.has(a.name));
}

const switchInherent = new Set(["operandSegmentSizes", "case_operand_segments", "case_values"]);

function printSwitch(p: OpAsmPrinter, o: Operation): void {
  const [nFlag = 1, nDefault = 0] = sizes(o.getAttr("operandSegmentSizes"));
  const all = o.operandValues;
  const flag = all[0]!;
  p.print(" ");
  p.printOperand(flag);
  p.print(" : ");
  p.printType(flag.type);
  p.print(", [");
  p.newline();
  p.print("  default: ");
  p.printSuccessorAndUseList(o.successors[0]!, all.slice(nFlag, nFlag + nDefault));
  const values = o.getAttr("case_values");
  if (values instanceof DenseElementsAttr) {
    const segs = sizes(o.getAttr("case_operand_segments"));
    let start = nFlag + nDefault;
    const width = flag.type instanceof IntegerType ? flag.type.width : 64;
    for (let i = 0; i < o.successors.length - 1; i++) {
      const n = segs[i] ?? 0;
      p.print(",");
      p.newline();
      // MLIR prints APInt::getLimitedValue(): the value as unsigned.
      p.print(`  ${BigInt.asUintN(width, BigInt(values.at(i) as bigint))}: `);
      p.printSuccessorAndUseList(o.successors[i + 1]!, all.slice(start, start + n));
      start += n;
    }
    p.newline();
  }
  p.print("]");
  p.printOptionalAttrDict(p.allAttributes(o), [...switchInherent]);
}

function verifySwitch(o: Operation, emit: (m: string) => void): void {
  const values = o.getAttr("case_values");
  const nCases = values instanceof DenseElementsAttr ? (values.type.numElements ?? 0) : 0;
  if (nCases !== o.successors.length - 1)
    return emit(`number of case values (${nCases}) and case destinations (${o.successors.length - 1}) should match`);
  if (values instanceof DenseElementsAttr && values.type.elementType !== o.operand(0).type)
    emit(`'case_values' element type (${values.type.elementType}) should match flag type (${o.operand(0).type})`);
  const [nFlag = 1, nDefault = 0] = sizes(o.getAttr("operandSegmentSizes"));
  const all = o.operandValues;
  verifySuccessorOperands(o, 0, all.slice(nFlag, nFlag + nDefault), emit);
  let start = nFlag + nDefault;
  sizes(o.getAttr("case_operand_segments")).forEach((n, i) => {
    verifySuccessorOperands(o, i + 1, all.slice(start, start + n), emit);
    start += n;
  });
}

export const cfDialect: Dialect = {
  name: "cf",
  ops: [
    op("cf.assert", {
      operands: [{ name: "arg", type: i1 }],
      attributes: { msg: { type: strAttr } },
      format: "$arg `,` $msg attr-dict",
    }),
    op("cf.br", {
      traits: [Trait.Pure, Trait.Terminator],
      operands: [{ name: "destOperands", arity: "variadic", type: anyType }],
      successors: 1,
      format: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
      verify: (o, emit) => verifySuccessorOperands(o, 0, o.operandValues, emit),
    }),
    op("cf.cond_br", {
      traits: [Trait.Pure, Trait.Terminator, Trait.AttrSizedOperandSegments],
      operands: [
        { name: "condition", type: i1 },
        { name: "trueDestOperands", arity: "variadic", type: anyType },
        { name: "falseDestOperands", arity: "variadic", type: anyType },
      ],
      attributes: {
        branch_weights: { optional: true, type: denseI32Array },
        operandSegmentSizes: { type: denseI32Array },
      },
      successors: 2,
      format:
        "$condition (`weights` `(` $branch_weights^ `)` )? `,` " +
        "$trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` " +
        "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict",
      verify(o, emit) {
        const [, nTrue = 0, nFalse = 0] = sizes(o.getAttr("operandSegmentSizes"));
        const all = o.operandValues;
        verifySuccessorOperands(o, 0, all.slice(1, 1 + nTrue), emit);
        verifySuccessorOperands(o, 1, all.slice(1 + nTrue, 1 + nTrue + nFalse), emit);
        const w = o.getAttr("branch_weights");
        if (w instanceof DenseArrayAttr && w.values.length !== 2)
          emit(`expects number of region weights to match number of successors: ${w.values.length} vs 2`);
      },
    }),
    op("cf.switch", {
      traits: [Trait.Pure, Trait.Terminator, Trait.AttrSizedOperandSegments],
      operands: [
        { name: "flag", type: anyInteger },
        { name: "defaultOperands", arity: "variadic", type: anyType },
        { name: "caseOperands", arity: "variadic", type: anyType },
      ],
      attributes: {
        case_values: { optional: true, type: intElements },
        case_operand_segments: { type: denseI32Array },
        operandSegmentSizes: { type: denseI32Array },
      },
      successors: -1,
      parse: parseSwitch,
      print: printSwitch,
      verify: verifySwitch,
    }),
  ],
};
