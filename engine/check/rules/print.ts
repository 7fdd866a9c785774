// Rule terms as a user reads them: ops with operands, attributes in braces, variables by the
// names the rule gave them, attribute arithmetic in infix (`c0 + c1`).
import { isVar, type Term } from "../trs/term.ts";
import { EXPR_PREFIX, LITERAL_PREFIX, type RuleTerms } from "./rule-terms.ts";

export function printRuleTerm(terms: RuleTerms, t: Term): string {
  const bank = terms.bank;
  if (isVar(t)) return bank.varName(t).replace(/['~].*$/, "").replace(/^_\d+$/, "_");
  const name = bank.symbolName(t.head);
  const sub = (i: number) => printRuleTerm(terms, t.args[i]!);
  if (name.startsWith(LITERAL_PREFIX)) return name.slice(1);
  if (name.startsWith(EXPR_PREFIX)) {
    const fn = name.slice(1);
    if (fn.startsWith("u") && t.args.length === 1) return `${fn.slice(1)}${sub(0)}`;
    if (t.args.length === 2 && !/^[a-z_]/.test(fn)) return `(${sub(0)} ${fn} ${sub(1)})`;
    return `${fn}(${t.args.map((_, i) => sub(i)).join(", ")})`;
  }
  const attrs = terms.attrNames.get(name) ?? [];
  const operands = t.args.length - attrs.length;
  if (name === "arith.constant" && attrs.length === 1 && attrs[0] === "value") return `arith.constant(${sub(0)})`;
  const ops = t.args.slice(0, operands).map((_, i) => sub(i));
  const as = attrs
    .map((a, j) => [a, t.args[operands + j]!] as const)
    .filter(([, v]) => !isVar(v) || !/^_\d+'/.test(bank.varName(v)))
    .map(([a, v]) => `${a} = ${printRuleTerm(terms, v)}`);
  return `${name}(${ops.join(", ")})${as.length ? ` {${as.join(", ")}}` : ""}`;
}
