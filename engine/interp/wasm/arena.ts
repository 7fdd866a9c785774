// The WebAssembly memory the SIMD kernels work in: a kernel's operands are copied in before it
// runs and its result copied back, so interpreter buffers stay ordinary typed arrays.

const pageBytes = 65536;

export type FloatArray = Float32Array | Float64Array;

export class Arena {
  readonly memory = new WebAssembly.Memory({ initial: 1 });
  private top = 0;

  /** Forgets every reservation (the kernels that used them have finished). */
  reset(): void {
    this.top = 0;
  }

  /** The byte address of `bytes` reserved at 16-byte alignment; undefined when the memory cannot grow so far. */
  reserve(bytes: number): number | undefined {
    if (!(bytes >= 0)) return undefined;
    // Arithmetic, not bit operations: the memory may grow past 2 GiB.
    const at = Math.ceil(this.top / 16) * 16;
    const end = at + bytes;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / pageBytes));
      } catch {
        return undefined;
      }
    }
    this.top = end;
    return at;
  }

  /** Copies elements `lo..hi` (inclusive) of `data` in; the byte address of element `lo`, or undefined. */
  copyIn(data: FloatArray, lo: number, hi: number): number | undefined {
    const at = this.reserve((hi - lo + 1) * data.BYTES_PER_ELEMENT);
    if (at === undefined) return undefined;
    this.view(data, at, hi - lo + 1).set(data.subarray(lo, hi + 1));
    return at;
  }

  /** Copies elements `lo..hi` of `data` back from byte address `at`. */
  copyOut(data: FloatArray, lo: number, hi: number, at: number): void {
    data.set(this.view(data, at, hi - lo + 1), lo);
  }

  private view(like: FloatArray, at: number, length: number): FloatArray {
    return like instanceof Float32Array ? new Float32Array(this.memory.buffer, at, length) : new Float64Array(this.memory.buffer, at, length);
  }
}

let shared: Arena | undefined;

/** The process's arena, made on first use. */
export function arena(): Arena {
  return (shared ??= new Arena());
}

/** The first and last element a strided view touches (non-negative strides, no empty dimension), as data indices. */
export function span(offset: number, shape: readonly number[], strides: readonly number[]): [number, number] | undefined {
  let hi = offset;
  for (let d = 0; d < shape.length; d++) {
    if (strides[d]! < 0 || shape[d] === 0) return undefined;
    hi += (shape[d]! - 1) * strides[d]!;
  }
  return [offset, hi];
}
