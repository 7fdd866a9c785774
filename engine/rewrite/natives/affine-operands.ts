// A native rewrite for affine ops (MLIR's canonicalizeMapAndOperands): map operands defined by
// constants are folded into the map, and operands the map no longer uses are dropped, so
// `affine.load %m[%c0, %i]` becomes `affine.load %m[0, %i]` and `affine.for %i = %c0 to %c24`
// becomes `affine.for %i = 0 to 24`. The op is changed in place.
import { AffineMapAttr, IntegerAttr } from "../../ir/attributes.ts";
import { AffineMap, constant, dim, replaceDimsAndSymbols, sym, type AffineExpr } from "../../ir/affine.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import type { NativeRewrite } from "../natives.ts";
import type { Rewriter } from "../rewriter.ts";
import { constantAttr } from "../fold.ts";

/** Where an op keeps its maps: the attribute and the operand range each map reads. */
interface MapSlot {
  readonly attr: string;
  readonly start: number;
}

function mapSlots(op: Operation): MapSlot[] | undefined {
  switch (op.name) {
    case "affine.load":
    case "affine.vector_load":
      return [{ attr: "map", start: 1 }];
    case "affine.store":
    case "affine.vector_store":
      return [{ attr: "map", start: 2 }];
    case "affine.apply":
    case "affine.min":
    case "affine.max":
      return [{ attr: "map", start: 0 }];
    case "affine.for":
      return [
        { attr: "lowerBoundMap", start: 0 },
        { attr: "upperBoundMap", start: -1 },
      ];
    default:
      return undefined;
  }
}

function constantIndex(v: Value): number | undefined {
  const d = v.definingOp;
  if (d === null || !d.hasTrait("ConstantLike")) return undefined;
  const a = constantAttr(d);
  return a instanceof IntegerAttr && Number.isSafeInteger(Number(a.value)) ? Number(a.value) : undefined;
}

function usedInputs(map: AffineMap): { dims: Set<number>; syms: Set<number> } {
  const dims = new Set<number>();
  const syms = new Set<number>();
  const visit = (e: AffineExpr): void => {
    if (e.kind === "dim") dims.add(e.position);
    else if (e.kind === "symbol") syms.add(e.position);
    else if (e.kind !== "constant") {
      visit(e.lhs);
      visit(e.rhs);
    }
  };
  map.results.forEach(visit);
  return { dims, syms };
}

/** The map with constant operands folded in and unused inputs dropped, or undefined if unchanged. */
export function simplifyMapOperands(map: AffineMap, operands: readonly Value[]): { map: AffineMap; operands: Value[] } | undefined {
  const used = usedInputs(map);
  const dimRepl: AffineExpr[] = [];
  const symRepl: AffineExpr[] = [];
  const kept: Value[] = [];
  let changed = false;
  let nd = 0;
  for (let i = 0; i < map.numDims; i++) {
    const c = constantIndex(operands[i]!);
    if (c !== undefined || !used.dims.has(i)) {
      dimRepl.push(constant(c ?? 0));
      changed = true;
    } else {
      dimRepl.push(dim(nd++));
      kept.push(operands[i]!);
    }
  }
  const keptSyms: Value[] = [];
  let ns = 0;
  for (let j = 0; j < map.numSymbols; j++) {
    const v = operands[map.numDims + j]!;
    const c = constantIndex(v);
    if (c !== undefined || !used.syms.has(j)) {
      symRepl.push(constant(c ?? 0));
      changed = true;
    } else {
      symRepl.push(sym(ns++));
      keptSyms.push(v);
    }
  }
  if (!changed) return undefined;
  const results = map.results.map((e) => replaceDimsAndSymbols(e, dimRepl, symRepl));
  return { map: new AffineMap(nd, ns, results), operands: [...kept, ...keptSyms] };
}

function foldAffineConstants(rw: Rewriter, root: Operation): readonly Value[] | undefined {
  const slots = mapSlots(root);
  if (slots === undefined) return undefined;
  const operands = root.operands.map((o) => o.value);
  const next = [...operands];
  const newMaps: { attr: string; map: AffineMap }[] = [];
  const segments: number[] = [];
  let cursor = 0;
  let changed = false;
  for (const slot of slots) {
    const a = root.getAttr(slot.attr);
    if (!(a instanceof AffineMapAttr)) return undefined;
    const start = slot.start < 0 ? cursor : slot.start;
    const count = a.map.numDims + a.map.numSymbols;
    const inputs = operands.slice(start, start + count);
    const simplified = simplifyMapOperands(a.map, inputs);
    const out = simplified?.operands ?? inputs;
    next.splice(start - (operands.length - next.length), count, ...out);
    segments.push(out.length);
    if (simplified !== undefined) {
      changed = true;
      newMaps.push({ attr: slot.attr, map: simplified.map });
    }
    cursor = start + count;
  }
  if (!changed) return undefined;
  rw.modifyInPlace(root, () => {
    for (const m of newMaps) root.setAttr(m.attr, rw.ctx.affineMap(m.map));
    if (root.name === "affine.for") {
      const inits = operands.length - cursor;
      root.setAttr("operandSegmentSizes", rw.ctx.denseArray(rw.ctx.integer(32), [...segments, inits]));
    }
    root.setOperands(next);
  });
  return root.results;
}

export const foldAffineConstantsRewrite: NativeRewrite = {
  arity: [0, 0],
  doc: "fold constant map operands of an affine op into its map(s) and drop unused operands (in place)",
  fn: (rw, _args, root) => foldAffineConstants(rw, root),
  // every success drops at least one map operand (a folded constant or one the map ignores)
  contract: {
    effect: "drops-operands-in-place",
    roots: ["affine.load", "affine.vector_load", "affine.store", "affine.vector_store", "affine.apply", "affine.min", "affine.max", "affine.for"],
    changesAttributes: ["map", "lowerBoundMap", "upperBoundMap", "operandSegmentSizes"],
    inspects: [{ trait: "ConstantLike" }],
  },
};
