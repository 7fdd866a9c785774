// The Prettier printer of the .prr plugin: dispatches each node to its printer and hands comment
// attachment the hooks it needs.
import type { AstPath, Doc, Printer } from "prettier";
import type * as A from "../../grammar/prr/ast.ts";
import { canAttachComment, isRewrite, visitorKeys, type PrrNode } from "./nodes.ts";
import { breaksAfterTrailingComments, handleComments, isBlockComment, leftoverDangling, printComment } from "./comments.ts";
import { printExpr, type Print } from "./print-expr.ts";
import { printFile, printItem, printMember, printRewrite, printRule, printStatement } from "./print-decls.ts";

function printNode(node: PrrNode, print: Print, text: string): Doc {
  if (isRewrite(node)) return printRewrite(node, print, text);
  if (!("kind" in node)) throw new Error("the .prr printer reached a node without a kind");
  switch (node.kind) {
    case "file":
      return printFile(node, print, text);
    case "import":
    case "pipeline":
    case "ruleset":
      return printItem(node, print, text);
    case "rule":
      return printRule(node, print);
    case "test":
    case "budget":
    case "order":
    case "fold":
    case "include":
    case "legality":
      return printMember(node);
    case "let":
    case "replace":
    case "erase":
      return printStatement(node, print);
    case "typevar":
    case "shaped":
      throw new Error("types are printed by their expression");
    default:
      return printExpr(node as A.Expr, print, text);
  }
}

export const prrPrinter: Printer<PrrNode> = {
  print(path: AstPath<PrrNode>, options, print) {
    const node = path.node;
    const doc = printNode(node, (selector) => print(selector), options.originalText);
    return [doc, leftoverDangling(node), breaksAfterTrailingComments(node)];
  },
  canAttachComment,
  isBlockComment,
  printComment,
  handleComments,
  getVisitorKeys: visitorKeys,
};
