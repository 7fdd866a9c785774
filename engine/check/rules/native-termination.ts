// Termination with native rules: a native whose contract is `drops-operands-in-place` rewrites
// f(s1..sn) to f(a strict, order-preserving subset of s1..sn): a strict homeomorphic embedding.
// The reduction order found for the other rules is extended to cover it: a Knuth–Bendix order
// (the weight drops by at least w(x) > 0 per deleted operand, whatever the precedence) or an LPO
// turned into a recursive path order with multiset status for the native roots. Other orders
// (polynomial, dependency pairs) are not extended: the set's termination stays UNKNOWN.
import type { COrder } from "../trs/certificate.ts";
import type { TerminationProof } from "../trs/termination/prove.ts";
import type { Trs } from "../trs/trs.ts";
import type { NativeRule } from "./native-rules.ts";

export type NativeTermination = { readonly proved: true; readonly lines: readonly string[] } | { readonly proved: false; readonly reason: string };

export function extendWithNatives(proof: TerminationProof, trs: Trs, natives: readonly NativeRule[]): NativeTermination {
  const bad = natives.find((n) => n.contract.effect !== "drops-operands-in-place");
  if (bad) return { proved: false, reason: `native rewrite '${bad.native}' does not promise to delete operands` };
  const roots = [...new Set(natives.map((n) => n.root))];
  const used = new Set(trs.symbols.map((f) => trs.bank.symbolName(f)));
  const rules = natives.map((n) => n.rule.name).join(", ");
  const what = `native rules ${rules}: each success keeps the root op and deletes at least one operand (contract drops-operands-in-place), a strict homeomorphic embedding; a root of n operands is the symbol f/n (an input holds finitely many arities), placed below every other symbol`;
  const order = proof.order;
  if (order.kind === "kbo") {
    const weights: Record<string, number> = { ...order.weights };
    for (const f of roots) {
      const w = weights[f];
      if (w !== undefined && w < order.variableWeight) return { proved: false, reason: `w(${f}) = ${w} is below w(x): the order is not admissible for ${f} at every arity` };
      weights[f] = w ?? order.variableWeight;
    }
    const cert: COrder & { operandDeletion: readonly string[] } = {
      kind: "kbo",
      precedence: [...order.precedence, ...roots.filter((f) => !used.has(f))],
      weights,
      variableWeight: order.variableWeight,
      operandDeletion: natives.map((n) => n.rule.name),
    };
    const ws = roots.map((f) => `w(${f}) = ${weights[f]}`).join(", ");
    return {
      proved: true,
      lines: [`${what}; with ${ws} at every arity the weight drops by at least w(x) = ${order.variableWeight} per deleted operand, whatever the precedence`, `certificate with native rules: ${JSON.stringify(cert)}`],
    };
  }
  if (order.kind === "lpo") {
    const clash = roots.find((f) => used.has(f));
    if (clash) return { proved: false, reason: `'${clash}' also occurs in term rules, whose LPO uses lexicographic status for it` };
    const cert = { kind: "rpo", precedence: [...order.precedence, ...roots], multisetStatus: roots, operandDeletion: natives.map((n) => n.rule.name) };
    return {
      proved: true,
      lines: [`${what}; the LPO becomes a recursive path order with multiset status for ${roots.join(", ")} (a strict sub-multiset of the arguments is smaller), unchanged on the other rules`, `certificate with native rules: ${JSON.stringify(cert)}`],
    };
  }
  return { proved: false, reason: `the order found (${order.kind}) is not extended to native rules; only Knuth–Bendix and path orders are` };
}
