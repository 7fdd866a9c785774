// MLIR's declarative assembly format (ODS `assemblyFormat`), interpreted: a format string is read
// once into elements (assembly-format/reader.ts), their spacing is fixed statically as OpFormatGen
// does (spacing.ts), and the elements drive both the op's parser (parser.ts) and printer (printer.ts).
import type { OpDef } from "./registry.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import { attrNamesUsed, collectVars, type Element, type Orders } from "./assembly-format/elements.ts";
import { FormatReader } from "./assembly-format/reader.ts";
import { Spacer } from "./assembly-format/spacing.ts";
import { FormatParser } from "./assembly-format/parser.ts";
import { FormatPrinter } from "./assembly-format/printer.ts";

export { registerCustomDirective, type CustomArg, type CustomDirective } from "./assembly-format/elements.ts";

/** Compiles `def.format` into a custom parser and printer. Throws on a malformed format (a bug in a dialect). */
export function compileAssemblyFormat(def: OpDef): {
  parse: (p: OpAsmParser, s: ParsedOp) => void;
  print: (p: OpAsmPrinter, op: Operation) => void;
} {
  // Reading the format checks it now; the parser and printer are built on first use, since a
  // run meets only a few of the hundreds of registered ops (start-up time).
  const elements = new FormatReader(def.format ?? "", def).elements("");
  let engines: { parser: FormatParser; printer: FormatPrinter } | undefined;
  const build = () => (engines ??= buildEngines(def, elements));
  return { parse: (p, s) => build().parser.parse(p, s), print: (p, op) => build().printer.print(p, op) };
}

/** The parser and printer of a read format. */
function buildEngines(def: OpDef, elements: readonly Element[]): { parser: FormatParser; printer: FormatPrinter } {
  const regions: string[] = [];
  collectVars(elements, "region", regions);
  const successors: string[] = [];
  collectVars(elements, "successor", successors);
  const orders: Orders = { regions, successors };
  const layout = new Spacer().layout(elements);
  const hasPropDict = elements.some((e) => e.k === "prop-dict");
  const parser = new FormatParser(def, elements, orders);
  const printer = new FormatPrinter(def, layout, attrNamesUsed(elements, new Set()), hasPropDict, orders);
  return { parser, printer };
}
