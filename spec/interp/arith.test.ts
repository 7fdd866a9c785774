// The interpreter's arith and math semantics: wrap-around, division traps, float rounding, casts.
import { describe, expect, it } from "vitest";
import { mainBody, run } from "./run-helper.ts";

async function prints(body: string): Promise<string> {
  const r = await run(mainBody(body));
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return r.out;
}

describe("arith", () => {
  it("wraps integers at their width", async () => {
    const out = await prints(`
  %a = arith.constant 127 : i8
  %b = arith.constant 1 : i8
  %c = arith.addi %a, %b : i8
  vector.print %c : i8
  %x = arith.constant 2147483647 : i32
  %y = arith.muli %x, %x : i32
  vector.print %y : i32
  %m = arith.constant 9223372036854775807 : i64
  %one = arith.constant 1 : i64
  %n = arith.addi %m, %one : i64
  vector.print %n : i64`);
    expect(out).toBe("-128\n1\n-9223372036854775808\n");
  });

  it("divides signed and unsigned, with floor and ceil variants", async () => {
    const out = await prints(`
  %a = arith.constant -7 : i32
  %b = arith.constant 2 : i32
  %q = arith.divsi %a, %b : i32
  %r = arith.remsi %a, %b : i32
  %f = arith.floordivsi %a, %b : i32
  %c = arith.ceildivsi %a, %b : i32
  %u = arith.divui %a, %b : i32
  vector.print %q : i32
  vector.print %r : i32
  vector.print %f : i32
  vector.print %c : i32
  vector.print %u : i32`);
    expect(out).toBe("-3\n-1\n-4\n-3\n2147483644\n");
  });

  it("rounds f32 arithmetic and compares with NaN predicates", async () => {
    const out = await prints(`
  %a = arith.constant 16777216.0 : f32
  %b = arith.constant 1.0 : f32
  %c = arith.addf %a, %b : f32
  vector.print %c : f32
  %z = arith.constant 0.0 : f32
  %n = arith.divf %z, %z : f32
  %u = arith.cmpf uno, %n, %n : f32
  %o = arith.cmpf oeq, %n, %n : f32
  vector.print %u : i1
  vector.print %o : i1
  %m = arith.maximumf %n, %b : f32
  %mn = arith.maxnumf %n, %b : f32
  vector.print %m : f32
  vector.print %mn : f32`);
    expect(out).toBe("1.67772e+07\n1\n0\nnan\n1\n");
  });

  it("casts between integers, indices and floats", async () => {
    const out = await prints(`
  %a = arith.constant -1 : i8
  %b = arith.extui %a : i8 to i32
  %c = arith.extsi %a : i8 to i32
  %d = arith.sitofp %c : i32 to f32
  %e = arith.uitofp %a : i8 to f32
  %f = arith.constant 2.75 : f32
  %g = arith.fptosi %f : f32 to i32
  %i = arith.index_cast %c : i32 to index
  %t = arith.trunci %b : i32 to i8
  vector.print %b : i32
  vector.print %c : i32
  vector.print %d : f32
  vector.print %e : f32
  vector.print %g : i32
  vector.print %i : index
  vector.print %t : i8`);
    expect(out).toBe("255\n-1\n-1\n255\n2\n18446744073709551615\n-1\n");
  });

  it("rounds f16 and bf16 results", async () => {
    const out = await prints(`
  %a = arith.constant 1.0 : f16
  %b = arith.constant 0.0004 : f16
  %c = arith.addf %a, %b : f16
  %x = arith.extf %c : f16 to f32
  vector.print %x : f32
  %p = arith.constant 1.0 : bf16
  %q = arith.constant 0.003 : bf16
  %r = arith.addf %p, %q : bf16
  %y = arith.extf %r : bf16 to f32
  vector.print %y : f32`);
    expect(out).toBe("1\n1\n");
  });

  it("evaluates math functions", async () => {
    const out = await prints(`
  %a = arith.constant 1.0 : f32
  %e = math.exp %a : f32
  %s = math.sqrt %e : f32
  %t = math.tanh %a : f32
  %r = math.rsqrt %a : f32
  vector.print %e : f32
  vector.print %s : f32
  vector.print %t : f32
  vector.print %r : f32`);
    expect(out).toBe("2.71828\n1.64872\n0.761594\n1\n");
  });
});

describe("undefined behaviour", () => {
  it("reports integer division by zero at the op, with the call stack", async () => {
    const text = `func.func @div(%a: i32, %b: i32) -> i32 {
  %q = arith.divsi %a, %b : i32
  return %q : i32
}
func.func @main() {
  %a = arith.constant 1 : i32
  %z = arith.constant 0 : i32
  %q = call @div(%a, %z) : (i32, i32) -> i32
  return
}
`;
    const r = await run(text);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^in\.mlir:2:8: error: integer division by zero \[PRR6003\]/);
    expect(r.err).toMatch(/in\.mlir:8:8: note: in a call to '@div' from here/);
    expect(r.err).not.toMatch(/at .*\.ts:/);
  });

  it("reports signed division overflow", async () => {
    const r = await run(mainBody(`
  %a = arith.constant -2147483648 : i32
  %b = arith.constant -1 : i32
  %q = arith.divsi %a, %b : i32`));
    expect(r.code).toBe(1);
    expect(r.err).toContain("signed integer division overflow [PRR6003]");
  });

  it("reports calls to unknown functions", async () => {
    const r = await run(mainBody(`  call @nowhere() : () -> ()`, `func.func private @nowhere()`));
    expect(r.code).toBe(1);
    expect(r.err).toContain("call to unknown function '@nowhere'");
    expect(r.err).toContain("[PRR6005]");
  });
});
