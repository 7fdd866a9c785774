// The bufferization dialect (LLVM 22): tensor allocation, tensor/buffer conversions, clones,
// materialization into destinations and deallocation, with MLIR's custom assembly.
import { op, Trait, type Dialect } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import {
  anyMemRef,
  anyTensor,
  group,
  indexType,
  printAttrs,
  rankedTensor,
  resolveIndices,
  setSegments,
  unitAttr,
} from "./shaped-ops.ts";

/** `(%d0) copy(%t)? size_hint=%h? {attrs} : tensor<...>` */
function parseAllocTensor(p: OpAsmParser, s: ParsedOp): void {
  const sizes = p.parseOperandList("paren");
  let copy: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  if (p.parseOptionalKeyword("copy")) {
    p.parseLParen();
    copy = [p.parseOperand()];
    p.parseRParen();
  }
  let hint: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  if (p.parseOptionalKeyword("size_hint")) {
    p.parseEqual();
    hint = [p.parseOperand()];
  }
  p.parseOptionalAttrDict(s);
  const t = p.parseColonType();
  s.resultTypes = [t];
  s.operands = [...resolveIndices(p, sizes), ...p.resolveOperands(copy, t), ...resolveIndices(p, hint)];
  setSegments(p, s, [sizes, copy, hint]);
}

function printAllocTensor(p: OpAsmPrinter, o: Operation): void {
  p.print("(");
  p.printOperands(group(o, 0));
  p.print(")");
  const copy = group(o, 1);
  if (copy.length > 0) {
    p.print(" copy(");
    p.printOperands(copy);
    p.print(")");
  }
  const hint = group(o, 2);
  if (hint.length > 0) {
    p.print(" size_hint=");
    p.printOperands(hint);
  }
  printAttrs(p, o);
  p.print(" : ");
  p.printType(o.result().type);
}

/** `(%m, %n : T, U) if (%c, %d) retain (%r : V)`; the conditions are i1, one result per retained. */
function parseDealloc(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  let memrefs: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  let memrefTypes: ReturnType<OpAsmParser["parseType"]>[] = [];
  let conditions: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  let retained: ReturnType<OpAsmParser["parseOperand"]>[] = [];
  let retainedTypes: ReturnType<OpAsmParser["parseType"]>[] = [];
  if (p.parseOptionalLParen()) {
    memrefs = p.parseOperandList();
    memrefTypes = p.parseColonTypeList();
    p.parseRParen();
    p.parseKeyword("if");
    conditions = p.parseOperandList("paren");
    if (p.parseOptionalKeyword("retain")) {
      p.parseLParen();
      retained = p.parseOperandList();
      retainedTypes = p.parseColonTypeList();
      p.parseRParen();
    }
  }
  p.parseOptionalAttrDict(s);
  s.operands = [
    ...p.resolveOperands(memrefs, memrefTypes),
    ...p.resolveOperands(conditions, ctx.i1()),
    ...p.resolveOperands(retained, retainedTypes),
  ];
  s.resultTypes = retained.map(() => ctx.i1());
  setSegments(p, s, [memrefs, conditions, retained]);
}

function printDealloc(p: OpAsmPrinter, o: Operation): void {
  const memrefs = group(o, 0);
  if (memrefs.length > 0) {
    p.print(" (");
    p.printOperands(memrefs);
    p.print(" : ");
    p.printTypes(memrefs.map((v) => v.type));
    p.print(") if (");
    p.printOperands(group(o, 1));
    p.print(")");
    const retained = group(o, 2);
    if (retained.length > 0) {
      p.print(" retain (");
      p.printOperands(retained);
      p.print(" : ");
      p.printTypes(retained.map((v) => v.type));
      p.print(")");
    }
  }
  printAttrs(p, o);
}

export const bufferizationDialect: Dialect = {
  name: "bufferization",
  ops: [
    op("bufferization.alloc_tensor", {
      traits: [Trait.AttrSizedOperandSegments],
      operands: [
        { name: "dynamic_sizes", arity: "variadic", type: indexType },
        { name: "copy", arity: "optional", type: rankedTensor },
        { name: "size_hint", arity: "optional", type: indexType },
      ],
      results: [{ name: "result", type: rankedTensor }],
      attributes: { memory_space: { optional: true }, operandSegmentSizes: {} },
      parse: parseAllocTensor,
      print: printAllocTensor,
    }),
    op("bufferization.clone", {
      operands: [{ name: "input", type: anyMemRef }],
      results: [{ name: "output", type: anyMemRef }],
      format: "$input attr-dict `:` type($input) `to` type($output)",
    }),
    op("bufferization.dealloc", {
      traits: [Trait.AttrSizedOperandSegments],
      operands: [
        { name: "memrefs", arity: "variadic", type: anyMemRef },
        { name: "conditions", arity: "variadic" },
        { name: "retained", arity: "variadic", type: anyMemRef },
      ],
      results: [{ name: "updatedConditions", arity: "variadic" }],
      attributes: { operandSegmentSizes: {} },
      parse: parseDealloc,
      print: printDealloc,
    }),
    op("bufferization.dealloc_tensor", {
      operands: [{ name: "tensor", type: anyTensor }],
      format: "$tensor attr-dict `:` type($tensor)",
    }),
    op("bufferization.materialize_in_destination", {
      operands: [{ name: "source", type: anyTensor }, { name: "dest" }],
      results: [{ name: "result", arity: "optional", type: anyTensor }],
      attributes: { restrict: { type: unitAttr, optional: true }, writable: { type: unitAttr, optional: true } },
      format:
        "$source `in` (`restrict` $restrict^)? (`writable` $writable^)? $dest attr-dict `:` functional-type(operands, results)",
    }),
    op("bufferization.to_buffer", {
      traits: [Trait.Pure],
      operands: [{ name: "tensor", type: anyTensor }],
      results: [{ name: "memref", type: anyMemRef }],
      attributes: { read_only: { type: unitAttr, optional: true } },
      format: "$tensor (`read_only` $read_only^)? attr-dict `:` type($tensor) `to` type($memref)",
    }),
    op("bufferization.to_tensor", {
      operands: [{ name: "buffer", type: anyMemRef }],
      results: [{ name: "result", type: anyTensor }],
      attributes: { restrict: { type: unitAttr, optional: true }, writable: { type: unitAttr, optional: true } },
      format: "$buffer (`restrict` $restrict^)? (`writable` $writable^)? attr-dict `:` type($buffer) `to` type($result)",
    }),
  ],
};
