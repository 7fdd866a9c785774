// Float literal printing and parsing against mlir-opt-22: every kind, thousands of values per
// kind in one process, compared character for character, plus round trips and fast-vs-exact.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  bitsToFloat,
  floatKinds,
  floatToBits,
  floatWidth,
  formatFloat,
  formatFloatBits,
  parseFloatBits,
  parseFloatLiteral,
  roundToKind,
} from "../engine/ir/float-format.ts";
import type { FloatKind } from "../engine/ir/float-format.ts";
import { decodeBits, encodeExact } from "../engine/ir/float-semantics.ts";
import { llvmTool } from "./support/llvm.ts";

const mlirOpt = llvmTool("mlir-opt-22");
if (mlirOpt === undefined) console.log("float-format: mlir-opt-22 not found; oracle comparisons skipped");

// --- deterministic values ---------------------------------------------------------------------

let seed = 0x2545f491;
function rand32(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed;
}
function randBits(width: number): bigint {
  let v = 0n;
  for (let w = 0; w < width; w += 32) v = (v << 32n) | BigInt(rand32());
  return v & ((1n << BigInt(width)) - 1n);
}
/** A random f80/f128 pattern with a random significand and an exponent within ±1100. */
function moderate(width: number): bigint {
  const fraction = width === 80 ? 64n : 112n;
  const biased = BigInt(16383 + (rand32() % 2201) - 1100);
  const sign = BigInt(rand32() & 1) << BigInt(width - 1);
  return sign | (biased << fraction) | randBits(Number(fraction)) | (width === 80 ? 1n << 63n : 0n);
}
const hex = (bits: bigint): string => "0x" + bits.toString(16).toUpperCase();

/** Bit patterns to print: exhaustive up to 16 bits, else specials, neighbours and random ones. */
function bitPatterns(kind: FloatKind): bigint[] {
  const w = floatWidth(kind);
  const out: bigint[] = [];
  if (w <= 16) {
    for (let b = 0n; b < 1n << BigInt(w); b++) out.push(b);
    return out;
  }
  // mlir-opt needs milliseconds per f80/f128 value with a huge exponent: few of those, and
  // many with random significands near the double range.
  const count = w === 19 ? 12000 : w > 64 ? 600 : 25000;
  const special = [
    0,
    -0,
    1,
    -1,
    0.1,
    1 / 3,
    2 / 3,
    0.5,
    1.5,
    100,
    1e-5,
    9.99999974e-6,
    1e20,
    123456789.0,
    0.5e-300,
    1e-300,
    1e300,
    3.14159,
    Math.PI,
    Math.E,
    65504,
    16777215,
    16777217,
    1e7,
    1e8,
    1e16,
    1e17,
    1e22,
    1e23,
    2 ** 53 - 1,
    2 ** 53 + 2,
    5e-324,
    2.2250738585072014e-308,
    2.225073858507201e-308,
    Number.MAX_VALUE,
    3.4028234663852886e38,
    1.1754943508222875e-38,
    1.401298464324817e-45,
    0.001,
    0.3,
    1234567.0,
    7.0e-45,
    4.9e-324,
    Infinity,
    -Infinity,
    NaN,
  ];
  for (const x of special) {
    if (w <= 64) {
      const b = floatToBits(x, kind);
      out.push(b);
      if (b > 0n) out.push(b - 1n);
      out.push(b + 1n);
    } else out.push(floatToBits(x, kind));
  }
  // Every power of two and power of ten the kind can hold, and their neighbours.
  for (let e = -1100; e <= 1100; e += w <= 32 ? 1 : 3) {
    for (const x of [2 ** e, Number(`1e${Math.trunc(e / 3.3)}`)]) {
      const b = floatToBits(x, kind) & ((1n << BigInt(w - 1)) - 1n);
      out.push(b, b + 1n, b > 0n ? b - 1n : b);
    }
  }
  for (let i = 0; i < count; i++) out.push(randBits(w));
  if (w > 64) for (let i = 0; i < 6000; i++) out.push(moderate(w));
  // Random doubles (as f80/f128 values) and short decimals rounded into the kind.
  for (let i = 0; i < count / 4; i++) {
    const x = Number(`${rand32() % 100000}.${rand32() % 1000}e${(rand32() % 80) - 40}`);
    out.push(floatToBits(x, kind));
  }
  const mask = (1n << BigInt(w)) - 1n;
  return [...new Set(out.map((b) => b & mask))];
}

/** Decimal literals for the parser: short and long mantissas across the kind's range and beyond. */
function decimalLiterals(kind: FloatKind): string[] {
  const out = [
    "0.0",
    "-0.0",
    "1.0",
    "1.",
    "-2.0e-3",
    "0.1",
    "9.99999974E-6",
    "1.0e20",
    "123456789.0",
    "0.5e-300",
    "1.0e400",
    "-1.0e400",
    "1.0e-400",
    "3.14159",
    "65504.0",
    "65520.0",
    "448.0",
    "464.0",
    "465.0",
    "57344.0",
    "240.0",
    "30.0",
    "6.0",
    "7.0",
    "7.5",
    "28.0",
    "1.0E+2",
    "2.5e+00",
    "0.000001",
    "1000000.0",
  ];
  const maxExp = floatWidth(kind) <= 16 ? 12 : floatWidth(kind) <= 32 ? 45 : 320;
  for (let i = 0; i < 3000; i++) {
    const nd = 1 + (rand32() % 20);
    let mant = "";
    for (let d = 0; d < nd; d++) mant += String(rand32() % 10);
    const dot = 1 + (rand32() % nd);
    const e = (rand32() % (2 * maxExp + 1)) - maxExp;
    const sign = rand32() % 4 === 0 ? "-" : "";
    out.push(`${sign}${mant.slice(0, dot)}.${mant.slice(dot)}e${e}`);
  }
  return out;
}

// --- the oracle -------------------------------------------------------------------------------

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prr-float-format-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Print attributes `name = literal : kind` through mlir-opt; returns name → printed value. */
function oracle(kind: FloatKind, literals: string[], tag: string): Map<string, string> {
  const lines: string[] = [];
  for (let at = 0; at < literals.length; at += 1000) {
    const attrs = literals.slice(at, at + 1000).map((lit, i) => `${tag}${at + i} = ${lit} : ${kind}`);
    lines.push(`"test.op"() {${attrs.join(", ")}} : () -> ()`);
  }
  const file = path.join(work, `${kind}-${tag}.mlir`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  const run = spawnSync(mlirOpt!, ["--allow-unregistered-dialect", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`mlir-opt-22 failed on ${file}:\n${run.stderr.slice(0, 2000)}`);
  const printed = new Map<string, string>();
  for (const m of run.stdout.matchAll(/([a-z]+\d+) = ([^ ,}]+) : (\w+)/g)) {
    if (m[3] !== kind) throw new Error(`type ${m[3]} printed for ${kind}`);
    printed.set(m[1]!, m[2]!);
  }
  return printed;
}

/** The bits APFloat holds for a pattern once read (f80 rewrites unnormals and pseudo-denormals). */
const canonical = (bits: bigint, kind: FloatKind): bigint => encodeExact(decodeBits(bits, kind), kind);

// --- tests ------------------------------------------------------------------------------------

const summary: string[] = [];
afterAll(() => {
  if (summary.length > 0) console.log(summary.join("\n"));
});

describe.skipIf(mlirOpt === undefined)("float literals match mlir-opt-22", () => {
  for (const kind of floatKinds) {
    it(`prints and re-parses ${kind}`, () => {
      const wide = floatWidth(kind) > 64;
      const patterns = bitPatterns(kind);
      const printed = oracle(kind, patterns.map(hex), "a");
      const bad: string[] = [];
      let roundTrips = 0;
      patterns.forEach((bits, i) => {
        const want = printed.get(`a${i}`);
        const exact = formatFloatBits(bits, kind);
        if (exact !== want) bad.push(`${hex(bits)}: formatFloatBits ${exact}, mlir-opt ${want}`);
        const x = bitsToFloat(bits, kind);
        if (!wide || floatToBits(x, kind) === bits) {
          const fast = formatFloat(x, kind);
          if (fast !== want) bad.push(`${hex(bits)} (${x}): formatFloat ${fast}, mlir-opt ${want}`);
        }
        // Reading the printed text back gives the same bits (f80/f128 decimals go through a double
        // in MLIR's parser, so only double-representable values can come back).
        if (want === undefined || (wide && !want.startsWith("0x") && floatToBits(x, kind) !== bits)) return;
        roundTrips++;
        const back = parseFloatBits(want, kind);
        const expectBits = canonical(bits, kind);
        if (back !== expectBits) bad.push(`${hex(bits)}: parseFloatBits(${want}) = ${back === undefined ? back : hex(back)}`);
        if (!wide && x === x) {
          const n = parseFloatLiteral(want, kind);
          if (n === undefined || floatToBits(n, kind) !== expectBits) bad.push(`${hex(bits)}: parseFloatLiteral(${want}) = ${n}`);
        }
      });
      summary.push(`${kind}: ${patterns.length} bit patterns printed, ${roundTrips} re-parsed, ${bad.length} mismatches`);
      expect(bad.slice(0, 20)).toEqual([]);
    });

    it(`parses decimal literals as MLIR does for ${kind}`, () => {
      const literals = decimalLiterals(kind);
      const printed = oracle(kind, literals, "b");
      const bad: string[] = [];
      literals.forEach((lit, i) => {
        const want = printed.get(`b${i}`);
        // A JS NaN need not keep its sign, so NaN results only have to be NaN in MLIR too.
        const n = parseFloatLiteral(lit, kind);
        const viaNumber = n === undefined ? "undefined" : formatFloat(n, kind);
        const nanToo = n !== undefined && n !== n && want !== undefined && Number.isNaN(parseFloatLiteral(want, kind));
        if (viaNumber !== want && !nanToo) bad.push(`${lit}: formatFloat(parseFloatLiteral) ${viaNumber}, mlir-opt ${want}`);
        // f8E8M0FNU keeps a sign APFloat cannot encode, so negative values have no bit pattern.
        if (kind === "f8E8M0FNU" && lit.startsWith("-")) return;
        // ±Inf in f4/f6 has no pattern of its own (LLVM prints the bits of ±0).
        if (kind.startsWith("f4") || kind.startsWith("f6")) if (!Number.isFinite(Number(lit))) return;
        const bits = parseFloatBits(lit, kind);
        const viaBits = bits === undefined ? "undefined" : formatFloatBits(bits, kind);
        if (viaBits !== want) bad.push(`${lit}: formatFloatBits(parseFloatBits) ${viaBits}, mlir-opt ${want}`);
      });
      summary.push(`${kind}: ${literals.length} decimal literals parsed, ${bad.length} mismatches`);
      expect(bad.slice(0, 20)).toEqual([]);
    });
  }

  it("prints dense elements the same way", () => {
    const lines: string[] = [];
    const expected: string[][] = [];
    for (const kind of floatKinds) {
      for (let t = 0; t < 4; t++) {
        const n = 90 + t;
        const w = floatWidth(kind);
        const elems = Array.from({ length: n }, () => (w > 64 && t > 0 ? moderate(w) : randBits(w)));
        expected.push(elems.map((b) => formatFloatBits(b, kind)));
        lines.push(`"test.op"() {d = dense<[${elems.map(hex).join(", ")}]> : tensor<${n}x${kind}>} : () -> ()`);
      }
    }
    const file = path.join(work, "dense.mlir");
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const run = spawnSync(mlirOpt!, ["--allow-unregistered-dialect", file], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(run.status, run.stderr).toBe(0);
    const got = [...run.stdout.matchAll(/dense<\[([^\]]*)\]>/g)].map((m) => m[1]!.split(", "));
    expect(got.length).toBe(expected.length);
    let compared = 0;
    got.forEach((row, i) => {
      expect(row).toEqual(expected[i]);
      compared += row.length;
    });
    summary.push(`dense: ${compared} elements in ${got.length} tensors compared`);
  });
});

describe("float literal grammar and rounding", () => {
  it("accepts what MLIR's lexer accepts", () => {
    expect(parseFloatLiteral("1.5", "f32")).toBe(1.5);
    expect(parseFloatLiteral("1.", "f32")).toBe(1);
    expect(parseFloatLiteral("-2.0e-3", "f64")).toBe(-2e-3);
    expect(parseFloatLiteral("2.5", "f64", true)).toBe(-2.5);
    expect(parseFloatLiteral("1e5", "f32")).toBeUndefined();
    expect(parseFloatLiteral("1", "f32")).toBeUndefined();
    expect(parseFloatLiteral(".5", "f32")).toBeUndefined();
    expect(parseFloatLiteral("1.5e", "f32")).toBeUndefined();
    expect(parseFloatLiteral("-0x1", "f32")).toBeUndefined();
    expect(parseFloatLiteral("0x1FFFF", "f16")).toBeUndefined();
    expect(parseFloatBits("0x7FC00000", "f32")).toBe(0x7fc00000n);
    expect(parseFloatBits("0x0000000000007E00", "f16")).toBe(0x7e00n);
    expect(parseFloatBits("1.0e400", "f64")).toBe(0x7ff0000000000000n);
  });

  it("rounds with APFloat's special-value rules", () => {
    expect(roundToKind(464, "f8E4M3FN")).toBe(448);
    expect(roundToKind(465, "f8E4M3FN")).toBeNaN();
    expect(floatToBits(-1000, "f8E4M3FN")).toBe(0xffn);
    expect(roundToKind(100, "f4E2M1FN")).toBe(6);
    expect(Object.is(roundToKind(-0, "f8E4M3FNUZ"), 0)).toBe(true);
    expect(roundToKind(0, "f8E8M0FNU")).toBe(2 ** -127);
    expect(roundToKind(65520, "f16")).toBe(Infinity);
    expect(roundToKind(65519.99, "f16")).toBe(65504);
    expect(formatFloat(-1, "f8E8M0FNU")).toBe("-1.000000e+00");
  });

  it("keeps NaN payloads through bits", () => {
    for (const [kind, bits] of [
      ["f32", 0xffc00001n],
      ["f16", 0x7e01n],
      ["bf16", 0xffc1n],
      ["f64", 0x7ff0000000000001n],
    ] as const) {
      expect(floatToBits(bitsToFloat(bits, kind), kind)).toBe(bits);
      expect(formatFloatBits(bits, kind)).toBe(hex(bits));
    }
  });

  it("formatFloat agrees with the exact bigint path on random f32 and f64 values", () => {
    let compared = 0;
    const bad: string[] = [];
    for (const kind of ["f32", "f64", "bf16", "tf32"] as const) {
      for (let i = 0; i < 40000; i++) {
        const bits = randBits(floatWidth(kind));
        const x = bitsToFloat(bits, kind);
        const a = formatFloat(x, kind);
        const b = formatFloatBits(bits, kind);
        if (a !== b) bad.push(`${kind} ${hex(bits)}: ${a} vs ${b}`);
        compared++;
      }
    }
    summary.push(`fast vs exact: ${compared} random values, ${bad.length} mismatches`);
    expect(bad.slice(0, 20)).toEqual([]);
  });
});
