// Critical pairs of native rules. A native rule matches its root with any operands, and its
// contract names the ops it inspects through them (its hidden sub-patterns): another rule rooted
// at such an op overlaps it below the root, and a rule whose pattern holds the native's root
// below its own root overlaps it from above. The native's result is known only by its contract,
// so each such pair is undecided; with none, the native rules add no critical pair.
import { diag, type Diagnostic } from "../../support/diagnostics.ts";
import type { Rule } from "../../rewrite/rule.ts";
import { subtermAt } from "../trs/term.ts";
import { opPositions } from "./peaks.ts";
import { arityCompatible, describeInspected, inspectsRoot, type NativeRule } from "./native-rules.ts";
import type { RuleTerms } from "./rule-terms.ts";

export interface NativePairs {
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function nativeCriticalPairs(terms: RuleTerms): NativePairs {
  if (terms.natives.length === 0) return { lines: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const pair = (outer: Rule, inner: Rule, how: string) => {
    const key = `${outer.name}|${inner.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(
      diag("PRR3205", `critical pair of '${outer.name}' and '${inner.name}' could not be joined (undecided): ${how}`, outer.span, [{ span: inner.span, message: `'${inner.name}' rewrites inside the match of '${outer.name}'` }], "warning"),
    );
  };
  const others = [...terms.rules.map((r) => r.rule), ...terms.natives.map((n) => n.rule)];
  for (const n of terms.natives) {
    // below: a rule rewrites an op the native inspects
    for (const r of new Set(others))
      if (inspectsRoot(n.contract.inspects, r.pattern)) pair(n.rule, r, `'${n.native}' inspects the ${r.pattern.name} that '${r.name}' rewrites; its result is known only by its contract`);
    // above: the native rewrites an op inside another rule's pattern
    for (const r of terms.rules)
      for (const pos of opPositions(terms, r.lhs)) {
        if (pos.length === 0) continue;
        const sub = subtermAt(r.lhs, pos);
        const name = terms.bank.symbolName(sub.head);
        if (name === n.root && arityCompatible(n, sub.args.length - (terms.attrNames.get(name)?.length ?? 0)))
          pair(r.rule, n.rule, `'${n.native}' changes the ${n.root} in the pattern of '${r.rule.name}' in place; its result is known only by its contract`);
      }
  }
  const roots = [...new Set(terms.natives.map((n) => n.root))].join(", ");
  const inspected = [...new Set(terms.natives.map((n) => describeInspected(n.contract.inspects)))].join("; ");
  const lines =
    diagnostics.length === 0
      ? [`native rules (${terms.natives.length}): no critical pair: no rule is rooted at an op they inspect (${inspected}) and no pattern holds their roots (${roots}) below its root`]
      : [`native rules (${terms.natives.length}): ${diagnostics.length} critical pair${diagnostics.length === 1 ? "" : "s"}, undecided (the natives are known only by their contracts)`];
  return { lines, diagnostics };
}
