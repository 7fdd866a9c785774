// Legality after a conversion rule set (MLIR's dialect conversion): every op of a dialect or name
// the set declares illegal, and not declared legal, that remains is an error at its location.
import type { Operation } from "../ir/operation.ts";
import { walkPreOrder } from "../ir/walk.ts";
import { diag } from "../support/diagnostics.ts";
import type { PassProblem } from "../passes/pass.ts";
import type { RuleSet } from "./sema/rule-set.ts";

export function illegalOps(module: Operation, set: RuleSet): PassProblem[] {
  const problems: PassProblem[] = [];
  walkPreOrder(module, (op) => {
    if (set.legalOps.has(op.name)) return;
    if (!set.illegalOps.has(op.name) && !set.illegalDialects.has(op.dialect)) return;
    problems.push({
      op,
      diagnostic: diag("PRR3022", `failed to legalize operation '${op.name}' that was explicitly marked illegal by '${set.name}'`, undefined, [
        { span: set.span, message: `conversion '${set.name}' declared here` },
      ]),
    });
  });
  return problems;
}
