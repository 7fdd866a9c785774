// Reads an ODS `assemblyFormat` string into format elements, resolving each `$name` to an
// operand, result, attribute, region or successor of the op.
import type { OpDef } from "../registry.ts";
import type { Variable, TypeArg, Element, Optional } from "./elements.ts";
import { isUnitAttr } from "./attribute-forms.ts";

/** A cursor over a format string; `elements("")` reads all of it. */
export class FormatReader {
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
      return {
        k: "var",
        kind: "successor",
        name,
        arity: variadic || def.successors === -1 ? "variadic" : "single",
        qualified: false,
      };
    if ((def.regions ?? 0) > this.regionCount || /region|body/i.test(name)) {
      this.regionCount++;
      return { k: "var", kind: "region", name, arity: variadic ? "variadic" : "single", qualified: false };
    }
    return this.fail(`'$${name}' is not an operand, result, attribute, region or successor`);
  }
}
