// Parsing single format elements: literals, type lists and attributes in their format forms.
import type { OpAsmParser } from "../../../grammar/mlir/asm-parser.ts";
import type { Attribute } from "../../ir/attributes.ts";
import type { Type } from "../../ir/types.ts";
import type { Context } from "../../ir/context.ts";
import { FloatAttr, IntegerAttr } from "../../ir/attributes.ts";
import { Tok } from "../../../grammar/mlir/tokens.ts";
import { dialectBody } from "../../../grammar/mlir/dialect-body.ts";
import type { Variable, TypeArg, Element } from "./elements.ts";
import { customDirectives } from "./elements.ts";
import { denseArrayElement } from "./attribute-forms.ts";

export function parseTypes(p: OpAsmParser, arg: TypeArg): Type[] {
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
export function parseAttributeVar(p: OpAsmParser, v: Variable): Attribute {
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
      const words = text
        .slice(name.length + 1, -1)
        .split(/[\s,|]+/)
        .filter((w) => w !== "");
      const bad = words.find((w) => !cases.includes(w));
      if (bad !== undefined || words.length === 0)
        p.error(`expected '${v.name}' to be one of: ${cases.join(", ")}`, {
          ...p.here(),
          start,
          end: start + text.length - name.length,
        });
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

/** Whether the next tokens start `e` (the first element of an optional group). */
export function atElement(p: OpAsmParser, e: Element, opName: string): boolean {
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
      if (d?.present === undefined) throw new Error(`${opName}: custom<${e.name}> cannot start an optional group`);
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

/** The token of a punctuation literal; undefined for a keyword. */
export function literalToken(text: string): Tok | undefined {
  return punctuation[text];
}

export function atLiteral(p: OpAsmParser, text: string): boolean {
  const tok = punctuation[text];
  return tok !== undefined ? p.at(tok) : p.isKeyword(text);
}

export function parseLiteral(p: OpAsmParser, text: string): void {
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
