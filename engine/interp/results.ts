// Results of `prr run`: a function's return values as text (the runner utilities' memref layout),
// JSON, or .npy files.
import type { Type } from "../ir/types.ts";
import { ShapedValue, contiguous, type RuntimeValue } from "./values.ts";
import { formatMemrefData } from "./runner-utils.ts";
import { formatG } from "./format-g.ts";

function scalarText(x: number | bigint, isFloat: boolean): string {
  return isFloat ? formatG(Number(x)) : String(x);
}

export function resultText(v: RuntimeValue, t: Type, index: number): string {
  if (v instanceof ShapedValue) {
    let body = "";
    formatMemrefData(v, (x) => scalarText(x, v.kind.isFloat), (text) => (body += text));
    return `result #${index}: ${t} sizes = [${v.shape.join(", ")}]\n${body}\n`;
  }
  return `result #${index}: ${t} = ${typeof v === "bigint" ? String(v) : Number.isInteger(v) && !String(t).startsWith("f") && !String(t).startsWith("bf") ? String(v) : formatG(v as number)}\n`;
}

export function resultJson(v: RuntimeValue, t: Type): object {
  if (v instanceof ShapedValue) {
    const c = contiguous(v, false);
    const data = Array.from(c.data as unknown as ArrayLike<number | bigint>, (x) => (typeof x === "bigint" ? Number(x) : Number.isFinite(x) ? x : String(x)));
    return { type: String(t), shape: c.shape, data };
  }
  const x = typeof v === "bigint" ? Number(v) : (v as number);
  return { type: String(t), value: Number.isFinite(x) ? x : String(x) };
}
