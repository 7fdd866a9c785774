// Symbol tables: the symbols (`sym_name`) defined directly in an op with the SymbolTable trait,
// looked up by name (func.call resolving its callee, `@kernel` entry points).
import type { Operation } from "./operation.ts";
import { StringAttr, SymbolRefAttr } from "./attributes.ts";

export class SymbolTable {
  readonly op: Operation;
  private readonly symbols = new Map<string, Operation>();

  constructor(op: Operation) {
    this.op = op;
    for (const region of op.regions)
      for (const block of region.blocks)
        for (const child of block.ops()) {
          const name = symbolName(child);
          if (name !== undefined && !this.symbols.has(name)) this.symbols.set(name, child);
        }
  }

  lookup(name: string): Operation | undefined {
    return this.symbols.get(name);
  }

  get names(): string[] {
    return [...this.symbols.keys()];
  }
}

/** The symbol an op defines (`sym_name`), if any. */
export function symbolName(op: Operation): string | undefined {
  const a = op.getAttr("sym_name");
  return a instanceof StringAttr ? a.value : undefined;
}

/** The nearest enclosing op that is a symbol table (the module). */
export function nearestSymbolTable(op: Operation): Operation | null {
  for (let o: Operation | null = op.parentOp; o !== null; o = o.parentOp) if (o.hasTrait("SymbolTable")) return o;
  return null;
}

/** Resolves a `@name` reference from `from` through the nearest symbol table. */
export function lookupSymbol(from: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  const table = from.hasTrait("SymbolTable") ? from : nearestSymbolTable(from);
  if (table === null) return undefined;
  const name = typeof ref === "string" ? ref : ref.root;
  return new SymbolTable(table).lookup(name);
}
