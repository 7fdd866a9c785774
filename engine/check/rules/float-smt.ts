// Soundness of rules over float ops: the pattern and the rewrite as IEEE-754 terms of z3's
// floating-point theory (SMT-LIB text), equal for every input of f16, f32 and f64, with -0.0 and
// +0.0 told apart (NaN payloads are not modelled: SMT-LIB has one NaN).
import type { Build, Rule, ValuePat } from "../../rewrite/rule.ts";
import { NotVerifiable } from "./op-semantics.ts";

/** Unary float ops as SMT-LIB functions of their operand. */
const UNARY: Record<string, (x: string) => string> = {
  "math.absf": (x) => `(fp.abs ${x})`,
  "math.floor": (x) => `(fp.roundToIntegral RTN ${x})`,
  "math.ceil": (x) => `(fp.roundToIntegral RTP ${x})`,
  "math.trunc": (x) => `(fp.roundToIntegral RTZ ${x})`,
  "math.round": (x) => `(fp.roundToIntegral RNA ${x})`,
  "math.roundeven": (x) => `(fp.roundToIntegral RNE ${x})`,
  "math.sqrt": (x) => `(fp.sqrt RNE ${x})`,
  "arith.negf": (x) => `(fp.neg ${x})`,
};
const BINARY: Record<string, string> = { "arith.addf": "fp.add RNE", "arith.subf": "fp.sub RNE", "arith.mulf": "fp.mul RNE", "arith.divf": "fp.div RNE" };

export const FLOAT_FORMATS = [
  { name: "f16", sort: "(_ FloatingPoint 5 11)" },
  { name: "f32", sort: "(_ FloatingPoint 8 24)" },
  { name: "f64", sort: "(_ FloatingPoint 11 53)" },
] as const;

/** Whether the rule's pattern is over float ops (and so belongs to this encoding). */
export function isFloatRule(rule: Rule): boolean {
  const visit = (p: ValuePat): boolean => p.kind === "op" && (p.name in UNARY || p.name in BINARY || p.operands.some(visit));
  return visit(rule.pattern);
}

/** SMT-LIB asserting that the rewrite differs from the pattern for some input of `sort`. */
export function floatCounterexampleQuery(rule: Rule, sort: string): string {
  if (rule.guards.length > 0) throw new NotVerifiable("guards over floats");
  const decls: string[] = [];
  const values = new Map<number, string>();
  let fresh = 0;
  const input = (name: string) => {
    decls.push(`(declare-const ${name} ${sort})`);
    return name;
  };
  const pat = (p: ValuePat): string => {
    if (p.kind === "any") {
      if (p.slot < 0) return input(`_${fresh++}`);
      const known = values.get(p.slot);
      if (known) return known;
      const v = input(`|${rule.vars[p.slot]?.name ?? "x"}|`);
      values.set(p.slot, v);
      return v;
    }
    if (p.attrs.length > 0 || p.resultIndex !== 0) throw new NotVerifiable(`attributes of ${p.name}`);
    const args = p.operands.map(pat);
    const v = apply(p.name, args);
    if (p.opSlot >= 0) values.set(p.opSlot, v);
    return v;
  };
  const build = (b: Build): string => {
    if (b.kind === "value") {
      const v = values.get(b.slot);
      if (v === undefined) throw new NotVerifiable("a value the pattern does not bind");
      return v;
    }
    if (b.kind !== "op" || b.attrs.length > 0) throw new NotVerifiable(`a ${b.kind} rewrite over floats`);
    return apply(b.name, b.operands.map(build));
  };
  const lhs = pat(rule.pattern);
  if (rule.rewrite.statements.length > 0 || rule.rewrite.result === undefined) throw new NotVerifiable("statements");
  const rhs = build(rule.rewrite.result);
  return `${decls.join("\n")}\n(assert (not (= ${lhs} ${rhs})))`;
}

function apply(op: string, args: readonly string[]): string {
  const unary = UNARY[op];
  if (unary && args.length === 1) return unary(args[0]!);
  const binary = BINARY[op];
  if (binary && args.length === 2) return `(${binary} ${args[0]} ${args[1]})`;
  throw new NotVerifiable(`'${op}' has no float semantics here`);
}
