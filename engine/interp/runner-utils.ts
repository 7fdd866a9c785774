// LLVM 22's MLIR runner utilities (libmlir_runner_utils, libmlir_c_runner_utils) as the
// interpreter's external functions, printing byte for byte as the C++ library does.
import type { Interpreter } from "./interpreter.ts";
import { ShapedValue, type RuntimeValue } from "./values.ts";
import { formatG } from "./format-g.ts";
import { trap } from "./trap.ts";

export type RuntimeFunction = (interp: Interpreter, args: readonly RuntimeValue[]) => RuntimeValue[];

const none: RuntimeValue[] = [];
const bases = new WeakMap<object, number>();
let nextBase = 0x10000;

/** A stable stand-in for the buffer's address (real addresses differ from run to run anyway). */
function baseAddress(v: ShapedValue): string {
  let b = bases.get(v.data.buffer);
  if (b === undefined) {
    bases.set(v.data.buffer, (b = nextBase));
    nextBase += 0x10000;
  }
  return `0x${b.toString(16)}`;
}

/** How one element prints with std::ostream's operator<< for the utility's C type. */
type ElementPrinter = (x: number | bigint) => string;
const asFloat: ElementPrinter = (x) => formatG(Number(x));
const asInt: ElementPrinter = (x) => String(x);
// int8_t prints as a character.
const asChar: ElementPrinter = (x) => String.fromCharCode(Number(x) & 0xff);

function memrefArg(args: readonly RuntimeValue[], name: string): ShapedValue {
  const m = args[0];
  if (!(m instanceof ShapedValue)) return trap("PRR6001", `${name} expects a memref argument`);
  if (m.freed) return trap("PRR6008", `${name} reads a deallocated memref`);
  return m;
}

/**
 * The memref's data as printMemRef writes it (nested brackets; see RunnerUtils.h MemRefDataPrinter),
 * passed to `emit` in pieces of about 64 KB (a whole output held as one string outlives many
 * young-generation collections).
 */
export function formatMemrefData(m: ShapedValue, element: ElementPrinter, emit: (text: string) => void): void {
  const data = m.data as unknown as ArrayLike<number | bigint>;
  const rank = m.rank;
  const shape = m.shape;
  const strides = m.strides;
  // Runs of equal elements are common (constants, fills): the last one's text is reused.
  let last: number | bigint | undefined;
  let lastText = "";
  const text = (x: number | bigint): string => {
    if (Object.is(x, last)) return lastText;
    last = x;
    return (lastText = element(x));
  };
  let out = "";
  const print = (dim: number, offset: number, axis: number): void => {
    if (dim === 0) {
      out += text(data[offset]!);
      return;
    }
    const size = shape[axis]!;
    const stride = strides[axis]!;
    const pad = " ".repeat(rank - dim + 1);
    if (size === 0) {
      out += "[]";
      return;
    }
    out += "[";
    if (dim === 1) {
      out += text(data[offset]!);
      for (let i = 1; i < size; i++) out += `, ${pad}${text(data[offset + i * stride]!)}`;
      out += "]";
      if (out.length > 1 << 16) {
        emit(out);
        out = "";
      }
      return;
    }
    print(dim - 1, offset, axis + 1);
    for (let i = 1; i < size; i++) {
      out += `, \n${pad}`;
      print(dim - 1, offset + i * stride, axis + 1);
    }
    out += "]";
  };
  if (rank === 0) out += "[";
  print(rank, m.offset, 0);
  if (rank === 0) out += "]";
  emit(out);
}

function printMemref(prefix: string, element: ElementPrinter): RuntimeFunction {
  return (interp, args) => {
    const m = memrefArg(args, "printMemref");
    interp.print(
      `${prefix}base@ = ${baseAddress(m)} rank = ${m.rank} offset = ${m.offset} sizes = [${m.shape.join(", ")}] strides = [${m.strides.join(", ")}] data = \n`,
    );
    formatMemrefData(m, element, (text) => interp.print(text));
    interp.print("\n");
    return none;
  };
}

const printers: Record<string, ElementPrinter> = {
  F32: asFloat,
  F64: asFloat,
  F16: asFloat,
  BF16: asFloat,
  I8: asChar,
  I16: asInt,
  I32: asInt,
  I64: asInt,
  Ind: asInt,
};

const text = (s: string): RuntimeFunction => (interp) => (interp.print(s), none);
const startTime = performance.now();

export const runtimeFunctions = new Map<string, RuntimeFunction>([
  ["printF32", (interp, [x]) => (interp.print(formatG(Number(x))), none)],
  ["printF64", (interp, [x]) => (interp.print(formatG(Number(x))), none)],
  ["printI64", (interp, [x]) => (interp.print(String(BigInt.asIntN(64, BigInt(x as number | bigint)))), none)],
  ["printU64", (interp, [x]) => (interp.print(String(BigInt.asUintN(64, BigInt(x as number | bigint)))), none)],
  ["printNewline", text("\n")],
  ["printComma", text(", ")],
  ["printOpen", text("( ")],
  ["printClose", text(" )")],
  ["rtclock", () => [(performance.now() - startTime) / 1000 + 1]],
  ["nanoTime", () => [BigInt(Math.round(performance.now() * 1e6))]],
  [
    "printFlops",
    (interp, [x]) => {
      interp.flush();
      process.stderr.write(`${(Number(x) / 1e9).toFixed(6)} GFLOPS\n`);
      return none;
    },
  ],
]);

for (const [suffix, element] of Object.entries(printers)) {
  const unranked = printMemref("Unranked Memref ", element);
  runtimeFunctions.set(`printMemref${suffix}`, unranked);
  runtimeFunctions.set(`_mlir_ciface_printMemref${suffix}`, unranked);
}
for (const name of ["printMemref0dF32", "printMemref1dF32", "printMemref2dF32", "printMemref3dF32", "printMemref4dF32"]) {
  const ranked = printMemref("Memref ", asFloat);
  runtimeFunctions.set(name, ranked);
  runtimeFunctions.set(`_mlir_ciface_${name}`, ranked);
}
for (const [name, element] of [
  ["printMemref1dF64", asFloat],
  ["printMemref1dI8", asChar],
  ["printMemref1dI32", asInt],
  ["printMemref1dI64", asInt],
  ["printMemref1dInd", asInt],
] as const) {
  runtimeFunctions.set(name, printMemref("Memref ", element));
  runtimeFunctions.set(`_mlir_ciface_${name}`, printMemref("Memref ", element));
}
