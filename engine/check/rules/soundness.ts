// Stage 4 (`--verify`), soundness: for each rule over scalar integer ops, z3 proves that the
// rewrite equals the pattern wherever the guards hold and the pattern is defined (undefined
// behaviour and poison on the left may be refined), at every width choice; a wrong rule gets a
// counterexample. Float rules are checked in IEEE arithmetic (float-smt.ts); rules z3 cannot
// encode (tensors, natives, regions) are tested against the reference interpreter (differential/).
import { diag, type Diagnostic } from "../../support/diagnostics.ts";
import type { Rule } from "../../rewrite/rule.ts";
import { NotEncodable } from "./expr-smt.ts";
import { Inconsistent, NotVerifiable } from "./op-semantics.ts";
import { forEachChoice, RuleEncoder, type EncodedRule } from "./rule-smt.ts";
import type { TermRule } from "./rule-terms.ts";
import { LONG_QUERY_TIMEOUT_MS, modelValue, type Z3Model } from "./smt.ts";
import { stageResult, type StageResult } from "./findings.ts";
import type { CheckContext } from "./context.ts";
import { FLOAT_FORMATS, floatCounterexampleQuery, isFloatRule } from "./float-smt.ts";
import { testRule } from "./differential/differential.ts";

/** Width configurations tried per rule (casts multiply them). */
const MAX_CONFIGURATIONS = 48;

type Outcome = { kind: "proved"; configs: number } | { kind: "wrong"; message: string } | { kind: "unknown" | "not-verified"; reason: string };

export async function checkSoundness(cx: CheckContext): Promise<StageResult> {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<Rule, TermRule>();
  for (const r of cx.terms.rules) if (!first.has(r.rule)) first.set(r.rule, r);
  let proved = 0;
  let undecided = 0;
  const notVerified: string[] = [];
  const tested: string[] = [];
  for (const rule of cx.set.rules) {
    const variant = first.get(rule);
    const outcome: Outcome = variant ? await verifyRule(cx, variant) : { kind: "not-verified", reason: "no term form" };
    if (outcome.kind === "proved") proved++;
    else if (outcome.kind === "wrong") diagnostics.push(diag("PRR3206", `rule '${rule.name}' is wrong: ${outcome.message}`, rule.span));
    else if (outcome.kind === "unknown") {
      undecided++;
      diagnostics.push(diag("PRR3207", `rule '${rule.name}' could not be verified: ${outcome.reason}`, rule.span, [], "warning"));
    } else if (cx.ir === undefined) notVerified.push(`${rule.name} (${outcome.reason})`);
    else {
      const t = testRule(cx.ir.ctx, cx.set, rule, cx.ir.differential);
      if (t.kind === "tested") tested.push(`${rule.name} (${t.instances} instance${t.instances === 1 ? "" : "s"}, ${t.inputs} runs)`);
      else if (t.kind === "wrong") diagnostics.push(diag("PRR3206", `rule '${rule.name}' is wrong (differential testing): ${t.message}`, rule.span, [...t.notes]));
      else {
        undecided++;
        diagnostics.push(diag("PRR3207", `rule '${rule.name}' could not be verified: no SMT semantics (${outcome.reason}) and not tested: ${t.reason}`, rule.span, [], "warning"));
      }
    }
  }
  const lines = [`${proved} rule${proved === 1 ? "" : "s"} proved equal to their pattern (SMT: bit-vectors at i1, i8, i32, i64 and cast widths; IEEE f16, f32, f64)`];
  if (tested.length) {
    const d = cx.ir!.differential;
    lines.push(
      `${tested.length} rule${tested.length === 1 ? "" : "s"} without SMT semantics tested against the reference interpreter (instances: inline test inputs and ${d.variants} variants of each; ${d.inputs} pseudo-random argument sets each; results and memrefs equal bit for bit, NaNs alike, -0.0 ≠ +0.0): ${tested.join(", ")}`,
    );
  }
  if (undecided) lines.push(`${undecided} undecided`);
  if (notVerified.length) lines.push(`not verified (no SMT semantics, and no IR context for differential testing): ${notVerified.join(", ")}`);
  return stageResult("soundness", cx.set.name, lines, diagnostics, undecided > 0);
}

async function verifyFloatRule(cx: CheckContext, rule: Rule): Promise<Outcome> {
  let undecided = false;
  for (const format of FLOAT_FORMATS) {
    let query: string;
    try {
      query = floatCounterexampleQuery(rule, format.sort);
    } catch (e) {
      if (e instanceof NotVerifiable) return { kind: "not-verified", reason: e.message };
      throw e;
    }
    const r = await cx.smt.checkSmtLib(query, LONG_QUERY_TIMEOUT_MS);
    if (r.status === "sat") return { kind: "wrong", message: `for ${format.name} inputs ${r.model?.replace(/\s+/g, " ") ?? ""} the pattern and the rewrite differ` };
    if (r.status === "unknown") undecided = true;
  }
  return undecided ? { kind: "unknown", reason: "z3 gave no answer within its time limit" } : { kind: "proved", configs: FLOAT_FORMATS.length };
}

async function verifyRule(cx: CheckContext, variant: TermRule): Promise<Outcome> {
  const z = cx.smt.z;
  if (isFloatRule(variant.rule)) return verifyFloatRule(cx, variant.rule);
  const configs: EncodedRule[] = [];
  let notVerifiable: string | undefined;
  forEachChoice(MAX_CONFIGURATIONS, (choose) => {
    if (notVerifiable) return;
    try {
      configs.push(new RuleEncoder(z, cx.terms.bank, variant, choose, String(configs.length)).encode());
    } catch (e) {
      if (e instanceof Inconsistent) return;
      if (e instanceof NotVerifiable || e instanceof NotEncodable) notVerifiable = e.message;
      else throw e;
    }
  });
  if (notVerifiable) return { kind: "not-verified", reason: notVerifiable };
  if (configs.length === 0) return { kind: "not-verified", reason: "no width makes the rule well-typed" };
  // counterexamples show at small widths and are cheap there; wide dividers need a longer limit
  const small = configs.filter((c) => c.maxWidth <= 8);
  const large = configs.filter((c) => c.maxWidth > 8);
  let undecided = false;
  for (const [group, timeout] of [[small, undefined], [large, LONG_QUERY_TIMEOUT_MS]] as const) {
    if (group.length === 0) continue;
    const r = await cx.smt.check(z.Or(...group.map((c) => c.counterexample)), timeout);
    if (r.status === "unknown") undecided = true;
    if (r.status !== "sat") continue;
    const model = r.model;
    for (const c of group) if (z.isTrue(model.eval(c.counterexample, true))) return { kind: "wrong", message: counterexample(c, model, z.isTrue(model.eval(c.rhsUndefined, true))) };
    return { kind: "unknown", reason: "z3 found a model no width configuration explains" };
  }
  if (undecided) return { kind: "unknown", reason: "z3 gave no answer within its time limit" };
  return { kind: "proved", configs: configs.length };
}

function counterexample(c: EncodedRule, m: Z3Model, rhsUndefined: boolean): string {
  const seen = new Set<string>();
  const inputs = c.inputs
    .filter((i) => !seen.has(i.name) && seen.add(i.name))
    .map((i) => `${i.name} = ${modelValue(m, i.bv)} : i${i.bv.size()}`)
    .join(", ");
  const rewrite = rhsUndefined ? "the rewrite is undefined (division by zero or overflow, or a shift by the width or more)" : `the rewrite gives ${modelValue(m, c.rhs)}`;
  return `with ${inputs || "any inputs"} the pattern gives ${modelValue(m, c.lhs)} : i${c.lhs.size()} but ${rewrite}`;
}
