// The syntax of a first-order term rewriting system as read from an ARI or COPS file:
// declared symbols, rules and their source spans, before any engine representation.
import type { Span } from "../../engine/support/source.ts";

/** A variable occurrence, e.g. `x`. */
export interface VarSyntax {
  readonly kind: "var";
  readonly name: string;
  readonly span: Span;
}

/** A function application, e.g. `(f x a)` or `f(x, a)`; constants have no arguments. */
export interface AppSyntax {
  readonly kind: "app";
  readonly name: string;
  readonly args: readonly TermSyntax[];
  readonly span: Span;
}

export type TermSyntax = VarSyntax | AppSyntax;

export interface RuleSyntax {
  readonly lhs: TermSyntax;
  readonly rhs: TermSyntax;
  readonly span: Span;
}

export interface FunSyntax {
  readonly name: string;
  readonly arity: number;
  readonly span: Span;
}

/** A parsed, well-formed TRS: every symbol has one arity, rules satisfy the variable conditions. */
export interface TrsProblem {
  readonly format: "ari" | "cops";
  /** Function symbols in declaration (or first-use) order. */
  readonly funs: readonly FunSyntax[];
  readonly rules: readonly RuleSyntax[];
  /** `; @key value` metadata (ARI) or the COMMENT section (COPS). */
  readonly meta: ReadonlyMap<string, string>;
}
