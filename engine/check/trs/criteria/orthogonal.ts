// Weak orthogonality (Rosen; Huet): a left-linear system whose critical pairs are all trivial
// is confluent.
import { isTrivial } from "../critical-pairs.ts";
import { isLeftLinear } from "../trs.ts";
import type { Analysis, Proof } from "../analysis.ts";

export function proveWeaklyOrthogonal(a: Analysis): Proof | undefined {
  if (!isLeftLinear(a.trs) || !a.cps.every(isTrivial)) return undefined;
  const what =
    a.cps.length === 0
      ? "orthogonal (left-linear, no critical pairs)"
      : `weakly orthogonal (left-linear, all ${a.cps.length} critical pairs trivial)`;
  return {
    certificate: { answer: "YES", criterion: "weakly-orthogonal" },
    lines: [`The system is ${what}, hence confluent.`],
  };
}
