// Matches one rule's pattern against an op: op names, operand structure (a name bound twice is the
// same SSA value), attributes, result and operand types with shape variables, variadic operands
// and single-block regions. Fills the bindings array; never mutates the IR.
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { Attribute } from "../ir/attributes.ts";
import { ShapedType, type Type } from "../ir/types.ts";
import type { AttrMatch, OpPat, TypePat, ValuePat } from "./rule.ts";
import { attrKey } from "./literal-key.ts";
import type { Binding } from "./evaluate.ts";

export function matchOp(p: OpPat, op: Operation, env: Binding[]): boolean {
  if (p.anyConstant ? !op.hasTrait("ConstantLike") : op.name !== p.name) return false;
  if (p.opSlot >= 0 && !bind(env, p.opSlot, op)) return false;
  const operands = op.operands;
  const v = p.variadic;
  if (v === undefined) {
    if (operands.length !== p.operands.length) return false;
    for (let i = 0; i < operands.length; i++) if (!matchValue(p.operands[i]!, operands[i]!.value, env)) return false;
  } else {
    const fixed = p.operands.length;
    if (operands.length < fixed) return false;
    const tailStart = operands.length - v.after;
    for (let i = 0; i < v.index; i++) if (!matchValue(p.operands[i]!, operands[i]!.value, env)) return false;
    for (let i = 0; i < v.after; i++) if (!matchValue(p.operands[v.index + i]!, operands[tailStart + i]!.value, env)) return false;
    const list: Value[] = [];
    for (let i = v.index; i < tailStart; i++) list.push(operands[i]!.value);
    if (v.slot >= 0) {
      const prev = env[v.slot] as Value[] | undefined;
      if (prev === undefined) env[v.slot] = list;
      else if (prev.length !== list.length || prev.some((x, i) => x !== list[i])) return false;
    }
  }
  for (const a of p.attrs) if (!matchAttr(a.match, op.getAttr(a.name), env)) return false;
  if (p.resultTypes !== undefined) {
    if (p.resultTypes.length !== op.results.length) return false;
    for (let i = 0; i < p.resultTypes.length; i++) if (!matchType(p.resultTypes[i]!, op.results[i]!.type, env)) return false;
  }
  if (p.region !== undefined) {
    const region = op.regions[0];
    const block = region?.blocks.length === 1 ? region.blocks[0]! : undefined;
    if (block === undefined || block.size !== p.region.opCount) return false;
    if (block.arguments.length !== p.region.argSlots.length) return false;
    for (let i = 0; i < block.arguments.length; i++) {
      const s = p.region.argSlots[i]!;
      if (s >= 0 && !bind(env, s, block.arguments[i]!)) return false;
    }
    const term = block.last!;
    if (term.operands.length !== p.region.yields.length) return false;
    for (let i = 0; i < term.operands.length; i++) if (!matchValue(p.region.yields[i]!, term.operands[i]!.value, env)) return false;
  }
  return true;
}

function matchValue(p: ValuePat, v: Value, env: Binding[]): boolean {
  if (p.kind === "any") {
    if (p.slot >= 0 && !bind(env, p.slot, v)) return false;
    return p.type === undefined || matchType(p.type, v.type, env);
  }
  const def = v.definingOp;
  if (def === null || (v as { index?: number }).index !== p.resultIndex) return false;
  return matchOp(p, def, env);
}

function matchAttr(m: AttrMatch, a: Attribute | undefined, env: Binding[]): boolean {
  switch (m.kind) {
    case "absent":
      return a === undefined;
    case "literal":
      return a !== undefined && m.key !== undefined && attrKey(a) === m.key;
    case "bind":
      return a !== undefined && bind(env, m.slot, a);
  }
}

export function matchType(p: TypePat, t: Type, env: Binding[]): boolean {
  switch (p.kind) {
    case "is":
      return p.type === t;
    case "var":
      return bind(env, p.slot, t);
    case "shaped": {
      if (!(t instanceof ShapedType) || shapedKind(t) !== p.container) return false;
      if (p.dims === undefined) {
        if (t.shape !== undefined) return false;
      } else {
        const shape = t.shape;
        if (shape === undefined || shape.length !== p.dims.length) return false;
        for (let i = 0; i < shape.length; i++) {
          const d = p.dims[i]!;
          const n = shape[i]!;
          if (d.kind === "fixed" ? n !== d.size : d.kind === "dynamic" ? n !== -1 : !bind(env, d.slot, n)) return false;
        }
      }
      return matchType(p.element, t.elementType, env);
    }
  }
}

function shapedKind(t: ShapedType): string {
  const k = t.kind;
  return k === "unranked-tensor" ? "tensor" : k === "unranked-memref" ? "memref" : k;
}

/** Binds a slot, or checks that it already holds the same thing. */
function bind(env: Binding[], slot: number, x: Binding): boolean {
  const prev = env[slot];
  if (prev === undefined) {
    env[slot] = x;
    return true;
  }
  return prev === x;
}
