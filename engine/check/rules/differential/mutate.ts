// Instances synthesised from an instance's MLIR text: the static sizes of its shaped types mapped
// to other sizes consistently (all to one size in every other variant, so permutations and
// reshapes stay well-typed; index constants, the shape operands, follow), permutation attributes shuffled, and scalar and splat constants
// replaced by random values (0 and 1 kept half the time: rules often need them). Variants that do
// not verify, or that the rule does not match, are dropped by the caller.
import { Random } from "../../../interp/inputs.ts";

const SHAPED = /\b(tensor|memref|vector)<([0-9x?]+)x/g;
const SHAPE_VALUES = /dense<(\[?[0-9, ]+\]?)>( : tensor<[0-9x]*index>)/g;
const PERMS = /\b(perms|permutation) = array<i(?:32|64): ([0-9, ]+)>/g;
// shape operands (index tensors) are left alone: the verifier does not relate them to result types
const DENSE = /dense<(-?[0-9][0-9.e+-]*|true|false)>(?! : tensor<[0-9x]*index>)/g;
const SCALAR_CONSTANT = /(arith\.constant )(-?[0-9][0-9.e+-]*)( : (?:[if]\d+|index))/g;
const FLOAT_VALUES = ["0.0", "1.0", "-0.0", "2.5", "-3.25", "0.1", "1.0e+30", "-7.0"];

export interface Mutant {
  readonly text: string;
  readonly how: string;
}

/** `count` variants of `text`, deterministic in `seed`. */
export function mutants(text: string, count: number, seed: number): Mutant[] {
  const out: Mutant[] = [];
  for (let k = 0; k < count; k++) {
    const r = new Random(seed * 7919 + k);
    const cube = k % 2 === 0;
    const hows: string[] = [];
    const sizes = new Map<string, string>();
    const cubeSize = String(1 + Math.floor(r.next() * 4));
    const size = (d: string) => {
      if (d === "?") return d;
      if (!sizes.has(d)) sizes.set(d, cube ? cubeSize : String(1 + Math.floor(r.next() * 5)));
      return sizes.get(d)!;
    };
    let t = text.replace(SHAPED, (_m, kind: string, dims: string) => `${kind}<${dims.split("x").map(size).join("x")}x`);
    // shape operands follow the sizes they name
    t = t.replace(SHAPE_VALUES, (_m, list: string, type: string) => `dense<${list.replace(/\d+/g, (d) => sizes.get(d) ?? d)}>${type}`);
    if ([...sizes].some(([a, b]) => a !== b)) hows.push(`sizes ${[...sizes].map(([a, b]) => `${a}→${b}`).join(", ")}`);
    t = t.replace(PERMS, (m, name: string, list: string) => {
      if (!cube || r.next() < 0.3) return m;
      const p = list.split(",").map((s) => s.trim());
      for (let i = p.length - 1; i > 0; i--) {
        const j = Math.floor(r.next() * (i + 1));
        [p[i], p[j]] = [p[j]!, p[i]!];
      }
      hows.push(`${name} [${p.join(", ")}]`);
      return m.replace(list, p.join(", "));
    });
    const value = (v: string) => {
      if (r.next() < 0.5 && /^-?[01](\.0*)?(e\+?0+)?$/.test(v)) return v;
      if (v === "true" || v === "false") return r.next() < 0.5 ? "true" : "false";
      if (/[.e]/.test(v)) return FLOAT_VALUES[Math.floor(r.next() * FLOAT_VALUES.length)]!;
      return String(Math.floor(r.next() * 17) - 8);
    };
    t = t.replace(DENSE, (m, v: string) => {
      const nv = value(v);
      if (nv !== v) hows.push(`${v}→${nv}`);
      return `dense<${nv}>`;
    });
    t = t.replace(SCALAR_CONSTANT, (_m, head: string, v: string, type: string) => {
      const nv = value(v);
      if (nv !== v) hows.push(`${v}→${nv}`);
      return `${head}${nv}${type}`;
    });
    if (t !== text && !out.some((m) => m.text === t)) out.push({ text: t, how: hows.join("; ") || "mutated" });
  }
  return out;
}
