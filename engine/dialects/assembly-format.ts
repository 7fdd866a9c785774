// MLIR's declarative assembly format (ODS `assemblyFormat`), interpreted: a format string is
// parsed once into elements, whose spacing is decided statically as OpFormatGen does, and
// the elements drive both the custom parser and the custom printer of an op.
import type { OpDef, AttrSpec, ValueSpec } from "./registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Attribute, NamedAttribute } from "../ir/attributes.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import type { Block, Region } from "../ir/block.ts";
import type { Context } from "../ir/context.ts";
import {
  DialectAttr,
  DenseArrayAttr,
  DenseElementsAttr,
  DenseResourceAttr,
  FloatAttr,
  IntegerAttr,
  SparseElementsAttr,
  StringAttr,
} from "../ir/attributes.ts";
import { FunctionType } from "../ir/types.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import { dialectBody } from "../../grammar/mlir/dialect-body.ts";
import { printFloatOf } from "../../grammar/mlir/print-attribute.ts";

// ----- format elements -----

type VarKind = "operand" | "result" | "attr" | "region" | "successor";

interface Variable {
  readonly k: "var";
  readonly kind: VarKind;
  readonly name: string;
  readonly arity: "single" | "optional" | "variadic";
  readonly attr?: AttrSpec;
  qualified: boolean;
}
type TypeArg = Variable | { readonly k: "operands" } | { readonly k: "results" };
type Element =
  | { readonly k: "literal"; readonly text: string }
  | { readonly k: "space"; readonly text: string }
  | Variable
  | { readonly k: "attr-dict"; readonly keyword: boolean }
  | { readonly k: "prop-dict" }
  | { readonly k: "operands" }
  | { readonly k: "results" }
  | { readonly k: "regions" }
  | { readonly k: "successors" }
  | { readonly k: "type"; readonly arg: TypeArg; qualified: boolean }
  | { readonly k: "functional-type"; readonly inputs: TypeArg; readonly results: TypeArg }
  | { readonly k: "custom"; readonly name: string; readonly args: readonly CustomParam[] }
  | { readonly k: "ref"; readonly arg: Element }
  | { readonly k: "string"; readonly text: string }
  | Optional;

interface Optional {
  readonly k: "optional";
  readonly then: readonly Element[];
  readonly else: readonly Element[];
  readonly anchor: Element;
  /** A unit attribute anchor that is not printed: its presence is the group's presence. */
  readonly elidedAnchor: Variable | undefined;
}

type CustomParam = Element;

/** An element with its statically computed leading space, as OpFormatGen emits it. */
interface Printed {
  readonly el: Element;
  readonly space: boolean;
  readonly then?: readonly Printed[];
  readonly else?: readonly Printed[];
}

// ----- custom directives -----

/** One argument of a custom directive: what the format passes (`$x`, `type($x)`, `ref(...)`, ...). */
export interface CustomArg {
  readonly kind: "operand" | "result" | "operand-type" | "result-type" | "attribute" | "region" | "successor" | "attr-dict" | "string";
  readonly name: string;
  readonly arity: "single" | "optional" | "variadic";
  /** A `ref(...)`: the value was parsed earlier and is read, not set. */
  readonly ref: boolean;
  operands?: UnresolvedOperand[];
  values?: Value[];
  types?: Type[];
  attribute?: Attribute | undefined;
  regions?: Region[];
  successors?: Block[];
  /** For `attr-dict`: the op's attributes; for a string parameter: its text. */
  attributes?: NamedAttribute[];
  text?: string;
}

export interface CustomDirective {
  /** Parses into the non-ref arguments' fields (`operands`, `types`, `attribute`, ...). */
  parse(p: OpAsmParser, args: CustomArg[], state: ParsedOp): void;
  /** Whether the directive is present (used when it starts an optional group). */
  present?(p: OpAsmParser): boolean;
  print(p: OpAsmPrinter, op: Operation, args: readonly CustomArg[]): void;
}

const customDirectives = new Map<string, CustomDirective>();

/** Registers the implementation of `custom<Name>(...)`. */
export function registerCustomDirective(name: string, directive: CustomDirective): void {
  customDirectives.set(name, directive);
}

// ----- reading the format string -----

class FormatReader {
  private pos = 0;
  readonly src: string;
  readonly def: OpDef;
  private regionCount = 0;
  constructor(src: string, def: OpDef) {
    this.src = src;
    this.def = def;
  }

  fail(message: string): never {
    throw new Error(`${this.def.name}: bad assembly format at ${this.pos}: ${message} in "${this.src}"`);
  }

  private skipWs(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }
  peek(): string {
    this.skipWs();
    return this.src[this.pos] ?? "";
  }
  eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }
  expect(c: string): void {
    if (!this.eat(c)) this.fail(`expected '${c}'`);
  }
  private ident(): string {
    this.skipWs();
    const m = /^[A-Za-z_][\w-]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail("expected an identifier");
    this.pos += m[0].length;
    return m[0];
  }

  elements(until: string): Element[] {
    const out: Element[] = [];
    while (this.peek() !== until && this.peek() !== "") out.push(this.element());
    return out;
  }

  element(): Element {
    const c = this.peek();
    if (c === "`") {
      const end = this.src.indexOf("`", this.pos + 1);
      if (end < 0) this.fail("unterminated literal");
      const text = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return text === "" || text === " " || text === "\\n" ? { k: "space", text } : { k: "literal", text };
    }
    if (c === "$") {
      this.pos++;
      return this.variable(this.ident());
    }
    if (c === '"') {
      const end = this.src.indexOf('"', this.pos + 1);
      const text = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { k: "string", text };
    }
    if (c === "(") {
      this.pos++;
      return this.optional();
    }
    const word = this.ident();
    switch (word) {
      case "attr-dict":
        return { k: "attr-dict", keyword: false };
      case "attr-dict-with-keyword":
        return { k: "attr-dict", keyword: true };
      case "prop-dict":
        return { k: "prop-dict" };
      case "operands":
      case "results":
      case "regions":
      case "successors":
        return { k: word };
      case "type": {
        this.expect("(");
        const arg = this.typeArg();
        this.expect(")");
        return { k: "type", arg, qualified: false };
      }
      case "functional-type": {
        this.expect("(");
        const inputs = this.typeArg();
        this.expect(",");
        const results = this.typeArg();
        this.expect(")");
        return { k: "functional-type", inputs, results };
      }
      case "qualified": {
        this.expect("(");
        const inner = this.element();
        this.expect(")");
        if (inner.k === "type" || (inner.k === "var" && inner.kind === "attr")) inner.qualified = true;
        else this.fail("'qualified' expects an attribute or a type directive");
        return inner;
      }
      case "ref": {
        this.expect("(");
        const arg = this.element();
        this.expect(")");
        return { k: "ref", arg };
      }
      case "custom": {
        this.expect("<");
        const name = this.ident();
        this.expect(">");
        this.expect("(");
        const args: Element[] = [];
        if (!this.eat(")")) {
          do args.push(this.element());
          while (this.eat(","));
          this.expect(")");
        }
        return { k: "custom", name, args };
      }
      default:
        return this.fail(`unknown directive '${word}'`);
    }
  }

  private typeArg(): TypeArg {
    const e = this.element();
    if (e.k === "operands" || e.k === "results") return e;
    if (e.k === "var" && (e.kind === "operand" || e.kind === "result")) return e;
    return this.fail("invalid argument to a type directive");
  }

  private optional(): Optional {
    const then: Element[] = [];
    let anchor: Element | undefined;
    while (this.peek() !== ")") {
      if (this.peek() === "") this.fail("unterminated optional group");
      const e = this.element();
      then.push(e);
      if (this.eat("^")) anchor = e;
    }
    this.expect(")");
    let els: Element[] = [];
    if (this.eat(":")) {
      this.expect("(");
      els = this.elements(")");
      this.expect(")");
    }
    this.expect("?");
    if (anchor === undefined) this.fail("optional group has no anchor");
    const first = then.find((e) => e.k !== "space");
    const elidedAnchor =
      anchor.k === "var" && anchor.kind === "attr" && anchor !== first && anchor !== els[0] && isUnitAttr(anchor.attr)
        ? anchor
        : undefined;
    return { k: "optional", then, else: els, anchor, elidedAnchor };
  }

  private variable(name: string): Variable {
    const def = this.def;
    const operand = def.operands?.find((o) => o.name === name);
    if (operand) return { k: "var", kind: "operand", name, arity: operand.arity ?? "single", qualified: false };
    const result = def.results?.find((o) => o.name === name);
    if (result) return { k: "var", kind: "result", name, arity: result.arity ?? "single", qualified: false };
    const attr = def.attributes?.[name];
    if (attr) return { k: "var", kind: "attr", name, arity: attr.optional ? "optional" : "single", attr, qualified: false };
    // Regions and successors are not named in OpDef: tell them apart by count and by name.
    const successor =
      /dest|succ/i.test(name) || ((def.successors ?? 0) !== 0 && (def.regions ?? 0) === 0 && !/region|body/i.test(name));
    const variadic = /s$/.test(name) && !/body$|ss$/.test(name);
    if (successor)
      return { k: "var", kind: "successor", name, arity: variadic || def.successors === -1 ? "variadic" : "single", qualified: false };
    if ((def.regions ?? 0) > this.regionCount || /region|body/i.test(name)) {
      this.regionCount++;
      return { k: "var", kind: "region", name, arity: variadic ? "variadic" : "single", qualified: false };
    }
    return this.fail(`'$${name}' is not an operand, result, attribute, region or successor`);
  }
}

function isUnitAttr(spec: AttrSpec | undefined): boolean {
  return spec?.type !== undefined && /unit/i.test(spec.type.description);
}

// ----- spacing (OpFormatGen's shouldEmitSpaceBefore / genLiteralPrinter) -----

function shouldEmitSpaceBefore(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value[0]!);
  return !"<>(){}[],".includes(value[0]!);
}

class Spacer {
  shouldEmitSpace = true;
  lastWasPunctuation = false;

  layout(elements: readonly Element[], skip?: Element): Printed[] {
    const out: Printed[] = [];
    for (const el of elements) if (el !== skip) out.push(this.one(el));
    return out;
  }

  private one(el: Element): Printed {
    switch (el.k) {
      case "literal": {
        const space = this.shouldEmitSpace && shouldEmitSpaceBefore(el.text, this.lastWasPunctuation);
        this.shouldEmitSpace = el.text.length !== 1 || !"<({[".includes(el.text);
        this.lastWasPunctuation = el.text[0] !== "_" && !/[A-Za-z]/.test(el.text[0]!);
        return { el, space };
      }
      case "space":
        if (el.text === "\\n") return { el, space: false };
        this.lastWasPunctuation = el.text === "";
        this.shouldEmitSpace = false;
        return { el, space: el.text === " " };
      case "optional": {
        const then = this.layout(el.then, el.elidedAnchor);
        const els = this.layout(el.else, el.elidedAnchor);
        return { el, space: false, then, else: els };
      }
      case "attr-dict":
      case "prop-dict":
        this.lastWasPunctuation = false;
        return { el, space: false };
      default: {
        const space = this.shouldEmitSpace || !this.lastWasPunctuation;
        this.lastWasPunctuation = false;
        this.shouldEmitSpace = true;
        return { el, space };
      }
    }
  }
}

// ----- shared helpers -----

/** The [start, length] of each declared group among `count` values (operands or results). */
function segments(specs: readonly ValueSpec[], count: number, sizes: Attribute | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (sizes instanceof DenseArrayAttr && sizes.values.length === specs.length) {
    let start = 0;
    for (const n of sizes.values) {
      out.push([start, Number(n)]);
      start += Number(n);
    }
    return out;
  }
  const nVar = specs.filter((s) => (s.arity ?? "single") !== "single").length;
  const each = nVar === 0 ? 0 : Math.max(0, Math.floor((count - (specs.length - nVar)) / nVar));
  let start = 0;
  for (const s of specs) {
    const n = (s.arity ?? "single") === "single" ? 1 : each;
    out.push([start, n]);
    start += n;
  }
  return out;
}

function attrType(a: Attribute | undefined): Type | undefined {
  if (
    a instanceof IntegerAttr ||
    a instanceof FloatAttr ||
    a instanceof DenseElementsAttr ||
    a instanceof DenseResourceAttr ||
    a instanceof SparseElementsAttr
  )
    return a.type;
  if (a instanceof StringAttr) return a.type;
  return undefined;
}

/** MLIR's canFormatStringAsKeyword. */
function isKeyword(s: string): boolean {
  return /^[A-Za-z_][\w$.]*$/.test(s);
}

/** Whether a defaulted attribute holds its default (and so is elided). */
function isDefault(ctx: Context, spec: AttrSpec | undefined, a: Attribute | undefined): boolean {
  return spec?.default !== undefined && a !== undefined && a === spec.default(ctx);
}

/** The `<...>` remainder of a dialect attribute after `dialect.mnemonic`, as printStrippedAttrOrType. */
function strippedText(a: DialectAttr, storage: { dialect: string; mnemonic: string }): string | undefined {
  const prefix = `${storage.dialect}.${storage.mnemonic}`;
  return a.text.startsWith(prefix) ? a.text.slice(prefix.length) : undefined;
}

// ----- the printer -----

class FormatPrinter {
  readonly def: OpDef;
  readonly layout: readonly Printed[];
  readonly usedAttrs: ReadonlySet<string>;
  readonly hasPropDict: boolean;
  readonly orders: Orders;
  constructor(def: OpDef, layout: readonly Printed[], usedAttrs: ReadonlySet<string>, hasPropDict: boolean, orders: Orders) {
    this.def = def;
    this.layout = layout;
    this.usedAttrs = usedAttrs;
    this.hasPropDict = hasPropDict;
    this.orders = orders;
  }

  print(p: OpAsmPrinter, op: Operation): void {
    const env = new PrintEnv(this.def, op, this.orders);
    this.printAll(p, env, this.layout);
  }

  private printAll(p: OpAsmPrinter, env: PrintEnv, items: readonly Printed[]): void {
    for (const it of items) this.printOne(p, env, it);
  }

  private printOne(p: OpAsmPrinter, env: PrintEnv, it: Printed): void {
    const el = it.el;
    if (el.k === "optional") {
      if (env.present(el.anchor)) this.printAll(p, env, it.then ?? []);
      else this.printAll(p, env, it.else ?? []);
      return;
    }
    if (el.k === "attr-dict") return this.printAttrDict(p, env, el.keyword);
    if (el.k === "prop-dict") return this.printPropDict(p, env);
    if (el.k === "space" && el.text === "\\n") return p.newline();
    if (it.space) p.print(" ");
    switch (el.k) {
      case "literal":
        return p.print(el.text);
      case "space":
        return;
      case "var":
        return this.printVar(p, env, el);
      case "operands":
        return p.printOperands(env.op.operandValues);
      case "regions":
        return env.op.regions.forEach((r, i) => {
          if (i > 0) p.print(", ");
          this.printRegion(p, r);
        });
      case "successors":
        return env.op.successors.forEach((b, i) => {
          if (i > 0) p.print(", ");
          p.printSuccessor(b);
        });
      case "type":
        return p.printTypes(env.types(el.arg));
      case "functional-type":
        return p.printFunctionalType(env.types(el.inputs), env.types(el.results));
      case "custom":
        return this.printCustom(p, env, el.name, el.args);
      default:
        return;
    }
  }

  private printVar(p: OpAsmPrinter, env: PrintEnv, v: Variable): void {
    switch (v.kind) {
      case "operand":
      case "result":
        return p.printOperands(env.values(v));
      case "region":
        return env.regions(v).forEach((r, i) => {
          if (i > 0) p.print(", ");
          this.printRegion(p, r);
        });
      case "successor":
        return env.successors(v).forEach((b, i) => {
          if (i > 0) p.print(", ");
          p.printSuccessor(b);
        });
      case "attr": {
        const a = env.op.getAttr(v.name);
        if (a !== undefined) p.print(attributeText(p, v, a));
      }
    }
  }

  private printRegion(p: OpAsmPrinter, r: Region): void {
    if (!this.def.traits.has("SingleBlockImplicitTerminator")) return p.printRegion(r);
    const term = r.blocks[0]?.last;
    const elide = term != null && term.operands.length === 0 && term.results.length === 0 && p.allAttributes(term).length === 0;
    p.printRegion(r, true, !elide);
  }

  private printAttrDict(p: OpAsmPrinter, env: PrintEnv, keyword: boolean): void {
    const op = env.op;
    const entries = this.hasPropDict ? op.attrs.entries : p.allAttributes(op);
    const elided = entries
      .filter(
        (e) =>
          this.usedAttrs.has(e.name) ||
          e.name === "operandSegmentSizes" ||
          e.name === "resultSegmentSizes" ||
          isDefault(op.ctx, this.def.attributes?.[e.name], e.value),
      )
      .map((e) => e.name);
    if (keyword) p.printOptionalAttrDictWithKeyword(entries, elided);
    else p.printOptionalAttrDict(entries, elided);
  }

  private printPropDict(p: OpAsmPrinter, env: PrintEnv): void {
    const op = env.op;
    const shown = op.props.entries.filter(
      (e) => !this.usedAttrs.has(e.name) && !isDefault(op.ctx, this.def.attributes?.[e.name], e.value),
    );
    p.print(" ");
    if (shown.length === 0) return;
    p.print("<{");
    shown.forEach((e, i) => {
      if (i > 0) p.print(", ");
      p.printNamedAttribute(e);
    });
    p.print("}>");
  }

  private printCustom(p: OpAsmPrinter, env: PrintEnv, name: string, params: readonly CustomParam[]): void {
    const d = customDirectives.get(name);
    if (d === undefined) throw new Error(`${this.def.name}: custom directive '${name}' is not registered`);
    d.print(p, env.op, params.map((e) => env.customArg(e, p)));
  }
}

/** Prints an attribute as the format does: enum keyword, stripped dialect attribute, or in full. */
function attributeText(p: OpAsmPrinter, v: Variable, a: Attribute): string {
  const spec = v.attr;
  if (v.name === "sym_name" && a instanceof StringAttr) {
    return `@${isKeyword(a.value) ? a.value : JSON.stringify(a.value)}`;
  }
  if (spec?.enumCases && !v.qualified) {
    const storage = spec.enumStorage;
    if (storage === undefined || storage === "i64" || storage === "i32") {
      if (a instanceof IntegerAttr) {
        const n = Number(a.value);
        const idx = spec.enumValues ? spec.enumValues.indexOf(n) : n;
        const name = spec.enumCases[idx];
        if (name !== undefined) return isKeyword(name) ? name : JSON.stringify(name);
      }
    } else if (a instanceof DialectAttr) {
      const s = strippedText(a, storage);
      if (s !== undefined) return s;
    }
  }
  if (!v.qualified && typeof spec?.enumStorage === "object" && a instanceof DialectAttr) {
    const s = strippedText(a, spec.enumStorage);
    if (s !== undefined) return s;
  }
  // Typed dense arrays (DenseI64ArrayAttr, ...) print stripped: `[1, 2]`.
  if (a instanceof DenseArrayAttr && !v.qualified && denseArrayElement(spec) !== undefined)
    return `[${a.values.map((x) => (typeof x === "bigint" ? String(x) : printFloatOf(x, a.elementType))).join(", ")}]`;
  const build = (spec?.type as { buildableType?: unknown } | undefined)?.buildableType;
  return p.attributeText(a, build !== undefined && !v.qualified);
}

/** The element type name of a typed dense array attribute spec ("i32 dense array attribute"). */
function denseArrayElement(spec: AttrSpec | undefined): string | undefined {
  const m = /^(i1|i8|i16|i32|i64|f32|f64) dense array/.exec(spec?.type?.description ?? "");
  return m?.[1];
}

/** The op's values grouped as the format names them. */
class PrintEnv {
  readonly def: OpDef;
  readonly op: Operation;
  readonly orders: Orders;
  private operandSegs: [number, number][] | undefined;
  private resultSegs: [number, number][] | undefined;
  constructor(def: OpDef, op: Operation, orders: Orders) {
    this.def = def;
    this.op = op;
    this.orders = orders;
  }

  private range(kind: "operand" | "result", name: string): [number, number] {
    const specs = (kind === "operand" ? this.def.operands : this.def.results) ?? [];
    const i = specs.findIndex((s) => s.name === name);
    if (kind === "operand")
      this.operandSegs ??= segments(specs, this.op.operands.length, this.op.getAttr("operandSegmentSizes"));
    else this.resultSegs ??= segments(specs, this.op.results.length, this.op.getAttr("resultSegmentSizes"));
    return (kind === "operand" ? this.operandSegs : this.resultSegs)?.[i] ?? [0, 0];
  }

  values(v: Variable): Value[] {
    const [start, n] = this.range(v.kind === "result" ? "result" : "operand", v.name);
    const all: Value[] = v.kind === "result" ? this.op.results : this.op.operandValues;
    return all.slice(start, start + n);
  }

  types(arg: TypeArg): Type[] {
    if (arg.k === "operands") return this.op.operandTypes;
    if (arg.k === "results") return this.op.resultTypes;
    return this.values(arg).map((x) => x.type);
  }

  regions(v: Variable): Region[] {
    const i = this.orders.regions.indexOf(v.name);
    return v.arity === "variadic" ? this.op.regions.slice(i) : this.op.regions.slice(i, i + 1);
  }

  successors(v: Variable): Block[] {
    const i = this.orders.successors.indexOf(v.name);
    return v.arity === "variadic" ? this.op.successors.slice(i) : this.op.successors.slice(i, i + 1);
  }

  present(anchor: Element): boolean {
    switch (anchor.k) {
      case "var":
        switch (anchor.kind) {
          case "operand":
          case "result":
            return this.values(anchor).length > 0;
          case "region":
            return this.regions(anchor).some((r) => r.blocks.length > 0);
          case "successor":
            return this.successors(anchor).length > 0;
          case "attr": {
            const a = this.op.getAttr(anchor.name);
            const spec = anchor.attr;
            if (a === undefined) return false;
            return spec?.default === undefined || !isDefault(this.op.ctx, spec, a);
          }
        }
        return false;
      case "type":
        return anchor.arg.k === "var" ? this.present(anchor.arg) : this.types(anchor.arg).length > 0;
      case "functional-type":
        return anchor.inputs.k === "var" ? this.present(anchor.inputs) : this.types(anchor.inputs).length > 0;
      default:
        return true;
    }
  }

  customArg(e: Element, p: OpAsmPrinter): CustomArg {
    const ref = e.k === "ref";
    const el = e.k === "ref" ? e.arg : e;
    if (el.k === "var") {
      const base = { name: el.name, arity: el.arity, ref };
      switch (el.kind) {
        case "operand":
          return { ...base, kind: "operand", values: this.values(el) };
        case "result":
          return { ...base, kind: "result", values: this.values(el) };
        case "attr":
          return { ...base, kind: "attribute", attribute: this.op.getAttr(el.name) };
        case "region":
          return { ...base, kind: "region", regions: this.regions(el) };
        case "successor":
          return { ...base, kind: "successor", successors: this.successors(el) };
      }
    }
    if (el.k === "type") {
      const arg = el.arg;
      const kind = arg.k === "results" || (arg.k === "var" && arg.kind === "result") ? "result-type" : "operand-type";
      return {
        kind,
        name: arg.k === "var" ? arg.name : arg.k,
        arity: arg.k === "var" ? arg.arity : "variadic",
        ref,
        types: this.types(arg),
      };
    }
    if (el.k === "attr-dict") return { kind: "attr-dict", name: "", arity: "single", ref, attributes: p.allAttributes(this.op) };
    if (el.k === "string") return { kind: "string", name: "", arity: "single", ref, text: el.text };
    throw new Error(`${this.def.name}: unsupported custom directive argument '${el.k}'`);
  }
}

function collectVars(elements: readonly Element[], kind: VarKind, out: string[]): void {
  for (const e of elements) {
    if (e.k === "var" && e.kind === kind && !out.includes(e.name)) out.push(e.name);
    else if (e.k === "optional") {
      collectVars(e.then, kind, out);
      collectVars(e.else, kind, out);
    } else if (e.k === "custom") collectVars(e.args, kind, out);
    else if (e.k === "ref") collectVars([e.arg], kind, out);
  }
}

/** Region and successor names in order of first appearance (OpDef counts them, not names). */
interface Orders {
  readonly regions: readonly string[];
  readonly successors: readonly string[];
}

// ----- the parser -----

class ParseEnv {
  readonly operands = new Map<string, UnresolvedOperand[]>();
  readonly operandTypes = new Map<string, Type[]>();
  readonly resultTypes = new Map<string, Type[]>();
  readonly regions = new Map<string, Region[]>();
  readonly successors = new Map<string, Block[]>();
  allOperands: UnresolvedOperand[] | undefined;
  allOperandTypes: Type[] | undefined;
  allResultTypes: Type[] | undefined;
  regionList: Region[] | undefined;
  successorList: Block[] | undefined;
}

class FormatParser {
  readonly def: OpDef;
  readonly elements: readonly Element[];
  readonly orders: Orders;
  constructor(def: OpDef, elements: readonly Element[], orders: Orders) {
    this.def = def;
    this.elements = elements;
    this.orders = orders;
  }

  parse(p: OpAsmParser, s: ParsedOp): void {
    const env = new ParseEnv();
    this.parseAll(p, s, env, this.elements);
    this.finish(p, s, env);
  }

  private parseAll(p: OpAsmParser, s: ParsedOp, env: ParseEnv, elements: readonly Element[], skip?: Element): void {
    for (const e of elements) if (e !== skip) this.parseOne(p, s, env, e);
  }

  private parseOne(p: OpAsmParser, s: ParsedOp, env: ParseEnv, e: Element): void {
    switch (e.k) {
      case "literal":
        return parseLiteral(p, e.text);
      case "space":
      case "string":
        return;
      case "var":
        return this.parseVar(p, s, env, e);
      case "attr-dict":
        return e.keyword ? p.parseOptionalAttrDictWithKeyword(s) : p.parseOptionalAttrDict(s);
      case "prop-dict":
        return p.parseOptionalPropDict(s);
      case "operands":
        env.allOperands = p.parseOperandList();
        return;
      case "regions": {
        const rs: Region[] = [];
        const first = p.parseOptionalRegion();
        if (first) {
          rs.push(first);
          while (p.parseOptionalComma()) rs.push(p.parseRegion());
        }
        env.regionList = rs;
        return;
      }
      case "successors": {
        const bs: Block[] = [];
        const first = p.parseOptionalSuccessor();
        if (first) {
          bs.push(first);
          while (p.parseOptionalComma()) bs.push(p.parseSuccessor());
        }
        env.successorList = bs;
        return;
      }
      case "type":
        return this.setTypes(env, e.arg, parseTypes(p, e.arg));
      case "functional-type": {
        const span = p.here();
        const t = p.parseType();
        if (!(t instanceof FunctionType)) p.error("expected a function type", span);
        this.setTypes(env, e.inputs, [...t.inputs]);
        this.setTypes(env, e.results, [...t.results]);
        return;
      }
      case "custom":
        return this.parseCustom(p, s, env, e.name, e.args);
      case "ref":
        return;
      case "optional":
        return this.parseOptional(p, s, env, e);
    }
  }

  private parseOptional(p: OpAsmParser, s: ParsedOp, env: ParseEnv, g: Optional): void {
    const rest = g.then.filter((e) => e !== g.elidedAnchor && e.k !== "space");
    const first = rest[0];
    if (first !== undefined && this.atElement(p, first)) {
      this.parseAll(p, s, env, g.then, g.elidedAnchor);
      if (g.elidedAnchor) s.addAttribute(g.elidedAnchor.name, p.ctx.unit());
    } else if (g.else.length > 0) {
      this.parseAll(p, s, env, g.else);
    }
  }

  /** Whether the next tokens start `e` (the first element of an optional group). */
  private atElement(p: OpAsmParser, e: Element): boolean {
    switch (e.k) {
      case "literal":
        return atLiteral(p, e.text);
      case "var":
        switch (e.kind) {
          case "operand":
          case "result":
            return p.isOperand();
          case "region":
            return p.atRegion();
          case "successor":
            return p.at(Tok.caretIdent);
          case "attr": {
            const spec = e.attr;
            if (spec?.enumCases && (spec.enumStorage === undefined || typeof spec.enumStorage === "string"))
              return spec.enumCases.some((c) => p.isKeyword(c)) || p.at(Tok.string);
            if (typeof spec?.enumStorage === "object" && !e.qualified) return p.at(Tok.less) || p.at(Tok.hashIdent);
            if (e.name === "sym_name") return p.at(Tok.atIdent);
            return !(
              p.at(Tok.rparen) ||
              p.at(Tok.rsquare) ||
              p.at(Tok.rbrace) ||
              p.at(Tok.greater) ||
              p.at(Tok.colon) ||
              p.at(Tok.comma) ||
              p.at(Tok.eof) ||
              p.at(Tok.percentIdent) ||
              p.at(Tok.arrow) ||
              p.at(Tok.equal) ||
              p.at(Tok.lbrace) ||
              p.isKeyword("attributes") ||
              p.isKeyword("loc")
            );
          }
        }
        return false;
      case "operands":
        return p.isOperand();
      case "regions":
        return p.atRegion();
      case "successors":
        return p.at(Tok.caretIdent);
      case "type":
      case "functional-type":
        return p.atType();
      case "custom": {
        const d = customDirectives.get(e.name);
        if (d?.present === undefined) throw new Error(`${this.def.name}: custom<${e.name}> cannot start an optional group`);
        return d.present(p);
      }
      case "attr-dict":
        return p.at(Tok.lbrace) || (e.keyword && p.isKeyword("attributes"));
      case "prop-dict":
        return p.at(Tok.less);
      default:
        return false;
    }
  }

  private parseVar(p: OpAsmParser, s: ParsedOp, env: ParseEnv, v: Variable): void {
    switch (v.kind) {
      case "operand": {
        const list: UnresolvedOperand[] =
          v.arity === "variadic"
            ? p.parseOperandList()
            : v.arity === "optional"
              ? optionalList(p.parseOptionalOperand())
              : [p.parseOperand()];
        env.operands.set(v.name, list);
        return;
      }
      case "result":
        return p.error(`result '${v.name}' cannot be parsed by name`);
      case "region": {
        const rs: Region[] = [];
        if (v.arity === "variadic") {
          const first = p.parseOptionalRegion();
          if (first) {
            rs.push(first);
            while (p.parseOptionalComma()) rs.push(p.parseRegion());
          }
        } else rs.push(p.parseRegion());
        env.regions.set(v.name, rs);
        return;
      }
      case "successor": {
        const bs: Block[] = [];
        if (v.arity === "variadic") {
          const first = p.parseOptionalSuccessor();
          if (first) {
            bs.push(first);
            while (p.parseOptionalComma()) bs.push(p.parseSuccessor());
          }
        } else bs.push(p.parseSuccessor());
        env.successors.set(v.name, bs);
        return;
      }
      case "attr":
        s.addAttribute(v.name, parseAttributeVar(p, v));
    }
  }

  private setTypes(env: ParseEnv, arg: TypeArg, types: Type[]): void {
    if (arg.k === "operands") env.allOperandTypes = types;
    else if (arg.k === "results") env.allResultTypes = types;
    else (arg.kind === "operand" ? env.operandTypes : env.resultTypes).set(arg.name, types);
  }

  private parseCustom(p: OpAsmParser, s: ParsedOp, env: ParseEnv, name: string, params: readonly CustomParam[]): void {
    const d = customDirectives.get(name);
    if (d === undefined) p.error(`custom directive '${name}' is not registered`);
    const args = params.map((e) => this.customArg(s, env, e));
    d.parse(p, args, s);
    params.forEach((e, i) => {
      const a = args[i]!;
      if (a.ref || e.k === "ref") return;
      if (e.k === "var") {
        if (e.kind === "operand") env.operands.set(e.name, a.operands ?? []);
        else if (e.kind === "attr") {
          if (a.attribute !== undefined) s.addAttribute(e.name, a.attribute);
        } else if (e.kind === "region") env.regions.set(e.name, a.regions ?? []);
        else if (e.kind === "successor") env.successors.set(e.name, a.successors ?? []);
      } else if (e.k === "type") this.setTypes(env, e.arg, a.types ?? []);
    });
  }

  private customArg(s: ParsedOp, env: ParseEnv, e: Element): CustomArg {
    const ref = e.k === "ref";
    const el = e.k === "ref" ? e.arg : e;
    if (el.k === "var") {
      const base = { name: el.name, arity: el.arity, ref };
      switch (el.kind) {
        case "operand":
          return { ...base, kind: "operand", operands: env.operands.get(el.name) };
        case "result":
          return { ...base, kind: "result" };
        case "attr":
          return { ...base, kind: "attribute", attribute: s.getAttribute(el.name) };
        case "region":
          return { ...base, kind: "region", regions: env.regions.get(el.name) };
        case "successor":
          return { ...base, kind: "successor", successors: env.successors.get(el.name) };
      }
    }
    if (el.k === "type") {
      const arg = el.arg;
      const isResult = arg.k === "results" || (arg.k === "var" && arg.kind === "result");
      const types =
        arg.k === "operands"
          ? env.allOperandTypes
          : arg.k === "results"
            ? env.allResultTypes
            : (isResult ? env.resultTypes : env.operandTypes).get(arg.name);
      return {
        kind: isResult ? "result-type" : "operand-type",
        name: arg.k === "var" ? arg.name : arg.k,
        arity: arg.k === "var" ? arg.arity : "variadic",
        ref,
        types,
      };
    }
    if (el.k === "attr-dict") return { kind: "attr-dict", name: "", arity: "single", ref, attributes: s.attributes };
    if (el.k === "string") return { kind: "string", name: "", arity: "single", ref, text: el.text };
    throw new Error(`${this.def.name}: unsupported custom directive argument '${el.k}'`);
  }

  // ----- resolving operands and types, properties -----

  private finish(p: OpAsmParser, s: ParsedOp, env: ParseEnv): void {
    const def = this.def;
    const ctx = p.ctx;
    const opSpecs = def.operands ?? [];
    const resSpecs = def.results ?? [];
    const span = p.nameSpan;

    // Operand names to unresolved lists, in declaration order.
    const unresolved: UnresolvedOperand[][] = env.allOperands
      ? splitAll(env.allOperands, opSpecs)
      : opSpecs.map((o) => env.operands.get(o.name) ?? []);
    const opTypes: (Type[] | undefined)[] = env.allOperandTypes
      ? splitTypes(env.allOperandTypes, opSpecs, unresolved)
      : opSpecs.map((o) => env.operandTypes.get(o.name));
    const resCounts = resSpecs.map((r) => ((r.arity ?? "single") === "single" ? 1 : undefined));
    const resTypes: (Type[] | undefined)[] = env.allResultTypes
      ? splitResultTypes(env.allResultTypes, resSpecs)
      : resSpecs.map((r) => env.resultTypes.get(r.name));

    const known = (): Type | undefined => [...opTypes, ...resTypes].find((t) => t !== undefined && t.length > 0)?.[0];
    const fill = (n: number, t: Type) => Array.from({ length: n }, () => t);
    const named = (name: string): Type | undefined => {
      const oi = opSpecs.findIndex((o) => o.name === name);
      if (oi >= 0) return opTypes[oi]?.[0];
      const ri = resSpecs.findIndex((o) => o.name === name);
      if (ri >= 0) return resTypes[ri]?.[0];
      return attrType(s.getAttribute(name));
    };
    const inferPass = (): boolean => {
      let progress = false;
      const assign = (isOperand: boolean, i: number, name: string) => {
        const list = isOperand ? opTypes : resTypes;
        if (list[i] !== undefined) return;
        const n = isOperand ? unresolved[i]!.length : (resCounts[i] ?? undefined);
        if (n === undefined) return;
        let t: Type | undefined;
        for (const group of def.typesMatch ?? []) {
          if (!group.includes(name)) continue;
          for (const other of group) if (other !== name) t ??= named(other);
        }
        const spec = (isOperand ? opSpecs : resSpecs)[i];
        const build = (spec?.type as { buildableType?: (ctx: Context) => Type } | undefined)?.buildableType;
        if (t === undefined && build !== undefined) t = build(ctx);
        if (t === undefined && def.traits.has("SameOperandsAndResultType")) t = known();
        if (t === undefined && isOperand && def.traits.has("SameTypeOperands"))
          t = opTypes.find((x) => x !== undefined && x.length > 0)?.[0];
        if (t !== undefined) {
          list[i] = fill(n, t);
          progress = true;
        }
      };
      opSpecs.forEach((o, i) => assign(true, i, o.name));
      resSpecs.forEach((r, i) => assign(false, i, r.name));
      return progress;
    };
    while (inferPass());
    if (resTypes.some((t) => t === undefined) && def.inferResultTypes && opTypes.every((t) => t !== undefined)) {
      const inferred = def.inferResultTypes(ctx, opTypes.flat() as Type[], (n) => s.getAttribute(n));
      if (inferred === undefined) p.error(`failed to infer the result types of '${def.name}'`, span);
      const split = splitResultTypes(inferred, resSpecs);
      split.forEach((t, i) => (resTypes[i] ??= t));
      while (inferPass());
    }
    opSpecs.forEach((o, i) => {
      if (opTypes[i] === undefined && unresolved[i]!.length === 0) opTypes[i] = [];
      if (opTypes[i] === undefined) p.error(`type of operand '${o.name}' of '${def.name}' cannot be inferred`, span);
    });
    resSpecs.forEach((r, i) => {
      if (resTypes[i] === undefined) p.error(`type of result '${r.name}' of '${def.name}' cannot be inferred`, span);
    });

    const operands: Value[] = [];
    unresolved.forEach((us, i) => operands.push(...p.resolveOperands(us, opTypes[i]!, us[0]?.span ?? span)));
    s.operands = operands;
    s.resultTypes = resTypes.flat() as Type[];
    if (env.regionList) s.regions = env.regionList;
    else for (const name of this.orders.regions) s.regions.push(...(env.regions.get(name) ?? []));
    if (env.successorList) s.successors = env.successorList;
    else for (const name of this.orders.successors) s.successors.push(...(env.successors.get(name) ?? []));

    if (def.traits.has("AttrSizedOperandSegments"))
      s.addAttribute("operandSegmentSizes", ctx.denseArray(ctx.i32(), unresolved.map((u) => BigInt(u.length))));
    if (def.traits.has("AttrSizedResultSegments"))
      s.addAttribute("resultSegmentSizes", ctx.denseArray(ctx.i32(), resTypes.map((t) => BigInt(t?.length ?? 0))));
    splitProperties(ctx, def, s);
  }
}

/** Inherent attributes (and defaults of missing defaulted ones) become properties. */
function splitProperties(ctx: Context, def: OpDef, s: ParsedOp): void {
  const inherent = def.attributes ?? {};
  const isInherent = (n: string) =>
    inherent[n] !== undefined || n === "operandSegmentSizes" || n === "resultSegmentSizes";
  const props = [...(s.properties ?? []), ...s.attributes.filter((a) => isInherent(a.name))];
  for (const [name, spec] of Object.entries(inherent))
    if (spec.default && !props.some((a) => a.name === name)) props.push({ name, value: spec.default(ctx) });
  s.properties = props;
  s.attributes = s.attributes.filter((a) => !isInherent(a.name));
}

function optionalList(u: UnresolvedOperand | undefined): UnresolvedOperand[] {
  return u === undefined ? [] : [u];
}

/** Splits `operands` (all of them) among the declared groups: variadics share what is left. */
function splitAll<T>(all: readonly T[], specs: readonly ValueSpec[]): T[][] {
  const segs = segments(specs, all.length, undefined);
  return segs.map(([start, n]) => all.slice(start, start + n));
}
function splitTypes(all: readonly Type[], specs: readonly ValueSpec[], operands: readonly UnresolvedOperand[][]): Type[][] {
  let start = 0;
  return specs.map((_, i) => {
    const n = operands[i]!.length;
    const out = all.slice(start, start + n);
    start += n;
    return out;
  });
}
function splitResultTypes(all: readonly Type[], specs: readonly ValueSpec[]): Type[][] {
  if (specs.length === 0) return [];
  return splitAll(all, specs);
}

function parseTypes(p: OpAsmParser, arg: TypeArg): Type[] {
  const variadic = arg.k !== "var" || arg.arity === "variadic";
  if (arg.k === "var" && arg.arity === "optional") {
    const t = p.parseOptionalType();
    return t === undefined ? [] : [t];
  }
  if (!variadic) return [p.parseType()];
  const out: Type[] = [];
  const first = p.parseOptionalType();
  if (first === undefined) return out;
  out.push(first);
  while (p.at(Tok.comma)) {
    p.parseComma();
    out.push(p.parseType());
  }
  return out;
}

/** An attribute written as the format prints it. */
function parseAttributeVar(p: OpAsmParser, v: Variable): Attribute {
  const spec = v.attr;
  const ctx = p.ctx;
  if (v.name === "sym_name" && p.at(Tok.atIdent)) return ctx.string(p.parseSymbolName());
  if (spec?.enumCases && (spec.enumStorage === undefined || typeof spec.enumStorage === "string") && !v.qualified) {
    const span = p.here();
    const word = p.at(Tok.string) ? p.parseString() : p.parseOptionalAnyKeyword();
    const idx = word === undefined ? -1 : spec.enumCases.indexOf(word);
    if (idx < 0) p.error(`expected one of [${spec.enumCases.join(", ")}] for attribute '${v.name}'`, span);
    const value = spec.enumValues?.[idx] ?? idx;
    return ctx.integerAttr(spec.enumStorage === "i32" ? ctx.i32() : ctx.i64(), value);
  }
  const storage = spec?.enumStorage;
  if (typeof storage === "object" && !v.qualified && !p.at(Tok.hashIdent)) {
    const start = p.here().start;
    const name = `${storage.dialect}.${storage.mnemonic}`;
    if (!p.at(Tok.less)) return ctx.dialectAttr(storage.dialect, name);
    const text = dialectBody(p.p, name, start);
    const cases = spec?.enumCases;
    if (cases) {
      // An enum (or bit enum) body: `<case>` or `<case, case>`.
      const words = text.slice(name.length + 1, -1).split(/[\s,|]+/).filter((w) => w !== "");
      const bad = words.find((w) => !cases.includes(w));
      if (bad !== undefined || words.length === 0)
        p.error(`expected '${v.name}' to be one of: ${cases.join(", ")}`, { ...p.here(), start, end: start + text.length - name.length });
    }
    return ctx.dialectAttr(storage.dialect, text);
  }
  const elt = denseArrayElement(spec);
  if (elt !== undefined && !v.qualified && p.at(Tok.lsquare)) {
    const type = elt.startsWith("f") ? ctx.float(elt as "f32" | "f64") : ctx.integer(Number(elt.slice(1)));
    p.parseLSquare();
    const values: (bigint | number)[] = [];
    if (!p.parseOptionalRSquare()) {
      do {
        const a = p.parseAttribute(type);
        if (!(a instanceof IntegerAttr || a instanceof FloatAttr)) p.error(`expected ${elt} value`);
        values.push(a.value);
      } while (p.parseOptionalComma());
      p.parseRSquare();
    }
    return ctx.denseArray(type, values);
  }
  const build = (spec?.type as { buildableType?: (ctx: Context) => Type } | undefined)?.buildableType;
  return p.parseAttribute(build && !v.qualified ? build(ctx) : undefined);
}

const punctuation: Record<string, Tok> = {
  ",": Tok.comma,
  ":": Tok.colon,
  "=": Tok.equal,
  "->": Tok.arrow,
  "(": Tok.lparen,
  ")": Tok.rparen,
  "[": Tok.lsquare,
  "]": Tok.rsquare,
  "{": Tok.lbrace,
  "}": Tok.rbrace,
  "<": Tok.less,
  ">": Tok.greater,
  "*": Tok.star,
  "?": Tok.question,
  "+": Tok.plus,
  "-": Tok.minus,
  "...": Tok.ellipsis,
  "|": Tok.vbar,
  "::": Tok.colonColon,
};

function atLiteral(p: OpAsmParser, text: string): boolean {
  const tok = punctuation[text];
  return tok !== undefined ? p.at(tok) : p.isKeyword(text);
}

function parseLiteral(p: OpAsmParser, text: string): void {
  const tok = punctuation[text];
  if (tok === undefined) return p.parseKeyword(text);
  if (!p.at(tok)) p.error(`expected '${text}'`);
  switch (text) {
    case ",":
      return p.parseComma();
    case ":":
      return p.parseColon();
    case "=":
      return p.parseEqual();
    case "->":
      return p.parseArrow();
    case "(":
      return p.parseLParen();
    case ")":
      return p.parseRParen();
    case "[":
      return p.parseLSquare();
    case "]":
      return p.parseRSquare();
    case "{":
      return p.parseLBrace();
    case "}":
      return p.parseRBrace();
    case "<":
      return p.parseLess();
    case ">":
      return p.parseGreater();
    case "*":
      p.parseOptionalStar();
      return;
    case "?":
      p.parseOptionalQuestion();
      return;
    case "+":
      p.parseOptionalPlus();
      return;
    case "-":
      p.parseOptionalMinus();
      return;
    case "...":
      p.parseOptionalEllipsis();
      return;
    case "|":
      p.parseOptionalVerticalBar();
      return;
    default:
      p.p.consume();
  }
}

// ----- entry point -----

function attrNamesUsed(elements: readonly Element[], out: Set<string>): Set<string> {
  for (const e of elements) {
    if (e.k === "var" && e.kind === "attr") out.add(e.name);
    else if (e.k === "optional") {
      attrNamesUsed(e.then, out);
      attrNamesUsed(e.else, out);
    } else if (e.k === "custom") attrNamesUsed(e.args, out);
    else if (e.k === "ref") attrNamesUsed([e.arg], out);
  }
  return out;
}

/** Compiles `def.format` into a custom parser and printer. Throws on a malformed format (a bug in a dialect). */
export function compileAssemblyFormat(def: OpDef): {
  parse: (p: OpAsmParser, s: ParsedOp) => void;
  print: (p: OpAsmPrinter, op: Operation) => void;
} {
  const reader = new FormatReader(def.format ?? "", def);
  const elements = reader.elements("");
  const regions: string[] = [];
  collectVars(elements, "region", regions);
  const successors: string[] = [];
  collectVars(elements, "successor", successors);
  const orders: Orders = { regions, successors };
  const layout = new Spacer().layout(elements);
  const hasPropDict = elements.some((e) => e.k === "prop-dict");
  const parser = new FormatParser(def, elements, orders);
  const printer = new FormatPrinter(def, layout, attrNamesUsed(elements, new Set()), hasPropDict, orders);
  return { parse: (p, s) => parser.parse(p, s), print: (p, op) => printer.print(p, op) };
}
