// The MLIR parser core: tokens, errors, SSA and block scopes, operations (generic and custom
// form), regions, blocks and the top level (aliases, resources, implicit module).
import { Lexer, unescapeString } from "./lexer.ts";
import { Tok, tokName } from "./tokens.ts";
import type { Context } from "../../engine/ir/context.ts";
import type { Type } from "../../engine/ir/types.ts";
import type { Attribute, Location, NamedAttribute } from "../../engine/ir/attributes.ts";
import { FunctionType } from "../../engine/ir/types.ts";
import { DictionaryAttr } from "../../engine/ir/attributes.ts";
import { Operation, Block, Region } from "../../engine/ir/operation.ts";
import { Value } from "../../engine/ir/value.ts";
import { defaultValue, defaultedAttributes, type OpDef } from "../../engine/dialects/registry.ts";
import type { SourceFile, Span } from "../../engine/support/source.ts";
import { diag, DiagnosticError, type Note } from "../../engine/support/diagnostics.ts";
import type { Code } from "../../engine/support/codes.ts";
import { parseType } from "./parse-type.ts";
import { parseAttribute, parseLocation } from "./parse-attribute.ts";
import { OpAsmParser, ParsedOp, type UnresolvedOperand } from "./asm-parser.ts";
import { ValueNames, ValueUse, type NameKey } from "./ssa-names.ts";

export { ValueUse };

/** A placeholder for a value used before its definition (CFG and graph regions). */
export class ForwardRef extends Value {
  readonly name: string;
  readonly span: Span;
  constructor(type: Type, name: string, span: Span) {
    super(type);
    this.name = name;
    this.span = span;
  }
  get parentBlock(): null {
    return null;
  }
  get definingOp(): null {
    return null;
  }
}

interface ValueScope {
  values: ValueNames;
  isolated: boolean;
}

interface BlockScope {
  blocks: Map<string, { block: Block; defined: boolean; span: Span }>;
}

/** Result of parsing a file: the module and the resources section. */
export interface ParseResult {
  module: Operation;
  resources: Map<string, Map<string, string>>;
  /** Alias definitions, for tools that want them. */
  attrAliases: Map<string, Attribute>;
  typeAliases: Map<string, Type>;
}

const MAX_DEPTH = 1000;

/** `%name` or `%name:count` before `=`. */
interface ResultBinding {
  readonly name: string;
  readonly count: number;
  readonly span: Span;
}

const noAttributes: readonly NamedAttribute[] = Object.freeze([]);

/** Whether `text` has `word` at `at` (a loop: startsWith with a position is slow on a large text). */
function spelledAt(text: string, at: number, word: string): boolean {
  for (let i = word.length - 1; i >= 0; i--) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

export class Parser {
  readonly lex: Lexer;
  readonly text: string;
  readonly attrAliases = new Map<string, Attribute>();
  readonly typeAliases = new Map<string, Type>();
  readonly locAliases = new Map<string, Location>();
  readonly resources = new Map<string, Map<string, string>>();
  private readonly valueScopes: ValueScope[] = [];
  private readonly blockScopes: BlockScope[] = [];
  private readonly forwardRefs = new Set<ForwardRef>();
  private readonly defaultDialects: string[] = [];
  /** Default dialect of each op being parsed (its regions use it for unprefixed op names). */
  private readonly opDefaultDialects: string[] = [];
  /** Deferred `loc(#alias)` resolutions for aliases defined after use. */
  readonly deferredLocs: {
    op: Operation | null;
    arg: import("../../engine/ir/value.ts").BlockArgument | null;
    name: string;
    span: Span;
  }[] = [];
  depth = 0;
  readonly asm: OpAsmParser;

  readonly ctx: Context;
  readonly file: SourceFile;
  constructor(ctx: Context, file: SourceFile) {
    this.ctx = ctx;
    this.file = file;
    this.text = file.text;
    this.lex = new Lexer(file.text);
    this.lex.next();
    this.asm = new OpAsmParser(this);
  }

  // ----- tokens -----

  get tok(): Tok {
    return this.lex.kind;
  }
  get spelling(): string {
    return this.text.slice(this.lex.start, this.lex.end);
  }
  is(kind: Tok): boolean {
    return this.lex.kind === kind;
  }
  isKeyword(kw: string): boolean {
    const l = this.lex;
    return l.kind === Tok.bareIdent && l.end - l.start === kw.length && spelledAt(this.text, l.start, kw);
  }
  consume(): void {
    this.lex.next();
    if (this.lex.kind === Tok.error) this.error("PRR1001", this.lex.error, this.here());
  }
  consumeIf(kind: Tok): boolean {
    if (this.lex.kind !== kind) return false;
    this.consume();
    return true;
  }
  consumeKeywordIf(kw: string): boolean {
    if (!this.isKeyword(kw)) return false;
    this.consume();
    return true;
  }
  expect(kind: Tok, what?: string): void {
    if (this.lex.kind !== kind) this.error("PRR1003", `expected ${what ?? tokName[kind]}, found ${this.describe()}`);
    this.consume();
  }
  expectKeyword(kw: string): void {
    if (!this.isKeyword(kw)) this.error("PRR1003", `expected '${kw}', found ${this.describe()}`);
    this.consume();
  }
  describe(): string {
    if (this.lex.kind === Tok.eof) return "end of file";
    return `'${this.spelling.slice(0, 40)}'`;
  }

  // ----- locations and errors -----

  here(): Span {
    return { file: this.file, start: this.lex.start, end: Math.max(this.lex.end, this.lex.start + 1) };
  }
  spanFrom(start: number): Span {
    return { file: this.file, start, end: Math.max(start + 1, this.lex.start) };
  }
  error(code: Code, message: string, span: Span = this.here(), notes: Note[] = []): never {
    throw new DiagnosticError([diag(code, message, span, notes)]);
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) this.error("PRR1014", "nesting too deep");
  }
  leave(): void {
    this.depth--;
  }

  // ----- simple literals -----

  /** The string value of the current string token (without consuming it). */
  stringValue(): string {
    const v = unescapeString(this.text, this.lex.start + 1, this.lex.end - 1);
    if (v === undefined) this.error("PRR1010", "invalid escape in string");
    return v;
  }
  parseString(): string {
    if (!this.is(Tok.string)) this.error("PRR1003", `expected string, found ${this.describe()}`);
    const s = this.stringValue();
    this.consume();
    return s;
  }
  /** Parses an integer token (decimal or hex) with an optional leading '-'. */
  parseInteger(): bigint {
    const neg = this.consumeIf(Tok.minus);
    if (!this.is(Tok.integer)) this.error("PRR1003", `expected integer, found ${this.describe()}`);
    const v = BigInt(this.spelling);
    this.consume();
    return neg ? -v : v;
  }
  parseSmallInteger(): number {
    const span = this.here();
    const v = this.parseInteger();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
      this.error("PRR1010", "integer out of range", span);
    return Number(v);
  }
  /** `@name` or `@"name"`: returns the symbol name. */
  parseSymbolName(): string {
    if (!this.is(Tok.atIdent)) this.error("PRR1003", `expected symbol name, found ${this.describe()}`);
    const s = this.spelling;
    const name = s[1] === '"' ? (unescapeString(this.text, this.lex.start + 2, this.lex.end - 1) ?? "") : s.slice(1);
    this.consume();
    return name;
  }

  parseType(): Type {
    return parseType(this);
  }
  parseAttribute(type?: Type): Attribute {
    return parseAttribute(this, type);
  }

  /** `(` type-list `)` `->` results, or `type -> type`. */
  parseFunctionType(): FunctionType {
    const t = this.parseType();
    if (!(t instanceof FunctionType)) this.error("PRR1011", "expected a function type");
    return t;
  }

  /** Parses `{a = 1, b}`; the current token must be `{`. */
  parseAttrDict(out: NamedAttribute[]): void {
    this.expect(Tok.lbrace);
    if (this.consumeIf(Tok.rbrace)) return;
    const seen = new Set(out.map((a) => a.name));
    do {
      const span = this.here();
      let name: string;
      if (this.is(Tok.string)) name = this.parseString();
      else if (this.is(Tok.bareIdent)) {
        name = this.spelling;
        this.consume();
      } else this.error("PRR1003", `expected attribute name, found ${this.describe()}`);
      if (name.length === 0) this.error("PRR1012", "attribute names cannot be empty", span);
      if (seen.has(name)) this.error("PRR1012", `duplicate key '${name}' in dictionary attribute`, span);
      seen.add(name);
      const value = this.consumeIf(Tok.equal) ? this.parseAttribute() : this.ctx.unit();
      out.push({ name, value });
    } while (this.consumeIf(Tok.comma));
    this.expect(Tok.rbrace);
  }

  // ----- SSA scopes -----

  pushValueScope(isolated: boolean): void {
    this.valueScopes.push({ values: new ValueNames(), isolated });
  }
  popValueScope(): void {
    const scope = this.valueScopes.pop()!;
    // Forward references still unresolved when their isolated scope closes are errors.
    if ((scope.isolated || this.valueScopes.length === 0) && this.forwardRefs.size > 0) {
      for (const vals of scope.values.all())
        for (const v of vals)
          if (v instanceof ForwardRef) this.error("PRR1004", `use of undeclared SSA value name '${v.name}'`, v.span);
    }
  }

  /** Resolves `%name#n` of the given type, creating a forward reference if needed. */
  resolveValue(name: string, number: number, type: Type, span: Span): Value {
    return this.resolveUse({ name, number, span }, type);
  }

  /** As `resolveValue`, for an operand as written: its span is read only for errors and forward references. */
  resolveUse(use: UnresolvedOperand, type: Type): Value {
    const number = use.number;
    const key = use instanceof ValueUse ? use.key : ValueNames.key(use.name);
    const scopes = this.valueScopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const vals = scopes[i]!.values.get(key);
      if (vals !== undefined) {
        const v = vals[number];
        if (v === undefined) {
          if (vals.length > 0 && !(vals[0] instanceof ForwardRef))
            this.error("PRR1004", `reference to invalid result number ${number} of '${use.name}'`, use.span);
          break;
        }
        if (v.type !== type) {
          this.error("PRR1006", `use of value '${use.name}' expects different type than prior uses: '${type}' vs '${v.type}'`, use.span);
        }
        return v;
      }
      if (scopes[i]!.isolated) break;
    }
    // Not defined yet: a forward reference in the innermost isolated scope.
    let target = scopes.length - 1;
    while (target > 0 && !scopes[target]!.isolated) target--;
    const scope = scopes[target]!;
    let vals = scope.values.get(key);
    if (!vals) {
      vals = [];
      scope.values.set(key, vals);
    }
    const ref = new ForwardRef(type, use.name, use.span);
    vals[number] = ref;
    this.forwardRefs.add(ref);
    return ref;
  }

  /** Defines `%name` (or its results `%name#i`) in the innermost scope. */
  defineValues(name: string, values: readonly Value[], span: Span): void {
    this.defineKeyed(ValueNames.key(name), name, values, span);
  }

  /** As `defineValues`, for the name at `span` in the source (its text is sliced only if needed). */
  private defineAt(span: Span, values: readonly Value[]): void {
    const key = ValueNames.keyAt(this.text, span.start, span.end);
    this.defineKeyed(key, undefined, values, span);
  }

  private sourceText(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private defineKeyed(key: NameKey, knownName: string | undefined, values: readonly Value[], span: Span): void {
    const scopes = this.valueScopes;
    const scope = scopes[scopes.length - 1]!;
    // A forward reference may sit in the enclosing isolated scope.
    let existing: Value[] | undefined;
    let owner: ValueScope | undefined;
    for (let i = scopes.length - 1; i >= 0; i--) {
      existing = scopes[i]!.values.get(key);
      if (existing !== undefined) {
        owner = scopes[i];
        break;
      }
      if (scopes[i]!.isolated) break;
    }
    if (existing !== undefined) {
      const allRefs = existing.every((v) => v === undefined || v instanceof ForwardRef);
      if (!allRefs) this.error("PRR1005", `redefinition of SSA value '${knownName ?? this.sourceText(span)}'`, span);
      for (let i = 0; i < existing.length; i++) {
        const ref = existing[i];
        if (ref === undefined) continue;
        const def = values[i];
        if (def === undefined)
          this.error("PRR1004", `reference to invalid result number ${i} of '${knownName ?? this.sourceText(span)}'`, (ref as ForwardRef).span);
        if (def.type !== ref.type)
          this.error("PRR1006", `definition of SSA value '${knownName ?? this.sourceText(span)}#${i}' has type '${def.type}'`, span, [
            { span: (ref as ForwardRef).span, message: `previously used here with type '${ref.type}'` },
          ]);
        ref.replaceAllUsesWith(def);
        this.forwardRefs.delete(ref as ForwardRef);
      }
      owner!.values.delete(key);
    }
    scope.values.set(key, values as Value[]);
  }

  // ----- blocks -----

  pushBlockScope(): void {
    this.blockScopes.push({ blocks: new Map() });
  }
  popBlockScope(): void {
    const scope = this.blockScopes.pop()!;
    for (const [name, b] of scope.blocks)
      if (!b.defined) this.error("PRR1008", `reference to an undefined block '${name}'`, b.span);
  }
  /** The block named by the current `^label` token (forward references allowed). */
  blockRef(name: string, span: Span, define: boolean): Block {
    const scope = this.blockScopes[this.blockScopes.length - 1];
    if (!scope) this.error("PRR1008", "block reference outside a region", span);
    let entry = scope.blocks.get(name);
    if (!entry) {
      entry = { block: new Block(), defined: false, span };
      scope.blocks.set(name, entry);
    }
    if (define) {
      if (entry.defined) this.error("PRR1008", `redefinition of block '${name}'`, span);
      entry.defined = true;
    }
    return entry.block;
  }

  parseSuccessor(): Block {
    if (!this.is(Tok.caretIdent)) this.error("PRR1003", `expected block name, found ${this.describe()}`);
    const b = this.blockRef(this.spelling, this.here(), false);
    this.consume();
    return b;
  }

  // ----- default dialects -----

  get defaultDialect(): string {
    return this.defaultDialects[this.defaultDialects.length - 1] ?? "builtin";
  }

  // ----- operations -----

  /** Parses one operation with its result definitions and appends it to `block`. */
  parseOperation(block: Block): Operation {
    const start = this.lex.start;
    // The common `%name = op` binds one name: kept as its offsets, with no list made.
    let bound = false;
    let firstEnd = 0;
    let more: ResultBinding[] | undefined;
    let numResults = 0;
    if (this.is(Tok.percentIdent)) {
      bound = true;
      firstEnd = this.lex.end;
      this.consume();
      if (this.is(Tok.colon) || this.is(Tok.comma)) {
        more = this.parseResultBindings(this.text.slice(start, firstEnd), { file: this.file, start, end: firstEnd });
        for (const r of more) numResults += r.count;
      } else numResults = 1;
      this.expect(Tok.equal);
    }
    let op: Operation;
    if (this.is(Tok.string)) op = this.parseGenericOperation();
    else if (this.is(Tok.bareIdent)) op = this.parseCustomOperation(numResults);
    else this.error("PRR1003", `expected operation name in quotes, found ${this.describe()}`);
    block.append(op);
    if (bound) {
      if (op.results.length !== numResults)
        this.error(
          "PRR1004",
          `operation defines ${op.results.length} results but was provided ${numResults} to bind`,
          this.spanFrom(start),
        );
      if (more === undefined || more.length === 1) this.defineAt({ file: this.file, start, end: firstEnd }, op.results);
      else {
        let i = 0;
        for (const r of more) {
          this.defineValues(r.name, op.results.slice(i, i + r.count), r.span);
          i += r.count;
        }
      }
    }
    return op;
  }

  /** `%a:2, %b` after its first name (already consumed, at `firstSpan`). */
  private parseResultBindings(first: string, firstSpan: Span): ResultBinding[] {
    const out: ResultBinding[] = [];
    let name = first;
    let span = firstSpan;
    for (;;) {
      let count = 1;
      if (this.consumeIf(Tok.colon)) {
        const cspan = this.here();
        count = this.parseSmallInteger();
        if (count < 1) this.error("PRR1010", "expected a positive number of results", cspan);
      }
      out.push({ name, count, span });
      if (!this.consumeIf(Tok.comma)) return out;
      if (!this.is(Tok.percentIdent)) this.error("PRR1003", `expected SSA value name, found ${this.describe()}`);
      span = this.here();
      name = this.spelling;
      this.consume();
    }
  }

  /** `"dialect.op"(operands) [successors] <{props}> (regions) {attrs} : (types) -> types loc(...)` */
  parseGenericOperation(): Operation {
    const nameSpan = this.here();
    const name = this.parseString();
    if (name.length === 0) this.error("PRR1003", "empty operation name", nameSpan);
    const def = this.ctx.registry.lookup(name);
    if (!def && !this.ctx.allowUnregistered)
      this.error("PRR1009", `operation '${name}' is not registered; use --allow-unregistered-dialect to allow it`, nameSpan);
    const operands: { name: string; number: number; span: Span }[] = [];
    this.expect(Tok.lparen);
    if (!this.is(Tok.rparen)) {
      do operands.push(this.parseValueUse());
      while (this.consumeIf(Tok.comma));
    }
    this.expect(Tok.rparen);
    const successors: Block[] = [];
    if (this.consumeIf(Tok.lsquare)) {
      do successors.push(this.parseSuccessor());
      while (this.consumeIf(Tok.comma));
      this.expect(Tok.rsquare);
    }
    let props: NamedAttribute[] | undefined;
    if (this.is(Tok.less)) {
      this.consume();
      const p = this.parseAttribute();
      if (!(p instanceof DictionaryAttr)) this.error("PRR1012", "expected a dictionary of properties", nameSpan);
      props = [...p.entries];
      this.expect(Tok.greater);
    }
    const regions: Region[] = [];
    if (this.consumeIf(Tok.lparen)) {
      const isolated = def?.traits.has("IsolatedFromAbove") ?? false;
      this.opDefaultDialects.push(def?.defaultDialect ?? "");
      try {
        do regions.push(this.parseRegion([], isolated));
        while (this.consumeIf(Tok.comma));
      } finally {
        this.opDefaultDialects.pop();
      }
      this.expect(Tok.rparen);
    }
    const attrs: NamedAttribute[] = [];
    if (this.is(Tok.lbrace)) this.parseAttrDict(attrs);
    this.expect(Tok.colon);
    const typeSpan = this.here();
    const fnType = this.parseType();
    if (!(fnType instanceof FunctionType)) this.error("PRR1011", "expected function type", typeSpan);
    if (fnType.inputs.length !== operands.length)
      this.error("PRR1004", `expected ${operands.length} operand types but had ${fnType.inputs.length}`, typeSpan);
    const values = operands.map((o, i) => this.resolveUse(o, fnType.inputs[i]!));
    const state = new ParsedOp(name, this.file, nameSpan.start, this.ctx);
    state.operands = values;
    state.resultTypes = [...fnType.results];
    state.regions = regions;
    state.successors = successors;
    state.attributes = attrs;
    if (props) state.properties = props;
    const op = this.finishOperation(state, def !== undefined);
    this.parseTrailingLocation(op);
    return op;
  }

  /** `%name` or `%name#3`. */
  /** `%name` or `%name#n`; into `reuse` when given (the caller holds the use only until it resolves it). */
  parseValueUse(reuse?: ValueUse): ValueUse {
    if (!this.is(Tok.percentIdent)) this.error("PRR1003", `expected SSA operand, found ${this.describe()}`);
    const { start, end } = this.lex;
    const key = ValueNames.keyAt(this.text, start, end);
    let use: ValueUse;
    if (reuse === undefined) use = new ValueUse(key, this.file, start, end);
    else {
      reuse.reset(key, this.file, start, end);
      use = reuse;
    }
    this.consume();
    if (this.is(Tok.hashIdent)) {
      const s = this.spelling.slice(1);
      if (!/^\d+$/.test(s)) this.error("PRR1003", "expected result number after '#'");
      use.number = Number(s);
      this.consume();
    }
    return use;
  }

  parseCustomOperation(numResults: number): Operation {
    const nameStart = this.lex.start;
    let def = this.lookupOpAtToken();
    let name = def?.name ?? this.spelling;
    if (!def && !name.includes(".")) {
      def = this.ctx.registry.lookup(`${this.defaultDialect}.${name}`) ?? this.ctx.registry.lookup(`builtin.${name}`);
      if (def) name = def.name;
    }
    if (!def?.parse) {
      const why = def ? "has no custom assembly format; use the generic form" : "is unknown";
      this.error("PRR1013", `custom op '${name}' ${why}`);
    }
    this.asm.beginAt(nameStart, this.lex.end);
    this.consume();
    // One record per nesting depth, reused: ops nested in this one's regions take deeper ones.
    const depth = this.customOpDepth++;
    let state = this.parsedOps[depth];
    if (state === undefined) this.parsedOps.push((state = new ParsedOp(name, this.file, nameStart, this.ctx)));
    else state.reset(name, this.file, nameStart, this.ctx);
    state.expectedResults = numResults;
    this.enter();
    this.opDefaultDialects.push(def.defaultDialect ?? "");
    let op: Operation;
    try {
      def.parse(this.asm, state);
      op = this.finishOperation(state, true, def);
    } finally {
      this.opDefaultDialects.pop();
      this.leave();
      this.customOpDepth = depth;
    }
    this.parseTrailingLocation(op);
    return op;
  }

  /** The ParsedOp records of custom ops being parsed, by nesting depth (reused from op to op). */
  private readonly parsedOps: ParsedOp[] = [];
  private customOpDepth = 0;

  /** Definitions of the ops met so far and their names, most recent last: most files use a handful of ops. */
  private readonly recentOps: OpDef[] = [];
  private readonly recentNames: string[] = [];

  /** The definition of the op named by the current token, found without slicing its name out of the text. */
  private lookupOpAtToken(): OpDef | undefined {
    const { start, end } = this.lex;
    const names = this.recentNames;
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      if (name.length === end - start && spelledAt(this.text, start, name)) return this.recentOps[i];
    }
    const def = this.ctx.registry.lookup(this.spelling);
    if (def !== undefined) {
      if (names.length === 16) {
        names.shift();
        this.recentOps.shift();
      }
      names.push(def.name);
      this.recentOps.push(def);
    }
    return def;
  }

  /** Properties of ops that write no inherent attribute: their defaults (the same dictionary for every such op). */
  private readonly defaultProperties = new Map<OpDef, DictionaryAttr>();

  /** Splits attributes into properties and discardable ones, and creates the operation. */
  finishOperation(state: ParsedOp, registered: boolean, knownDef?: OpDef): Operation {
    let props = state.properties;
    let attrs: readonly NamedAttribute[] = state.hasAttributes ? state.attributes : noAttributes;
    const def = registered ? (knownDef ?? this.ctx.registry.lookup(state.name)) : undefined;
    if (def?.attributes && props === undefined && attrs.length > 0) {
      // Inherent attributes written in the attribute dictionary become properties.
      const inherent = def.attributes;
      props = attrs.filter((a) => inherent[a.name] !== undefined);
      if (props.length > 0) attrs = attrs.filter((a) => inherent[a.name] === undefined);
    }
    let properties: DictionaryAttr | undefined;
    if (def?.attributes && (props === undefined || props.length === 0)) {
      properties = this.defaultProperties.get(def);
      if (properties === undefined) this.defaultProperties.set(def, (properties = this.ctx.dictionary(this.withDefaults(def, []))));
    } else if (def?.attributes) properties = this.ctx.dictionary(this.withDefaults(def, props!));
    const lazy = state.hasLazyLoc;
    const op = Operation.create(this.ctx, {
      name: state.name,
      def,
      operands: state.operands,
      resultTypes: state.resultTypes,
      properties: properties ?? this.ctx.dictionary(props ?? noAttributes),
      attributes: this.ctx.dictionary(attrs),
      regions: state.hasRegions ? state.regions : undefined,
      successors: state.hasSuccessors ? state.successors : undefined,
      loc: lazy ? undefined : state.loc,
    });
    if (lazy) op.setSourceLocation(state.sourceFile, state.sourceOffset);
    return op;
  }

  /** `props` with the default-valued inherent attributes it lacks: they are always present, as MLIR's properties are. */
  private withDefaults(def: OpDef, props: readonly NamedAttribute[]): readonly NamedAttribute[] {
    let filled: NamedAttribute[] | undefined;
    for (const [name, spec] of defaultedAttributes(def)) {
      const list = filled ?? props;
      if (list.some((a) => a.name === name)) continue;
      filled = [...list, { name, value: defaultValue(spec, this.ctx)! }];
    }
    return filled ?? props;
  }

  /** `loc(...)` after an operation. */
  parseTrailingLocation(op: Operation): void {
    if (!this.isKeyword("loc")) return;
    const span = this.here();
    const loc = parseLocation(this, (name) => this.deferredLocs.push({ op, arg: null, name, span }));
    if (loc) op.loc = loc;
  }

  // ----- regions and blocks -----

  /**
   * `{ block* }`. `entryArgs` are arguments already parsed by a custom parser (e.g. function
   * arguments), defined in the region's scope.
   */
  parseRegion(entryArgs: readonly { name: string; type: Type; loc?: Location; span: Span }[], isolated: boolean): Region {
    this.enter();
    const region = new Region();
    this.expect(Tok.lbrace);
    this.pushValueScope(isolated);
    this.pushBlockScope();
    this.defaultDialects.push(this.opDefaultDialects[this.opDefaultDialects.length - 1] ?? "");
    try {
      if (this.is(Tok.rbrace)) {
        if (entryArgs.length > 0) {
          // A region with arguments but no operations still has its entry block.
          const b = region.addBlock();
          this.defineEntryArgs(b, entryArgs);
        }
      }
      let first = true;
      if (this.is(Tok.rbrace)) {
        // Empty region (or only entry arguments): nothing more to parse.
      } else if (!this.is(Tok.caretIdent)) {
        const b = region.addBlock();
        this.defineEntryArgs(b, entryArgs);
        this.parseBlockBody(b);
        first = false;
      } else if (entryArgs.length > 0) {
        this.error("PRR1003", "invalid block name in region with named arguments");
      }
      while (this.is(Tok.caretIdent)) {
        const b = this.parseBlockHeader(region);
        if (first && entryArgs.length > 0) this.defineEntryArgs(b, entryArgs);
        first = false;
        this.parseBlockBody(b);
      }
      this.expect(Tok.rbrace);
      this.popBlockScope();
    } finally {
      this.defaultDialects.pop();
    }
    this.popValueScope();
    this.leave();
    return region;
  }

  private defineEntryArgs(b: Block, args: readonly { name: string; type: Type; loc?: Location; span: Span }[]): void {
    for (const a of args) {
      const arg = b.addArgument(a.type, a.loc);
      if (a.name !== "") this.defineValues(a.name, [arg], a.span);
    }
  }

  /** `^bb(%a: i32, ...):` */
  private parseBlockHeader(region: Region): Block {
    const span = this.here();
    const block = this.blockRef(this.spelling, span, true);
    this.consume();
    region.addBlock(block);
    if (this.consumeIf(Tok.lparen)) {
      if (!this.is(Tok.rparen)) {
        do {
          const aspan = this.here();
          if (!this.is(Tok.percentIdent)) this.error("PRR1003", `expected block argument, found ${this.describe()}`);
          const name = this.spelling;
          this.consume();
          this.expect(Tok.colon);
          const type = this.parseType();
          const arg = block.addArgument(type);
          if (this.isKeyword("loc")) {
            const lspan = this.here();
            const loc = parseLocation(this, (n) => this.deferredLocs.push({ op: null, arg, name: n, span: lspan }));
            if (loc) arg.loc = loc;
          }
          this.defineValues(name, [arg], aspan);
        } while (this.consumeIf(Tok.comma));
      }
      this.expect(Tok.rparen);
    }
    this.expect(Tok.colon);
    return block;
  }

  private parseBlockBody(block: Block): void {
    while (!this.is(Tok.caretIdent) && !this.is(Tok.rbrace)) {
      if (this.is(Tok.eof)) this.error("PRR1003", "expected '}' to end the region, found end of file");
      this.parseOperation(block);
    }
  }
}
