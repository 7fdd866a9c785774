// Writes WebAssembly binary modules for the interpreter's SIMD kernels: one imported memory, functions
// with typed locals, and an instruction builder covering the integer, float and SIMD ops they use.

/** Value types by their binary encoding. */
export const ValType = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type ValType = (typeof ValType)[keyof typeof ValType];

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

function vector(items: readonly number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: readonly number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** One function's locals and code; parameters are locals 0..n-1, `local` adds more after them. */
export class FunctionWriter {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  private readonly locals: ValType[] = [];
  readonly code: number[] = [];

  constructor(params: readonly ValType[], results: readonly ValType[] = []) {
    this.params = params;
    this.results = results;
  }

  local(t: ValType): number {
    this.locals.push(t);
    return this.params.length + this.locals.length - 1;
  }

  get(i: number): this {
    return this.emit(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.emit(0x21, ...uleb(i));
  }
  tee(i: number): this {
    return this.emit(0x22, ...uleb(i));
  }
  i32(n: number): this {
    return this.emit(0x41, ...sleb(n | 0));
  }
  /** i64.const of a safe integer (sLEB128 through BigInt: constants may exceed 32 bits). */
  i64(n: number): this {
    let v = BigInt(n);
    const bytes: number[] = [];
    for (;;) {
      const byte = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0)) return this.emit(0x42, ...bytes, byte);
      bytes.push(byte | 0x80);
    }
  }
  /** f32.const or f64.const of `x` (little-endian bits). */
  float(kind: "f32" | "f64", x: number): this {
    const b = new DataView(new ArrayBuffer(8));
    if (kind === "f32") {
      b.setFloat32(0, x, true);
      return this.emit(0x43, ...new Uint8Array(b.buffer, 0, 4));
    }
    b.setFloat64(0, x, true);
    return this.emit(0x44, ...new Uint8Array(b.buffer, 0, 8));
  }
  /** An i32 arithmetic or comparison opcode (0x6a add, 0x6b sub, 0x6c mul, 0x48 lt_s, 0x4e ge_s, ...). */
  op(...bytes: number[]): this {
    return this.emit(...bytes);
  }
  /** A memory access: `opcode` then alignment (log2 bytes) and offset. */
  mem(opcode: number, align: number, offset = 0): this {
    return this.emit(opcode, ...uleb(align), ...uleb(offset));
  }
  /** A SIMD instruction (prefix 0xfd), with a memory argument for loads and stores. */
  simd(opcode: number, memarg?: { align: number; offset?: number }): this {
    this.emit(0xfd, ...uleb(opcode));
    return memarg === undefined ? this : this.emit(...uleb(memarg.align), ...uleb(memarg.offset ?? 0));
  }

  /** `block { loop { body } }`: inside, `br_if 0` continues the loop and `br_if 1` leaves it. */
  loop(body: () => void): this {
    this.emit(0x02, 0x40, 0x03, 0x40);
    body();
    return this.emit(0x0b, 0x0b);
  }
  /** `if (top of stack) { body }`. */
  when(body: () => void): this {
    this.emit(0x04, 0x40);
    body();
    return this.emit(0x0b);
  }
  br(depth: number): this {
    return this.emit(0x0c, ...uleb(depth));
  }
  brIf(depth: number): this {
    return this.emit(0x0d, ...uleb(depth));
  }

  emit(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }

  /** The body as the code section encodes it: local declarations (run-length) then the code. */
  encode(): number[] {
    const runs: number[][] = [];
    for (let i = 0; i < this.locals.length; ) {
      let j = i;
      while (j < this.locals.length && this.locals[j] === this.locals[i]) j++;
      runs.push([...uleb(j - i), this.locals[i]!]);
      i = j;
    }
    const body = [...vector(runs), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

/** A module importing memory `env.memory` and exporting each function under its name. */
export function writeModule(functions: Readonly<Record<string, FunctionWriter>>): Uint8Array<ArrayBuffer> {
  const fs = Object.values(functions);
  const types = fs.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, 0x00, 0x01]])),
    ...section(3, vector(fs.map((_, i) => uleb(i)))),
    ...section(7, vector(Object.keys(functions).map((n, i) => [...name(n), 0x00, ...uleb(i)]))),
    ...section(10, vector(fs.map((f) => f.encode()))),
  ];
  return new Uint8Array(bytes);
}
