// The builder (insertion points, defaulted attributes, type inference by callers), the walkers
// (pre- and post-order, skipping, stopping) and symbol tables (lookup through the nearest table).
import { describe, expect, it } from "vitest";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { printOperationText } from "../../grammar/mlir/asm-printer.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { Builder } from "../../engine/ir/builder.ts";
import { walkPostOrder, walkPreOrder, nestedOps } from "../../engine/ir/walk.ts";
import { SymbolTable, lookupSymbol, symbolName } from "../../engine/ir/symbol-table.ts";
import { verify } from "../../engine/ir/verifier.ts";

const text = `func.func @g(%x: i32) -> i32 {
  return %x : i32
}
func.func @f(%x: i32) -> i32 {
  %0 = func.call @g(%x) : (i32) -> i32
  %1 = arith.addi %0, %x : i32
  return %1 : i32
}
`;

function load() {
  const ctx = createContext({ allowUnregistered: false });
  return { ctx, module: parseSource(ctx, new SourceFile("t.mlir", text)).module };
}

describe("walkers", () => {
  it("visit parents before children (pre-order) and children before parents (post-order)", () => {
    const { module } = load();
    const pre: string[] = [];
    const post: string[] = [];
    walkPreOrder(module, (o) => void pre.push(o.name));
    walkPostOrder(module, (o) => void post.push(o.name));
    expect(pre).toEqual(["builtin.module", "func.func", "func.return", "func.func", "func.call", "arith.addi", "func.return"]);
    expect(post).toEqual(["func.return", "func.func", "func.call", "arith.addi", "func.return", "func.func", "builtin.module"]);
    expect(nestedOps(module).length).toBe(6);
  });
  it("skip an op's regions and stop early", () => {
    const { module } = load();
    const seen: string[] = [];
    walkPreOrder(module, (o) => {
      seen.push(o.name);
      return o.name === "func.func" ? "skip" : undefined;
    });
    expect(seen).toEqual(["builtin.module", "func.func", "func.func"]);
    let n = 0;
    expect(walkPreOrder(module, () => ++n < 3)).toBe(false);
    expect(n).toBe(3);
  });
});

describe("symbol tables", () => {
  it("look symbols up in the nearest table", () => {
    const { module } = load();
    const table = new SymbolTable(module);
    expect(table.names).toEqual(["g", "f"]);
    const call = nestedOps(module).find((o) => o.name === "func.call")!;
    const callee = lookupSymbol(call, "g");
    expect(callee && symbolName(callee)).toBe("g");
    expect(lookupSymbol(call, "nope")).toBeUndefined();
  });
});

describe("the builder", () => {
  it("inserts at its insertion point and fills defaulted attributes", () => {
    const { ctx, module } = load();
    const add = nestedOps(module).find((o) => o.name === "arith.addi")!;
    const b = new Builder(ctx);
    b.setInsertionPointBefore(add);
    const inserted: string[] = [];
    b.onInsert = (op) => void inserted.push(op.name);
    const mul = b.create("arith.muli", { operands: [add.operand(0), add.operand(1)], resultTypes: [ctx.i32()] });
    add.setOperands([mul.result(0), add.operand(1)]);
    expect(inserted).toEqual(["arith.muli"]);
    expect(mul.getAttr("overflowFlags")).toBeDefined();
    expect(verify(module)).toEqual([]);
    expect(printOperationText(module)).toMatch(/%1 = arith\.muli %0, %arg0 : i32\n\s*%2 = arith\.addi %1, %arg0 : i32/);
  });
});
