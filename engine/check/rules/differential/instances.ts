// The instances a rule is tested on: the inputs of the rule set's inline tests (the test named
// after the rule first, then those that mention its root op), each followed by variants
// synthesised from it (mutate.ts). Each is parsed and verified in the rule set's context.
import type { Context } from "../../../ir/context.ts";
import type { Operation } from "../../../ir/operation.ts";
import { verify } from "../../../ir/verifier.ts";
import { SourceFile } from "../../../support/source.ts";
import { DiagnosticError } from "../../../support/diagnostics.ts";
import { parseSource } from "../../../../grammar/mlir/parse-module.ts";
import type { Rule } from "../../../rewrite/rule.ts";
import type { RuleSet } from "../../../rewrite/sema/rule-set.ts";
import { mutants } from "./mutate.ts";

export interface Instance {
  /** Where it comes from: `test NAME` or `test NAME, varied (...)`. */
  readonly origin: string;
  readonly text: string;
  readonly file: SourceFile;
}

/** Candidate instances of a rule, in the order they are tried. */
export function candidateInstances(rule: Rule, set: RuleSet, variantsPerTest: number): Instance[] {
  const root = rule.pattern.name;
  const tests = set.tests.filter((t) => t.name === rule.name || t.decl.input.text.includes(root));
  tests.sort((a, b) => Number(b.name === rule.name) - Number(a.name === rule.name));
  const out: Instance[] = [];
  for (const t of tests) {
    const line = t.file.position(t.decl.input.start).line;
    const at = (text: string) => new SourceFile(t.file.path, text, line - 1);
    out.push({ origin: `test ${t.name}`, text: t.decl.input.text, file: at(t.decl.input.text) });
    for (const m of mutants(t.decl.input.text, variantsPerTest, out.length + 1))
      out.push({ origin: `test ${t.name}, varied (${m.how})`, text: m.text, file: at(m.text) });
  }
  return out;
}

/** The instance as a verified module, or undefined when it does not parse or verify. */
export function loadInstance(ctx: Context, instance: Instance): Operation | undefined {
  try {
    const { module } = parseSource(ctx, instance.file);
    return verify(module).length === 0 ? module : undefined;
  } catch (e) {
    if (e instanceof DiagnosticError) return undefined;
    throw e;
  }
}
