// The printer: generic and custom op forms, regions and blocks with MLIR's layout, aliases
// (`#map`, `#set`, `#loc`) emitted in a prologue/epilogue, and the API custom printers use.
import * as A from "../../engine/ir/attributes.ts";
import type { Type } from "../../engine/ir/types.ts";
import type { Operation } from "../../engine/ir/operation.ts";
import type { Block, Region } from "../../engine/ir/block.ts";
import type { Value, BlockArgument } from "../../engine/ir/value.ts";
import { NameState } from "./names.ts";
import {
  type AliasHook,
  escapeString,
  printAttribute as printAttr,
  printDictionary,
  printKeywordOrString,
  printLocationBody,
  printNamedAttribute,
  printSymbolName,
  printType as printTy,
  printFloatOf,
} from "./print-attribute.ts";
import { printExpr, type AffineMap } from "../../engine/ir/affine.ts";

export interface PrintOptions {
  /** Always print the generic op form (`--mlir-print-op-generic`). */
  generic?: boolean;
  /** Print locations (`--mlir-print-debuginfo`). */
  debugInfo?: boolean;
  /** Resources to print in the `{-# ... #-}` section. */
  resources?: Map<string, Map<string, string>>;
}

export class OpAsmPrinter {
  private out = new TextWriter();
  private indent = 0;
  private readonly names: NameState;
  private readonly attrAliases = new Map<A.Attribute, string>();
  private readonly locAliases = new Map<A.Location, string>();
  private readonly aliasCounts = new Map<string, number>();
  private readonly defaultDialects: string[] = ["builtin"];
  readonly alias: AliasHook;

  readonly options: PrintOptions;
  constructor(root: Operation, options: PrintOptions = {}) {
    this.options = options;
    this.names = new NameState(root, options.generic === true);
    this.alias = (a) => this.aliasFor(a);
  }

  // ----- aliases -----

  /** Resource handles referenced by `dense_resource` attributes: only those are printed. */
  private readonly usedResources = new Set<string>();

  private aliasFor(a: A.Attribute): string | undefined {
    if (a.kind === "dense-resource") this.usedResources.add((a as A.DenseResourceAttr).handle);
    if (a.kind !== "affine-map" && a.kind !== "integer-set") return undefined;
    let name = this.attrAliases.get(a);
    if (name === undefined) {
      const base = a.kind === "affine-map" ? "map" : "set";
      const n = this.aliasCounts.get(base) ?? 0;
      this.aliasCounts.set(base, n + 1);
      name = `#${base}${n === 0 ? "" : n}`;
      this.attrAliases.set(a, name);
    }
    return name;
  }

  private locAlias(l: A.Location): string {
    let name = this.locAliases.get(l);
    if (name === undefined) {
      const n = this.locAliases.size;
      name = `#loc${n === 0 ? "" : n}`;
      this.locAliases.set(l, name);
    }
    return name;
  }

  // ----- raw output -----

  print(text: string): void {
    this.out.write(text);
  }
  newline(): void {
    this.out.write(indentation(this.indent));
  }

  // ----- values, types, attributes -----

  printOperand(v: Value): void {
    const n = this.names.plainNumber(v);
    if (n < 0) this.out.write(this.names.use(v));
    else this.out.writeValueNumber(n);
  }
  operandName(v: Value): string {
    return this.names.use(v);
  }
  printOperands(vs: readonly Value[]): void {
    for (let i = 0; i < vs.length; i++) {
      if (i > 0) this.out.write(", ");
      this.printOperand(vs[i]!);
    }
  }
  printType(t: Type): void {
    this.out.write(printTy(t, this.alias));
  }
  typeText(t: Type): string {
    return printTy(t, this.alias);
  }
  printTypes(ts: readonly Type[]): void {
    for (let i = 0; i < ts.length; i++) {
      if (i > 0) this.out.write(", ");
      this.out.write(printTy(ts[i]!, this.alias));
    }
  }
  /** `t` or `(t1, t2)` for result lists after `->`. */
  printArrowTypeList(ts: readonly Type[]): void {
    if (ts.length === 1 && ts[0]!.kind !== "function") this.printType(ts[0]!);
    else this.out.write(`(${ts.map((t) => printTy(t, this.alias)).join(", ")})`);
  }
  /** `(ins) -> outs` */
  printFunctionalType(ins: readonly Type[], outs: readonly Type[]): void {
    this.out.write(`(${ins.map((t) => printTy(t, this.alias)).join(", ")}) -> `);
    this.printArrowTypeList(outs);
  }
  printAttribute(a: A.Attribute): void {
    this.out.write(printAttr(a, this.alias));
  }
  attributeText(a: A.Attribute, elideType = false): string {
    return printAttr(a, this.alias, elideType);
  }
  /** Integer or float attribute without its `: type`. */
  printAttributeWithoutType(a: A.Attribute): void {
    this.out.write(printAttr(a, this.alias, true));
  }
  printFloat(value: number, type: Type): void {
    this.out.write(printFloatOf(value, type));
  }
  printString(s: string): void {
    this.out.write(escapeString(s));
  }
  printKeywordOrString(s: string): void {
    this.out.write(printKeywordOrString(s));
  }
  printSymbolName(s: string): void {
    this.out.write(printSymbolName(s));
  }
  /** ` {a = 1, b}` for the op's attributes (properties and discardable), minus `elided`. */
  printOptionalAttrDict(entries: readonly A.NamedAttribute[], elided: readonly string[] = []): void {
    const shown = elided.length === 0 ? entries : entries.filter((e) => !elided.includes(e.name));
    if (shown.length === 0) return;
    this.out.write(" " + printDictionary(shown, this.alias));
  }
  printOptionalAttrDictWithKeyword(entries: readonly A.NamedAttribute[], elided: readonly string[] = []): void {
    const shown = entries.filter((e) => !elided.includes(e.name));
    if (shown.length === 0) return;
    this.out.write(" attributes " + printDictionary(shown, this.alias));
  }
  printNamedAttribute(e: A.NamedAttribute): void {
    this.out.write(printNamedAttribute(e, this.alias));
  }
  /** All attributes of an op, properties first then discardable, sorted by name as MLIR merges them. */
  allAttributes(op: Operation): A.NamedAttribute[] {
    if (op.props.entries.length === 0) return op.attrs.entries as A.NamedAttribute[];
    if (op.attrs.entries.length === 0) return op.props.entries as A.NamedAttribute[];
    return [...op.props.entries, ...op.attrs.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ----- affine forms with SSA operands -----

  /** Prints `map` applied to `operands` (dims then symbols) as `%a + 1, symbol(%n)`. */
  affineMapOfSSAIdsText(map: AffineMap, operands: readonly Value[]): string {
    const names = (kind: "dim" | "symbol", pos: number) =>
      kind === "dim" ? this.names.use(operands[pos]!) : `symbol(${this.names.use(operands[map.numDims + pos]!)})`;
    return map.results.map((r) => printExpr(r, names)).join(", ");
  }

  // ----- regions and blocks -----

  printRegion(region: Region, printEntryBlockArgs = true, printBlockTerminators = true, printEmptyBlock = false): void {
    this.out.write("{");
    const parent = region.parent;
    this.defaultDialects.push(parent?.def?.defaultDialect ?? "");
    if (region.blocks.length > 0) {
      const entry = region.blocks[0]!;
      const header = (printEmptyBlock && entry.first === null) || (printEntryBlockArgs && entry.arguments.length > 0);
      this.printBlock(entry, header, printBlockTerminators);
      for (let i = 1; i < region.blocks.length; i++) this.printBlock(region.blocks[i]!, true, true);
    }
    this.defaultDialects.pop();
    this.out.write(indentation(this.indent) + "}");
  }

  printBlockArgument(arg: BlockArgument, withType = true): void {
    this.out.write(this.names.use(arg));
    if (withType) this.out.write(": " + printTy(arg.type, this.alias));
    this.printTrailingLocation(arg.loc);
  }

  printSuccessor(b: Block): void {
    this.out.write(`^${this.names.blockName(b)}`);
  }

  /** `^bb1(%a, %b : i32, f32)` */
  printSuccessorAndUseList(b: Block, operands: readonly Value[]): void {
    this.printSuccessor(b);
    if (operands.length === 0) return;
    this.out.write("(");
    this.printOperands(operands);
    this.out.write(" : ");
    this.printTypes(operands.map((v) => v.type));
    this.out.write(")");
  }

  private printBlock(block: Block, header: boolean, printTerminator: boolean): void {
    if (header) {
      this.out.write(indentation(this.indent));
      this.out.write(`^${this.names.blockName(block)}`);
      if (block.arguments.length > 0) {
        this.out.write("(");
        block.arguments.forEach((a, i) => {
          if (i > 0) this.out.write(", ");
          this.printBlockArgument(a);
        });
        this.out.write(")");
      }
      this.out.write(":");
      this.printPredecessors(block);
    }
    this.indent++;
    const last = block.last;
    const skipLast = !printTerminator && last !== null && last.hasTrait("Terminator");
    for (let op = block.first; op !== null; op = op.next) {
      if (skipLast && op === last) break;
      this.out.write(indentation(this.indent));
      this.printOperation(op);
    }
    this.indent--;
  }

  private printPredecessors(block: Block): void {
    const region = block.parent;
    if (!region) return;
    const preds: Block[] = [];
    for (const b of region.blocks) for (const s of b.successors) if (s === block) preds.push(b);
    if (preds.length === 0) {
      if (region.blocks[0] !== block) this.out.write("  // no predecessors");
      return;
    }
    if (preds.length === 1) {
      this.out.write(`  // pred: ^${this.names.blockName(preds[0]!)}`);
      return;
    }
    const order = (b: Block) => region.blocks.indexOf(b);
    preds.sort((a, b) => order(a) - order(b));
    this.out.write(`  // ${preds.length} preds: ${preds.map((p) => `^${this.names.blockName(p)}`).join(", ")}`);
  }

  // ----- operations -----

  /** The op name with the enclosing default dialect's prefix elided, as MLIR's printOpName. */
  opName(op: Operation): string {
    const d = this.defaultDialects[this.defaultDialects.length - 1]!;
    const name = op.name;
    if (d !== "" && name.startsWith(d) && name.charCodeAt(d.length) === 46 && name.indexOf(".", d.length + 1) < 0)
      return name.slice(d.length + 1);
    return name;
  }

  printOperation(op: Operation): void {
    const n = op.results.length;
    if (n > 0) {
      // Only ops with several results can have result groups.
      const groups = n > 1 ? this.names.resultGroups.get(op) : undefined;
      const plain = n === 1 ? this.names.plainNumber(op.results[0]!) : -1;
      if (plain >= 0) {
        this.out.writeValueNumber(plain);
        this.out.write(" = ");
      } else if (groups) {
        const parts: string[] = [];
        for (let i = 0; i < groups.length; i++) {
          const start = groups[i]!;
          const end = groups[i + 1] ?? n;
          const nm = `%${this.names.name(op.results[start]!)}`;
          parts.push(end - start > 1 ? `${nm}:${end - start}` : nm);
        }
        this.out.write(parts.join(", ") + " = ");
      } else {
        this.out.write("%" + this.names.name(op.results[0]!));
        if (n > 1) this.out.write(`:${n}`);
        this.out.write(" = ");
      }
    }
    if (!this.options.generic && op.def?.print) {
      this.out.write(this.opName(op));
      op.def.print(this, op);
    } else this.printGeneric(op);
    // Locations are made on demand: only read them when they are printed.
    if (this.options.debugInfo) this.printTrailingLocation(op.loc);
  }

  printGeneric(op: Operation): void {
    this.out.write(escapeString(op.name) + "(");
    this.printOperands(op.operandValues);
    this.out.write(")");
    if (op.successors.length > 0) {
      this.out.write("[");
      op.successors.forEach((b, i) => {
        if (i > 0) this.out.write(", ");
        this.printSuccessor(b);
      });
      this.out.write("]");
    }
    if (op.props.entries.length > 0) this.out.write(" <" + printDictionary(op.props.entries, this.alias) + ">");
    if (op.regions.length > 0) {
      this.out.write(" (");
      op.regions.forEach((r, i) => {
        if (i > 0) this.out.write(", ");
        this.printRegion(r, true, true, true);
      });
      this.out.write(")");
    }
    if (op.attrs.entries.length > 0) this.out.write(" " + printDictionary(op.attrs.entries, this.alias));
    this.out.write(" : ");
    this.printFunctionalType(op.operandTypes, op.resultTypes);
  }

  printTrailingLocation(loc: A.Location | undefined): void {
    if (!this.options.debugInfo || loc === undefined) return;
    this.out.write(` loc(${this.locAlias(loc)})`);
  }

  // ----- the whole output -----

  /** The builtin dialect's resources that the printed IR refers to; other dialects' are kept whole. */
  private referencedResources(): Map<string, Map<string, string>> {
    const out = new Map<string, Map<string, string>>();
    for (const [dialect, entries] of this.options.resources ?? []) {
      if (dialect !== "builtin") {
        if (entries.size > 0) out.set(dialect, entries);
        continue;
      }
      const kept = new Map([...entries].filter(([k]) => this.usedResources.has(k)));
      if (kept.size > 0) out.set(dialect, kept);
    }
    return out;
  }

  /** Prints the top-level op with alias definitions before and location aliases after. */
  printTop(op: Operation): string {
    // The top-level op's location is visited first, so it gets the first `#loc` alias.
    if (this.options.debugInfo) this.locAlias(op.loc);
    this.printOperation(op);
    const body = this.out.toString();
    this.out = new TextWriter();
    let prologue = "";
    // MLIR groups aliases by name (all `#map`s, then all `#set`s), numbered in order of first use.
    const aliases = [...this.attrAliases].sort((x, y) => aliasGroup(x[1]).localeCompare(aliasGroup(y[1])));
    for (const [a, name] of aliases) prologue += `${name} = ${printAttr(a)}\n`;
    let epilogue = "";
    const resources = this.referencedResources();
    if (resources.size > 0) epilogue += printResources(resources);
    if (this.locAliases.size > 0) {
      // Location aliases may refer to other locations; print each one's body without aliasing.
      for (const [l, name] of this.locAliases) epilogue += `${name} = loc(${printLocationBody(l)})\n`;
    }
    return `${prologue}${body}\n${epilogue}\n`;
  }
}

/** Accumulates output as UTF-8 bytes: no string ropes for the garbage collector to chase. */
class TextWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  write(s: string): void {
    const n = s.length;
    if (this.pos + 3 * n > this.buf.length) this.grow(3 * n);
    if (n <= 24) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 128) {
          this.pos = pos + buf.write(s.slice(i), pos, "utf8");
          return;
        }
        buf[pos++] = c;
      }
      this.pos = pos;
      return;
    }
    this.pos += this.buf.write(s, this.pos, "utf8");
  }
  private grow(extra: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  /** `%` and a value's number, written as digits without making a string. */
  writeValueNumber(n: number): void {
    if (this.pos + 24 > this.buf.length) this.grow(24);
    const buf = this.buf;
    buf[this.pos++] = 37; // %
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.pos + digits;
    this.pos = at;
    do {
      buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }
  toString(): string {
    return this.buf.toString("utf8", 0, this.pos);
  }
}

const indents: string[] = [];
/** `\n` and two spaces per level, cached. */
function indentation(level: number): string {
  return (indents[level] ??= "\n" + "  ".repeat(level));
}

function aliasGroup(name: string): string {
  return name.replace(/\d+$/, "");
}

function printResources(res: Map<string, Map<string, string>>): string {
  const dialect = [...res].filter(([d]) => !d.startsWith("external:"));
  const external = [...res].filter(([d]) => d.startsWith("external:"));
  const section = (name: string, list: [string, Map<string, string>][]) => {
    const lines = [`  ${name}: {`];
    list.forEach(([d, entries], i) => {
      lines.push(`    ${d.replace(/^external:/, "")}: {`);
      const es = [...entries];
      es.forEach(([k, v], j) => lines.push(`      ${printKeywordOrString(k)}: ${v}${j < es.length - 1 ? "," : ""}`));
      lines.push(`    }${i < list.length - 1 ? "," : ""}`);
    });
    lines.push("  }");
    return lines.join("\n");
  };
  const parts: string[] = [];
  if (dialect.length > 0) parts.push(section("dialect_resources", dialect));
  if (external.length > 0) parts.push(section("external_resources", external));
  return `\n{-#\n${parts.join(",\n")}\n#-}\n`;
}

/** Prints an operation (usually the module) as MLIR text. */
export function printOperationText(op: Operation, options: PrintOptions = {}): string {
  return new OpAsmPrinter(op, options).printTop(op);
}
