// Dialect attributes and types prr keeps as text: `#d.name<body>` / `!d.name<body>`. The body
// is scanned as MLIR does (balanced brackets, strings), and aliases inside it are expanded.
import type { Parser } from "./parser.ts";
import { printAttribute, printType } from "./print-attribute.ts";

const open = new Map([
  [60, 62],
  [40, 41],
  [91, 93],
  [123, 125],
]);

/**
 * Reads `name` plus an optional `<...>` body starting at `bodyStart` (just after the
 * identifier), leaves the lexer after it, and returns the text with aliases expanded.
 */
export function dialectBody(p: Parser, name: string, bodyStart: number): string {
  const text = p.text;
  if (text.charCodeAt(bodyStart) !== 60) {
    p.consume();
    return name;
  }
  const stack: number[] = [];
  let i = bodyStart;
  for (;;) {
    if (i >= text.length)
      p.error("PRR1012", "unbalanced '<' in dialect attribute or type", { file: p.file, start: bodyStart, end: bodyStart + 1 });
    const c = text.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (i >= text.length) p.error("PRR1002", "unterminated string", { file: p.file, start: bodyStart, end: i });
      i++;
      continue;
    }
    const close = open.get(c);
    if (close !== undefined) stack.push(close);
    else if (c === 62 && text.charCodeAt(i - 1) === 45) {
      // `->` inside a body (function types) does not close a bracket.
    } else if (c === 62 || c === 41 || c === 93 || c === 125) {
      if (stack.pop() !== c)
        p.error("PRR1012", "unbalanced brackets in dialect attribute or type", { file: p.file, start: i, end: i + 1 });
      if (stack.length === 0) {
        i++;
        break;
      }
    }
    i++;
  }
  const body = expandAliases(p, collapseLines(text.slice(bodyStart, i)));
  p.lex.reset(i);
  p.consume();
  return name + body;
}

/** A body written over several lines is kept on one: line breaks and their indentation become a space. */
function collapseLines(body: string): string {
  if (body.indexOf("\n") < 0) return body;
  return body.replace(/"(?:[^"\\]|\\.)*"|[ \t\r]*\n\s*/g, (m) => (m.startsWith('"') ? m : " "));
}

/** Replaces `#alias` and `!alias` references (outside strings) by the aliased text. */
function expandAliases(p: Parser, body: string): string {
  if (body.indexOf("#") < 0 && body.indexOf("!") < 0) return body;
  return body.replace(
    /"(?:[^"\\]|\\.)*"|([#!])([A-Za-z_][\w$]*)(?![\w$.<])/g,
    (m, sigil: string | undefined, id: string | undefined) => {
      if (!sigil || !id) return m;
      if (sigil === "#") {
        const a = p.attrAliases.get(id);
        return a ? printAttribute(a) : m;
      }
      const t = p.typeAliases.get(id);
      return t ? printType(t) : m;
    },
  );
}
