// The affine dialect: loops and conditionals over affine maps and integer sets of SSA ids
// (`affine.for`, `affine.if`, `affine.parallel`), affine.apply/min/max, memory accesses
// printed as `%m[%i + 1, symbol(%n)]`, prefetch and index (de)linearization.
import { op, Trait, type Dialect, type EmitError } from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  RegionArgument,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { Region } from "../ir/block.ts";
import type { Value } from "../ir/value.ts";
import { MemRefType, type Type } from "../ir/types.ts";
import {
  AffineMapAttr,
  ArrayAttr,
  DenseArrayAttr,
  DenseElementsAttr,
  IntegerAttr,
  IntegerSetAttr,
  UnitAttr,
  type Attribute,
} from "../ir/attributes.ts";
import * as AF from "../ir/affine.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import {
  ensureTerminator,
  kDynamic,
  parseAssignmentList,
  parseDynamicIndexList,
  parseYieldLike,
  printAttrDict,
  printDynamicIndexList,
  printOptionalArrowTypeList,
  printYieldLike,
  typeIs,
  verifyYieldTypes,
} from "./region-syntax.ts";

// ----- dim and symbol lists, maps of SSA ids -----

/** `(%d0, %d1)[%s0]`: the operands of a map, dims first. */
function parseDimAndSymbolList(p: OpAsmParser): {
  operands: UnresolvedOperand[];
  numDims: number;
} {
  const dims = p.parseOperandList("paren");
  const syms = p.parseOperandList("optionalSquare");
  return { operands: [...dims, ...syms], numDims: dims.length };
}

function printDimAndSymbolList(
  p: OpAsmPrinter,
  operands: readonly Value[],
  numDims: number,
): void {
  p.print("(");
  p.printOperands(operands.slice(0, numDims));
  p.print(")");
  if (operands.length > numDims) {
    p.print("[");
    p.printOperands(operands.slice(numDims));
    p.print("]");
  }
}

/** `[%i + 1, symbol(%n)]` (or parenthesized): a map whose dims and symbols are SSA ids. */
function parseAffineMapOfSSAIds(
  p: OpAsmParser,
  open: Tok = Tok.lsquare,
): { map: AF.AffineMap; operands: UnresolvedOperand[] } {
  const dims: UnresolvedOperand[] = [];
  const syms: UnresolvedOperand[] = [];
  const exprs: AF.AffineExpr[] = [];
  const close = open === Tok.lsquare ? Tok.rsquare : Tok.rparen;
  if (open === Tok.lsquare) p.parseLSquare();
  else p.parseLParen();
  if (!p.at(close)) {
    do exprs.push(p.parseAffineExprOfSSAIds(dims, syms));
    while (p.parseOptionalComma());
  }
  if (open === Tok.lsquare) p.parseRSquare();
  else p.parseRParen();
  return {
    map: new AF.AffineMap(dims.length, syms.length, exprs),
    operands: [...dims, ...syms],
  };
}

function mapOf(a: Attribute | undefined): AF.AffineMap {
  return a instanceof AffineMapAttr ? a.map : new AF.AffineMap(0, 0, []);
}

/** A map attribute followed by its dim and symbol operands (affine.apply, min, max). */
function parseMapAndOperands(
  p: OpAsmParser,
  s: ParsedOp,
  attrName: string,
): void {
  const span = p.here();
  const attr = p.parseAttribute();
  if (!(attr instanceof AffineMapAttr)) p.error("expected affine map", span);
  const { operands, numDims } = parseDimAndSymbolList(p);
  if (
    numDims !== attr.map.numDims ||
    operands.length !== attr.map.numDims + attr.map.numSymbols
  )
    p.error("dimension or symbol index mismatch", span);
  s.addAttribute(attrName, attr);
  s.operands = p.resolveOperands(operands, p.ctx.index());
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.ctx.index()];
}

function printMapAndOperands(p: OpAsmPrinter, o: Operation): void {
  const attr = o.getAttr("map");
  p.print(" ");
  if (attr) p.printAttribute(attr);
  printDimAndSymbolList(p, o.operandValues, mapOf(attr).numDims);
  printAttrDict(p, o, ["map"]);
}

function verifyMapOperands(o: Operation, emit: EmitError): void {
  const m = mapOf(o.getAttr("map"));
  if (o.operands.length !== m.numDims + m.numSymbols)
    emit("operand count and affine map dimension and symbol count must match");
}

// ----- affine.for -----

function parseBound(
  p: OpAsmParser,
  s: ParsedOp,
  lower: boolean,
): UnresolvedOperand[] {
  const ctx = p.ctx;
  const name = lower ? "lowerBoundMap" : "upperBoundMap";
  const minMax = p.parseOptionalKeyword(lower ? "max" : "min");
  const ssa = p.parseOptionalOperand();
  if (ssa) {
    s.addAttribute(name, ctx.affineMap(new AF.AffineMap(0, 1, [AF.sym(0)])));
    return [ssa];
  }
  const span = p.here();
  const attr = p.parseAttribute(ctx.index());
  if (attr instanceof AffineMapAttr) {
    const { operands, numDims } = parseDimAndSymbolList(p);
    if (attr.map.numDims !== numDims)
      p.error("dim operand count and affine map dim count must match", span);
    if (attr.map.numDims + attr.map.numSymbols !== operands.length)
      p.error(
        "symbol operand count and affine map symbol count must match",
        span,
      );
    if (attr.map.results.length > 1 && !minMax)
      p.error(
        `${lower ? "lower" : "upper"} loop bound affine map with multiple results requires '${lower ? "max" : "min"}' prefix`,
        span,
      );
    s.addAttribute(name, attr);
    return operands;
  }
  if (attr instanceof IntegerAttr) {
    s.addAttribute(
      name,
      ctx.affineMap(new AF.AffineMap(0, 0, [AF.constant(Number(attr.value))])),
    );
    return [];
  }
  return p.error(
    "expected valid affine map representation for loop bounds",
    span,
  );
}

function printBound(
  p: OpAsmPrinter,
  attr: Attribute | undefined,
  operands: readonly Value[],
  prefix: string,
): void {
  const map = mapOf(attr);
  if (map.results.length === 1) {
    const e = map.results[0]!;
    if (map.numDims === 0 && map.numSymbols === 0 && e.kind === "constant")
      return p.print(String(e.value));
    if (map.numDims === 0 && map.numSymbols === 1 && e.kind === "symbol")
      return p.printOperand(operands[0]!);
  } else p.print(`${prefix} `);
  if (attr) p.printAttribute(attr);
  printDimAndSymbolList(p, operands, map.numDims);
}

function parseFor(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const idx = ctx.index();
  const iv = p.parseArgument(false);
  iv.type = idx;
  p.parseEqual();
  const lbs = parseBound(p, s, true);
  p.parseKeyword("to");
  const ubs = parseBound(p, s, false);
  let step = 1n;
  if (p.parseOptionalKeyword("step")) {
    const span = p.here();
    step = p.parseInteger();
    if (step <= 0n)
      p.error(
        "expected step to be representable as a positive signed integer",
        span,
      );
  }
  s.addAttribute("step", ctx.integerAttr(idx, step));
  let iter: { args: RegionArgument[]; operands: UnresolvedOperand[] } = {
    args: [],
    operands: [],
  };
  if (p.parseOptionalKeyword("iter_args")) {
    iter = parseAssignmentList(p);
    s.resultTypes = p.parseArrowTypeList();
    if (iter.args.length !== s.resultTypes.length)
      p.error("mismatch between the number of loop-carried values and results");
    iter.args.forEach((a, i) => (a.type = s.resultTypes[i]!));
  }
  s.operands = [
    ...p.resolveOperands(lbs, idx),
    ...p.resolveOperands(ubs, idx),
    ...p.resolveOperands(iter.operands, s.resultTypes),
  ];
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [lbs.length, ubs.length, iter.operands.length]),
  );
  const body = p.parseRegion([iv, ...iter.args]);
  ensureTerminator(p, s, body, "affine.yield");
  s.regions.push(body);
  p.parseOptionalAttrDict(s);
}

function segments(o: Operation): number[] {
  const a = o.getAttr("operandSegmentSizes");
  return a instanceof DenseArrayAttr ? a.numbers() : [];
}

function printFor(p: OpAsmPrinter, o: Operation): void {
  const [nl = 0, nu = 0] = segments(o);
  const vals = o.operandValues;
  const inits = vals.slice(nl + nu);
  const args = o.region(0).blocks[0]?.arguments ?? [];
  p.print(" ");
  if (args[0]) p.printOperand(args[0]);
  p.print(" = ");
  printBound(p, o.getAttr("lowerBoundMap"), vals.slice(0, nl), "max");
  p.print(" to ");
  printBound(p, o.getAttr("upperBoundMap"), vals.slice(nl, nl + nu), "min");
  const step = o.getAttr("step");
  if (step instanceof IntegerAttr && step.value !== 1n)
    p.print(` step ${step.value}`);
  if (inits.length > 0) {
    p.print(" iter_args(");
    inits.forEach((v, i) => {
      if (i > 0) p.print(", ");
      p.printOperand(args[i + 1]!);
      p.print(" = ");
      p.printOperand(v);
    });
    p.print(`) -> (${o.resultTypes.map((t) => p.typeText(t)).join(", ")})`);
  }
  p.print(" ");
  p.printRegion(o.region(0), false, inits.length > 0);
  printAttrDict(p, o, [
    "lowerBoundMap",
    "upperBoundMap",
    "step",
    "operandSegmentSizes",
  ]);
}

function verifyFor(o: Operation, emit: EmitError): void {
  const [nl = 0, nu = 0, ni = 0] = segments(o);
  const lb = mapOf(o.getAttr("lowerBoundMap"));
  const ub = mapOf(o.getAttr("upperBoundMap"));
  if (lb.numDims + lb.numSymbols !== nl)
    emit("operand count must match affine map dimension and symbol count");
  if (ub.numDims + ub.numSymbols !== nu)
    emit("operand count must match affine map dimension and symbol count");
  if (ni !== o.results.length)
    emit("mismatch between the number of loop-carried values and results");
  verifyYieldTypes(o.region(0), o.resultTypes, "loop body", emit);
}

// ----- affine.if -----

function parseIf(p: OpAsmParser, s: ParsedOp): void {
  const span = p.here();
  const cond = p.parseAttribute();
  if (!(cond instanceof IntegerSetAttr)) p.error("expected integer set", span);
  s.addAttribute("condition", cond);
  const { operands, numDims } = parseDimAndSymbolList(p);
  if (numDims !== cond.set.numDims)
    p.error("dim operand count and integer set dim count must match", span);
  if (operands.length !== cond.set.numDims + cond.set.numSymbols)
    p.error(
      "symbol operand count and integer set symbol count must match",
      span,
    );
  s.operands = p.resolveOperands(operands, p.ctx.index());
  s.resultTypes = p.parseOptionalArrowTypeList();
  const then = p.parseRegion();
  ensureTerminator(p, s, then, "affine.yield");
  s.regions.push(then);
  if (p.parseOptionalKeyword("else")) {
    const other = p.parseRegion();
    ensureTerminator(p, s, other, "affine.yield");
    s.regions.push(other);
  } else s.regions.push(new Region());
  p.parseOptionalAttrDict(s);
}

function printIf(p: OpAsmPrinter, o: Operation): void {
  const cond = o.getAttr("condition");
  p.print(" ");
  if (cond) p.printAttribute(cond);
  printDimAndSymbolList(
    p,
    o.operandValues,
    cond instanceof IntegerSetAttr ? cond.set.numDims : 0,
  );
  printOptionalArrowTypeList(p, o.resultTypes);
  const terminators = o.results.length > 0;
  p.print(" ");
  p.printRegion(o.region(0), false, terminators);
  const other = o.regions[1];
  if (other && other.blocks.length > 0) {
    p.print(" else ");
    p.printRegion(other, false, terminators);
  }
  printAttrDict(p, o, ["condition"]);
}

// ----- affine.parallel -----

/** The arith AtomicRMWKind cases affine.parallel reductions name, by their stored value. */
const atomicRMWKinds = [
  "addf",
  "addi",
  "andi",
  "assign",
  "maximumf",
  "maxnumf",
  "maxs",
  "maxu",
  "minimumf",
  "minnumf",
  "mins",
  "minu",
  "mulf",
  "muli",
  "ori",
  "xori",
];

/**
 * `(e0, max(e1, e2), ...)`: one expression or a max/min group per loop, flattened into one map
 * over deduplicated operands, with the group sizes.
 */
function parseMinMaxBounds(
  p: OpAsmParser,
  keyword: string,
): {
  map: AF.AffineMap;
  groups: number[];
  dims: UnresolvedOperand[];
  syms: UnresolvedOperand[];
} {
  const dims: UnresolvedOperand[] = [];
  const syms: UnresolvedOperand[] = [];
  const exprs: AF.AffineExpr[] = [];
  const groups: number[] = [];
  const positionOf = (list: UnresolvedOperand[], u: UnresolvedOperand) => {
    let i = list.findIndex((x) => x.name === u.name && x.number === u.number);
    if (i < 0) i = list.push(u) - 1;
    return i;
  };
  // Each expression is parsed over its own dims and symbols, then renumbered onto the shared lists.
  const addExprs = (
    local: AF.AffineExpr[],
    ld: UnresolvedOperand[],
    ls: UnresolvedOperand[],
  ) => {
    const dimRepl = ld.map((u) => AF.dim(positionOf(dims, u)));
    const symRepl = ls.map((u) => AF.sym(positionOf(syms, u)));
    for (const e of local)
      exprs.push(AF.replaceDimsAndSymbols(e, dimRepl, symRepl));
  };
  p.parseLParen();
  if (!p.parseOptionalRParen()) {
    do {
      if (p.parseOptionalKeyword(keyword)) {
        const { map, operands } = parseAffineMapOfSSAIds(p, Tok.lparen);
        addExprs(
          [...map.results],
          operands.slice(0, map.numDims),
          operands.slice(map.numDims),
        );
        groups.push(map.results.length);
      } else {
        const ld: UnresolvedOperand[] = [];
        const ls: UnresolvedOperand[] = [];
        addExprs([p.parseAffineExprOfSSAIds(ld, ls)], ld, ls);
        groups.push(1);
      }
    } while (p.parseOptionalComma());
    p.parseRParen();
  }
  return {
    map: new AF.AffineMap(dims.length, syms.length, exprs),
    groups,
    dims,
    syms,
  };
}

function parseParallel(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const idx = ctx.index();
  const ivs = p.parseArgumentList("paren", false);
  for (const iv of ivs) iv.type = idx;
  p.parseEqual();
  const lb = parseMinMaxBounds(p, "max");
  p.parseKeyword("to");
  const ub = parseMinMaxBounds(p, "min");
  const i32Tensor = (xs: number[]) =>
    ctx.dense(ctx.tensor([xs.length], ctx.i32()), xs.map(BigInt), false);
  s.addAttribute("lowerBoundsMap", ctx.affineMap(lb.map));
  s.addAttribute("lowerBoundsGroups", i32Tensor(lb.groups));
  s.addAttribute("upperBoundsMap", ctx.affineMap(ub.map));
  s.addAttribute("upperBoundsGroups", i32Tensor(ub.groups));
  let steps: bigint[] = ivs.map(() => 1n);
  if (p.parseOptionalKeyword("step")) {
    steps = [];
    p.parseLParen();
    do steps.push(p.parseInteger());
    while (p.parseOptionalComma());
    p.parseRParen();
  }
  s.addAttribute(
    "steps",
    ctx.array(steps.map((v) => ctx.integerAttr(ctx.i64(), v))),
  );
  const reductions: Attribute[] = [];
  if (p.parseOptionalKeyword("reduce")) {
    p.parseLParen();
    do {
      const span = p.here();
      const kind = p.parseString();
      const k = atomicRMWKinds.indexOf(kind);
      if (k < 0) p.error(`invalid reduction value: "${kind}"`, span);
      reductions.push(ctx.integerAttr(ctx.i64(), k));
    } while (p.parseOptionalComma());
    p.parseRParen();
  }
  s.addAttribute("reductions", ctx.array(reductions));
  s.resultTypes = p.parseOptionalArrowTypeList();
  s.operands = [
    ...p.resolveOperands([...lb.dims, ...lb.syms], idx),
    ...p.resolveOperands([...ub.dims, ...ub.syms], idx),
  ];
  const body = p.parseRegion(ivs);
  ensureTerminator(p, s, body, "affine.yield");
  s.regions.push(body);
  p.parseOptionalAttrDict(s);
}

function groupSizes(a: Attribute | undefined): number[] {
  if (!(a instanceof DenseElementsAttr)) return [];
  const n = a.type.numElements ?? 0;
  return Array.from({ length: n }, (_, i) => Number(a.at(i)));
}

function printMinMaxBounds(
  p: OpAsmPrinter,
  mapAttr: Attribute | undefined,
  groups: readonly number[],
  operands: readonly Value[],
  keyword: string,
): void {
  const map = mapOf(mapAttr);
  let start = 0;
  groups.forEach((size, g) => {
    if (g > 0) p.print(", ");
    const sub = new AF.AffineMap(
      map.numDims,
      map.numSymbols,
      map.results.slice(start, start + size),
    );
    if (size === 1) p.print(p.affineMapOfSSAIdsText(sub, operands));
    else p.print(`${keyword}(${p.affineMapOfSSAIdsText(sub, operands)})`);
    start += size;
  });
}

function printParallel(p: OpAsmPrinter, o: Operation): void {
  const lbMap = o.getAttr("lowerBoundsMap");
  const nl = mapOf(lbMap).numDims + mapOf(lbMap).numSymbols;
  const vals = o.operandValues;
  p.print(" (");
  p.printOperands(o.region(0).blocks[0]?.arguments ?? []);
  p.print(") = (");
  printMinMaxBounds(
    p,
    lbMap,
    groupSizes(o.getAttr("lowerBoundsGroups")),
    vals.slice(0, nl),
    "max",
  );
  p.print(") to (");
  printMinMaxBounds(
    p,
    o.getAttr("upperBoundsMap"),
    groupSizes(o.getAttr("upperBoundsGroups")),
    vals.slice(nl),
    "min",
  );
  p.print(")");
  const stepsAttr = o.getAttr("steps");
  const steps =
    stepsAttr instanceof ArrayAttr
      ? stepsAttr.elements.map((e) => (e instanceof IntegerAttr ? e.value : 1n))
      : [];
  if (!steps.every((x) => x === 1n)) p.print(` step (${steps.join(", ")})`);
  if (o.results.length > 0) {
    const red = o.getAttr("reductions");
    const names =
      red instanceof ArrayAttr
        ? red.elements.map((e) =>
            e instanceof IntegerAttr ? atomicRMWKinds[Number(e.value)] : "?",
          )
        : [];
    p.print(
      ` reduce (${names.map((n) => `"${n}"`).join(", ")}) -> (${o.resultTypes.map((t) => p.typeText(t)).join(", ")})`,
    );
  }
  p.print(" ");
  p.printRegion(o.region(0), false, o.results.length > 0);
  printAttrDict(p, o, [
    "reductions",
    "lowerBoundsMap",
    "lowerBoundsGroups",
    "upperBoundsMap",
    "upperBoundsGroups",
    "steps",
  ]);
}

function verifyParallel(o: Operation, emit: EmitError): void {
  const n = o.region(0).blocks[0]?.arguments.length ?? 0;
  const steps = o.getAttr("steps");
  if (steps instanceof ArrayAttr && steps.elements.length !== n)
    emit("number of steps must match the number of loops");
  const red = o.getAttr("reductions");
  if (red instanceof ArrayAttr && red.elements.length !== o.results.length)
    emit("a reduction must be specified for each output");
  verifyYieldTypes(o.region(0), o.resultTypes, "loop body", emit);
}

// ----- memory accesses -----

function parseLoad(p: OpAsmParser, s: ParsedOp, vector: boolean): void {
  const memref = p.parseOperand();
  const { map, operands } = parseAffineMapOfSSAIds(p);
  s.addAttribute("map", p.ctx.affineMap(map));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const span = p.here();
  const type = p.parseType();
  if (!(type instanceof MemRefType)) p.error("expected memref type", span);
  if (vector) {
    p.parseComma();
    s.resultTypes = [p.parseType()];
  } else s.resultTypes = [type.elementType];
  s.operands = [
    p.resolveOperand(memref, type),
    ...p.resolveOperands(operands, p.ctx.index()),
  ];
}

function printAccess(
  p: OpAsmPrinter,
  o: Operation,
  memrefIndex: number,
  vectorType: Type | undefined,
): void {
  const memref = o.operand(memrefIndex);
  p.printOperand(memref);
  p.print(
    `[${p.affineMapOfSSAIdsText(mapOf(o.getAttr("map")), o.operandValues.slice(memrefIndex + 1))}]`,
  );
  printAttrDict(p, o, ["map"]);
  p.print(" : ");
  p.printType(memref.type);
  if (vectorType) p.print(`, ${p.typeText(vectorType)}`);
}

function parseStore(p: OpAsmParser, s: ParsedOp, vector: boolean): void {
  const value = p.parseOperand();
  p.parseComma();
  const memref = p.parseOperand();
  const { map, operands } = parseAffineMapOfSSAIds(p);
  s.addAttribute("map", p.ctx.affineMap(map));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  const span = p.here();
  const type = p.parseType();
  if (!(type instanceof MemRefType)) p.error("expected memref type", span);
  let valueType: Type = type.elementType;
  if (vector) {
    p.parseComma();
    valueType = p.parseType();
  }
  s.operands = [
    p.resolveOperand(value, valueType),
    p.resolveOperand(memref, type),
    ...p.resolveOperands(operands, p.ctx.index()),
  ];
}

function verifyAccess(
  o: Operation,
  memrefIndex: number,
  emit: EmitError,
): void {
  const t = o.operands[memrefIndex]?.value.type;
  const m = mapOf(o.getAttr("map"));
  if (t instanceof MemRefType && m.results.length !== t.shape.length)
    emit("affine map num results must equal memref rank");
  if (o.operands.length - memrefIndex - 1 !== m.numDims + m.numSymbols)
    emit("expects as many subscripts as affine map inputs");
}

function parsePrefetch(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const memref = p.parseOperand();
  const { map, operands } = parseAffineMapOfSSAIds(p);
  s.addAttribute("map", ctx.affineMap(map));
  p.parseComma();
  const rw = p.parseAnyKeyword("'read' or 'write'");
  if (rw !== "read" && rw !== "write")
    p.error("rw specifier has to be 'read' or 'write'");
  s.addAttribute("isWrite", ctx.bool(rw === "write"));
  p.parseComma();
  p.parseKeyword("locality");
  p.parseLess();
  s.addAttribute("localityHint", ctx.integerAttr(ctx.i32(), p.parseInteger()));
  p.parseGreater();
  p.parseComma();
  const cache = p.parseAnyKeyword("'data' or 'instr'");
  if (cache !== "data" && cache !== "instr")
    p.error("cache type has to be 'data' or 'instr'");
  s.addAttribute("isDataCache", ctx.bool(cache === "data"));
  p.parseOptionalAttrDict(s);
  const type = p.parseColonType();
  s.operands = [
    p.resolveOperand(memref, type),
    ...p.resolveOperands(operands, ctx.index()),
  ];
}

function printPrefetch(p: OpAsmPrinter, o: Operation): void {
  const memref = o.operand(0);
  const flag = (name: string) => {
    const a = o.getAttr(name);
    return a instanceof IntegerAttr && a.value !== 0n;
  };
  const hint = o.getAttr("localityHint");
  p.print(" ");
  p.printOperand(memref);
  p.print(
    `[${p.affineMapOfSSAIdsText(mapOf(o.getAttr("map")), o.operandValues.slice(1))}]`,
  );
  p.print(
    `, ${flag("isWrite") ? "write" : "read"}, locality<${hint instanceof IntegerAttr ? hint.value : 0n}>, `,
  );
  p.print(flag("isDataCache") ? "data" : "instr");
  printAttrDict(p, o, ["map", "localityHint", "isDataCache", "isWrite"]);
  p.print(" : ");
  p.printType(memref.type);
}

// ----- index (de)linearization -----

function parseDelinearize(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const linear = p.parseOperand();
  p.parseKeyword("into");
  const basis = parseDynamicIndexList(p);
  s.addAttribute("static_basis", ctx.denseArray(ctx.i64(), basis.statics));
  p.parseOptionalAttrDict(s);
  s.resultTypes = p.parseColonTypeList();
  s.operands = [
    p.resolveOperand(linear, ctx.index()),
    ...p.resolveOperands(basis.values, ctx.index()),
  ];
}

function staticBasis(o: Operation): number[] {
  const a = o.getAttr("static_basis");
  return a instanceof DenseArrayAttr ? a.numbers() : [];
}

function printDelinearize(p: OpAsmPrinter, o: Operation): void {
  p.print(" ");
  p.printOperand(o.operand(0));
  p.print(" into ");
  printDynamicIndexList(p, o.operandValues.slice(1), staticBasis(o));
  printAttrDict(p, o, ["static_basis"]);
  p.print(" : ");
  p.printTypes(o.resultTypes);
}

function parseLinearize(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  s.addAttribute(
    "disjoint",
    p.parseOptionalKeyword("disjoint") ? ctx.unit() : ctx.bool(false),
  );
  const multi = p.parseOperandList("square");
  p.parseKeyword("by");
  const basis = parseDynamicIndexList(p);
  s.addAttribute("static_basis", ctx.denseArray(ctx.i64(), basis.statics));
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [multi.length, basis.values.length]),
  );
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.parseColonType()];
  s.operands = [
    ...p.resolveOperands(multi, ctx.index()),
    ...p.resolveOperands(basis.values, ctx.index()),
  ];
}

function printLinearize(p: OpAsmPrinter, o: Operation): void {
  const seg = segments(o);
  const n = seg[0] ?? 0;
  if (o.getAttr("disjoint") instanceof UnitAttr) p.print(" disjoint");
  p.print(" [");
  p.printOperands(o.operandValues.slice(0, n));
  p.print("] by ");
  printDynamicIndexList(p, o.operandValues.slice(n), staticBasis(o));
  printAttrDict(p, o, ["disjoint", "static_basis", "operandSegmentSizes"]);
  p.print(" : ");
  p.printType(o.result(0).type);
}

function verifyBasis(
  o: Operation,
  dynamicCount: number,
  emit: EmitError,
): void {
  const dyn = staticBasis(o).filter((x) => x === kDynamic).length;
  if (dyn !== dynamicCount)
    emit(
      "mismatch between dynamic and static basis (kDynamic marker but no corresponding dynamic basis entry) -- this can only happen due to an incorrect fold/rewrite",
    );
}

// ----- the dialect -----

const indexType = typeIs("index", (t) => t.kind === "index");

export const affineDialect: Dialect = {
  name: "affine",
  ops: [
    op("affine.for", {
      traits: [
        Trait.AutomaticAllocationScope,
        Trait.AttrSizedOperandSegments,
        Trait.SingleBlock,
      ],
      operands: [
        { name: "lowerBoundOperands", arity: "variadic" },
        { name: "upperBoundOperands", arity: "variadic" },
        { name: "inits", arity: "variadic" },
      ],
      results: [{ name: "results", arity: "variadic" }],
      attributes: {
        lowerBoundMap: {},
        upperBoundMap: {},
        step: {},
        operandSegmentSizes: {},
      },
      regions: 1,
      parse: parseFor,
      print: printFor,
      verify: verifyFor,
    }),
    op("affine.if", {
      traits: [Trait.SingleBlock],
      operands: [{ name: "operands", arity: "variadic" }],
      results: [{ name: "results", arity: "variadic" }],
      attributes: { condition: {} },
      regions: 2,
      parse: parseIf,
      print: printIf,
      verify(o, emit) {
        const c = o.getAttr("condition");
        if (
          c instanceof IntegerSetAttr &&
          o.operands.length !== c.set.numDims + c.set.numSymbols
        )
          emit(
            "operand count and condition integer set dimension and symbol count must match",
          );
        if (o.results.length > 0 && (o.regions[1]?.blocks.length ?? 0) === 0)
          emit("must have an else block if defining values");
        verifyYieldTypes(o.regions[0], o.resultTypes, "then region", emit);
      },
    }),
    op("affine.parallel", {
      traits: [Trait.AutomaticAllocationScope, Trait.SingleBlock],
      operands: [{ name: "mapOperands", arity: "variadic" }],
      results: [{ name: "results", arity: "variadic" }],
      attributes: {
        reductions: {},
        lowerBoundsMap: {},
        lowerBoundsGroups: {},
        upperBoundsMap: {},
        upperBoundsGroups: {},
        steps: {},
      },
      regions: 1,
      parse: parseParallel,
      print: printParallel,
      verify: verifyParallel,
    }),
    op("affine.apply", {
      traits: [Trait.Pure],
      operands: [{ name: "mapOperands", arity: "variadic", type: indexType }],
      results: [{ name: "result", type: indexType }],
      attributes: { map: {} },
      parse: (p, s) => parseMapAndOperands(p, s, "map"),
      print: printMapAndOperands,
      verify(o, emit) {
        verifyMapOperands(o, emit);
        if (mapOf(o.getAttr("map")).results.length !== 1)
          emit("mapping must produce one value");
      },
    }),
    op("affine.min", {
      traits: [Trait.Pure],
      operands: [{ name: "operands", arity: "variadic", type: indexType }],
      results: [{ name: "result", type: indexType }],
      attributes: { map: {} },
      parse: (p, s) => parseMapAndOperands(p, s, "map"),
      print: printMapAndOperands,
      verify: verifyMapOperands,
    }),
    op("affine.max", {
      traits: [Trait.Pure],
      operands: [{ name: "operands", arity: "variadic", type: indexType }],
      results: [{ name: "result", type: indexType }],
      attributes: { map: {} },
      parse: (p, s) => parseMapAndOperands(p, s, "map"),
      print: printMapAndOperands,
      verify: verifyMapOperands,
    }),
    op("affine.load", {
      operands: [{ name: "memref" }, { name: "indices", arity: "variadic" }],
      results: [{ name: "result" }],
      attributes: { map: {} },
      parse: (p, s) => parseLoad(p, s, false),
      print: (p, o) => (p.print(" "), printAccess(p, o, 0, undefined)),
      verify: (o, emit) => verifyAccess(o, 0, emit),
    }),
    op("affine.store", {
      operands: [
        { name: "value" },
        { name: "memref" },
        { name: "indices", arity: "variadic" },
      ],
      attributes: { map: {} },
      parse: (p, s) => parseStore(p, s, false),
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        p.print(", ");
        printAccess(p, o, 1, undefined);
      },
      verify: (o, emit) => verifyAccess(o, 1, emit),
    }),
    op("affine.vector_load", {
      operands: [{ name: "memref" }, { name: "indices", arity: "variadic" }],
      results: [{ name: "result" }],
      attributes: { map: {} },
      parse: (p, s) => parseLoad(p, s, true),
      print: (p, o) => (p.print(" "), printAccess(p, o, 0, o.result(0).type)),
      verify: (o, emit) => verifyAccess(o, 0, emit),
    }),
    op("affine.vector_store", {
      operands: [
        { name: "value" },
        { name: "memref" },
        { name: "indices", arity: "variadic" },
      ],
      attributes: { map: {} },
      parse: (p, s) => parseStore(p, s, true),
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        p.print(", ");
        printAccess(p, o, 1, o.operand(0).type);
      },
      verify: (o, emit) => verifyAccess(o, 1, emit),
    }),
    op("affine.prefetch", {
      operands: [{ name: "memref" }, { name: "indices", arity: "variadic" }],
      attributes: { map: {}, isWrite: {}, localityHint: {}, isDataCache: {} },
      parse: parsePrefetch,
      print: printPrefetch,
      verify: (o, emit) => verifyAccess(o, 0, emit),
    }),
    op("affine.delinearize_index", {
      traits: [Trait.Pure],
      operands: [
        { name: "linear_index", type: indexType },
        { name: "dynamic_basis", arity: "variadic", type: indexType },
      ],
      results: [{ name: "multi_index", arity: "variadic", type: indexType }],
      attributes: { static_basis: {} },
      parse: parseDelinearize,
      print: printDelinearize,
      verify: (o, emit) => verifyBasis(o, o.operands.length - 1, emit),
    }),
    op("affine.linearize_index", {
      traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
      operands: [
        { name: "multi_index", arity: "variadic", type: indexType },
        { name: "dynamic_basis", arity: "variadic", type: indexType },
      ],
      results: [{ name: "linear_index", type: indexType }],
      attributes: {
        disjoint: { optional: true },
        static_basis: {},
        operandSegmentSizes: {},
      },
      parse: parseLinearize,
      print: printLinearize,
      verify: (o, emit) => verifyBasis(o, segments(o)[1] ?? 0, emit),
    }),
    op("affine.yield", {
      traits: [Trait.Pure, Trait.ReturnLike, Trait.Terminator],
      operands: [{ name: "operands", arity: "variadic" }],
      parents: ["affine.for", "affine.if", "affine.parallel"],
      parse: parseYieldLike,
      print: printYieldLike,
    }),
  ],
};
