// The interpreter's memref, affine, scf, cf and vector semantics, and its memory-safety diagnostics.
import { describe, expect, it } from "vitest";
import { mainBody, run } from "./run-helper.ts";

const printF32 = `func.func private @printMemrefF32(memref<*xf32>)`;

describe("memref, affine and scf", () => {
  it("stores through affine loops and prints with printMemrefF32's layout", async () => {
    const r = await run(
      mainBody(
        `
  %m = memref.alloc() : memref<2x3xf32>
  affine.for %i = 0 to 2 {
    affine.for %j = 0 to 3 {
      %ii = arith.index_cast %i : index to i32
      %jj = arith.index_cast %j : index to i32
      %s = arith.muli %ii, %jj : i32
      %f = arith.sitofp %s : i32 to f32
      affine.store %f, %m[%i, %j] : memref<2x3xf32>
    }
  }
  %u = memref.cast %m : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %m : memref<2x3xf32>`,
        printF32,
      ),
    );
    expect(r.err).toBe("");
    expect(r.out.replace(/0x[0-9a-f]+/, "ADDR")).toBe(
      "Unranked Memref base@ = ADDR rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = \n[[0,   0,   0], \n [0,   1,   2]]\n",
    );
  });

  it("carries scf.for iteration arguments and takes scf.if branches", async () => {
    const r = await run(
      mainBody(`
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %zero = arith.constant 0 : i32
  %sum = scf.for %i = %c0 to %c10 step %c1 iter_args(%acc = %zero) -> (i32) {
    %v = arith.index_cast %i : index to i32
    %odd = arith.trunci %v : i32 to i1
    %next = scf.if %odd -> (i32) {
      %a = arith.addi %acc, %v : i32
      scf.yield %a : i32
    } else {
      scf.yield %acc : i32
    }
    scf.yield %next : i32
  }
  vector.print %sum : i32`),
    );
    expect(r.out).toBe("25\n");
  });

  it("follows cf branches with block arguments", async () => {
    const text = `func.func @main() {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c5 = arith.constant 5 : i32
  cf.br ^loop(%c0 : i32)
^loop(%i: i32):
  %done = arith.cmpi sge, %i, %c5 : i32
  cf.cond_br %done, ^exit, ^body
^body:
  vector.print %i : i32
  %n = arith.addi %i, %c1 : i32
  cf.br ^loop(%n : i32)
^exit:
  return
}
`;
    const r = await run(text);
    expect(r.out).toBe("0\n1\n2\n3\n4\n");
  });

  it("reports an out-of-bounds load at the op", async () => {
    const r = await run(
      mainBody(`
  %m = memref.alloc() : memref<4xf32>
  %c4 = arith.constant 4 : index
  %v = memref.load %m[%c4] : memref<4xf32>`),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in\.mlir:6:8: error: out-of-bounds memref\.load: index \[4\] into shape \[4\]/);
    expect(r.err).toContain("[PRR6002]");
  });

  it("reports use after free and double free", async () => {
    const use = await run(
      mainBody(`
  %m = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0] : memref<4xf32>`),
    );
    expect(use.code).toBe(1);
    expect(use.err).toContain("[PRR6008]");
    const twice = await run(
      mainBody(`
  %m = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  memref.dealloc %m : memref<4xf32>`),
    );
    expect(twice.err).toContain("double free");
  });
});

describe("vector", () => {
  it("loads, broadcasts, fmas and prints vectors", async () => {
    const r = await run(
      mainBody(`
  %m = memref.alloc() : memref<8xf32>
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.5 : f32
  linalg.fill ins(%one : f32) outs(%m : memref<8xf32>)
  %v = vector.load %m[%c0] : memref<8xf32>, vector<4xf32>
  %b = vector.broadcast %one : f32 to vector<4xf32>
  %f = vector.fma %v, %b, %b : vector<4xf32>
  vector.print %f : vector<4xf32>
  %c3 = arith.constant 3 : index
  %mask = vector.create_mask %c3 : vector<4xi1>
  vector.print %mask : vector<4xi1>
  %pass = arith.constant dense<-1.0> : vector<4xf32>
  %c5 = arith.constant 5 : index
  %ml = vector.maskedload %m[%c5], %mask, %pass : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.print %ml : vector<4xf32>`),
    );
    expect(r.err).toBe("");
    expect(r.out).toBe("( 3.75, 3.75, 3.75, 3.75 )\n( 1, 1, 1, 0 )\n( 1.5, 1.5, 1.5, -1 )\n");
  });
});
