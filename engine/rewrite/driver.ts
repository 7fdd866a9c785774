// The greedy worklist driver, with MLIR's semantics (GreedyPatternRewriteDriver): constants
// uniqued and hoisted, trivially dead ops erased, ops folded, then the rule set's automaton
// tried; iterated until nothing changes. Convergence is controlled: a rule that claims success
// without a change is an error, and an exhausted budget reports the cycle of rules it saw.
import type { Operation } from "../ir/operation.ts";
import { MemRefType } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { walkPostOrder, walkPreOrder } from "../ir/walk.ts";
import { printOperationText } from "../../grammar/mlir/asm-printer.ts";
import type { Rule } from "./rule.ts";
import type { RuleSet } from "./sema/rule-set.ts";
import { MatchAutomaton } from "./automaton.ts";
import { evaluate, type Binding } from "./evaluate.ts";
import { EvalFailure, asBool } from "./eval-value.ts";
import { applyRule, RewriteError, type Applied } from "./apply.ts";
import { Rewriter, type RewriteListener } from "./rewriter.ts";
import { OperationFolder } from "./fold.ts";
import { findCycle } from "./cycle.ts";
import type { Diagnostic } from "../support/diagnostics.ts";

export interface RuleStats {
  attempts: number;
  successes: number;
  /** Nanoseconds spent matching and rewriting. */
  nanos: bigint;
}

export interface TraceRecord {
  readonly rule: Rule;
  readonly op: Operation;
  readonly before: string;
  readonly after: string;
}

export interface DriverOptions {
  /** Collects per-rule statistics (`--stats`). */
  readonly stats?: Map<Rule, RuleStats>;
  /** Receives every rule application (`--trace-rules`). */
  readonly trace?: (record: TraceRecord) => void;
}

/** A failure of the driver: the op it happened at and the rules involved. */
export interface DriverProblem {
  readonly diagnostic: Diagnostic;
  readonly op: Operation | undefined;
}

export interface DriverResult {
  readonly changed: boolean;
  readonly iterations: number;
  readonly rewrites: number;
  readonly problems: DriverProblem[];
}

export class GreedyDriver implements RewriteListener {
  readonly set: RuleSet;
  readonly automaton: MatchAutomaton;
  private readonly options: DriverOptions;
  private worklist: Operation[] = [];
  private rw!: Rewriter;
  private folder!: OperationFolder;
  private rewrites = 0;
  /** The most recent applications, for finding the cycle when the budget runs out. */
  private readonly history: Rule[] = [];

  constructor(set: RuleSet, options: DriverOptions = {}) {
    this.set = set;
    this.automaton = new MatchAutomaton(set.rules);
    this.options = options;
  }

  // ----- listener -----

  opInserted(op: Operation): void {
    if (op.regions.length === 0) this.add(op);
    else walkPreOrder(op, (o) => this.add(o));
  }
  opErased(op: Operation): void {
    // An erased op stays in the worklist; it is skipped when popped (it has no parent block).
    this.folder.notifyRemoval(op);
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) {
      const d = operands[i]!.value.definingOp;
      if (d !== null) this.add(d);
    }
  }
  valueReplaced(from: Value, _to: Value): void {
    for (let u = from.firstUse; u !== null; u = u.nextUse) this.add(u.owner);
  }

  private add(op: Operation): void {
    if (op.inWorklist) return;
    op.inWorklist = true;
    this.worklist.push(op);
  }

  // ----- the driver loop -----

  run(top: Operation): DriverResult {
    const problems: DriverProblem[] = [];
    this.rw = new Rewriter(top.ctx, this);
    this.folder = new OperationFolder(this.rw);
    let changedAny = false;
    let iteration = 0;
    let changed = true;
    while (changed) {
      if (iteration >= this.set.budget.iterations) {
        problems.push(this.budgetProblem(`${this.set.budget.iterations} iterations`));
        break;
      }
      iteration++;
      this.seed(top);
      try {
        changed = this.processWorklist(problems);
      } catch (e) {
        if (!(e instanceof RewriteError)) throw e;
        problems.push({ diagnostic: e.diagnostic, op: undefined });
        changed = false;
      }
      changedAny ||= changed;
      if (problems.length > 0) break;
    }
    return { changed: changedAny, iterations: iteration, rewrites: this.rewrites, problems };
  }

  /** Fills the worklist: bottom-up in post-order, top-down in pre-order (processed in order). */
  private seed(top: Operation): void {
    for (const op of this.worklist) op.inWorklist = false;
    this.worklist = [];
    this.folder.clear();
    const visit = (op: Operation) => {
      if (op === top) return;
      if (op.hasTrait("ConstantLike") && op.results.length === 1 && !this.folder.insertKnownConstant(op)) return;
      this.add(op);
    };
    if (this.set.order === "bottom-up") walkPostOrder(top, visit);
    else {
      walkPreOrder(top, visit);
      this.worklist.reverse();
    }
  }

  private processWorklist(problems: DriverProblem[]): boolean {
    let changed = false;
    const budget = this.set.budget.rewrites;
    while (this.worklist.length > 0) {
      const op = this.worklist.pop()!;
      op.inWorklist = false;
      if (op.parentBlock === null) continue;
      if (isTriviallyDead(op)) {
        this.rw.eraseOp(op);
        changed = true;
        continue;
      }
      if (this.set.fold && this.folder.tryFold(op)) {
        changed = true;
        continue;
      }
      const applied = this.applyRules(op, problems);
      if (problems.length > 0) return changed;
      if (applied) {
        changed = true;
        if (++this.rewrites >= budget) {
          problems.push(this.budgetProblem(`${budget} rewrites`));
          return changed;
        }
      }
    }
    return changed;
  }

  private applyRules(op: Operation, problems: DriverProblem[]): boolean {
    const candidates = this.automaton.candidates(op);
    const stats = this.options.stats;
    for (let k = 0; k < candidates.length; k++) {
      const v = candidates[k]!;
      const rule = v.rule;
      const started = stats ? process.hrtime.bigint() : 0n;
      const env = v.scratch;
      // A plain loop: Array.prototype.fill was a tenth of the driver's time on small arrays.
      for (let i = 0; i < env.length; i++) env[i] = undefined;
      let ok = v.match(op, env) && this.guardsHold(rule, env);
      let before = "";
      let applied: Applied | undefined;
      let scope: Operation | undefined;
      if (ok) {
        scope = this.options.trace ? isolatedAncestor(op) : undefined;
        if (scope) before = printOperationText(scope);
        const changesBefore = this.rw.changes;
        applied = applyRule(rule, env, op, this.rw);
        ok = applied !== undefined;
        if (ok && this.rw.changes === changesBefore) {
          problems.push({
            op,
            diagnostic: {
              severity: "error",
              code: "PRR3020",
              message: `rule '${rule.name}' matched '${op.name}' and reported success without changing the IR`,
              span: rule.span,
              notes: [],
            },
          });
          return false;
        }
      }
      if (stats) {
        let s = stats.get(rule);
        if (s === undefined) stats.set(rule, (s = { attempts: 0, successes: 0, nanos: 0n }));
        s.attempts++;
        if (ok) s.successes++;
        s.nanos += process.hrtime.bigint() - started;
      }
      if (ok) {
        this.history.push(rule);
        if (this.history.length > 4096) this.history.splice(0, 2048);
        if (this.options.trace) {
          this.options.trace({ rule, op, before, after: scope ? printOperationText(scope) : describeAfter(applied!) });
        }
        return true;
      }
    }
    return false;
  }

  private guardsHold(rule: Rule, env: Binding[]): boolean {
    try {
      const guards = rule.guards;
      for (let i = 0; i < guards.length; i++) if (!asBool(evaluate(guards[i]!, env, this.rw.ctx))) return false;
      return true;
    } catch (e) {
      if (e instanceof EvalFailure) return false;
      throw e;
    }
  }

  private budgetProblem(what: string): DriverProblem {
    const cycle = findCycle(this.history);
    const names = cycle.map((r) => r.name);
    const message =
      cycle.length > 0
        ? `rule set '${this.set.name}' did not converge within ${what}: rules ${names.map((n) => `'${n}'`).join(" -> ")} rewrite in a cycle`
        : `rule set '${this.set.name}' did not converge within ${what}`;
    return {
      op: undefined,
      diagnostic: {
        severity: "error",
        code: "PRR3021",
        message,
        span: cycle[0]?.span ?? this.set.span,
        notes: cycle.slice(1).map((r) => ({ span: r.span, message: `'${r.name}' is part of the cycle` })),
      },
    };
  }
}

/** The op whose IR a trace shows: the nearest isolated ancestor (the function being rewritten). */
function isolatedAncestor(op: Operation): Operation | undefined {
  for (let o: Operation | null = op.parentOp; o !== null; o = o.parentOp) if (o.hasTrait("IsolatedFromAbove")) return o;
  return undefined;
}

/** What replaced the root, as text, when it has no enclosing function: the inserted ops. */
function describeAfter(applied: Applied): string {
  return applied.inserted
    .filter((o) => o.parentBlock !== null)
    .map((o) => printOperationText(o))
    .join("");
}

/** An op whose results are unused and that has no effect beyond them (MLIR's isOpTriviallyDead). */
export function isTriviallyDead(op: Operation): boolean {
  const results = op.results;
  if (results.length === 0) return false;
  for (let i = 0; i < results.length; i++) if (results[i]!.hasUses()) return false;
  if (op.hasTrait("Pure") || op.hasTrait("ConstantLike")) return true;
  // Ops whose effects are on memref operands only (LinalgOp::getEffects): on tensors, an unused one
  // computes nothing anyone sees.
  return op.hasTrait("MemrefEffectsOnly") && op.operands.every((o) => !(o.value.type instanceof MemRefType)) && regionsArePure(op);
}

function regionsArePure(op: Operation): boolean {
  for (const r of op.regions)
    for (const b of r.blocks)
      for (const inner of b.ops()) if (!inner.hasTrait("Pure") && !inner.hasTrait("ConstantLike") && !inner.hasTrait("Terminator")) return false;
  return true;
}
