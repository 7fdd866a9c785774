// Applies exactly one rule to a module, once at each op it matches (commutative operand orders
// included, guards evaluated as the driver does), through the rewrite engine; no folding, no
// dead-code removal, no other rule. The ops the rule creates are not revisited.
import type { Operation } from "../../../ir/operation.ts";
import { walkPreOrder } from "../../../ir/walk.ts";
import type { Rule } from "../../../rewrite/rule.ts";
import { commutativeVariants } from "../../../rewrite/automaton.ts";
import { matchOp } from "../../../rewrite/match.ts";
import { evaluate, type Binding } from "../../../rewrite/evaluate.ts";
import { EvalFailure, asBool } from "../../../rewrite/eval-value.ts";
import { applyRule } from "../../../rewrite/apply.ts";
import { Rewriter } from "../../../rewrite/rewriter.ts";

/** The number of ops the rule rewrote. */
export function applyRuleOnce(rule: Rule, module: Operation): number {
  const rw = new Rewriter(module.ctx);
  const variants = commutativeVariants(rule.pattern);
  const ops: Operation[] = [];
  walkPreOrder(module, (op) => {
    if (op !== module) ops.push(op);
  });
  let applied = 0;
  for (const op of ops) {
    if (op.parentBlock === null) continue;
    for (const pattern of variants) {
      const env: Binding[] = new Array<Binding>(rule.vars.length);
      if (!matchOp(pattern, op, env) || !guardsHold(rule, env, rw)) continue;
      if (applyRule(rule, env, op, rw) !== undefined) {
        applied++;
        break;
      }
    }
  }
  return applied;
}

function guardsHold(rule: Rule, env: readonly Binding[], rw: Rewriter): boolean {
  try {
    for (const g of rule.guards) if (!asBool(evaluate(g, env, rw.ctx))) return false;
    return true;
  } catch (e) {
    if (e instanceof EvalFailure) return false;
    throw e;
  }
}
