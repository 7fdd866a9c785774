// Generates, once per linalg op, a JavaScript loop nest for its indexing maps and compiled body:
// typed-array reads and writes at incrementally stepped offsets, the body inlined (body-code.ts).
import type { Block } from "../../ir/block.ts";
import type { Value } from "../../ir/value.ts";
import type { RuntimeValue, ShapedValue } from "../values.ts";
import type { LinearMap } from "../ops/linalg-maps.ts";
import { checkAccess, loopBounds, offsets } from "../ops/linalg-loops.ts";
import { bodyCode } from "./body-code.ts";
import { generatedFunction } from "./generated.ts";

export type StructuredKernel = (regs: RuntimeValue[], operands: readonly ShapedValue[], maps: readonly LinearMap[], what: string) => void;

type Generated = (data: unknown[], base: number[], step: number[][], bounds: number[], caps: RuntimeValue[]) => void;

/**
 * A kernel for a body whose block arguments read `argOperands` and whose yields write
 * `yieldOperands`, over `dims` loop dimensions; undefined when the body cannot be compiled.
 */
export function structuredKernel(
  block: Block,
  dims: number,
  nOperands: number,
  argOperands: readonly number[],
  yieldOperands: readonly number[],
  captureSlot: (v: Value) => number,
  argsAreIndices = false,
): StructuredKernel | undefined {
  const names = new Map<Value, string>();
  // Block arguments read operands (linalg), or are the loop indices themselves (tensor.generate).
  block.arguments.forEach((a, i) => names.set(a, argsAreIndices ? `i${i}` : `a${i}`));
  const code = bodyCode(block, names, (d) => (d < dims ? `i${d}` : undefined));
  if (code === undefined || code.yields.length !== yieldOperands.length) return undefined;
  const ops = Array.from({ length: nOperands }, (_, j) => j);
  const lines: string[] = [];
  lines.push(...ops.map((j) => `const d${j} = data[${j}]; let o${j} = base[${j}];`));
  for (let d = 0; d < dims; d++) lines.push(`const B${d} = bounds[${d}];`, ...ops.map((j) => `const s${d}_${j} = step[${d}][${j}];`));
  lines.push(...code.captures.map((_, i) => `const cap${i} = caps[${i}];`));
  const body = [
    // Block arguments without uses (an output the body overwrites) are not read.
    ...argOperands.flatMap((j, i) => (argsAreIndices || block.arguments[i]?.useCount !== 0 ? [`const a${i} = d${j}[o${j}];`] : [])),
    ...code.statements,
    ...yieldOperands.map((j, i) => `d${j}[o${j}] = ${code.yieldsBig[i] ? `BigInt(${code.yields[i]})` : code.yields[i]};`),
  ];
  // Loops nest from dimension 0 (outermost) to dims-1 (innermost).
  let inner = body;
  for (let d = dims - 1; d >= 0; d--) {
    inner = [
      `for (let i${d} = 0; i${d} < B${d}; i${d}++) {`,
      ...inner,
      ...ops.map((j) => `o${j} += s${d}_${j};`),
      `}`,
      ...ops.map((j) => `o${j} -= B${d} * s${d}_${j};`),
    ];
  }
  lines.push(...inner);
  const source = `return function structuredLoop(data, base, step, bounds, caps) {\n${lines.join("\n")}\n};`;
  const generated = (generatedFunction(["H"], source) as (h: unknown[]) => Generated)(code.helpers);
  const capSlots = code.captures.map(captureSlot);
  return (regs, operands, maps, what) => {
    const bounds = loopBounds(operands, maps, what);
    checkAccess(operands, maps, bounds, what);
    if (bounds.some((b) => b === 0)) return;
    const { base, step } = offsets(operands, maps, dims);
    const byDim = Array.from({ length: dims }, (_, d) => step.map((s) => s[d]!));
    generated(
      operands.map((v) => v.data),
      base,
      byDim,
      bounds,
      capSlots.map((s) => regs[s]),
    );
  };
}
