// The nodes the .prr printer walks, and which of them carry comments (Prettier attaches comments
// only to nodes printed through `print`, so names and types are left out).
import type * as A from "../../grammar/prr/ast.ts";

export type PrrNode = A.PrrFile | A.Item | A.Member | A.Statement | A.Expr | A.Rewrite | A.Comment | A.Name | A.TypeExpr;

/** A comment as Prettier decorates it during attachment. */
export interface AttachedComment extends A.Comment {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  placement?: "ownLine" | "endOfLine" | "remaining";
  /** Set by our handlers: the comment belongs right after an opening `{`. */
  afterBrace?: boolean;
}

export function commentsOf(node: object): AttachedComment[] {
  return (node as { comments?: AttachedComment[] }).comments ?? [];
}

export function isRewrite(node: object): node is A.Rewrite {
  return "statements" in node && "block" in node;
}

const unprintedKinds = new Set(["typevar", "shaped", "file"]);

/** Whether a node is printed through `print` (and may therefore own comments). */
export function canAttachComment(node: object): boolean {
  if (isRewrite(node)) return true;
  const kind = (node as { kind?: unknown }).kind;
  return typeof kind === "string" && !unprintedKinds.has(kind);
}

/** The child keys Prettier walks: everything but spans (which point at the whole source file). */
export function visitorKeys(node: object, nonTraversable: Set<string>): string[] {
  return Object.keys(node).filter((k) => k !== "span" && k !== "comments" && !nonTraversable.has(k));
}
