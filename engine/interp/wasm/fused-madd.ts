// Whether WebAssembly's relaxed f32x4 multiply-add computes a true fused multiply-add here. It is
// the only SIMD instruction with fma's single rounding; relaxed SIMD may compute it unfused, so it
// is used only after a probe whose fused and unfused answers differ. Node 20's V8 has relaxed SIMD
// behind a flag: the probe sets it when the plain engine rejects the instruction.
import { setFlagsFromString } from "node:v8";
import { FunctionWriter, ValType, writeModule } from "./module-writer.ts";

/** f32x4.relaxed_madd's opcode (after the 0xfd prefix). */
export const relaxedMadd = 0x105;

let probed: boolean | undefined;

/** (a, b, c) -> lane 0 of relaxed_madd(splat a, splat b, splat c). */
function probeModule(): Uint8Array<ArrayBuffer> {
  const { f32 } = ValType;
  const f = new FunctionWriter([f32, f32, f32], [f32]);
  f.get(0).simd(0x13).get(1).simd(0x13).get(2).simd(0x13).simd(relaxedMadd).simd(0x1f).emit(0);
  return writeModule({ probe: f });
}

function run(bytes: Uint8Array<ArrayBuffer>): ((a: number, b: number, c: number) => number) | undefined {
  try {
    const memory = new WebAssembly.Memory({ initial: 1 });
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports.probe as (a: number, b: number, c: number) => number;
  } catch {
    return undefined;
  }
}

/** True when f32x4.relaxed_madd is available and fused (one rounding). */
export function fusedMaddAvailable(): boolean {
  if (probed !== undefined) return probed;
  const bytes = probeModule();
  if (!WebAssembly.validate(bytes)) {
    try {
      setFlagsFromString("--experimental-wasm-relaxed-simd");
    } catch {
      return (probed = false);
    }
  }
  const probe = WebAssembly.validate(bytes) ? run(bytes) : undefined;
  // (1 + 2^-12)^2 - (1 + 2^-11) is exactly 2^-24 fused; rounding the product first gives 0.
  const x = 1 + 2 ** -12;
  return (probed = probe !== undefined && probe(x, x, -(1 + 2 ** -11)) === 2 ** -24);
}
