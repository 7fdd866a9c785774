// Compiles all rules of a set into one matching automaton: a decision tree that switches on the op
// name found at a path (the root, the op defining operand i, the op defining its operand j, ...)
// and on the literal attributes of the ops there, shared by every rule. A leaf holds the few rule variants left, in priority order; each is then
// matched in full (bindings, attributes, types) and its guards evaluated.
import type { Operation } from "../ir/operation.ts";
import type { OpOperand } from "../ir/value.ts";
import { attrKey } from "./literal-key.ts";
import { compileMatcher, type CompiledMatcher } from "./match-codegen.ts";
import type { Binding } from "./evaluate.ts";
import type { OpPat, Rule, ValuePat } from "./rule.ts";

/** A rule, or one operand order of a rule over Commutative ops. */
export interface Variant {
  readonly rule: Rule;
  readonly pattern: OpPat;
  /** Lower runs first: priority (higher first), then position in the set. */
  readonly rank: number;
  /** The pattern compiled to straight-line code (match-codegen.ts). */
  readonly match: CompiledMatcher;
  /** The bindings array a match fills, reused across attempts (one match runs at a time). */
  readonly scratch: Binding[];
}

type Path = readonly number[];

const noVariants: readonly Variant[] = [];

/** The leaf of no rules, shared: a switch skips a fallback that is this leaf. */
const emptyLeaf: DecisionNode = { kind: "leaf", variants: noVariants };

/** What a switch looks at: the name of the op at a path, or one of its attributes' literal key. */
interface Test {
  readonly path: Path;
  /** undefined: the op's name; else the attribute's key (see literal-key.ts). */
  readonly attr: string | undefined;
  /** The value this pattern needs. */
  readonly value: string;
}

export type DecisionNode =
  | {
      readonly kind: "switch";
      readonly path: Path;
      readonly attr: string | undefined;
      readonly cases: Map<string, DecisionNode>;
      readonly fallback: DecisionNode;
      /**
       * Whether every case holds the fallback's variants too: then a lookup follows one branch
       * only (the case, or the fallback when no case is selected) and reaches one leaf whose list
       * is already in rank order. Else the lookup follows the case and the fallback and merges.
       */
      readonly total: boolean;
    }
  | { readonly kind: "leaf"; readonly variants: readonly Variant[] };

interface Pending {
  readonly variant: Variant;
  /** Tests still to be decided, by test key (path, and attribute name if any). */
  readonly tests: Map<string, Test>;
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
      for (const pattern of commutativeVariants(rule.pattern)) variants.push({ rule, pattern, rank, match: compileMatcher(pattern), scratch: Array.from({ length: rule.vars.length }, () => undefined) });
    });
    this.variants = variants;
    this.size = { switches: 0, leaves: 0 };
    this.copyBudget = 1024 + 8 * variants.length;
    this.root = this.build(variants.map((v) => ({ variant: v, tests: patternTests(v.pattern) })));
  }

  /**
   * The rule variants that may match `op`, best first. A total switch sends the op down the case
   * its value selects, or else the fallback; any other switch sends it down both (the fallback
   * holds the variants that do not care), so a variant sits in one leaf unless a total switch
   * copied it, and the tree grows linearly with the rules.
   */
  candidates(op: Operation): readonly Variant[] {
    let node = this.root;
    // Total switches send the op down one branch: no stack, no merging.
    while (node.kind === "switch" && node.total) node = selectCase(node, op) ?? node.fallback;
    if (node.kind === "leaf") return node.variants;
    return this.collect(node, op);
  }

  /** The general lookup below a switch that is not total: every branch taken, leaves merged by rank. */
  private collect(start: DecisionNode, op: Operation): readonly Variant[] {
    const stack = this.stack;
    let sp = 0;
    stack[sp++] = start;
    let found: readonly Variant[] = noVariants;
    let merged = 0;
    const buffer = this.buffer;
    while (sp > 0) {
      const node = stack[--sp]!;
      if (node.kind === "leaf") {
        const vs = node.variants;
        if (vs.length === 0) continue;
        if (found.length === 0) {
          found = vs;
          continue;
        }
        if (merged === 0) for (const v of found) buffer[merged++] = v;
        // Insertion by rank: the lists are short and each is sorted already.
        for (const v of vs) {
          let i = merged++;
          while (i > 0 && buffer[i - 1]!.rank > v.rank) {
            buffer[i] = buffer[i - 1]!;
            i--;
          }
          buffer[i] = v;
        }
        continue;
      }
      const next = selectCase(node, op);
      if (node.total) {
        stack[sp++] = next ?? node.fallback;
        continue;
      }
      if (node.fallback !== emptyLeaf) stack[sp++] = node.fallback;
      if (next !== undefined) stack[sp++] = next;
    }
    if (merged === 0) return found;
    // Truncating is a slow builtin: only merged lookups, which are rare, pay for it.
    if (buffer.length !== merged) buffer.length = merged;
    return buffer;
  }

  /** How many more variant copies total switches may make. */
  private copyBudget: number;

  /** Where merged candidate lists are built; valid until the next call (callers iterate it at once). */
  private readonly buffer: Variant[] = [];
  private readonly stack: DecisionNode[] = [];

  private build(pending: readonly Pending[]): DecisionNode {
    if (pending.length === 0) return emptyLeaf;
    const chosen = chooseTest(pending);
    if (chosen === undefined) {
      this.size.leaves++;
      return { kind: "leaf", variants: pending.map((p) => p.variant).sort((a, b) => a.rank - b.rank) };
    }
    const { key, test } = chosen;
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
      let list = byName.get(t.value);
      if (list === undefined) byName.set(t.value, (list = []));
      list.push({ variant: p.variant, tests: rest });
    }
    // Copying the fallback's variants into every case makes the switch total (one branch per
    // lookup). The copies are bounded per switch and per automaton, so the tree stays linear in the
    // rules: past the bounds a fallback stays shared and lookups merge.
    const copies = dontCare.length * byName.size;
    const total = copies <= totalCopiesPerSwitch && this.copyBudget >= copies;
    if (total) this.copyBudget -= copies;
    const cases = new Map<string, DecisionNode>();
    for (const [name, list] of byName) cases.set(name, this.build(total ? [...list, ...dontCare] : list));
    this.size.switches++;
    return { kind: "switch", path: test.path, attr: test.attr, cases, fallback: this.build(dontCare), total };
  }
}

/** The most variant copies one switch makes to become total. */
const totalCopiesPerSwitch = 512;

/** The branch of a switch the op selects, if any. */
function selectCase(node: Extract<DecisionNode, { kind: "switch" }>, op: Operation): DecisionNode | undefined {
  const target = opAt(op, node.path);
  if (target === null) return undefined;
  if (node.attr === undefined) return node.cases.get(target.name);
  const a = target.getAttr(node.attr);
  return a === undefined ? undefined : node.cases.get(attrKey(a));
}

/**
 * The most-shared undecided test: op names before attributes, shallower paths first on ties; or
 * undefined when every test is decided.
 */
function chooseTest(pending: readonly Pending[]): { key: string; test: Test } | undefined {
  const counts = new Map<string, { test: Test; n: number }>();
  for (const p of pending)
    for (const [key, t] of p.tests) {
      const c = counts.get(key);
      if (c === undefined) counts.set(key, { test: t, n: 1 });
      else c.n++;
    }
  let best: { key: string; test: Test; n: number } | undefined;
  const score = (t: Test) => (t.attr === undefined ? 0 : 1000) + t.path.length;
  for (const [key, c] of counts)
    if (best === undefined || c.n > best.n || (c.n === best.n && score(c.test) < score(best.test))) best = { key, ...c };
  return best;
}

/** Name and literal-attribute tests at fixed operand paths (operands after a variadic list have none). */
function patternTests(p: OpPat): Map<string, Test> {
  const tests = new Map<string, Test>();
  const visit = (q: ValuePat, path: number[]): void => {
    if (q.kind !== "op") return;
    const at = path.join(".");
    if (!q.anyConstant) tests.set(at, { path: [...path], attr: undefined, value: q.name });
    for (const a of q.attrs)
      if (a.match.kind === "literal" && a.match.key !== undefined) tests.set(`${at}@${a.name}`, { path: [...path], attr: a.name, value: a.match.key });
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
