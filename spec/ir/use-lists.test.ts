// Use lists, uniquing and op-list surgery of the IR core.
import { describe, expect, it } from "vitest";
import { createContext } from "../../engine/dialects/index.ts";
import { Operation, Block } from "../../engine/ir/operation.ts";

describe("IR core", () => {
  const ctx = createContext({ allowUnregistered: true });
  const loc = ctx.unknownLoc();

  it("uniques types and attributes per context", () => {
    expect(ctx.integer(32)).toBe(ctx.i32());
    expect(ctx.tensor([2, -1], ctx.f32())).toBe(ctx.tensor([2, -1], ctx.f32()));
    expect(ctx.integerAttr(ctx.i32(), 7)).toBe(ctx.integerAttr(ctx.i32(), 7n));
    expect(ctx.integerAttr(ctx.i32(), 7)).not.toBe(ctx.integerAttr(ctx.i64(), 7));
    expect(ctx.dictionary([{ name: "b", value: ctx.unit() }, { name: "a", value: ctx.unit() }]).entries.map((e) => e.name)).toEqual(["a", "b"]);
    expect(createContext().i32()).not.toBe(ctx.i32());
  });

  it("keeps use lists exact through replaceAllUsesWith and erase", () => {
    const block = new Block();
    const a = block.addArgument(ctx.i32());
    const b = block.addArgument(ctx.i32());
    const ops: Operation[] = [];
    for (let i = 0; i < 5; i++) ops.push(block.append(Operation.create(ctx, { name: "t.use", operands: [a, a, b], loc })));
    expect(a.useCount).toBe(10);
    expect(b.useCount).toBe(5);
    a.replaceAllUsesWith(b);
    expect(a.useCount).toBe(0);
    expect(b.useCount).toBe(15);
    ops[2]!.erase();
    expect(b.useCount).toBe(12);
    expect(block.size).toBe(4);
    expect([...block.ops()]).toEqual([ops[0], ops[1], ops[3], ops[4]]);
    ops[4]!.moveBefore(ops[0]!);
    expect([...block.ops()]).toEqual([ops[4], ops[0], ops[1], ops[3]]);
  });

  it("refuses to erase an op whose results are used", () => {
    const block = new Block();
    const def = block.append(Operation.create(ctx, { name: "t.def", resultTypes: [ctx.i32()], loc }));
    block.append(Operation.create(ctx, { name: "t.use", operands: [def.result()], loc }));
    expect(() => def.erase()).toThrow(/still has uses/);
  });

  it("keeps use lists consistent through many alternating replacements", () => {
    // Speed is measured by `npm run bench`, not here; this checks the list links stay exact.
    const block = new Block();
    const x = block.addArgument(ctx.i32());
    const y = block.addArgument(ctx.i32());
    const ops = Array.from({ length: 8 }, () => block.append(Operation.create(ctx, { name: "t.use", operands: [x, y], loc })));
    for (let i = 0; i < 10_000; i++) ops[i % 8]!.operands[i % 2]!.set(i % 3 ? x : y);
    const listed = (v: typeof x) => {
      const seen: unknown[] = [];
      for (let u = v.firstUse; u !== null; u = u.nextUse) {
        expect(u.value).toBe(v);
        if (u.nextUse) expect(u.nextUse.prevUse).toBe(u);
        seen.push(u);
      }
      return seen.length;
    };
    const expectX = ops.reduce((n, o) => n + o.operands.filter((u) => u.value === x).length, 0);
    expect(listed(x)).toBe(expectX);
    expect(listed(y)).toBe(16 - expectX);
  });
});
