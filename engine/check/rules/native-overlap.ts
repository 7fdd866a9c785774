// Overlap of native rules (rewrites by a native with a contract): two rules of equal priority
// rooted at the same op, one of them native, whose operand counts agree (a variadic `_...` is
// any count). The native's result is known only by its contract, so such a pair is undecided.
import { diag, type Diagnostic } from "../../support/diagnostics.ts";
import type { Rule } from "../../rewrite/rule.ts";
import { arityCompatible, type NativeRule } from "./native-rules.ts";
import type { RuleTerms } from "./rule-terms.ts";

export interface NativeOverlaps {
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function nativeOverlaps(terms: RuleTerms): NativeOverlaps {
  if (terms.natives.length === 0) return { lines: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (a: NativeRule, b: Rule) => {
    const key = [a.rule.name, b.name].sort().join("|");
    if (a.rule === b || a.rule.priority !== b.priority || seen.has(key)) return;
    seen.add(key);
    diagnostics.push(
      diag(
        "PRR3201",
        `rules '${a.rule.name}' and '${b.name}' have equal priority (${b.priority}) and both match '${a.root}': the native rewrite '${a.native}' is known only by its contract, so whether their results agree is undecided`,
        a.rule.span,
        [{ span: b.span, message: `'${b.name}' overlaps here` }],
        "warning",
      ),
    );
  };
  for (const a of terms.natives) {
    for (const r of terms.rules) {
      const name = terms.bank.symbolName(r.lhs.head);
      const operands = r.lhs.args.length - (terms.attrNames.get(name)?.length ?? 0);
      if (name === a.root && arityCompatible(a, operands)) report(a, r.rule);
    }
    for (const b of terms.natives)
      if (b.root === a.root && (arityCompatible(a, b.operands) || arityCompatible(b, a.operands))) report(a, b.rule);
  }
  const roots = [...new Set(terms.natives.map((n) => n.root))].join(", ");
  const lines = [`${terms.natives.length} native rule${terms.natives.length === 1 ? "" : "s"} (roots ${roots}, variadic operands at any count): ${diagnostics.length} root overlap${diagnostics.length === 1 ? "" : "s"} with equal-priority rules`];
  return { lines, diagnostics };
}
