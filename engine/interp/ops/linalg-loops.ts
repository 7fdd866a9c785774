// The loop executor of linalg structured ops: iterates the loop space of the indexing maps (outer
// dimension first, as linalg's lowering to loops does), feeding the compiled body element by
// element with incrementally maintained buffer offsets; bounds are checked once, up front.
import type { CompiledRegion } from "../compiler.ts";
import type { ShapedValue, RuntimeValue } from "../values.ts";
import type { LinearMap } from "./linalg-maps.ts";
import { trap } from "../trap.ts";

type Elements = { [i: number]: number | bigint };

export interface StructuredBody {
  readonly body: CompiledRegion;
  /** For each body argument, the operand it reads (operands are inputs then outputs). */
  readonly argOperands: readonly number[];
  /** For each yielded value, the operand it writes. */
  readonly yieldOperands: readonly number[];
  /** Loop indices of the current point, read by linalg.index. */
  readonly ivs: number[];
}

/** The loop bounds: each loop dimension's size, from the first operand dimension it indexes alone. */
export function loopBounds(operands: readonly ShapedValue[], maps: readonly LinearMap[], what: string): number[] {
  const dims = maps[0]?.dims ?? 0;
  const bounds = new Array<number>(dims).fill(-1);
  maps.forEach((m, j) => {
    m.results.forEach((r, k) => {
      if (r.c !== 0) return;
      let only = -1;
      for (let d = 0; d < dims; d++) {
        if (r.coef[d] === 0) continue;
        if (r.coef[d] !== 1 || only >= 0) return;
        only = d;
      }
      if (only < 0) return;
      const size = operands[j]!.shape[k]!;
      if (bounds[only]! < 0) bounds[only] = size;
      else if (bounds[only] !== size)
        trap("PRR6004", `${what}: loop dimension d${only} is ${bounds[only]} from one operand and ${size} from operand #${j} (shape [${operands[j]!.shape.join("x")}])`);
    });
  });
  for (let d = 0; d < dims; d++) if (bounds[d]! < 0) trap("PRR6004", `${what}: cannot infer the size of loop dimension d${d}`);
  return bounds;
}

/** Checks every operand access of the loop space is in bounds (MLIR: undefined behaviour otherwise). */
export function checkAccess(operands: readonly ShapedValue[], maps: readonly LinearMap[], bounds: readonly number[], what: string): void {
  if (bounds.some((b) => b === 0)) return;
  maps.forEach((m, j) => {
    const v = operands[j]!;
    if (m.results.length !== v.rank) trap("PRR6004", `${what}: operand #${j} has rank ${v.rank}, its indexing map ${m.results.length} results`);
    m.results.forEach((r, k) => {
      let lo = r.c;
      let hi = r.c;
      for (let d = 0; d < bounds.length; d++) {
        const span = r.coef[d]! * (bounds[d]! - 1);
        if (span < 0) lo += span;
        else hi += span;
      }
      if (lo < 0 || hi >= v.shape[k]!)
        trap("PRR6002", `${what}: operand #${j} (shape [${v.shape.join("x")}]) is accessed at indices ${lo}..${hi} in dimension ${k}`);
    });
  });
}

/** Per operand: buffer offset at the origin and the offset step of each loop dimension. */
export function offsets(operands: readonly ShapedValue[], maps: readonly LinearMap[], dims: number): { base: number[]; step: number[][] } {
  const base: number[] = [];
  const step: number[][] = [];
  maps.forEach((m, j) => {
    const v = operands[j]!;
    let b = v.offset;
    const s = new Array<number>(dims).fill(0);
    m.results.forEach((r, k) => {
      const stride = v.strides[k]!;
      b += r.c * stride;
      for (let d = 0; d < dims; d++) s[d]! += r.coef[d]! * stride;
    });
    base.push(b);
    step.push(s);
  });
  return { base, step };
}

export function runStructured(regs: RuntimeValue[], operands: readonly ShapedValue[], maps: readonly LinearMap[], sb: StructuredBody, what: string): void {
  const bounds = loopBounds(operands, maps, what);
  checkAccess(operands, maps, bounds, what);
  const D = bounds.length;
  let total = 1;
  for (const b of bounds) total *= b;
  if (total === 0) return;
  const { base, step } = offsets(operands, maps, D);
  const n = operands.length;
  const off = Float64Array.from(base);
  const data = operands.map((v) => v.data as unknown as Elements);
  const ivs = sb.ivs;
  ivs.length = D;
  ivs.fill(0);
  const argSlots = sb.body.argSlots;
  const argOps = sb.argOperands;
  const nArgs = argOps.length;
  const yieldOps = sb.yieldOperands;
  const nYields = yieldOps.length;
  const run = sb.body.run;
  const stepByDim = Array.from({ length: D }, (_, d) => Float64Array.from(step.map((s) => s[d]!)));
  const inner = D - 1;
  const innerStep = stepByDim[inner] ?? new Float64Array(n);
  const innerBound = bounds[inner] ?? 1;
  const outer = total / innerBound;
  for (let q = 0; q < outer; q++) {
    for (let i = 0; i < innerBound; i++) {
      if (D > 0) ivs[inner] = i;
      for (let a = 0; a < nArgs; a++) {
        const j = argOps[a]!;
        regs[argSlots[a]!] = data[j]![off[j]!];
      }
      const ts = run(regs).termSlots;
      for (let y = 0; y < nYields; y++) {
        const j = yieldOps[y]!;
        data[j]![off[j]!] = regs[ts[y]!] as number;
      }
      for (let j = 0; j < n; j++) off[j]! += innerStep[j]!;
    }
    for (let j = 0; j < n; j++) off[j]! -= innerStep[j]! * innerBound;
    // Advance the outer dimensions (odometer).
    for (let d = inner - 1; d >= 0; d--) {
      const s = stepByDim[d]!;
      ivs[d]!++;
      for (let j = 0; j < n; j++) off[j]! += s[j]!;
      if (ivs[d]! < bounds[d]!) break;
      for (let j = 0; j < n; j++) off[j]! -= s[j]! * bounds[d]!;
      ivs[d] = 0;
    }
  }
}
