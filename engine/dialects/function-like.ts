// Parsing and printing of function signatures shared by function-like ops (func.func and
// others): `@name(%arg0: i32 {attrs}) -> (i32 {attrs}) attributes {...} { body }`.
import type { OpAsmParser, ParsedOp, RegionArgument } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Type } from "../ir/types.ts";
import { ArrayAttr, DictionaryAttr, StringAttr, TypeAttr, type Attribute, type NamedAttribute } from "../ir/attributes.ts";
import { FunctionType } from "../ir/types.ts";
import { Region } from "../ir/block.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";

export function parseFunctionOp(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const vis = p.parseOptionalAnyKeyword(["private", "public", "nested"]);
  if (vis !== undefined) s.addAttribute("sym_visibility", ctx.string(vis));
  s.addAttribute("sym_name", ctx.string(p.parseSymbolName()));
  // Arguments: `(%a: t {attrs}, ...)` for definitions, `(t {attrs}, ...)` for declarations.
  p.parseLParen();
  const args: RegionArgument[] = [];
  const argTypes: Type[] = [];
  const argAttrs: (NamedAttribute[] | undefined)[] = [];
  let named: boolean | undefined;
  if (!p.parseOptionalRParen()) {
    do {
      if (p.parseOptionalEllipsis()) p.error("variadic functions are not supported here");
      if (p.isOperand()) {
        if (named === false) p.error("expected type instead of SSA identifier");
        named = true;
        const a = p.parseArgument(true, true);
        args.push(a);
        argTypes.push(a.type);
        argAttrs.push(a.attrs);
      } else {
        if (named === true) p.error("expected SSA identifier");
        named = false;
        argTypes.push(p.parseType());
        const attrs: NamedAttribute[] = [];
        if (p.at(Tok.lbrace)) p.parseAttrDictInto(attrs);
        argAttrs.push(attrs.length > 0 ? attrs : undefined);
        if (p.isKeyword("loc")) p.parseAttribute();
      }
    } while (p.parseOptionalComma());
    p.parseRParen();
  }
  const resultTypes: Type[] = [];
  const resultAttrs: (NamedAttribute[] | undefined)[] = [];
  if (p.parseOptionalArrow()) {
    if (p.parseOptionalLParen()) {
      if (!p.parseOptionalRParen()) {
        do {
          resultTypes.push(p.parseType());
          const attrs: NamedAttribute[] = [];
          if (p.at(Tok.lbrace)) p.parseAttrDictInto(attrs);
          resultAttrs.push(attrs.length > 0 ? attrs : undefined);
        } while (p.parseOptionalComma());
        p.parseRParen();
      }
    } else {
      resultTypes.push(p.parseType());
      resultAttrs.push(undefined);
    }
  }
  s.addAttribute("function_type", ctx.typeAttr(ctx.func(argTypes, resultTypes)));
  const dictArray = (list: (NamedAttribute[] | undefined)[]) =>
    list.some((x) => x !== undefined && x.length > 0) ? ctx.array(list.map((x) => ctx.dictionary(x ?? []))) : undefined;
  const aa = dictArray(argAttrs);
  if (aa) s.addAttribute("arg_attrs", aa);
  const ra = dictArray(resultAttrs);
  if (ra) s.addAttribute("res_attrs", ra);
  p.parseOptionalAttrDictWithKeyword(s);
  if (p.atRegion()) {
    // Unnamed arguments are allowed when the body spells out its entry block (`^bb0(%a: i32):`).
    s.regions.push(p.parseRegion(args, true));
  } else s.regions.push(new Region());
}

const elidedFunctionAttrs = ["sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"];

function attrsAt(list: Attribute | undefined, i: number): DictionaryAttr | undefined {
  if (!(list instanceof ArrayAttr)) return undefined;
  const d = list.elements[i];
  return d instanceof DictionaryAttr && d.entries.length > 0 ? d : undefined;
}

export function printFunctionOp(p: OpAsmPrinter, op: Operation, extraElided: readonly string[] = []): void {
  const vis = op.getAttr("sym_visibility");
  if (vis instanceof StringAttr) p.print(` ${vis.value}`);
  p.print(" ");
  const name = op.getAttr("sym_name");
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  const ft = op.getAttr("function_type");
  const fnType = ft instanceof TypeAttr && ft.type instanceof FunctionType ? ft.type : undefined;
  const inputs = fnType?.inputs ?? [];
  const results = fnType?.results ?? [];
  const argAttrs = op.getAttr("arg_attrs");
  const resAttrs = op.getAttr("res_attrs");
  const body = op.regions[0];
  const entry = body?.blocks[0];
  const external = entry === undefined;
  p.print("(");
  inputs.forEach((t, i) => {
    if (i > 0) p.print(", ");
    if (!external) p.printBlockArgument(entry.arguments[i]!, true);
    else p.printType(t);
    const d = attrsAt(argAttrs, i);
    if (d) p.printOptionalAttrDict(d.entries);
  });
  p.print(")");
  if (results.length > 0) {
    p.print(" -> ");
    const anyAttrs = results.some((_, i) => attrsAt(resAttrs, i));
    if (results.length === 1 && !anyAttrs && results[0]!.kind !== "function") p.printType(results[0]!);
    else {
      p.print("(");
      results.forEach((t, i) => {
        if (i > 0) p.print(", ");
        p.printType(t);
        const d = attrsAt(resAttrs, i);
        if (d) p.printOptionalAttrDict(d.entries);
      });
      p.print(")");
    }
  }
  p.printOptionalAttrDictWithKeyword(p.allAttributes(op), [...elidedFunctionAttrs, ...extraElided]);
  if (!external) {
    p.print(" ");
    p.printRegion(body!, false, true);
  }
}
