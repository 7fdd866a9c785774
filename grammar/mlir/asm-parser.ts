// The API custom op parsers are written against (MLIR's OpAsmParser): operands resolved
// lazily by type, types, attributes, keywords, punctuation, regions and successors.
import { Tok } from "./tokens.ts";
import type { Parser } from "./parser.ts";
import type { Type } from "../../engine/ir/types.ts";
import type { Attribute, Location, NamedAttribute } from "../../engine/ir/attributes.ts";
import type { Block, Region } from "../../engine/ir/block.ts";
import type { Value } from "../../engine/ir/value.ts";
import type { SourceFile, Span } from "../../engine/support/source.ts";
import type { Context } from "../../engine/ir/context.ts";
import { parseTypeListParens } from "./parse-type.ts";
import { parseAffineExpr, parseConstraint, type PrimaryResolver } from "./parse-affine.ts";
import { parseLocation } from "./parse-attribute.ts";
import { atType } from "./parse-type.ts";
import * as AF from "../../engine/ir/affine.ts";
import { ValueUse } from "./ssa-names.ts";

/** What a custom parser produces: the pieces of the operation to create. */
export class ParsedOp {
  operands: Value[] = [];
  resultTypes: Type[] = [];
  /** The lists this record made, kept for reuse when a parser replaced `operands` or `resultTypes`. */
  private readonly ownOperands = this.operands;
  private readonly ownResultTypes = this.resultTypes;
  properties: NamedAttribute[] | undefined;
  /** Number of results the source binds (`%a, %b = ...`), or 0. */
  expectedResults = 0;
  name: string;
  // Lists most ops leave empty are made on first use.
  private attributeList: NamedAttribute[] | undefined;
  private regionList: Region[] | undefined;
  private successorList: Block[] | undefined;
  get attributes(): NamedAttribute[] {
    return (this.attributeList ??= []);
  }
  set attributes(a: NamedAttribute[]) {
    this.attributeList = a;
  }
  get regions(): Region[] {
    return (this.regionList ??= []);
  }
  set regions(r: Region[]) {
    this.regionList = r;
  }
  get successors(): Block[] {
    return (this.successorList ??= []);
  }
  set successors(b: Block[]) {
    this.successorList = b;
  }
  /** Whether any attribute, region or successor was added (without making the lists). */
  get hasAttributes(): boolean {
    return this.attributeList !== undefined && this.attributeList.length > 0;
  }
  get hasRegions(): boolean {
    return this.regionList !== undefined && this.regionList.length > 0;
  }
  get hasSuccessors(): boolean {
    return this.successorList !== undefined && this.successorList.length > 0;
  }

  private explicitLoc: Location | undefined;
  /** Where the op starts in the source: its location is made from this only if someone asks. */
  sourceFile: SourceFile;
  sourceOffset: number;
  private ctxForLoc: Context;
  constructor(name: string, file: SourceFile, offset: number, ctx: Context) {
    this.name = name;
    this.sourceFile = file;
    this.sourceOffset = offset;
    this.ctxForLoc = ctx;
  }

  /**
   * Makes this record a fresh one for another op (the parser reuses one per nesting depth, once
   * the op it described is built). Lists an op may keep (attributes, regions) are dropped, not
   * cleared; the operand and result-type lists, which ops copy, are emptied for reuse.
   */
  reset(name: string, file: SourceFile, offset: number, ctx: Context): void {
    this.name = name;
    this.sourceFile = file;
    this.sourceOffset = offset;
    this.ctxForLoc = ctx;
    this.explicitLoc = undefined;
    this.properties = undefined;
    this.expectedResults = 0;
    this.attributeList = undefined;
    this.regionList = undefined;
    this.successorList = undefined;
    const operands = this.ownOperands;
    if (operands.length > 0) operands.length = 0;
    this.operands = operands;
    const types = this.ownResultTypes;
    if (types.length > 0) types.length = 0;
    this.resultTypes = types;
  }
  /** Whether the location is still only a source position. */
  get hasLazyLoc(): boolean {
    return this.explicitLoc === undefined;
  }
  get loc(): Location {
    if (this.explicitLoc === undefined) {
      const { line, col } = this.sourceFile.position(this.sourceOffset);
      this.explicitLoc = this.ctxForLoc.fileLoc(this.sourceFile.path, line, col);
    }
    return this.explicitLoc;
  }
  set loc(l: Location) {
    this.explicitLoc = l;
  }

  addAttribute(name: string, value: Attribute): void {
    const i = this.attributes.findIndex((a) => a.name === name);
    if (i >= 0) this.attributes[i] = { name, value };
    else this.attributes.push({ name, value });
  }
  getAttribute(name: string): Attribute | undefined {
    return this.attributes.find((a) => a.name === name)?.value;
  }
}

/** An operand name not yet resolved to a value (its type comes later in the syntax). */
export interface UnresolvedOperand {
  readonly name: string;
  readonly number: number;
  readonly span: Span;
}

/** A region argument declared in custom syntax: `%arg0: i32 {attrs} loc(...)`. */
export interface RegionArgument {
  name: string;
  type: Type;
  attrs?: NamedAttribute[];
  loc?: Location;
  span: Span;
}

export class OpAsmParser {
  private opName: Span | undefined;
  readonly p: Parser;
  constructor(p: Parser) {
    this.p = p;
  }

  begin(_state: ParsedOp, nameSpan: Span): void {
    this.opName = nameSpan;
    this.opNameStart = -1;
  }
  /** As `begin`, with the op name's offsets: its span is made only if an error needs it. */
  beginAt(start: number, end: number): void {
    this.opName = undefined;
    this.opNameStart = start;
    this.opNameEnd = end;
  }
  private opNameStart = -1;
  private opNameEnd = -1;

  get ctx(): Context {
    return this.p.ctx;
  }
  /** The span of the current token. */
  here(): Span {
    return this.p.here();
  }
  /** The span of the op name being parsed. */
  get nameSpan(): Span {
    if (this.opName === undefined && this.opNameStart >= 0)
      this.opName = { file: this.p.file, start: this.opNameStart, end: this.opNameEnd };
    return this.opName ?? this.p.here();
  }
  error(message: string, span: Span = this.p.here()): never {
    return this.p.error("PRR1013", message, span);
  }

  // ----- punctuation -----
  parseComma(): void {
    this.p.expect(Tok.comma);
  }
  parseOptionalComma(): boolean {
    return this.p.consumeIf(Tok.comma);
  }
  parseColon(): void {
    this.p.expect(Tok.colon);
  }
  parseOptionalColon(): boolean {
    return this.p.consumeIf(Tok.colon);
  }
  parseEqual(): void {
    this.p.expect(Tok.equal);
  }
  parseOptionalEqual(): boolean {
    return this.p.consumeIf(Tok.equal);
  }
  parseArrow(): void {
    this.p.expect(Tok.arrow);
  }
  parseOptionalArrow(): boolean {
    return this.p.consumeIf(Tok.arrow);
  }
  parseLParen(): void {
    this.p.expect(Tok.lparen);
  }
  parseOptionalLParen(): boolean {
    return this.p.consumeIf(Tok.lparen);
  }
  parseRParen(): void {
    this.p.expect(Tok.rparen);
  }
  parseOptionalRParen(): boolean {
    return this.p.consumeIf(Tok.rparen);
  }
  parseLSquare(): void {
    this.p.expect(Tok.lsquare);
  }
  parseOptionalLSquare(): boolean {
    return this.p.consumeIf(Tok.lsquare);
  }
  parseRSquare(): void {
    this.p.expect(Tok.rsquare);
  }
  parseOptionalRSquare(): boolean {
    return this.p.consumeIf(Tok.rsquare);
  }
  parseLBrace(): void {
    this.p.expect(Tok.lbrace);
  }
  parseOptionalLBrace(): boolean {
    return this.p.consumeIf(Tok.lbrace);
  }
  parseRBrace(): void {
    this.p.expect(Tok.rbrace);
  }
  parseOptionalRBrace(): boolean {
    return this.p.consumeIf(Tok.rbrace);
  }
  parseLess(): void {
    this.p.expect(Tok.less);
  }
  parseOptionalLess(): boolean {
    return this.p.consumeIf(Tok.less);
  }
  parseGreater(): void {
    this.p.expect(Tok.greater);
  }
  parseOptionalGreater(): boolean {
    return this.p.consumeIf(Tok.greater);
  }
  parseOptionalStar(): boolean {
    return this.p.consumeIf(Tok.star);
  }
  parseOptionalQuestion(): boolean {
    return this.p.consumeIf(Tok.question);
  }
  parseOptionalPlus(): boolean {
    return this.p.consumeIf(Tok.plus);
  }
  parseOptionalMinus(): boolean {
    return this.p.consumeIf(Tok.minus);
  }
  parseOptionalEllipsis(): boolean {
    return this.p.consumeIf(Tok.ellipsis);
  }
  parseOptionalVerticalBar(): boolean {
    return this.p.consumeIf(Tok.vbar);
  }
  /** Whether the next token is the given punctuation, without consuming it. */
  at(kind: Tok): boolean {
    return this.p.is(kind);
  }

  // ----- keywords -----
  parseKeyword(kw: string): void {
    this.p.expectKeyword(kw);
  }
  parseOptionalKeyword(kw: string): boolean {
    return this.p.consumeKeywordIf(kw);
  }
  isKeyword(kw: string): boolean {
    return this.p.isKeyword(kw);
  }
  /** Any bare identifier; undefined if the next token is not one. */
  parseOptionalAnyKeyword(allowed?: readonly string[]): string | undefined {
    if (!this.p.is(Tok.bareIdent)) return undefined;
    const s = this.p.spelling;
    if (allowed && !allowed.includes(s)) return undefined;
    this.p.consume();
    return s;
  }
  parseAnyKeyword(what = "keyword"): string {
    const s = this.parseOptionalAnyKeyword();
    if (s === undefined) this.error(`expected ${what}, found ${this.p.describe()}`);
    return s;
  }
  parseKeywordOrString(): string {
    if (this.p.is(Tok.string)) return this.p.parseString();
    return this.parseAnyKeyword("keyword or string");
  }

  // ----- literals -----
  parseInteger(): bigint {
    return this.p.parseInteger();
  }
  parseSmallInteger(): number {
    return this.p.parseSmallInteger();
  }
  parseOptionalInteger(): bigint | undefined {
    if (
      this.p.is(Tok.integer) ||
      (this.p.is(Tok.minus) && this.p.text.charCodeAt(this.p.lex.end) >= 48 && this.p.text.charCodeAt(this.p.lex.end) <= 57)
    )
      return this.p.parseInteger();
    return undefined;
  }
  parseString(): string {
    return this.p.parseString();
  }
  parseOptionalString(): string | undefined {
    return this.p.is(Tok.string) ? this.p.parseString() : undefined;
  }
  parseSymbolName(): string {
    return this.p.parseSymbolName();
  }
  parseOptionalSymbolName(): string | undefined {
    return this.p.is(Tok.atIdent) ? this.p.parseSymbolName() : undefined;
  }

  // ----- types -----
  parseType(): Type {
    return this.p.parseType();
  }
  parseOptionalType(): Type | undefined {
    return atType(this.p) ? this.p.parseType() : undefined;
  }
  parseColonType(): Type {
    this.parseColon();
    return this.parseType();
  }
  parseTypeList(): Type[] {
    const types = [this.parseType()];
    while (this.p.consumeIf(Tok.comma)) types.push(this.parseType());
    return types;
  }
  parseColonTypeList(): Type[] {
    this.parseColon();
    return this.parseTypeList();
  }
  parseOptionalColonTypeList(): Type[] {
    return this.p.consumeIf(Tok.colon) ? this.parseTypeList() : [];
  }
  /** `(t1, t2)` */
  parseParenTypeList(): Type[] {
    return parseTypeListParens(this.p);
  }
  /** `-> t` or `-> (t1, t2)` */
  parseArrowTypeList(): Type[] {
    this.parseArrow();
    return this.p.is(Tok.lparen) ? parseTypeListParens(this.p) : [this.parseType()];
  }
  parseOptionalArrowTypeList(): Type[] {
    return this.p.is(Tok.arrow) ? this.parseArrowTypeList() : [];
  }
  atType(): boolean {
    return atType(this.p);
  }

  // ----- attributes -----
  parseAttribute(type?: Type): Attribute {
    return this.p.parseAttribute(type);
  }
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    const k = this.p.tok;
    if (
      k === Tok.rparen ||
      k === Tok.rsquare ||
      k === Tok.rbrace ||
      k === Tok.greater ||
      k === Tok.colon ||
      k === Tok.comma ||
      k === Tok.eof ||
      k === Tok.percentIdent ||
      k === Tok.arrow ||
      k === Tok.equal
    )
      return undefined;
    return this.p.parseAttribute(type);
  }
  parseOptionalAttrDict(state: ParsedOp): void {
    if (this.p.is(Tok.lbrace)) this.p.parseAttrDict(state.attributes);
  }
  parseOptionalAttrDictWithKeyword(state: ParsedOp): void {
    if (this.p.consumeKeywordIf("attributes")) this.p.parseAttrDict(state.attributes);
  }
  parseAttrDictInto(out: NamedAttribute[]): void {
    this.p.parseAttrDict(out);
  }
  /** `<{...}>` properties as in generic form (custom formats may use `prop-dict`). */
  parseOptionalPropDict(state: ParsedOp): void {
    if (!this.p.is(Tok.less)) return;
    this.p.consume();
    const a = this.p.parseAttribute();
    if (a.kind !== "dictionary") this.error("expected properties dictionary");
    for (const e of (a as import("../../engine/ir/attributes.ts").DictionaryAttr).entries) state.addAttribute(e.name, e.value);
    this.p.expect(Tok.greater);
  }

  // ----- operands -----
  parseOperand(): UnresolvedOperand {
    return this.p.parseValueUse();
  }
  /**
   * As parseOperand, into `previous` when it is a use this parser made: for callers that resolve
   * the operand before parsing the next op (the compiled formats), it saves an object per operand.
   */
  parseOperandReusing(previous: UnresolvedOperand | undefined): UnresolvedOperand {
    return this.p.parseValueUse(previous instanceof ValueUse ? previous : undefined);
  }
  parseOptionalOperand(): UnresolvedOperand | undefined {
    return this.p.is(Tok.percentIdent) ? this.p.parseValueUse() : undefined;
  }
  isOperand(): boolean {
    return this.p.is(Tok.percentIdent);
  }
  /** A comma-separated list, possibly empty, with optional delimiters. */
  parseOperandList(delimiter: "none" | "paren" | "square" | "optionalParen" | "optionalSquare" = "none"): UnresolvedOperand[] {
    const open =
      delimiter === "paren" || delimiter === "optionalParen"
        ? Tok.lparen
        : delimiter === "square" || delimiter === "optionalSquare"
          ? Tok.lsquare
          : undefined;
    const close = open === Tok.lparen ? Tok.rparen : Tok.rsquare;
    if (open !== undefined) {
      if (delimiter.startsWith("optional")) {
        if (!this.p.consumeIf(open)) return [];
      } else this.p.expect(open);
    }
    const out: UnresolvedOperand[] = [];
    if (open === undefined) {
      if (!this.p.is(Tok.percentIdent)) return out;
    } else if (this.p.consumeIf(close)) return out;
    do out.push(this.parseOperand());
    while (this.p.consumeIf(Tok.comma));
    if (open !== undefined) this.p.expect(close);
    return out;
  }
  resolveOperand(u: UnresolvedOperand, type: Type): Value {
    return this.p.resolveUse(u, type);
  }
  resolveOperands(us: readonly UnresolvedOperand[], types: readonly Type[] | Type, span?: Span): Value[] {
    if (Array.isArray(types)) {
      if (types.length !== us.length)
        this.error(`${us.length} operands present, but expected ${types.length}`, span ?? us[0]?.span ?? this.p.here());
      return us.map((u, i) => this.resolveOperand(u, types[i]!));
    }
    return us.map((u) => this.resolveOperand(u, types as Type));
  }

  // ----- regions, arguments, successors -----
  /** `%name: type {attrs}? loc(...)?`; with `typed` false, only `%name`. */
  parseArgument(typed: boolean, allowAttrs = false): RegionArgument {
    const span = this.p.here();
    if (!this.p.is(Tok.percentIdent)) this.error(`expected SSA identifier, found ${this.p.describe()}`);
    const name = this.p.spelling;
    this.p.consume();
    const arg: RegionArgument = { name, type: this.ctx.none(), span };
    if (typed) {
      this.parseColon();
      arg.type = this.parseType();
      if (allowAttrs && this.p.is(Tok.lbrace)) {
        arg.attrs = [];
        this.p.parseAttrDict(arg.attrs);
      }
      if (this.p.isKeyword("loc")) arg.loc = parseLocation(this.p, () => {});
    }
    return arg;
  }
  parseOptionalArgument(typed: boolean, allowAttrs = false): RegionArgument | undefined {
    return this.p.is(Tok.percentIdent) ? this.parseArgument(typed, allowAttrs) : undefined;
  }
  /** `(%a: t, %b: t)` */
  parseArgumentList(delimiter: "paren" | "square" | "optionalParen", typed: boolean): RegionArgument[] {
    const open = delimiter === "square" ? Tok.lsquare : Tok.lparen;
    const close = delimiter === "square" ? Tok.rsquare : Tok.rparen;
    if (delimiter === "optionalParen") {
      if (!this.p.consumeIf(open)) return [];
    } else this.p.expect(open);
    const out: RegionArgument[] = [];
    if (!this.p.consumeIf(close)) {
      do out.push(this.parseArgument(typed));
      while (this.p.consumeIf(Tok.comma));
      this.p.expect(close);
    }
    return out;
  }
  /** Parses `{...}` into a region whose entry block gets `args`. */
  parseRegion(args: readonly RegionArgument[] = [], isolated = false): Region {
    return this.p.parseRegion(args, isolated);
  }
  parseOptionalRegion(args: readonly RegionArgument[] = [], isolated = false): Region | undefined {
    return this.p.is(Tok.lbrace) ? this.p.parseRegion(args, isolated) : undefined;
  }
  atRegion(): boolean {
    return this.p.is(Tok.lbrace);
  }
  parseSuccessor(): Block {
    return this.p.parseSuccessor();
  }
  parseOptionalSuccessor(): Block | undefined {
    return this.p.is(Tok.caretIdent) ? this.p.parseSuccessor() : undefined;
  }
  /** `^bb(%a, %b : t1, t2)` → block and resolved operands. */
  parseSuccessorAndUseList(): { block: Block; operands: Value[] } {
    const block = this.parseSuccessor();
    const operands: Value[] = [];
    if (this.p.consumeIf(Tok.lparen)) {
      const us = this.parseOperandList();
      const types = us.length > 0 ? this.parseColonTypeList() : [];
      this.p.expect(Tok.rparen);
      operands.push(...this.resolveOperands(us, types));
    }
    return { block, operands };
  }

  // ----- affine forms with SSA operands -----
  /**
   * An affine expression over SSA values (`%i + %j * 4`, `symbol(%n)`), as in affine.load's
   * indices. Dims and symbols are collected in `dims` and `syms` in order of first use.
   */
  parseAffineExprOfSSAIds(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): AF.AffineExpr {
    return parseAffineExpr(this.p, this.ssaResolver(dims, syms));
  }
  parseAffineConstraintOfSSAIds(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): { expr: AF.AffineExpr; eq: boolean } {
    return parseConstraint(this.p, this.ssaResolver(dims, syms));
  }
  private ssaResolver(dims: UnresolvedOperand[], syms: UnresolvedOperand[]): PrimaryResolver {
    const find = (list: UnresolvedOperand[], u: UnresolvedOperand) =>
      list.findIndex((x) => x.name === u.name && x.number === u.number);
    return (p) => {
      if (p.isKeyword("symbol")) {
        p.consume();
        p.expect(Tok.lparen);
        const u = p.parseValueUse();
        p.expect(Tok.rparen);
        let i = find(syms, u);
        if (i < 0) i = syms.push(u) - 1;
        return AF.sym(i);
      }
      if (!p.is(Tok.percentIdent)) return undefined;
      const u = p.parseValueUse();
      let i = find(syms, u);
      if (i >= 0) return AF.sym(i);
      i = find(dims, u);
      if (i < 0) i = dims.push(u) - 1;
      return AF.dim(i);
    };
  }
}
