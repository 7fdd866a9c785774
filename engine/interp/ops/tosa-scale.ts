// TOSA 1.0's fixed-point scaling (apply_scale_32, apply_scale_16, reciprocal_scale) shared by
// rescale and integer avg_pool2d: exact 64-bit products, a REQUIRE failure is a PRR6001 trap.
import { trap } from "../trap.ts";

const two30 = 2 ** 30;

/** Rounds `value · multiplier / 2^shift` half up (double_round: also by 2^30 first when shift > 31). */
export function applyScale32(value: number, multiplier: number, shift: number, doubleRound: boolean): number {
  if (multiplier < 0 || shift < 2 || shift > 62) trap("PRR6001", `apply_scale_32 with multiplier ${multiplier} and shift ${shift} (TOSA requires multiplier >= 0, 2 <= shift <= 62)`);
  const half = 2 ** (shift - 1);
  if (!(value >= -half && value < half)) trap("PRR6001", `apply_scale_32 of ${value} with shift ${shift}: the value is outside [-2^${shift - 1}, 2^${shift - 1})`);
  let round = half;
  if (doubleRound && shift > 31) round += value >= 0 ? two30 : -two30;
  return scaled(value, multiplier, round, shift);
}

/** Rounds `value · multiplier / 2^shift` half up, for 48-bit values and 16-bit multipliers. */
export function applyScale16(value: number | bigint, multiplier: number, shift: number): number {
  if (multiplier < 0 || shift < 2 || shift > 62) trap("PRR6001", `apply_scale_16 with multiplier ${multiplier} and shift ${shift} (TOSA requires multiplier >= 0, 2 <= shift <= 62)`);
  const r = scaled(value, multiplier, 2 ** (shift - 1), shift);
  if (!(r >= -(2 ** 31) && r < 2 ** 31)) trap("PRR6001", `apply_scale_16 result ${r} does not fit in 32 bits`);
  return r;
}

/** floor((value · multiplier + round) / 2^shift), exactly (doubles while they are exact, else bigint). */
function scaled(value: number | bigint, multiplier: number, round: number, shift: number): number {
  if (typeof value === "number") {
    const p = value * multiplier;
    if (Math.abs(p) + Math.abs(round) < 2 ** 53) return Math.floor((p + round) / 2 ** shift);
  }
  return Number((BigInt(value) * BigInt(multiplier) + BigInt(round)) >> BigInt(shift));
}

/** reciprocal_scale(count): multiplier and shift with multiplier / 2^shift ≈ 1 / count. */
export function reciprocalScale(count: number): { multiplier: number; shift: number } {
  const k = 32 - Math.clz32(count - 1);
  const numerator = (2 ** 30 + 1) * 2 ** k;
  return { multiplier: Math.floor(numerator / count), shift: 30 + k };
}
