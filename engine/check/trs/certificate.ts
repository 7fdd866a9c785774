// Certificates: the JSON evidence behind every YES and NO, self-contained so that an independent
// checker can replay it against the rules alone. Rules are numbered from 1, positions too.
import { isVar, type Term, type TermBank } from "./term.ts";
import type { Step } from "./rewrite.ts";

/** A variable is a string; an application (constants included) is `[symbol, ...arguments]`. */
export type CTerm = string | [string, ...CTerm[]];

/** One rewrite step: rule number `rule` (from 1) applied at `pos` (argument numbers from 1) gives `term`. */
export interface CStep {
  readonly rule: number;
  readonly pos: readonly number[];
  readonly term: CTerm;
}

/** A rule as data (for rules a certificate adds). */
export interface CRule {
  readonly lhs: CTerm;
  readonly rhs: CTerm;
}

/** A critical pair `left ← peak → right`: `inner` at `pos`, `outer` at the root. */
export interface CPair {
  readonly outer: number;
  readonly inner: number;
  readonly pos: readonly number[];
  readonly peak: CTerm;
  readonly left: CTerm;
  readonly right: CTerm;
}

/** Derivations from `left` and from `right` to a common term. */
export interface CJoin {
  readonly leftSteps: readonly CStep[];
  readonly rightSteps: readonly CStep[];
}

export type COrder =
  | CDependencyPairs
  | { readonly kind: "lpo"; readonly precedence: readonly string[] }
  | {
      readonly kind: "kbo";
      readonly precedence: readonly string[];
      readonly weights: Readonly<Record<string, number>>;
      readonly variableWeight: number;
    }
  | {
      /** Monotone polynomials over the naturals ≥ `domainMin`; each monomial is a coefficient and variable exponents. */
      readonly kind: "polynomial";
      readonly domainMin: number;
      readonly interpretation: Readonly<Record<string, readonly CMonomial[]>>;
    };

/**
 * Termination by dependency pairs: `marks` names the marked symbol f# of each defined f; `pairs` are
 * the calls (rule number, position in its right-hand side, from 1); each step handles one cyclic
 * strongly connected component (indices into `pairs`) of the estimated dependency graph, removing
 * pairs by a projection (marked symbol → argument, from 1) or a weakly monotone interpretation.
 */
export interface CDependencyPairs {
  readonly kind: "dependency-pairs";
  readonly marks: Readonly<Record<string, string>>;
  readonly pairs: readonly { readonly rule: number; readonly pos: readonly number[] }[];
  readonly steps: readonly {
    readonly scc: readonly number[];
    readonly projection?: Readonly<Record<string, number>>;
    readonly interpretation?: Readonly<Record<string, readonly CMonomial[]>>;
    readonly removed: readonly number[];
  }[];
}

/** `coefficient · x1^e1 · … · xn^en` over the symbol's arguments. */
export interface CMonomial {
  readonly coefficient: number;
  readonly exponents: readonly number[];
}

/** Why two terms `s` and `t` have no common reduct. */
export type CNonJoinable =
  | { readonly kind: "normal-forms" }
  | { readonly kind: "tcap" }
  /**
   * `closure` contains s and is closed under rewriting, so it holds every reduct of s; none of its
   * members is a reduct of t: it is outside `otherClosure` (closed, containing t), or tcap(t) does not unify with it.
   */
  | {
      readonly kind: "closure";
      readonly closure: readonly CTerm[];
      readonly otherClosure?: readonly CTerm[];
      readonly swap: boolean;
    }
  /** Tree automata closed under rewriting (the system is left-linear) accept s and t in disjoint languages. */
  | { readonly kind: "automata"; readonly left: CAutomaton; readonly right: CAutomaton };

/** A tree automaton: `head(args) → to` transitions (a variable of the term is a constant) and ε-transitions. */
export interface CAutomaton {
  readonly final: number;
  readonly transitions: readonly {
    readonly symbol?: string;
    readonly variable?: string;
    readonly args: readonly number[];
    readonly to: number;
  }[];
  readonly epsilons: readonly (readonly [number, number])[];
}

export type Certificate =
  | {
      readonly answer: "YES";
      readonly criterion: "knuth-bendix";
      readonly order: COrder;
      readonly joins: readonly (CPair & CJoin)[];
    }
  | { readonly answer: "YES"; readonly criterion: "weakly-orthogonal" }
  | {
      readonly answer: "YES";
      readonly criterion: "development-closed";
      /** For overlays, `right` rewrites to `via` in `rightSteps`, and `left` develops to `via`; otherwise `via` is `right`. */
      readonly pairs: readonly (CPair & { readonly via: CTerm; readonly rightSteps: readonly CStep[] })[];
    }
  | {
      readonly answer: "YES";
      readonly criterion: "strongly-closed";
      /** Each pair closed both ways: `left →= u ←* right` and `right →= v ←* left`. */
      readonly pairs: readonly (CPair & { readonly leftToRight: CJoin; readonly rightToLeft: CJoin })[];
    }
  | {
      readonly answer: "YES";
      readonly criterion: "reversible";
      readonly inverses: readonly { readonly rule: number; readonly steps: readonly CStep[] }[];
    }
  | {
      readonly answer: "YES";
      readonly criterion: "disjoint-union";
      /** Groups of rules (numbers from 1) whose function symbols are disjoint, each proved confluent on its own, renumbered. */
      readonly components: readonly { readonly rules: readonly number[]; readonly proof: Certificate }[];
    }
  | {
      readonly answer: "YES";
      readonly criterion: "rule-labelling";
      /** The label of each rule, in rule order; critical peaks must be decreasing (the system is linear). */
      readonly labels: readonly number[];
      readonly pairs: readonly (CPair & CJoin)[];
    }
  | {
      readonly answer: "YES";
      readonly criterion: "cr-modulo";
      /** The rules of P (the rest is S); the inverse of rule k is numbered -k in `pairs`. */
      readonly symmetric: readonly number[];
      /** For each rule of P, P-steps from its right-hand side back to its left-hand side. */
      readonly inverses: readonly { readonly rule: number; readonly steps: readonly CStep[] }[];
      /** S strictly decreasing, P weakly: S/P terminates. */
      readonly order: COrder;
      /** Every critical pair of S with S ∪ P ∪ P⁻¹ and of P ∪ P⁻¹ with S: S-steps, then P-steps between the ends. */
      readonly pairs: readonly (CPair & CJoin & { readonly equivSteps: readonly CStep[] })[];
    }
  | {
      readonly answer: "YES" | "NO";
      readonly criterion: "redundant-rules";
      /** Rules added in order, each derivable (`steps` from lhs to rhs) in the rules before it. */
      readonly added: readonly (CRule & { readonly steps: readonly CStep[] })[];
      /**
       * Rules removed in order, numbered in the extended system (original rules, then added ones); each is
       * joinable using only rules not removed yet (itself excluded), so it stays convertible in the final system.
       */
      readonly removed: readonly { readonly rule: number; readonly join: CJoin }[];
      /** The proof for the final system: the extended system's remaining rules, renumbered from 1 in order. */
      readonly proof: Certificate;
    }
  | {
      readonly answer: "NO";
      readonly criterion: "non-joinable-peak";
      readonly peak: CTerm;
      readonly left: readonly CStep[];
      readonly right: readonly CStep[];
      readonly reason: CNonJoinable;
    };

export function toCTerm(bank: TermBank, t: Term): CTerm {
  if (isVar(t)) return bank.varName(t);
  return [bank.symbolName(t.head), ...t.args.map((a) => toCTerm(bank, a))];
}

export function toCSteps(bank: TermBank, steps: readonly Step[]): CStep[] {
  return steps.map((s) => ({ rule: s.rule.index + 1, pos: s.pos.map((i) => i + 1), term: toCTerm(bank, s.to) }));
}
