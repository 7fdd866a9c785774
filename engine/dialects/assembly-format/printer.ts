// Prints an op by walking its format's elements: values grouped by operand segment, optional
// groups by their anchors, attr-dict minus what the format already shows.
import type { OpDef } from "../registry.ts";
import type { OpAsmPrinter } from "../../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Attribute } from "../../ir/attributes.ts";
import type { Type } from "../../ir/types.ts";
import type { Value } from "../../ir/value.ts";
import type { Block, Region } from "../../ir/block.ts";
import { DialectAttr, DenseArrayAttr, IntegerAttr, StringAttr } from "../../ir/attributes.ts";
import { printFloatOf } from "../../../grammar/mlir/print-attribute.ts";
import type { Variable, TypeArg, Element, CustomParam, CustomArg, Orders } from "./elements.ts";
import { customDirectives, segments } from "./elements.ts";
import { isKeyword, isDefault, strippedText, denseArrayElement } from "./attribute-forms.ts";
import type { Printed } from "./spacing.ts";
import type { NamedAttribute } from "../../ir/attributes.ts";
import { compilePrintSteps, type PrintStep } from "./compile-printer.ts";

/** The printer of one op's format: elements with their precomputed spaces. */
export class FormatPrinter {
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
    this.steps = compilePrintSteps(def, layout, {
      attributeText,
      printAttrDict: (p, op, keyword) => this.printAttrDict(p, op, keyword),
    });
  }

  /** The format compiled to straight-line steps, when every element allows it (the common case). */
  private readonly steps: PrintStep[] | undefined;

  print(p: OpAsmPrinter, op: Operation): void {
    const steps = this.steps;
    if (steps !== undefined) {
      for (let i = 0; i < steps.length; i++) steps[i]!(p, op);
      return;
    }
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
    if (el.k === "attr-dict") return this.printAttrDict(p, env.op, el.keyword);
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
        return env.printValues(p, v);
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

  private printAttrDict(p: OpAsmPrinter, op: Operation, keyword: boolean): void {
    const entries = this.hasPropDict ? op.attrs.entries : p.allAttributes(op);
    // Most ops print no attribute dictionary: find that out without allocating.
    let shown: NamedAttribute[] | undefined;
    for (const e of entries) {
      if (
        this.usedAttrs.has(e.name) ||
        e.name === "operandSegmentSizes" ||
        e.name === "resultSegmentSizes" ||
        isDefault(op.ctx, this.def.attributes?.[e.name], e.value)
      )
        continue;
      (shown ??= []).push(e);
    }
    if (shown === undefined) return;
    if (keyword) p.printOptionalAttrDictWithKeyword(shown);
    else p.printOptionalAttrDict(shown);
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
    d.print(
      p,
      env.op,
      params.map((e) => env.customArg(e, p)),
    );
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
    if (kind === "operand") this.operandSegs ??= segments(specs, this.op.operands.length, this.op.getAttr("operandSegmentSizes"));
    else this.resultSegs ??= segments(specs, this.op.results.length, this.op.getAttr("resultSegmentSizes"));
    return (kind === "operand" ? this.operandSegs : this.resultSegs)?.[i] ?? [0, 0];
  }

  values(v: Variable): Value[] {
    const [start, n] = this.range(v.kind === "result" ? "result" : "operand", v.name);
    const out = new Array<Value>(n);
    if (v.kind === "result") for (let i = 0; i < n; i++) out[i] = this.op.results[start + i]!;
    else for (let i = 0; i < n; i++) out[i] = this.op.operands[start + i]!.value;
    return out;
  }

  /** Prints the values of a variable as an operand list, without building an array. */
  printValues(p: OpAsmPrinter, v: Variable): void {
    const [start, n] = this.range(v.kind === "result" ? "result" : "operand", v.name);
    for (let i = 0; i < n; i++) {
      if (i > 0) p.print(", ");
      p.printOperand(v.kind === "result" ? this.op.results[start + i]! : this.op.operands[start + i]!.value);
    }
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
