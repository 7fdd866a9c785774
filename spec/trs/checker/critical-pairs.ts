// The checker's own critical pairs, computed from the rules alone, and the lookup of a
// certificate's entry for each (same rules and position, a variant of the same pair).
import type { CPair } from "../../../engine/check/trs/certificate.ts";
import { at, funPositions, fromC, replace, subst, unifyT, variantPair, vars, type R, type T } from "./terms.ts";

export interface Cp {
  readonly outer: number;
  readonly inner: number;
  readonly pos: number[];
  readonly peak: T;
  readonly left: T;
  readonly right: T;
}

function renameAway(rule: R, avoid: readonly string[]): R {
  const ren = new Map<string, T>();
  for (const v of vars(rule.l)) {
    let n = `${v}'`;
    while (avoid.includes(n)) n += "'";
    ren.set(v, { v: n });
  }
  return { l: subst(rule.l, ren), r: subst(rule.r, ren) };
}

/** Critical pairs of `outers` (overlapped at the root) with `inners`, each rule given with its number. */
export function criticalPairsAmong(
  outers: readonly (readonly [number, R])[],
  inners: readonly (readonly [number, R])[],
): Cp[] {
  const out: Cp[] = [];
  for (const [o, outer] of outers)
    for (const [i, innerRule] of inners) {
      const inner = renameAway(innerRule, vars(outer.l));
      for (const pos of funPositions(outer.l)) {
        if (pos.length === 0 && o === i) continue;
        const mgu = unifyT(at(outer.l, pos)!, inner.l);
        if (!mgu) continue;
        const peak = subst(outer.l, mgu);
        out.push({
          outer: o,
          inner: i,
          pos,
          peak,
          left: replace(peak, pos, subst(inner.r, mgu)),
          right: subst(outer.r, mgu),
        });
      }
    }
  return out;
}

export function criticalPairs(rules: readonly R[]): Cp[] {
  const numbered = rules.map((r, i) => [i + 1, r] as const);
  return criticalPairsAmong(numbered, numbered);
}

/** The certificate entry for `cp`; throws when there is none. */
export function findEntry<E extends CPair>(
  cp: Cp,
  entries: readonly E[],
  arity: ReadonlyMap<string, number>,
): { entry: E; left: T; right: T } {
  for (const e of entries) {
    if (e.outer !== cp.outer || e.inner !== cp.inner || e.pos.join(".") !== cp.pos.join(".")) continue;
    const left = fromC(e.left, arity);
    const right = fromC(e.right, arity);
    if (variantPair(left, right, cp.left, cp.right)) return { entry: e, left, right };
  }
  throw new Error(`critical pair of rules ${cp.outer} and ${cp.inner} at ${cp.pos.join(".") || "root"} is not covered`);
}
