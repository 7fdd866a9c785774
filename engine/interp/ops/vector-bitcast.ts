// Semantics of vector.bitcast: each row of the innermost dimension is reinterpreted as the bits
// of the result's elements (element 0 in the low bits, as LLVM's little-endian bitcast lays them).
import { defineSemantics } from "../semantics.ts";
import { floatToBits, bitsToFloat, type FloatKind } from "../../ir/float-semantics.ts";
import type { ElementKind } from "../elements.ts";
import { contiguous, wrap, ShapedValue } from "../values.ts";
import { intOps } from "./int-ops.ts";
import { operandKind, resultKind, type Scalar } from "./elementwise.ts";
import { trap } from "../trap.ts";

/** An element's bits as an unsigned bigint, and back. */
interface BitCodec {
  toBits(x: Scalar): bigint;
  fromBits(b: bigint): Scalar;
}

function codec(k: ElementKind): BitCodec {
  const w = BigInt(k.width);
  if (k.isFloat) {
    const fk = k.name as FloatKind;
    return { toBits: (x) => floatToBits(x as number, fk), fromBits: (b) => bitsToFloat(b, fk) };
  }
  const ops = intOps(k);
  return { toBits: (x) => BigInt.asUintN(Number(w), BigInt(x)), fromBits: (b) => ops.from(b) };
}

defineSemantics({
  // bitcast(v : vector<..xNxA>) : vector<..xMxB> with N·|A| = M·|B|, row by row.
  "vector.bitcast": (op, c) => {
    const from = operandKind(op, 0);
    const to = resultKind(op);
    const src = codec(from);
    const dst = codec(to);
    const inW = BigInt(from.width);
    const outW = BigInt(to.width);
    const outMask = (1n << outW) - 1n;
    const [input] = c.operandSlots(op) as [number];
    const out = c.slot(op.result(0));
    return (regs) => {
      const v = regs[input];
      if (!(v instanceof ShapedValue)) return trap("PRR6001", "vector.bitcast: expected a vector");
      const x = contiguous(v, true);
      const rank = x.rank;
      const inner = rank === 0 ? 1 : x.shape[rank - 1]!;
      const rowBits = BigInt(inner) * inW;
      if (rowBits % outW !== 0n) trap("PRR6004", `vector.bitcast of ${inner} × ${from.name} into ${to.name} elements`);
      const outInner = Number(rowBits / outW);
      const shape = rank === 0 ? [] : [...x.shape.slice(0, -1), outInner];
      const rows = x.size / inner;
      const data = to.alloc(rows * outInner);
      const sd = x.data as unknown as Scalar[];
      const dd = data as unknown as Scalar[];
      for (let r = 0; r < rows; r++) {
        let bits = 0n;
        for (let i = inner - 1; i >= 0; i--) bits = (bits << inW) | src.toBits(sd[x.offset + r * inner + i]!);
        for (let j = 0; j < outInner; j++, bits >>= outW) dd[r * outInner + j] = dst.fromBits(bits & outMask);
      }
      regs[out] = wrap(to, data, shape);
    };
  },
});
