// The scf dialect (structured control flow): for, forall, parallel/reduce, if, while/condition,
// execute_region, index_switch and yield, with MLIR's custom syntax and implicit terminators.
import { op, Trait, type Dialect, type EmitError } from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  RegionArgument,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import { Operation } from "../ir/operation.ts";
import { Region } from "../ir/block.ts";
import { FunctionType, IndexType, isIntOrIndex } from "../ir/types.ts";
import { DenseArrayAttr, UnitAttr } from "../ir/attributes.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import {
  ensureTerminator,
  parseAssignmentList,
  printInitializationList,
  printOptionalArrowTypeList,
  printAttrDict,
  parseYieldLike,
  printYieldLike,
  verifyYieldTypes,
  index,
  typeIs,
  isI1,
  denseI64,
  parseDynamicIndexList,
  printDynamicIndexList,
} from "./region-syntax.ts";

// ----- scf.for -----

function parseFor(p: OpAsmParser, s: ParsedOp): void {
  if (p.parseOptionalKeyword("unsigned"))
    s.addAttribute("unsignedCmp", p.ctx.unit());
  const iv = p.parseArgument(false);
  p.parseEqual();
  const lb = p.parseOperand();
  p.parseKeyword("to");
  const ub = p.parseOperand();
  p.parseKeyword("step");
  const step = p.parseOperand();
  let iter: { args: RegionArgument[]; operands: UnresolvedOperand[] } = {
    args: [],
    operands: [],
  };
  if (p.parseOptionalKeyword("iter_args")) {
    iter = parseAssignmentList(p);
    s.resultTypes = p.parseArrowTypeList();
  }
  if (iter.args.length !== s.resultTypes.length)
    p.error("mismatch in number of loop-carried values and defined values");
  const ivType = p.parseOptionalColon() ? p.parseType() : index(p);
  iv.type = ivType;
  iter.args.forEach((a, i) => (a.type = s.resultTypes[i]!));
  s.operands = [
    p.resolveOperand(lb, ivType),
    p.resolveOperand(ub, ivType),
    p.resolveOperand(step, ivType),
    ...p.resolveOperands(iter.operands, s.resultTypes),
  ];
  const body = p.parseRegion([iv, ...iter.args]);
  ensureTerminator(p, s, body, "scf.yield");
  s.regions.push(body);
  p.parseOptionalAttrDict(s);
}

function printFor(p: OpAsmPrinter, o: Operation): void {
  const body = o.region(0).blocks[0];
  const args = body?.arguments ?? [];
  const [lb, ub, step, ...inits] = o.operandValues;
  if (o.getAttr("unsignedCmp") instanceof UnitAttr) p.print(" unsigned");
  p.print(" ");
  if (args[0]) p.printOperand(args[0]);
  p.print(" = ");
  p.printOperand(lb!);
  p.print(" to ");
  p.printOperand(ub!);
  p.print(" step ");
  p.printOperand(step!);
  printInitializationList(p, args.slice(1), inits, " iter_args");
  if (inits.length > 0)
    p.print(` -> (${inits.map((v) => p.typeText(v.type)).join(", ")})`);
  p.print(" ");
  const ivType = args[0]?.type ?? lb!.type;
  if (!(ivType instanceof IndexType)) p.print(` : ${p.typeText(ivType)} `);
  p.printRegion(o.region(0), false, inits.length > 0);
  printAttrDict(p, o, ["unsignedCmp"]);
}

function verifyFor(o: Operation, emit: EmitError): void {
  const [lb, ub, step] = o.operandTypes;
  if (lb !== ub || lb !== step)
    emit(
      "failed to verify that all of {lowerBound, upperBound, step} have same type",
    );
  if (lb && !isIntOrIndex(lb))
    emit(`operand #0 must be signless integer or index, but got '${lb.key}'`);
  const inits = o.operands.length - 3;
  if (inits !== o.results.length)
    return emit("mismatch in number of loop-carried values and defined values");
  const args = o.region(0).blocks[0]?.arguments ?? [];
  if (args[0] && args[0].type !== lb)
    emit("expected induction variable to be same type as bounds and step");
  if (args.length - 1 !== o.results.length)
    return emit("mismatch in number of basic block args and defined values");
  for (let i = 0; i < inits; i++) {
    if (o.operand(3 + i).type !== o.result(i).type)
      emit(`types mismatch between ${i}th iter operand and defined value`);
    if (args[1 + i]!.type !== o.result(i).type)
      emit(`types mismatch between ${i}th iter region arg and defined value`);
  }
  verifyYieldTypes(o.region(0), o.resultTypes, "loop body", emit);
}

// ----- scf.forall -----

function parseForall(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const ivs = p.parseArgumentList("paren", false);
  const n = ivs.length;
  let lbs: ReturnType<typeof parseDynamicIndexList>;
  let ubs: ReturnType<typeof parseDynamicIndexList>;
  let steps: ReturnType<typeof parseDynamicIndexList>;
  if (p.parseOptionalKeyword("in")) {
    ubs = parseDynamicIndexList(p);
    lbs = { values: [], statics: Array.from({ length: n }, () => 0) };
    steps = { values: [], statics: Array.from({ length: n }, () => 1) };
  } else {
    p.parseEqual();
    lbs = parseDynamicIndexList(p);
    p.parseKeyword("to");
    ubs = parseDynamicIndexList(p);
    p.parseKeyword("step");
    steps = parseDynamicIndexList(p);
  }
  let outs: { args: RegionArgument[]; operands: UnresolvedOperand[] } = {
    args: [],
    operands: [],
  };
  if (p.parseOptionalKeyword("shared_outs")) {
    outs = parseAssignmentList(p);
    s.resultTypes = p.parseArrowTypeList();
  }
  const idx = index(p);
  s.operands = [
    ...p.resolveOperands(lbs.values, idx),
    ...p.resolveOperands(ubs.values, idx),
    ...p.resolveOperands(steps.values, idx),
    ...p.resolveOperands(outs.operands, s.resultTypes),
  ];
  for (const iv of ivs) iv.type = idx;
  outs.args.forEach((a, i) => (a.type = s.resultTypes[i]!));
  const body = p.parseRegion([...ivs, ...outs.args]);
  ensureInParallel(p, s, body);
  s.regions.push(body);
  p.parseOptionalAttrDict(s);
  const i64 = ctx.i64();
  s.addAttribute("staticLowerBound", ctx.denseArray(i64, lbs.statics));
  s.addAttribute("staticUpperBound", ctx.denseArray(i64, ubs.statics));
  s.addAttribute("staticStep", ctx.denseArray(i64, steps.statics));
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [
      lbs.values.length,
      ubs.values.length,
      steps.values.length,
      outs.operands.length,
    ]),
  );
}

/** The forall body ends in `scf.forall.in_parallel` with an empty block. */
function ensureInParallel(p: OpAsmParser, s: ParsedOp, body: Region): void {
  const block = body.ensureBlock();
  if (block.last !== null && block.last.hasTrait(Trait.Terminator)) return;
  const term = Operation.create(p.ctx, {
    name: "scf.forall.in_parallel",
    regions: 1,
    loc: s.loc,
  });
  term.region(0).ensureBlock();
  block.append(term);
}

function segmentSizes(o: Operation): number[] {
  const a = o.getAttr("operandSegmentSizes");
  return a instanceof DenseArrayAttr ? a.numbers() : [];
}

function printForall(p: OpAsmPrinter, o: Operation): void {
  const [nl = 0, nu = 0, ns = 0] = segmentSizes(o);
  const vals = o.operandValues;
  const dynLb = vals.slice(0, nl);
  const dynUb = vals.slice(nl, nl + nu);
  const dynStep = vals.slice(nl + nu, nl + nu + ns);
  const outs = vals.slice(nl + nu + ns);
  const lbs = denseI64(o.getAttr("staticLowerBound"));
  const ubs = denseI64(o.getAttr("staticUpperBound"));
  const steps = denseI64(o.getAttr("staticStep"));
  const args = o.region(0).blocks[0]?.arguments ?? [];
  const rank = lbs.length;
  p.print(" (");
  p.printOperands(args.slice(0, rank));
  const normalized =
    dynLb.length === 0 &&
    dynStep.length === 0 &&
    lbs.every((x) => x === 0) &&
    steps.every((x) => x === 1);
  if (normalized) {
    p.print(") in ");
    printDynamicIndexList(p, dynUb, ubs);
  } else {
    p.print(") = ");
    printDynamicIndexList(p, dynLb, lbs);
    p.print(" to ");
    printDynamicIndexList(p, dynUb, ubs);
    p.print(" step ");
    printDynamicIndexList(p, dynStep, steps);
  }
  printInitializationList(p, args.slice(rank), outs, " shared_outs");
  p.print(" ");
  if (outs.length > 0)
    p.print(`-> (${o.resultTypes.map((t) => p.typeText(t)).join(", ")}) `);
  p.printRegion(o.region(0), false, o.results.length > 0);
  printAttrDict(p, o, [
    "operandSegmentSizes",
    "staticLowerBound",
    "staticUpperBound",
    "staticStep",
  ]);
}

function parseInParallel(p: OpAsmParser, s: ParsedOp): void {
  const r = p.parseRegion();
  r.ensureBlock();
  s.regions.push(r);
  p.parseOptionalAttrDict(s);
}

function printInParallel(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printRegion(o.region(0), false, false);
  printAttrDict(p, o);
}

// ----- scf.if -----

function parseIf(p: OpAsmParser, s: ParsedOp): void {
  const cond = p.parseOperand();
  s.operands = [p.resolveOperand(cond, p.ctx.i1())];
  s.resultTypes = p.parseOptionalArrowTypeList();
  const then = p.parseRegion();
  ensureTerminator(p, s, then, "scf.yield");
  s.regions.push(then);
  if (p.parseOptionalKeyword("else")) {
    const other = p.parseRegion();
    ensureTerminator(p, s, other, "scf.yield");
    s.regions.push(other);
  } else s.regions.push(new Region());
  p.parseOptionalAttrDict(s);
}

function printIf(p: OpAsmPrinter, o: Operation): void {
  const terminators = o.results.length > 0;
  p.print(" ");
  p.printOperand(o.operand(0));
  if (terminators)
    p.print(` -> (${o.resultTypes.map((t) => p.typeText(t)).join(", ")})`);
  p.print(" ");
  p.printRegion(o.region(0), false, terminators);
  const other = o.regions[1];
  if (other && other.blocks.length > 0) {
    p.print(" else ");
    p.printRegion(other, false, terminators);
  }
  printAttrDict(p, o);
}

function verifyIf(o: Operation, emit: EmitError): void {
  if (o.results.length > 0 && (o.regions[1]?.blocks.length ?? 0) === 0)
    emit("must have an else block if defining values");
  verifyYieldTypes(o.regions[0], o.resultTypes, "then region", emit);
  if (o.regions[1]?.blocks.length)
    verifyYieldTypes(o.regions[1], o.resultTypes, "else region", emit);
}

// ----- scf.parallel and scf.reduce -----

function parseParallel(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const ivs = p.parseArgumentList("paren", false);
  p.parseEqual();
  const lbs = p.parseOperandList("paren");
  p.parseKeyword("to");
  const ubs = p.parseOperandList("paren");
  p.parseKeyword("step");
  const steps = p.parseOperandList("paren");
  const inits = p.parseOptionalKeyword("init")
    ? p.parseOperandList("paren")
    : [];
  s.resultTypes = p.parseOptionalArrowTypeList();
  const idx = index(p);
  for (const iv of ivs) iv.type = idx;
  const body = p.parseRegion(ivs);
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [
      lbs.length,
      ubs.length,
      steps.length,
      inits.length,
    ]),
  );
  p.parseOptionalAttrDict(s);
  s.operands = [
    ...p.resolveOperands(lbs, idx),
    ...p.resolveOperands(ubs, idx),
    ...p.resolveOperands(steps, idx),
    ...p.resolveOperands(inits, s.resultTypes),
  ];
  ensureTerminator(p, s, body, "scf.reduce");
  s.regions.push(body);
}

function printParallel(p: OpAsmPrinter, o: Operation): void {
  const [nl = 0, nu = 0, ns = 0] = segmentSizes(o);
  const vals = o.operandValues;
  p.print(" (");
  p.printOperands(o.region(0).blocks[0]?.arguments ?? []);
  p.print(") = (");
  p.printOperands(vals.slice(0, nl));
  p.print(") to (");
  p.printOperands(vals.slice(nl, nl + nu));
  p.print(") step (");
  p.printOperands(vals.slice(nl + nu, nl + nu + ns));
  p.print(")");
  const inits = vals.slice(nl + nu + ns);
  if (inits.length > 0) {
    p.print(" init (");
    p.printOperands(inits);
    p.print(")");
  }
  printOptionalArrowTypeList(p, o.resultTypes);
  p.print(" ");
  p.printRegion(o.region(0), false);
  printAttrDict(p, o, ["operandSegmentSizes"]);
}

function parseReduce(p: OpAsmParser, s: ParsedOp): void {
  if (p.parseOptionalLParen()) {
    const operands = p.parseOperandList();
    const types = p.parseColonTypeList();
    p.parseRParen();
    s.operands = p.resolveOperands(operands, types);
  }
  const first = p.parseOptionalRegion();
  if (first) {
    s.regions.push(first);
    while (p.parseOptionalComma()) s.regions.push(p.parseRegion());
  }
  p.parseOptionalAttrDict(s);
}

function printReduce(p: OpAsmPrinter, o: Operation): void {
  if (o.operands.length > 0) {
    p.print("(");
    p.printOperands(o.operandValues);
    p.print(" : ");
    p.printTypes(o.operandTypes);
    p.print(")");
  }
  p.print(" ");
  o.regions.forEach((r, i) => {
    if (i > 0) p.print(", ");
    p.printRegion(r);
  });
  printAttrDict(p, o);
}

function verifyReduce(o: Operation, emit: EmitError): void {
  if (o.regions.length !== o.operands.length)
    return emit(
      `expects number of reduction regions: ${o.operands.length} but got ${o.regions.length}`,
    );
  o.regions.forEach((r, i) => {
    const t = o.operand(i).type;
    const args = r.blocks[0]?.arguments ?? [];
    if (args.length !== 2 || args.some((a) => a.type !== t))
      emit(
        `expected two block arguments with type ${t.key} in the ${i}th reduction region`,
      );
  });
}

// ----- scf.while and scf.condition -----

export function parseWhile(p: OpAsmParser, s: ParsedOp): void {
  let list: { args: RegionArgument[]; operands: UnresolvedOperand[] } = {
    args: [],
    operands: [],
  };
  if (p.at(Tok.lparen)) list = parseAssignmentList(p);
  p.parseColon();
  const span = p.here();
  const fn = p.parseType();
  if (!(fn instanceof FunctionType)) p.error("expected function type", span);
  s.resultTypes = [...fn.results];
  if (fn.inputs.length !== list.operands.length)
    p.error(
      `expected as many input types as operands (expected ${list.operands.length} got ${fn.inputs.length})`,
      span,
    );
  s.operands = p.resolveOperands(list.operands, fn.inputs);
  list.args.forEach((a, i) => (a.type = fn.inputs[i]!));
  s.regions.push(p.parseRegion(list.args));
  p.parseKeyword("do");
  s.regions.push(p.parseRegion());
  p.parseOptionalAttrDictWithKeyword(s);
}

export function printWhile(p: OpAsmPrinter, o: Operation): void {
  printInitializationList(
    p,
    o.region(0).blocks[0]?.arguments ?? [],
    o.operandValues,
    " ",
  );
  p.print(" : ");
  p.printFunctionalType(o.operandTypes, o.resultTypes);
  p.print(" ");
  p.printRegion(o.region(0), false);
  p.print(" do ");
  p.printRegion(o.region(1));
  p.printOptionalAttrDictWithKeyword(p.allAttributes(o));
}

function verifyWhile(o: Operation, emit: EmitError): void {
  const before = o.region(0).blocks[0];
  const term = before?.last;
  if (before && (!term || term.name !== "scf.condition"))
    emit("expects the 'before' region to terminate with 'scf.condition'");
  const after = o.region(1).blocks[0];
  const yieldOp = after?.last;
  if (after && (!yieldOp || yieldOp.name !== "scf.yield"))
    emit("expects the 'after' region to terminate with 'scf.yield'");
  if (before && before.arguments.length !== o.operands.length)
    emit("expects the same number of operands and 'before' region arguments");
}

function parseCondition(p: OpAsmParser, s: ParsedOp): void {
  p.parseLParen();
  const cond = p.parseOperand();
  p.parseRParen();
  p.parseOptionalAttrDict(s);
  const args = p.parseOperandList();
  const types = args.length > 0 ? p.parseColonTypeList() : [];
  s.operands = [
    p.resolveOperand(cond, p.ctx.i1()),
    ...p.resolveOperands(args, types),
  ];
}

function printCondition(p: OpAsmPrinter, o: Operation): void {
  const [cond, ...args] = o.operandValues;
  p.print("(");
  p.printOperand(cond!);
  p.print(")");
  printAttrDict(p, o);
  if (args.length === 0) return;
  p.print(" ");
  p.printOperands(args);
  p.print(" : ");
  p.printTypes(args.map((v) => v.type));
}

// ----- scf.execute_region -----

function parseExecuteRegion(p: OpAsmParser, s: ParsedOp): void {
  s.resultTypes = p.parseOptionalArrowTypeList();
  if (p.parseOptionalKeyword("no_inline"))
    s.addAttribute("no_inline", p.ctx.unit());
  s.regions.push(p.parseRegion());
  p.parseOptionalAttrDict(s);
}

function printExecuteRegion(p: OpAsmPrinter, o: Operation): void {
  printOptionalArrowTypeList(p, o.resultTypes);
  if (o.getAttr("no_inline") instanceof UnitAttr) p.print(" no_inline");
  p.print(" ");
  p.printRegion(o.region(0), false, true);
  printAttrDict(p, o, ["no_inline"]);
}

// ----- scf.index_switch -----

function parseIndexSwitch(p: OpAsmParser, s: ParsedOp): void {
  const arg = p.parseOperand();
  s.operands = [p.resolveOperand(arg, index(p))];
  p.parseOptionalAttrDict(s);
  if (p.parseOptionalArrow()) s.resultTypes = p.parseTypeList();
  const cases: bigint[] = [];
  const caseRegions: Region[] = [];
  while (p.parseOptionalKeyword("case")) {
    cases.push(p.parseInteger());
    caseRegions.push(p.parseRegion());
  }
  p.parseKeyword("default");
  const dflt = p.parseRegion();
  ensureTerminator(p, s, dflt, "scf.yield");
  s.regions.push(dflt, ...caseRegions);
  s.addAttribute("cases", p.ctx.denseArray(p.ctx.i64(), cases));
}

/** Whether a region directive of ODS would elide this implicit terminator (no operands, results or attributes). */
function elidableTerminator(r: Region): boolean {
  const t = r.blocks[0]?.last;
  if (!t) return true;
  return (
    t.operands.length === 0 &&
    t.results.length === 0 &&
    t.props.entries.length === 0 &&
    t.attrs.entries.length === 0
  );
}

function printIndexSwitch(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  printAttrDict(p, o, ["cases"]);
  if (o.results.length > 0) {
    p.print(" -> ");
    p.printTypes(o.resultTypes);
  }
  p.print(" ");
  const cases = denseI64(o.getAttr("cases"));
  cases.forEach((c, i) => {
    p.newline();
    p.print(`case ${c} `);
    p.printRegion(o.regions[i + 1]!, false);
  });
  p.newline();
  p.print("default ");
  p.printRegion(o.region(0), true, !elidableTerminator(o.region(0)));
}

function verifyIndexSwitch(o: Operation, emit: EmitError): void {
  const cases = denseI64(o.getAttr("cases"));
  if (cases.length !== o.regions.length - 1)
    emit(
      `has ${o.regions.length - 1} case regions but ${cases.length} case values`,
    );
  if (new Set(cases).size !== cases.length) emit("has duplicate case values");
}

// ----- the dialect -----

const anyYieldParent = [
  "scf.execute_region",
  "scf.for",
  "scf.if",
  "scf.index_switch",
  "scf.while",
];

export const scfDialect: Dialect = {
  name: "scf",
  ops: [
    op("scf.for", {
      traits: [Trait.AutomaticAllocationScope, Trait.SingleBlock],
      operands: [
        {
          name: "lowerBound",
          type: typeIs("signless integer or index", isIntOrIndex),
        },
        { name: "upperBound" },
        { name: "step" },
        { name: "initArgs", arity: "variadic" },
      ],
      results: [{ name: "results", arity: "variadic" }],
      attributes: { unsignedCmp: { optional: true } },
      regions: 1,
      parse: parseFor,
      print: printFor,
      verify: verifyFor,
    }),
    op("scf.forall", {
      traits: [
        Trait.AttrSizedOperandSegments,
        Trait.AutomaticAllocationScope,
        Trait.SingleBlock,
      ],
      operands: [
        { name: "dynamicLowerBound", arity: "variadic" },
        { name: "dynamicUpperBound", arity: "variadic" },
        { name: "dynamicStep", arity: "variadic" },
        { name: "outputs", arity: "variadic" },
      ],
      results: [{ name: "results", arity: "variadic" }],
      attributes: {
        staticLowerBound: {},
        staticUpperBound: {},
        staticStep: {},
        mapping: { optional: true },
        operandSegmentSizes: {},
      },
      regions: 1,
      parse: parseForall,
      print: printForall,
      verify(o, emit) {
        if (
          o.results.length !==
          o.operands.length -
            segmentSizes(o)
              .slice(0, 3)
              .reduce((a, b) => a + b, 0)
        )
          emit("produces the wrong number of results");
      },
    }),
    op("scf.forall.in_parallel", {
      traits: [
        Trait.Pure,
        Trait.Terminator,
        Trait.NoTerminator,
        Trait.SingleBlock,
        Trait.GraphRegion,
      ],
      parents: ["scf.forall"],
      regions: 1,
      parse: parseInParallel,
      print: printInParallel,
    }),
    op("scf.if", {
      traits: [Trait.SingleBlock],
      operands: [
        { name: "condition", type: typeIs("1-bit signless integer", isI1) },
      ],
      results: [{ name: "results", arity: "variadic" }],
      regions: 2,
      parse: parseIf,
      print: printIf,
      verify: verifyIf,
    }),
    op("scf.parallel", {
      traits: [
        Trait.AutomaticAllocationScope,
        Trait.AttrSizedOperandSegments,
        Trait.SingleBlock,
      ],
      operands: [
        { name: "lowerBound", arity: "variadic" },
        { name: "upperBound", arity: "variadic" },
        { name: "step", arity: "variadic" },
        { name: "initVals", arity: "variadic" },
      ],
      results: [{ name: "results", arity: "variadic" }],
      attributes: { operandSegmentSizes: {} },
      regions: 1,
      parse: parseParallel,
      print: printParallel,
      verify(o, emit) {
        const [nl = 0, nu = 0, ns = 0, ni = 0] = segmentSizes(o);
        if (nl !== nu || nl !== ns)
          emit(
            "expected the same number of lower bounds, upper bounds and steps",
          );
        if (ni !== o.results.length)
          emit(
            "expects number of results to be the same as number of initial values",
          );
        const args = o.region(0).blocks[0]?.arguments.length ?? 0;
        if (args !== ns)
          emit(
            "expects the same number of induction variables as bound and step values",
          );
      },
    }),
    op("scf.reduce", {
      traits: [Trait.Terminator],
      operands: [{ name: "operands", arity: "variadic" }],
      parents: ["scf.parallel"],
      parse: parseReduce,
      print: printReduce,
      verify: verifyReduce,
    }),
    op("scf.reduce.return", {
      traits: [Trait.Pure, Trait.Terminator],
      operands: [{ name: "result" }],
      parents: ["scf.reduce"],
      parse(p, s) {
        const v = p.parseOperand();
        p.parseOptionalAttrDict(s);
        s.operands = [p.resolveOperand(v, p.parseColonType())];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        printAttrDict(p, o);
        p.print(" : ");
        p.printType(o.operand(0).type);
      },
    }),
    op("scf.while", {
      traits: [Trait.SingleBlock],
      operands: [{ name: "inits", arity: "variadic" }],
      results: [{ name: "results", arity: "variadic" }],
      regions: 2,
      parse: parseWhile,
      print: printWhile,
      verify: verifyWhile,
    }),
    op("scf.condition", {
      traits: [Trait.Pure, Trait.Terminator],
      operands: [
        { name: "condition", type: typeIs("1-bit signless integer", isI1) },
        { name: "args", arity: "variadic" },
      ],
      parents: ["scf.while"],
      parse: parseCondition,
      print: printCondition,
    }),
    op("scf.execute_region", {
      results: [{ name: "results", arity: "variadic" }],
      attributes: { no_inline: { optional: true } },
      regions: 1,
      parse: parseExecuteRegion,
      print: printExecuteRegion,
      verify(o, emit) {
        const entry = o.region(0).blocks[0];
        if (!entry) return emit("region needs to have at least one block");
        if (entry.arguments.length > 0)
          emit("region cannot have any arguments");
      },
    }),
    op("scf.index_switch", {
      traits: [Trait.SingleBlock],
      operands: [
        { name: "arg", type: typeIs("index", (t) => t instanceof IndexType) },
      ],
      results: [{ name: "results", arity: "variadic" }],
      attributes: { cases: {} },
      parse: parseIndexSwitch,
      print: printIndexSwitch,
      verify: verifyIndexSwitch,
    }),
    op("scf.yield", {
      traits: [Trait.Pure, Trait.ReturnLike, Trait.Terminator],
      operands: [{ name: "results", arity: "variadic" }],
      parents: anyYieldParent,
      parse: parseYieldLike,
      print: printYieldLike,
    }),
  ],
};
