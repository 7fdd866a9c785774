// Semantics of memref.view: a 1-D i8 buffer seen, from a byte shift, as a contiguous memref of
// another element type (a typed array over the same bytes, so stores through either are shared).
import { defineSemantics } from "../semantics.ts";
import type { MemRefType } from "../../ir/types.ts";
import { elementKind } from "../constants.ts";
import type { Storage } from "../elements.ts";
import { ShapedValue, product, rowMajorStrides } from "../values.ts";
import { shapedArg } from "./access.ts";
import { shapeWithDynamic } from "./index-lists.ts";
import { trap } from "../trap.ts";

type StorageConstructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Storage;

/** Kinds whose storage has LLVM's in-memory layout (f16, bf16 and index are held widened). */
const byteExact = /^(f32|f64|i\d+)$/;

defineSemantics({
  // view(src : memref<Bxi8>, shift, sizes) : memref<sizes x T> over bytes [shift, shift + |T|·Π sizes)
  "memref.view": (op, c) => {
    const [src, shift, ...sizes] = c.operandSlots(op) as [number, number, ...number[]];
    const t = op.result(0).type as MemRefType;
    const k = elementKind(t);
    if (!byteExact.test(k.name)) return trap("PRR6006", `memref.view as ${k.name} elements (held widened by the interpreter)`);
    const make = k.alloc(0).constructor as StorageConstructor;
    const bytesPer = k.alloc(1).byteLength;
    const out = c.slot(op.result(0));
    return (regs) => {
      const m = shapedArg(regs[src], "memref.view");
      const shape = shapeWithDynamic(t.shape, sizes.map((s) => regs[s] as number));
      const byteShift = regs[shift] as number;
      const bytes = product(shape) * bytesPer;
      if (shape.some((d) => d < 0)) trap("PRR6004", `memref.view with negative size [${shape.join("x")}]`);
      if (byteShift < 0 || byteShift + bytes > m.size)
        trap("PRR6002", `memref.view of bytes [${byteShift}, ${byteShift + bytes}) outside a buffer of ${m.size} bytes`);
      const at = m.data.byteOffset + m.offset + byteShift;
      if (at % bytesPer !== 0) trap("PRR6001", `memref.view at byte ${byteShift} is misaligned for ${k.name} elements`);
      const data = new make(m.data.buffer, at, bytes / bytesPer);
      regs[out] = new ShapedValue(k, data, shape, rowMajorStrides(shape), 0, m.allocation);
    };
  },
});
