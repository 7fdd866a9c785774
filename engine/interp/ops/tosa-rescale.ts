// Semantics of TOSA 1.0's rescale: (in - in_zp) scaled by multiplier / 2^shift (apply_scale_32 or,
// without scale32, apply_scale_16; per channel along the last axis), plus out_zp, clamped to the
// output range; input_unsigned / output_unsigned read and write the integers as unsigned.
import type { Operation } from "../../ir/operation.ts";
import { defineSemantics } from "../semantics.ts";
import { allocate, contiguous, type RuntimeValue, type ShapedValue } from "../values.ts";
import { shapedArg } from "./access.ts";
import { BoolAttrLike, enumCase } from "./attr-helpers.ts";
import { operandKind, resultKind, type Scalar } from "./elementwise.ts";
import { applyScale16, applyScale32 } from "./tosa-scale.ts";
import { trap } from "../trap.ts";

type Elements = { [i: number]: Scalar };

function flag(op: Operation, name: string): boolean {
  const a = op.getAttr(name);
  return a !== undefined && BoolAttrLike(a);
}

/** The integer elements of a small operand (multipliers, shifts, zero points) as numbers. */
function numbers(regs: RuntimeValue[], slot: number, what: string): number[] {
  const v = contiguous(shapedArg(regs[slot], what), true);
  return Array.from({ length: v.size }, (_, i) => Number(v.data[v.offset + i]!));
}

/** An integer of `width` bits read as unsigned (zero_extend). */
const zeroExtend = (x: number | bigint, width: number): number | bigint =>
  typeof x === "bigint" ? BigInt.asUintN(width, x) : x < 0 ? x + 2 ** width : x;

defineSemantics({
  // out[i] = clamp(apply_scale(in[i] - in_zp, multiplier[c], shift[c]) + out_zp), c = i's last index or 0
  "tosa.rescale": (op, c) => {
    const [src, mulS, shiftS, inZpS, outZpS] = c.operandSlots(op) as [number, number, number, number, number];
    const outSlot = c.slot(op.result(0));
    const ink = operandKind(op, 0);
    const k = resultKind(op);
    const scale32 = flag(op, "scale32");
    const perChannel = flag(op, "per_channel");
    const inUnsigned = flag(op, "input_unsigned");
    const outUnsigned = flag(op, "output_unsigned");
    const doubleRound = enumCase(op.getAttr("rounding_mode")).toUpperCase() === "DOUBLE_ROUND";
    const w = k.width;
    const outMin = outUnsigned ? 0 : -(2 ** (w - 1));
    const outMax = outUnsigned ? 2 ** w - 1 : 2 ** (w - 1) - 1;
    if (ink.isFloat || k.isFloat) return trap("PRR6006", `tosa.rescale from ${ink.name} to ${k.name}`);
    if (scale32 && ink.isBig) return trap("PRR6001", `tosa.rescale of ${ink.name} with scale32 (TOSA: ERROR_IF)`);
    return (regs) => {
      const x = contiguous(shapedArg(regs[src], "tosa.rescale"), true);
      const multipliers = numbers(regs, mulS, "tosa.rescale multiplier");
      const shifts = numbers(regs, shiftS, "tosa.rescale shift");
      const rawInZp = numbers(regs, inZpS, "tosa.rescale input_zp")[0] ?? 0;
      const rawOutZp = numbers(regs, outZpS, "tosa.rescale output_zp")[0] ?? 0;
      const inZp = Number(inUnsigned ? zeroExtend(rawInZp, ink.width) : rawInZp);
      const outZp = Number(outUnsigned ? zeroExtend(rawOutZp, w) : rawOutZp);
      const channels = perChannel ? (x.shape[x.rank - 1] ?? 1) : 1;
      if (multipliers.length < channels || shifts.length < channels)
        trap("PRR6004", `tosa.rescale with ${multipliers.length} multipliers and ${shifts.length} shifts for ${channels} channels`);
      const out: ShapedValue = allocate(k, x.shape);
      const sd = x.data as unknown as Elements;
      const dd = out.data as unknown as Elements;
      const n = x.size;
      for (let i = 0; i < n; i++) {
        const raw = sd[x.offset + i]!;
        const ch = perChannel ? i % channels : 0;
        const m = multipliers[ch]!;
        const s = shifts[ch]!;
        const value = inUnsigned ? zeroExtend(raw, ink.width) : raw;
        let r: number;
        if (typeof value === "bigint") r = applyScale16(value - BigInt(inZp), m, s);
        else r = scale32 ? applyScale32(value - inZp, m, s, doubleRound) : applyScale16(value - inZp, m, s);
        r += outZp;
        if (r < -(2 ** 31) || r >= 2 ** 31) trap("PRR6001", `tosa.rescale: ${r - outZp} + output_zp ${outZp} overflows 32 bits`);
        const v = r < outMin ? outMin : r > outMax ? outMax : r;
        dd[i] = k.isBig ? BigInt.asIntN(w, BigInt(v)) : k.norm(v);
      }
      regs[outSlot] = out;
    };
  },
});
