// The func dialect: func.func, func.return, func.call, func.call_indirect, func.constant.
import { op, Trait, type Dialect } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { FunctionType } from "../ir/types.ts";
import { SymbolRefAttr, TypeAttr } from "../ir/attributes.ts";
import { parseFunctionOp, printFunctionOp } from "./function-like.ts";

function parseReturn(p: OpAsmParser, s: ParsedOp): void {
  const operands = p.parseOperandList();
  p.parseOptionalAttrDict(s);
  const types = operands.length > 0 ? p.parseColonTypeList() : [];
  s.operands = p.resolveOperands(operands, types);
}

function printReturn(p: OpAsmPrinter, op: Operation): void {
  p.printOptionalAttrDict(p.allAttributes(op));
  if (op.operands.length === 0) return;
  p.print(" ");
  p.printOperands(op.operandValues);
  p.print(" : ");
  p.printTypes(op.operandTypes);
}

function parseCall(p: OpAsmParser, s: ParsedOp): void {
  const callee = p.parseSymbolName();
  s.addAttribute("callee", p.ctx.symbolRef(callee));
  const operands = p.parseOperandList("paren");
  p.parseOptionalPropDict(s);
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const span = p.here();
  const t = p.parseType();
  if (!(t instanceof FunctionType)) p.error("expected function type", span);
  s.operands = p.resolveOperands(operands, t.inputs, span);
  s.resultTypes = [...t.results];
}

function printCall(p: OpAsmPrinter, op: Operation): void {
  const callee = op.getAttr("callee");
  p.print(" ");
  p.print(callee instanceof SymbolRefAttr ? p.attributeText(callee) : "@?");
  p.print("(");
  p.printOperands(op.operandValues);
  p.print(")");
  p.printOptionalAttrDict(p.allAttributes(op), ["callee"]);
  p.print(" : ");
  p.printFunctionalType(op.operandTypes, op.resultTypes);
}

function parseCallIndirect(p: OpAsmParser, s: ParsedOp): void {
  const callee = p.parseOperand();
  const operands = p.parseOperandList("paren");
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const span = p.here();
  const t = p.parseType();
  if (!(t instanceof FunctionType)) p.error("expected function type", span);
  s.operands = [p.resolveOperand(callee, t), ...p.resolveOperands(operands, t.inputs, span)];
  s.resultTypes = [...t.results];
}

function printCallIndirect(p: OpAsmPrinter, op: Operation): void {
  const [callee, ...args] = op.operandValues;
  p.print(" ");
  p.printOperand(callee!);
  p.print("(");
  p.printOperands(args);
  p.print(")");
  p.printOptionalAttrDict(p.allAttributes(op));
  p.print(" : ");
  p.printType(callee!.type);
}

function parseConstant(p: OpAsmParser, s: ParsedOp): void {
  p.parseOptionalAttrDict(s);
  const value = p.parseAttribute();
  s.addAttribute("value", value);
  s.resultTypes = [p.parseColonType()];
}

function printConstant(p: OpAsmPrinter, op: Operation): void {
  p.printOptionalAttrDict(p.allAttributes(op), ["value"]);
  p.print(" ");
  p.printAttribute(op.getAttr("value")!);
  p.print(" : ");
  p.printType(op.result().type);
}

export const funcDialect: Dialect = {
  name: "func",
  ops: [
    op("func.func", {
      traits: [Trait.IsolatedFromAbove, Trait.Symbol, Trait.AutomaticAllocationScope],
      attributes: {
        sym_name: {},
        function_type: {},
        sym_visibility: { optional: true },
        arg_attrs: { optional: true },
        res_attrs: { optional: true },
        no_inline: { optional: true },
      },
      regions: 1,
      parse: parseFunctionOp,
      print: (p, o) => printFunctionOp(p, o),
      defaultDialect: "func",
      verify(o, emit) {
        const ft = o.getAttr("function_type");
        if (!(ft instanceof TypeAttr) || !(ft.type instanceof FunctionType))
          return emit("requires a function_type attribute of function type");
        const entry = o.region(0).blocks[0];
        if (!entry) return;
        const ins = ft.type.inputs;
        if (entry.arguments.length !== ins.length)
          return emit(`entry block must have ${ins.length} arguments to match function signature`);
        entry.arguments.forEach((a, i) => {
          if (a.type !== ins[i])
            emit(
              `type of entry block argument #${i}('${a.type}') must match the type of the corresponding argument in function signature('${ins[i]}')`,
            );
        });
      },
    }),
    op("func.return", {
      traits: [Trait.Pure, Trait.Terminator, Trait.ReturnLike],
      operands: [{ name: "operands", arity: "variadic" }],
      parents: ["func.func"],
      parse: parseReturn,
      print: printReturn,
      verify(o, emit) {
        const fn = o.parentOp;
        const ft = fn?.getAttr("function_type");
        if (!(ft instanceof TypeAttr) || !(ft.type instanceof FunctionType)) return;
        const res = ft.type.results;
        if (res.length !== o.operands.length)
          return emit(
            `has ${o.operands.length} operands, but enclosing function (@${String(fn?.getAttr("sym_name")).replace(/"/g, "")}) returns ${res.length}`,
          );
        o.operands.forEach((x, i) => {
          if (x.value.type !== res[i])
            emit(
              `type of return operand ${i} ('${x.value.type}') doesn't match function result type ('${res[i]}') in function @${String((fn?.getAttr("sym_name") as { value?: string } | undefined)?.value ?? "")}`,
            );
        });
      },
    }),
    op("func.call", {
      attributes: { callee: {}, arg_attrs: { optional: true }, res_attrs: { optional: true }, no_inline: { optional: true } },
      operands: [{ name: "operands", arity: "variadic" }],
      results: [{ name: "results", arity: "variadic" }],
      parse: parseCall,
      print: printCall,
    }),
    op("func.call_indirect", {
      attributes: { arg_attrs: { optional: true }, res_attrs: { optional: true } },
      parse: parseCallIndirect,
      print: printCallIndirect,
    }),
    op("func.constant", {
      traits: [Trait.Pure, Trait.ConstantLike],
      attributes: { value: {} },
      parse: parseConstant,
      print: printConstant,
      resultNames: () => ["f"],
    }),
  ],
};
