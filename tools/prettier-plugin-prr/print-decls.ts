// Prints .prr declarations: imports, pipelines, rule sets and their members, rules (header,
// pattern, `where` guards, `=>` rewrite on indented continuation lines when too long) and tests.
import type { Doc } from "prettier";
import { util } from "prettier";
import { builders } from "prettier/doc";
import type * as A from "../../grammar/prr/ast.ts";
import { afterBrace, commentDoc, firstLineOf, takeDangling } from "./comments.ts";
import { startsLikeContinuation } from "./precedence.ts";
import { quoteString, type Print } from "./print-expr.ts";
import { textBlockDoc } from "./text-block.ts";

const { group, hardline, indent, indentIfBreak, join, line } = builders;

/** Siblings one per line, keeping (at most) one blank line where the source had one. */
export function stackLines(nodes: readonly { span: A.Name["span"] }[], docs: Doc[], text: string): Doc {
  return docs.map((doc, i) => {
    const last = i === docs.length - 1;
    if (last) return doc;
    return [doc, hardline, util.isNextLineEmpty(text, nodes[i]!.span.end) ? hardline : ""];
  });
}

/** `{ ... }` holding lines, with comments after the brace and dangling ones on their own lines. */
function braced(node: object, body: Doc): Doc {
  const [after, more] = firstLineOf(takeDangling(node, (c) => c.afterBrace === true));
  const loose = [...more, ...takeDangling(node)].sort((a, b) => a.span.start - b.span.start).map(commentDoc);
  const lines: Doc[] = [...loose, ...(body === "" ? [] : [body])];
  // `{ // note` then `}` on the next line: a comment after `}` must not join the `//` one.
  if (lines.length === 0) return ["{", afterBrace(after), after.some((c) => c.text.startsWith("//")) ? hardline : "", "}"];
  return ["{", afterBrace(after), indent([hardline, join(hardline, lines)]), hardline, "}"];
}

export function printFile(file: A.PrrFile, print: Print, text: string): Doc {
  const loose = takeDangling(file).map(commentDoc);
  const items = stackLines(file.items, file.items.map((_, i) => print(["items", i])), text);
  return [join(hardline, [...loose, ...(file.items.length > 0 ? [items] : [])]), hardline];
}

export function printItem(item: A.ImportDecl | A.PipelineDecl | A.RuleSetDecl, print: Print, text: string): Doc {
  switch (item.kind) {
    case "import":
      return ["import ", quoteString(item.path)];
    case "pipeline":
      return group(["pipeline ", item.name.text, " =", indent([line, join([",", line], item.passes.map((p) => p.text))])]);
    case "ruleset": {
      const members = stackLines(item.members, item.members.map((_, i) => print(["members", i])), text);
      return [item.conversion ? "conversion " : "ruleset ", item.name.text, " ", braced(item, item.members.length > 0 ? members : "")];
    }
  }
}

export function printMember(m: Exclude<A.Member, A.RuleDecl>): Doc {
  switch (m.kind) {
    case "budget":
      return ["budget", ...m.limits.map((l) => ` ${l.name.text} ${l.value}`)];
    case "order":
      return ["order ", m.order.text];
    case "fold":
      return m.enabled ? "fold on" : "fold off";
    case "include":
      return ["include ", m.name.text];
    case "legality":
      return [m.legal ? "legal " : "illegal ", m.target, " ", m.name.text];
    case "test":
      return ["test ", m.name.text, " ", braced(m, join(hardline, [["input ", textBlockDoc(m.input)], ["check ", textBlockDoc(m.check)]]))];
  }
}

/**
 * `rule NAME [priority N]: PATTERN [where G, ...] => REWRITE` on one line when it fits; else the
 * pattern may move to a continuation line, and `where` and `=>` each start one, indented deeper
 * when the pattern moved. A block rewrite opens on the last line of the head.
 */
export function printRule(rule: A.RuleDecl, print: Print): Doc {
  const patternGroup = Symbol("pattern");
  const head: Doc[] = ["rule ", rule.name.text, rule.priority === undefined ? "" : ` priority ${rule.priority}`, ":"];
  const pattern = group(indent([line, print("pattern")]), { id: patternGroup });
  const guards =
    rule.guards.length === 0 ? "" : [line, group(["where ", indent(join([",", line], rule.guards.map((_, i) => print(["guards", i]))))])];
  const continued = (doc: Doc) => indent(indentIfBreak(doc, { groupId: patternGroup }));
  if (rule.rewrite.block) return [group([...head, pattern, continued(guards)]), " => ", print("rewrite")];
  return group([...head, pattern, continued([guards, line, "=> ", print("rewrite")])]);
}

/** The rewrite: an expression, or a block with one statement per line. */
export function printRewrite(r: A.Rewrite, print: Print, text: string): Doc {
  if (!r.block) return r.result === undefined ? "" : print("result");
  const items: { span: A.Name["span"] }[] = [...r.statements, ...(r.result ? [r.result] : [])];
  const docs = r.statements.map((_, i): Doc => {
    const next = r.statements[i + 1] === undefined ? r.result : undefined;
    return [print(["statements", i]), next !== undefined && startsLikeContinuation(next) ? ";" : ""];
  });
  if (r.result !== undefined) docs.push(print("result"));
  return braced(r, items.length > 0 ? stackLines(items, docs, text) : "");
}

export function printStatement(s: A.Statement, print: Print): Doc {
  switch (s.kind) {
    case "let":
      return ["let ", s.name.text, " = ", print("value")];
    case "replace":
      return ["replace ", s.target.text, " with ", print("value")];
    case "erase":
      return ["erase ", s.target.text];
  }
}
