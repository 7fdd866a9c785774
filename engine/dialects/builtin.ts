// The builtin dialect: `builtin.module` and `builtin.unrealized_conversion_cast`.
import { op, Trait, type Dialect } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { StringAttr } from "../ir/attributes.ts";

function parseModule(p: OpAsmParser, s: ParsedOp): void {
  const name = p.parseOptionalSymbolName();
  if (name !== undefined) s.addAttribute("sym_name", p.ctx.string(name));
  p.parseOptionalAttrDictWithKeyword(s);
  const body = p.parseRegion([], true);
  // A module always has its single block, even when written `module {}`.
  body.ensureBlock();
  s.regions.push(body);
}

function printModule(p: OpAsmPrinter, op: Operation): void {
  const name = op.getAttr("sym_name");
  if (name instanceof StringAttr) {
    p.print(" ");
    p.printSymbolName(name.value);
  }
  p.printOptionalAttrDictWithKeyword(p.allAttributes(op), ["sym_name", "sym_visibility"]);
  p.print(" ");
  p.printRegion(op.region(0), false, false);
}

function parseCast(p: OpAsmParser, s: ParsedOp): void {
  const operands = p.parseOperandList();
  const types = operands.length > 0 ? p.parseColonTypeList() : [];
  p.parseKeyword("to");
  s.resultTypes = p.parseTypeList();
  p.parseOptionalAttrDict(s);
  s.operands = p.resolveOperands(operands, types);
}

function printCast(p: OpAsmPrinter, op: Operation): void {
  if (op.operands.length > 0) {
    p.print(" ");
    p.printOperands(op.operandValues);
    p.print(" : ");
    p.printTypes(op.operandTypes);
  }
  p.print(" to ");
  p.printTypes(op.resultTypes);
  p.printOptionalAttrDict(p.allAttributes(op));
}

export const builtinDialect: Dialect = {
  name: "builtin",
  ops: [
    op("builtin.module", {
      traits: [Trait.IsolatedFromAbove, Trait.NoTerminator, Trait.SingleBlock, Trait.SymbolTable, Trait.GraphRegion],
      attributes: { sym_name: { optional: true }, sym_visibility: { optional: true } },
      regions: 1,
      parse: parseModule,
      print: printModule,
      defaultDialect: "builtin",
    }),
    op("builtin.unrealized_conversion_cast", {
      traits: [Trait.Pure],
      operands: [{ name: "inputs", arity: "variadic" }],
      results: [{ name: "outputs", arity: "variadic" }],
      parse: parseCast,
      print: printCast,
    }),
  ],
};
