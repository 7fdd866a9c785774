// Comment handling for the .prr printer: how a comment prints, where comments next to an opening
// `{` belong, and the dangling comments of nodes with no child to hold them.
import type { AstPath, Doc } from "prettier";
import { util } from "prettier";
import { builders } from "prettier/doc";
import type { PrrNode, AttachedComment } from "./nodes.ts";
import { commentsOf, isRewrite } from "./nodes.ts";

const { breakParent, hardline, join, lineSuffix, literalline } = builders;

/** A comment verbatim; a block comment keeps its inner lines as written. */
export function commentDoc(comment: { text: string }): Doc {
  return join(literalline, comment.text.split("\n"));
}

/**
 * Prettier appends a trailing comment to the line of the one before it; after a `//` comment that
 * would swallow it, so it starts a line of its own instead.
 */
export function printComment(path: AstPath<PrrNode>): Doc {
  const comment = path.node as AttachedComment;
  const owner = path.parent;
  if (!comment.trailing || comment.placement === "ownLine" || owner === null) return commentDoc(comment);
  // Dangling comments print at a node's end, except in braces (those print inside them).
  const printedAfter = commentsOf(owner).filter((c) => c.trailing || (!c.leading && !isContainer(owner)));
  const previous = printedAfter[printedAfter.indexOf(comment) - 1];
  return previous !== undefined && !previous.text.startsWith("/*") ? [hardline, commentDoc(comment)] : commentDoc(comment);
}

export function isBlockComment(node: PrrNode): boolean {
  return "text" in node && typeof node.text === "string" && node.text.startsWith("/*");
}

interface Decorated {
  enclosingNode?: PrrNode;
  precedingNode?: PrrNode;
  followingNode?: PrrNode;
}

/**
 * A comment on the line of an opening `{` (of a rule set, test or block rewrite), or between `=>`
 * and a block's `{`, stays right after that brace: moving it onto the next member would turn it
 * into that rule's doc comment.
 */
function keepAfterBrace(comment: AttachedComment & Decorated): boolean {
  const { enclosingNode: enclosing, precedingNode: preceding, followingNode: following } = comment;
  let owner: PrrNode | undefined;
  if (following !== undefined && isRewrite(following) && following.block) owner = following;
  else if (enclosing !== undefined && preceding === undefined && opensWithBrace(enclosing)) owner = enclosing;
  if (owner === undefined) return false;
  comment.afterBrace = true;
  util.addDanglingComment(owner, comment, undefined);
  return true;
}

function opensWithBrace(node: PrrNode): boolean {
  if (isRewrite(node)) return node.block;
  return "kind" in node && (node.kind === "ruleset" || node.kind === "test");
}

/**
 * Inside a rule, a comment on its own line trails the node before it rather than leading the
 * next: printed as a leading comment it could land after `where` or `=`, and a second run would
 * then see an end-of-line comment of the node before, and move it. (Between members, a comment
 * still leads the next member: that is a rule's doc comment.)
 */
function trailPrecedingInRule(comment: AttachedComment & Decorated): boolean {
  const { enclosingNode: enclosing, precedingNode: preceding } = comment;
  if (enclosing === undefined || preceding === undefined || isContainer(enclosing)) return false;
  util.addTrailingComment(preceding, comment);
  return true;
}

/** Whether a comment sits between `ruleset NAME` (or `test NAME`) and its `{`. */
function inHeader(comment: AttachedComment & Decorated, text: string): boolean {
  const node = comment.enclosingNode;
  if (node === undefined || comment.precedingNode !== undefined || !("kind" in node)) return false;
  if (node.kind !== "ruleset" && node.kind !== "test") return false;
  const brace = util.getNextNonSpaceNonCommentCharacterIndex(text, node.name.span.end);
  return brace !== false && comment.span.start < brace;
}

/** Nodes holding members or statements one per line. */
function isContainer(node: PrrNode): boolean {
  if (isRewrite(node)) return node.block;
  return "kind" in node && (node.kind === "file" || node.kind === "ruleset" || node.kind === "test");
}

export const handleComments = {
  endOfLine: (comment: AttachedComment & Decorated, text: string) => leadHeader(comment, text) || keepAfterBrace(comment),
  ownLine: (comment: AttachedComment & Decorated, text: string) => {
    const following = comment.followingNode;
    if (following !== undefined && isRewrite(following) && following.block) return keepAfterBrace(comment);
    // A block comment that shares its line with what follows stays in front of it.
    const endsLine = comment.text.startsWith("//") || util.hasNewline(text, comment.span.end);
    return leadHeader(comment, text) || (endsLine && trailPrecedingInRule(comment));
  },
  remaining: (comment: AttachedComment & Decorated, text: string) => leadHeader(comment, text) || keepAfterBrace(comment),
};

/** A comment inside `ruleset NAME {` (before the brace) moves above the rule set. */
function leadHeader(comment: AttachedComment & Decorated, text: string): boolean {
  if (!inHeader(comment, text)) return false;
  util.addLeadingComment(comment.enclosingNode, comment);
  return true;
}

/** A comment trailing on its own line prints after a line break, which must then be taken. */
export function breaksAfterTrailingComments(node: object): Doc {
  return commentsOf(node).some((c) => c.trailing && c.placement === "ownLine") ? breakParent : "";
}

/** Takes the node's dangling comments that satisfy `which`, marking them printed. */
export function takeDangling(node: object, which: (c: AttachedComment) => boolean = () => true): AttachedComment[] {
  const taken = commentsOf(node).filter((c) => !c.leading && !c.trailing && !c.printed && which(c));
  for (const c of taken) c.printed = true;
  return taken;
}

/** Comments after an opening brace, to the end of its line. */
export function afterBrace(comments: readonly AttachedComment[]): Doc {
  if (comments.length === 0) return "";
  return [lineSuffix([" ", join(" ", comments.map(commentDoc))]), breakParent];
}

/** Splits comments into those that fit on one line (block comments up to the first `//`) and the rest. */
export function firstLineOf(comments: readonly AttachedComment[]): [AttachedComment[], AttachedComment[]] {
  const end = comments.findIndex((c) => c.text.startsWith("//"));
  const cut = end < 0 ? comments.length : end + 1;
  return [comments.slice(0, cut), comments.slice(cut)];
}

/** Whatever dangling comments a node's own printer left: at the end of the line, never lost. */
export function leftoverDangling(node: object): Doc {
  const dangling = takeDangling(node);
  const inline = dangling.filter((c) => c.text.startsWith("/*") && !c.text.includes("\n"));
  const [first, rest] = firstLineOf(dangling.filter((c) => !inline.includes(c)));
  // No breakParent: a later run sees these as comments trailing the line, which break nothing.
  return [
    inline.map((c) => [" ", c.text]),
    first.length === 0 ? "" : lineSuffix([" ", join(" ", first.map(commentDoc))]),
    rest.length === 0 ? "" : lineSuffix([hardline, join(hardline, rest.map(commentDoc))]),
  ];
}
