// Compiles all rules of a set into one matching automaton: a decision tree that switches on the op
// name found at a path (the root, the op defining operand i, the op defining its operand j, ...),
// shared by every rule. A leaf holds the few rule variants left, in priority order; each is then
// matched in full (bindings, attributes, types) and its guards evaluated.
import type { Operation } from "../ir/operation.ts";
import type { OpOperand } from "../ir/value.ts";
import type { OpPat, Rule, ValuePat } from "./rule.ts";

/** A rule, or one operand order of a rule over Commutative ops. */
export interface Variant {
  readonly rule: Rule;
  readonly pattern: OpPat;
  /** Lower runs first: priority (higher first), then position in the set. */
  readonly rank: number;
}

type Path = readonly number[];

export type DecisionNode =
  | { readonly kind: "switch"; readonly path: Path; readonly cases: Map<string, DecisionNode>; readonly fallback: DecisionNode }
  | { readonly kind: "leaf"; readonly variants: readonly Variant[] };

interface Pending {
  readonly variant: Variant;
  /** Op-name tests still to be decided, by path key. */
  readonly tests: Map<string, { path: Path; name: string }>;
}

export class MatchAutomaton {
  readonly root: DecisionNode;
  readonly variants: readonly Variant[];
  /** Number of switch nodes and leaves, for statistics. */
  readonly size: { switches: number; leaves: number };

  constructor(rules: readonly Rule[]) {
    const sorted = [...rules].sort((a, b) => b.priority - a.priority || a.order - b.order);
    const variants: Variant[] = [];
    sorted.forEach((rule, rank) => {
      for (const pattern of commutativeVariants(rule.pattern)) variants.push({ rule, pattern, rank });
    });
    this.variants = variants;
    this.size = { switches: 0, leaves: 0 };
    this.root = this.build(variants.map((v) => ({ variant: v, tests: nameTests(v.pattern) })));
  }

  /** The rule variants that may match `op`, best first. */
  candidates(op: Operation): readonly Variant[] {
    let node = this.root;
    while (node.kind === "switch") {
      const target = opAt(op, node.path);
      node = (target === null ? undefined : node.cases.get(target.name)) ?? node.fallback;
    }
    return node.variants;
  }

  private build(pending: readonly Pending[]): DecisionNode {
    const path = choosePath(pending);
    if (path === undefined) {
      this.size.leaves++;
      return { kind: "leaf", variants: pending.map((p) => p.variant).sort((a, b) => a.rank - b.rank) };
    }
    const key = path.join(".");
    const byName = new Map<string, Pending[]>();
    const dontCare: Pending[] = [];
    for (const p of pending) {
      const t = p.tests.get(key);
      if (t === undefined) {
        dontCare.push(p);
        continue;
      }
      const rest = new Map(p.tests);
      rest.delete(key);
      let list = byName.get(t.name);
      if (list === undefined) byName.set(t.name, (list = []));
      list.push({ variant: p.variant, tests: rest });
    }
    const cases = new Map<string, DecisionNode>();
    for (const [name, list] of byName) cases.set(name, this.build([...list, ...dontCare]));
    this.size.switches++;
    return { kind: "switch", path, cases, fallback: this.build(dontCare) };
  }
}

/** The most-tested undecided path (the root first), or undefined when every test is decided. */
function choosePath(pending: readonly Pending[]): Path | undefined {
  const counts = new Map<string, { path: Path; n: number }>();
  for (const p of pending)
    for (const [key, t] of p.tests) {
      const c = counts.get(key);
      if (c === undefined) counts.set(key, { path: t.path, n: 1 });
      else c.n++;
    }
  let best: { path: Path; n: number } | undefined;
  for (const c of counts.values())
    if (best === undefined || c.n > best.n || (c.n === best.n && c.path.length < best.path.length)) best = c;
  return best?.path;
}

/** Op-name tests at fixed operand paths (operands after a variadic list have no fixed index). */
function nameTests(p: OpPat): Map<string, { path: Path; name: string }> {
  const tests = new Map<string, { path: Path; name: string }>();
  const visit = (q: ValuePat, path: number[]): void => {
    if (q.kind !== "op" || q.anyConstant) return;
    tests.set(path.join("."), { path: [...path], name: q.name });
    const fixed = q.variadic === undefined ? q.operands.length : q.variadic.index;
    for (let i = 0; i < fixed; i++) visit(q.operands[i]!, [...path, i]);
  };
  visit(p, []);
  return tests;
}

/** The op at a path: the root, then the defining op of operand i of the previous op, ... */
function opAt(root: Operation, path: Path): Operation | null {
  let op: Operation | null = root;
  for (let i = 0; i < path.length && op !== null; i++) {
    const operand: OpOperand | undefined = op.operands[path[i]!];
    op = operand === undefined ? null : operand.value.definingOp;
  }
  return op;
}

/** Both operand orders of every Commutative binary op in the pattern (bounded: 64 variants). */
export function commutativeVariants(p: OpPat): OpPat[] {
  const expand = (q: ValuePat): ValuePat[] => {
    if (q.kind !== "op") return [q];
    let lists: ValuePat[][] = [[]];
    for (const o of q.operands) {
      const alts = expand(o);
      const next: ValuePat[][] = [];
      for (const l of lists) for (const a of alts) if (next.length < 64) next.push([...l, a]);
      lists = next;
    }
    const out: OpPat[] = [];
    const commutative = q.def?.traits.has("Commutative") === true && q.operands.length === 2 && q.variadic === undefined;
    for (const l of lists) {
      out.push({ ...q, operands: l });
      if (commutative && !samePattern(l[0]!, l[1]!) && out.length < 64) out.push({ ...q, operands: [l[1]!, l[0]!] });
    }
    return out;
  };
  return expand(p) as OpPat[];
}

function samePattern(a: ValuePat, b: ValuePat): boolean {
  return a.kind === "any" && b.kind === "any" && a.slot === b.slot && a.slot >= 0 && a.type === b.type;
}
