// Compiles a scalar region body (arith, math, select, casts, linalg.index) into JavaScript source
// once, so element loops run it without per-op dispatch: common float and index ops are inlined,
// the rest call the op's own scalar function (the same one its step uses).
import type { Block } from "../../ir/block.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import { FloatAttr, IntegerAttr } from "../../ir/attributes.ts";
import { ShapedType } from "../../ir/types.ts";
import { kindOf } from "../elements.ts";
import { scalarFunctions } from "../ops/elementwise.ts";
import { intAttr } from "../ops/attr-helpers.ts";
import { inlineScalar } from "./scalar-code.ts";

export interface BodyCode {
  /** Statements computing every op of the body. */
  readonly statements: string[];
  /** JS names of the yielded values. */
  readonly yields: string[];
  /** Per yield: the value is a 64-bit integer held as a JS number, to be stored as a BigInt. */
  readonly yieldsBig: boolean[];
  /** Values from outside the body the code reads (bound to `cap<i>` before the loop). */
  readonly captures: Value[];
  /** Functions the code calls as `H[i]`. */
  readonly helpers: unknown[];
}

/**
 * The code of `block`'s ops, with `names` giving the JS names of block arguments; `index(d)` names
 * the loop index of dimension d (linalg.index). Undefined when some op cannot be compiled.
 */
export function bodyCode(block: Block, names: Map<Value, string>, index: (d: number) => string | undefined): BodyCode | undefined {
  const statements: string[] = [];
  const captures: Value[] = [];
  const helpers: unknown[] = [];
  let counter = 0;
  const nameOf = (v: Value): string | undefined => {
    let n = names.get(v);
    if (n !== undefined) return n;
    if (v.type instanceof ShapedType) return undefined;
    const k = kindOf(v.type);
    if (k === undefined || k.isBig) return undefined;
    n = `cap${captures.length}`;
    captures.push(v);
    names.set(v, n);
    return n;
  };
  const helper = (f: unknown) => {
    helpers.push(f);
    return `H[${helpers.length - 1}]`;
  };
  // 64-bit integers made from indices (`index_cast` to i64) are held as exact JS numbers (indices
  // are exact below 2^53); they may only be converted to floats or indices, or yielded.
  const exactBig = new Set<Value>();
  for (let op: Operation | null = block.first; op !== null; op = op.next) {
    if (op === block.last && op.hasTrait("Terminator")) {
      const ys = op.operands.map((o) => nameOf(o.value));
      if (ys.some((y) => y === undefined)) return undefined;
      return { statements, yields: ys as string[], yieldsBig: op.operands.map((o) => exactBig.has(o.value)), captures, helpers };
    }
    if (op.results.length !== 1 || op.regions.length > 0) return undefined;
    const r = op.result(0);
    const k = kindOf(r.type);
    const bigOperand = op.operands.some((o) => exactBig.has(o.value));
    if (op.name === "arith.index_cast" && k?.isBig === true && kindOf(op.operand(0).type)?.name === "index") {
      const a = nameOf(op.operand(0));
      if (a === undefined) return undefined;
      const out = `v${counter++}`;
      names.set(r, out);
      exactBig.add(r);
      statements.push(`const ${out} = ${a};`);
      continue;
    }
    if (bigOperand) {
      const a = nameOf(op.operand(0));
      if (a === undefined || k === undefined || k.isBig) return undefined;
      let expr: string;
      if (op.name === "arith.sitofp" && k.isFloat) expr = k.name === "f32" ? `Math.fround(${a})` : k.name === "f64" ? a : `${helper(k.norm)}(${a})`;
      else if (op.name === "arith.index_cast" && k.name === "index") expr = a;
      else return undefined;
      const out = `v${counter++}`;
      names.set(r, out);
      statements.push(`const ${out} = ${expr};`);
      continue;
    }
    if (k === undefined || k.isBig || r.type instanceof ShapedType) return undefined;
    const args = op.operands.map((o) => nameOf(o.value));
    if (args.some((a) => a === undefined)) return undefined;
    const out = `v${counter++}`;
    names.set(r, out);
    let expr: string | undefined;
    if (op.name === "arith.constant") {
      const attr = op.getAttr("value");
      if (attr instanceof FloatAttr) expr = Number.isFinite(attr.value) ? `${k.norm(attr.value)}` : helper(attr.value);
      else if (attr instanceof IntegerAttr) expr = `${k.norm(Number(attr.value))}`;
      else return undefined;
    } else if (op.name === "linalg.index") {
      expr = index(intAttr(op.getAttr("dim")));
      if (expr === undefined) return undefined;
    } else expr = inlineScalar(op, args as string[], k, () => helper(k.norm));
    if (expr === undefined) {
      const f = scalarFunctions.get(op);
      if (f === undefined) return undefined;
      expr = `${helper(f)}(${args.join(", ")})`;
    }
    statements.push(`const ${out} = ${expr};`);
  }
  return undefined;
}
