// The syntax linalg's structured ops share: `{attrs} ins(%a, %b : A, B) outs(%c : C) -> C`,
// the implicit body MLIR builds for named ops when parsing them, the generic op's trait
// dictionary and region, and the payload short form of linalg.map and linalg.reduce.
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { Type } from "../ir/types.ts";
import type { Context } from "../ir/context.ts";
import { Region, Block } from "../ir/block.ts";
import { MemRefType, RankedTensorType } from "../ir/types.ts";
import { ArrayAttr, DialectAttr, StringAttr, type Attribute, type Location, type NamedAttribute } from "../ir/attributes.ts";
import { RegionBuilder, RegionBuildError } from "./linalg-region-builder.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import { group, parseI64List, printI64List, staticValues, i64Array, elementOf } from "./shaped-ops.ts";

/** Builds a named op's body: `args` are the block arguments (inputs, then the output). */
export type BodyBuilder = (b: RegionBuilder, args: readonly Value[], attr: (name: string) => Attribute | undefined) => void;

// ----- ins / outs -----

export interface StructuredOperands {
  inputs: UnresolvedOperand[];
  inputTypes: Type[];
  outputs: UnresolvedOperand[];
  outputTypes: Type[];
}

/** `<{props}>? {attrs}? ins(...)? outs(...)? {attrs}?`, resolving the operands into `s`. */
export function parseInsOuts(p: OpAsmParser, s: ParsedOp, segments: boolean): StructuredOperands {
  p.parseOptionalPropDict(s);
  p.parseOptionalAttrDict(s);
  const r: StructuredOperands = { inputs: [], inputTypes: [], outputs: [], outputTypes: [] };
  if (p.parseOptionalKeyword("ins")) {
    p.parseLParen();
    r.inputs = p.parseOperandList();
    r.inputTypes = p.parseColonTypeList();
    p.parseRParen();
  }
  if (p.parseOptionalKeyword("outs")) {
    p.parseLParen();
    r.outputs = p.parseOperandList();
    r.outputTypes = p.parseColonTypeList();
    p.parseRParen();
  }
  s.operands = [...p.resolveOperands(r.inputs, r.inputTypes), ...p.resolveOperands(r.outputs, r.outputTypes)];
  if (segments)
    s.addAttribute("operandSegmentSizes", p.ctx.denseArray(p.ctx.i32(), [BigInt(r.inputs.length), BigInt(r.outputs.length)]));
  return r;
}

/** ` ins(%a : A) outs(%c : C)`, each part only when not empty. */
export function printInsOuts(p: OpAsmPrinter, inputs: readonly Value[], outputs: readonly Value[]): void {
  if (inputs.length > 0) {
    p.print(" ins(");
    p.printOperands(inputs);
    p.print(" : ");
    p.printTypes(inputs.map((v) => v.type));
    p.print(")");
  }
  if (outputs.length > 0) {
    p.print(" outs(");
    p.printOperands(outputs);
    p.print(" : ");
    p.printTypes(outputs.map((v) => v.type));
    p.print(")");
  }
}

/** ` -> t` or ` -> (t1, t2)` when there are results. */
export function printResultArrow(p: OpAsmPrinter, types: readonly Type[]): void {
  if (types.length === 0) return;
  p.print(" -> ");
  p.printArrowTypeList(types);
}

/** Inputs and outputs of a structured op sized by `operandSegmentSizes`. */
export function insOuts(o: Operation): { inputs: Value[]; outputs: Value[] } {
  return { inputs: group(o, 0), outputs: group(o, 1) };
}

/** The scalar type a region argument has for an operand of type `t`. */
export function scalarOf(t: Type): Type {
  return t instanceof MemRefType || t instanceof RankedTensorType ? elementOf(t) : t;
}

/** Tensor outputs become results (ops whose results are implied by `outs`). */
export function tensorResults(types: readonly Type[]): Type[] {
  return types.filter((t) => t instanceof RankedTensorType);
}

// ----- named ops -----

/** Creates the body of a named op from its operand types and attributes. */
export function buildNamedRegion(
  ctx: Context,
  operandTypes: readonly Type[],
  attrs: readonly NamedAttribute[],
  body: BodyBuilder,
  loc: Location = ctx.unknownLoc(),
): Region {
  const region = new Region();
  const block = region.addBlock(new Block());
  for (const t of operandTypes) block.addArgument(scalarOf(t), loc);
  const b = new RegionBuilder(ctx, block, loc);
  body(b, block.arguments, (name) => attrs.find((a) => a.name === name)?.value);
  return region;
}

/**
 * `prefix? {attrs} ins(...) outs(...) -> results`, creating the body. `prefix` parses what
 * comes after the op name for ops that have more (matmul's `indexing_maps = [...]`).
 */
export function parseNamedOp(
  p: OpAsmParser,
  s: ParsedOp,
  body: BodyBuilder,
  numArgs: number | ((s: ParsedOp) => number),
  prefix?: (p: OpAsmParser, s: ParsedOp) => void,
): void {
  prefix?.(p, s);
  const r = parseInsOuts(p, s, true);
  p.parseOptionalAttrDict(s);
  s.resultTypes = p.parseOptionalArrowTypeList();
  const expected = typeof numArgs === "number" ? numArgs : numArgs(s);
  const got = r.inputs.length + r.outputs.length;
  if (got !== expected) p.error(`[parseNamedStructuredOpRegion] ods-gen generated region expects ${expected} args, got ${got}`);
  try {
    s.regions.push(buildNamedRegion(p.ctx, [...r.inputTypes, ...r.outputTypes], s.attributes, body));
  } catch (e) {
    if (e instanceof RegionBuildError) p.error(`'${s.name}' op ${e.message}`, p.nameSpan);
    throw e;
  }
}

/** Attributes a named op never prints in its custom form. */
const namedOpElided = ["operandSegmentSizes", "linalg.memoized_indexing_maps"];

export function printNamedOp(p: OpAsmPrinter, o: Operation, elided: readonly string[] = []): void {
  p.printOptionalAttrDict(p.allAttributes(o), [...namedOpElided, ...elided]);
  const { inputs, outputs } = insOuts(o);
  printInsOuts(p, inputs, outputs);
  printResultArrow(p, o.resultTypes);
}

// ----- linalg.generic -----

const genericTraitAttrs = ["doc", "indexing_maps", "iterator_types", "library_call"];

/** `#linalg.iterator_type<parallel>` for `parallel`. */
export function iteratorType(ctx: Context, kind: string): DialectAttr {
  return ctx.dialectAttr("linalg", `linalg.iterator_type<${kind}>`);
}

function iteratorName(a: Attribute): string | undefined {
  if (a instanceof DialectAttr) return /^linalg\.iterator_type<(\w+)>$/.exec(a.text)?.[1];
  if (a instanceof StringAttr) return a.value;
  return undefined;
}

export function parseGeneric(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const span = p.here();
  const dict = p.parseAttribute();
  if (dict.kind !== "dictionary") p.error("expected the linalg.generic attribute dictionary", span);
  for (const e of (dict as import("../ir/attributes.ts").DictionaryAttr).entries) s.addAttribute(e.name, e.value);
  const its = s.getAttribute("iterator_types");
  if (!(its instanceof ArrayAttr)) p.error("expected iterator_types array attribute", span);
  const kinds = its.elements.map((e) => {
    const k = iteratorName(e);
    if (k !== "parallel" && k !== "reduction") p.error(`unexpected iterator_type (${k ?? e.key})`, span);
    return iteratorType(ctx, k);
  });
  s.addAttribute("iterator_types", ctx.array(kinds));
  parseInsOuts(p, s, true);
  if (p.parseOptionalKeyword("attrs")) {
    p.parseEqual();
    p.parseOptionalAttrDict(s);
  }
  s.regions.push(p.parseRegion());
  s.resultTypes = p.parseOptionalArrowTypeList();
}

export function printGeneric(p: OpAsmPrinter, o: Operation): void {
  const ctx = o.ctx;
  const all = p.allAttributes(o);
  const traits: NamedAttribute[] = [];
  for (const e of all) {
    if (!genericTraitAttrs.includes(e.name)) continue;
    if (e.name === "iterator_types" && e.value instanceof ArrayAttr)
      traits.push({ name: e.name, value: ctx.array(e.value.elements.map((x) => ctx.string(iteratorName(x) ?? x.key))) });
    else traits.push(e);
  }
  p.print(" ");
  p.printAttribute(ctx.dictionary(traits));
  const { inputs, outputs } = insOuts(o);
  printInsOuts(p, inputs, outputs);
  const hidden = [...genericTraitAttrs, "operandSegmentSizes"];
  if (all.some((e) => !hidden.includes(e.name))) {
    p.print(" attrs = ");
    p.printOptionalAttrDict(all, hidden);
  }
  if (o.regions[0] !== undefined && o.region().blocks.length > 0) {
    p.print(" ");
    p.printRegion(o.region());
  }
  printResultArrow(p, o.resultTypes);
}

/** `in` for each input and `out` for each output, as GenericOp::getAsmBlockArgumentNames. */
export function genericArgNames(o: Operation): string[] {
  const { inputs, outputs } = insOuts(o);
  return [...inputs.map(() => "in"), ...outputs.map(() => "out")];
}

// ----- map and reduce -----

/** Runs `fn` with the printer's indentation one level deeper (MLIR's increaseIndent). */
function indented(p: OpAsmPrinter, fn: () => void): void {
  const printer = p as unknown as { indent: number };
  printer.indent++;
  try {
    fn();
  } finally {
    printer.indent--;
  }
}

/** `(%in: f32, %init: f32) { ... }` on a new, deeper line. */
function printLongFormBody(p: OpAsmPrinter, o: Operation): void {
  indented(p, () => {
    p.newline();
    p.print("(");
    o.region().blocks[0]?.arguments.forEach((a, i) => {
      if (i > 0) p.print(", ");
      p.printBlockArgument(a);
    });
    p.print(") ");
    p.printRegion(o.region(), false);
  });
}

/**
 * The payload op of a body in short form, or undefined: the body is one op and the yield, and
 * the op's operands are the block arguments in the order the short form implies.
 */
function payloadOp(o: Operation, kind: "map" | "reduce"): Operation | undefined {
  const block = o.regions[0]?.blocks[0];
  if (block === undefined || block.size !== 2) return undefined;
  const payload = block.first!;
  const yieldOp = block.last!;
  if (yieldOp.name !== "linalg.yield") return undefined;
  if (payload.regions.length > 0 || payload.results.length !== 1 || yieldOp.operands.length !== 1) return undefined;
  if (yieldOp.operand(0) !== payload.result()) return undefined;
  const args = block.arguments;
  const ops = payload.operandValues;
  if (ops.length === 0) return undefined;
  if (kind === "map") {
    if (ops.length !== args.length - 1) return undefined;
    return ops.every((v, i) => v === args[i]) ? payload : undefined;
  }
  if (ops.length !== args.length || ops[ops.length - 1] !== args[0]) return undefined;
  for (let i = 0; i + 1 < args.length; i++) if (ops[i] !== args[i + 1]) return undefined;
  return payload;
}

/** ` { arith.addf {attrs} }`, eliding a `fastmath` that is `none`. */
function printShortForm(p: OpAsmPrinter, payload: Operation): void {
  p.print(` { ${payload.name}`);
  const attrs = p.allAttributes(payload);
  const none = attrs.find((a) => a.value instanceof DialectAttr && a.value.text === "arith.fastmath<none>");
  p.printOptionalAttrDict(attrs, none ? [none.name] : []);
  p.print(" }");
}

/** Parses `{ dialect.op {attrs} }` if present: the payload name and its attributes. */
function parseShortForm(p: OpAsmParser): { name: string; attrs: NamedAttribute[] } | undefined {
  if (!p.parseOptionalLBrace()) return undefined;
  const span = p.here();
  const name = p.parseAnyKeyword("operation name");
  if (p.ctx.registry.lookup(name) === undefined && !p.ctx.allowUnregistered) p.error(`unregistered operation '${name}'`, span);
  const attrs: NamedAttribute[] = [];
  if (p.at(Tok.lbrace)) p.parseAttrDictInto(attrs);
  p.parseRBrace();
  return { name, attrs };
}

/** The body of a short form: block arguments for every operand, the payload and a yield. */
function shortFormRegion(
  ctx: Context,
  operandTypes: readonly Type[],
  payload: { name: string; attrs: NamedAttribute[] },
  kind: "map" | "reduce",
  loc: Location,
): Region {
  const region = new Region();
  const block = region.addBlock(new Block());
  for (const t of operandTypes) block.addArgument(scalarOf(t), ctx.unknownLoc());
  const args = block.arguments;
  const operands = kind === "map" ? args.slice(0, -1) : [args[args.length - 1]!, ...args.slice(0, -1)];
  const resultType = scalarOf(operandTypes[operandTypes.length - 1]!);
  const b = new RegionBuilder(ctx, block, loc);
  const o = b.create(payload.name, operands, [resultType], payload.attrs);
  b.yield([o.result()]);
  return region;
}

/** `{ payload }? ins(...) outs(...) (dimensions = [..])? {attrs} (long-form body)?` */
export function parseMapOrReduce(p: OpAsmParser, s: ParsedOp, kind: "map" | "reduce"): void {
  const short = parseShortForm(p);
  const r = parseInsOuts(p, s, false);
  s.resultTypes = tensorResults(r.outputTypes);
  if (kind === "reduce") {
    p.parseKeyword("dimensions");
    p.parseEqual();
    s.addAttribute("dimensions", i64Array(p.ctx, parseI64List(p)));
  }
  p.parseOptionalAttrDict(s);
  const types = [...r.inputTypes, ...r.outputTypes];
  if (short !== undefined) {
    s.regions.push(types.length > 0 ? shortFormRegion(p.ctx, types, short, kind, s.loc) : new Region());
    return;
  }
  const args = p.parseArgumentList("paren", true);
  s.regions.push(p.parseRegion(args));
}

export function printMapOrReduce(p: OpAsmPrinter, o: Operation, kind: "map" | "reduce"): void {
  const payload = payloadOp(o, kind);
  if (payload !== undefined) printShortForm(p, payload);
  const vals = o.operandValues;
  const nInits = kind === "map" ? 1 : vals.length / 2;
  printInsOuts(p, vals.slice(0, vals.length - nInits), vals.slice(vals.length - nInits));
  if (kind === "reduce") {
    p.print(" dimensions = ");
    printI64List(p, staticValues(o, "dimensions"));
    p.print(" ");
  }
  p.printOptionalAttrDict(p.allAttributes(o), ["dimensions"]);
  if (payload === undefined) printLongFormBody(p, o);
}

/** `in` for the inputs and `init` for the inits (MapOp/ReduceOp::getAsmBlockArgumentNames). */
export function mapReduceArgNames(o: Operation, kind: "map" | "reduce"): string[] {
  const n = o.operands.length;
  const nInits = kind === "map" ? 1 : n / 2;
  return Array.from({ length: n }, (_, i) => (i < n - nInits ? "in" : "init"));
}

// ----- transpose and broadcast -----

/** `ins(%x : X) outs(%y : Y) name = [..] {attrs}`, with the identity body MLIR builds. */
export function parseCopyLike(p: OpAsmParser, s: ParsedOp, attrName: string): void {
  const r = parseInsOuts(p, s, false);
  s.resultTypes = tensorResults(r.outputTypes);
  p.parseKeyword(attrName);
  p.parseEqual();
  s.addAttribute(attrName, i64Array(p.ctx, parseI64List(p)));
  p.parseOptionalAttrDict(s);
  s.regions.push(
    buildNamedRegion(
      p.ctx,
      [...r.inputTypes, ...r.outputTypes],
      [],
      (b, args) => {
        if (args.length > 0) b.yield([args[0]!]);
      },
      s.loc,
    ),
  );
}

export function printCopyLike(p: OpAsmPrinter, o: Operation, attrName: string): void {
  const vals = o.operandValues;
  printInsOuts(p, vals.slice(0, 1), vals.slice(1));
  p.print(` ${attrName} = `);
  printI64List(p, staticValues(o, attrName));
  p.print(" ");
  p.printOptionalAttrDict(p.allAttributes(o), [attrName]);
}
