// Prints .prr expressions (patterns, guards, rewrites) and types: argument lists break one per
// line when too long, operators are parenthesized by precedence, literals keep their spelling.
import type { Doc } from "prettier";
import { builders } from "prettier/doc";
import type * as A from "../../grammar/prr/ast.ts";
import { decodeString } from "../../grammar/prr/cst-to-ast.ts";
import { binaryPrecedence, endsWithBareTerm, operandNeedsParens, postfixLevel, precedence, startsLikeContinuation, unaryLevel } from "./precedence.ts";
import { commentsOf } from "./nodes.ts";
import { textBlockDoc } from "./text-block.ts";

const { group, indent, join, line, softline } = builders;

/** Prints the child at a path below the current node (with its comments). */
export type Print = (selector: string | number | (string | number)[]) => Doc;

export function printExpr(e: A.Expr, print: Print, text: string): Doc {
  switch (e.kind) {
    case "var":
      return e.name;
    case "wildcard":
      return "_";
    case "int":
      return intText(e, text);
    case "float":
      return e.text;
    case "bool":
      return e.value ? "true" : "false";
    case "string":
      return stringText(e, text);
    case "term":
      return printTerm(e, print, text);
    case "call":
      return [e.callee.text, argList(e.args.map((_, i) => print(["args", i])))];
    case "native":
      return ["native ", e.callee.text, argList(e.args.map((_, i) => print(["args", i])))];
    case "template":
      return ["mlir ", textBlockDoc(e.text)];
    case "tuple":
      return argList(e.elements.map((_, i) => print(["elements", i])));
    case "binary":
      return printBinary(e, print);
    case "unary":
      return [e.op, e.op === "-" && startsLikeContinuation(e.operand) ? " " : "", parenthesize(print("operand"), precedence(e.operand) < unaryLevel)];
    case "bind":
      return [e.name.text, "@", parenthesize(print("inner"), precedence(e.inner) < postfixLevel)];
    case "result":
      return [postfixOperand(e.inner, print), "#", String(e.index)];
    case "variadic":
      return [e.name.text, "..."];
    case "typed":
      return [postfixOperand(e.inner, print), " : ", typeList(e.types)];
  }
}

function parenthesize(doc: Doc, needed: boolean): Doc {
  return needed ? ["(", doc, ")"] : doc;
}

function postfixOperand(inner: A.Expr, print: Print): Doc {
  return parenthesize(print("inner"), precedence(inner) < postfixLevel);
}

/** `(a, b, c)`, or one element per line when it does not fit. */
export function argList(items: Doc[]): Doc {
  if (items.length === 0) return "()";
  return group(["(", indent([softline, join([",", line], items)]), softline, ")"]);
}

/** An integer as written (hex stays hex) when the source spells this value, else in decimal. */
function intText(e: A.IntExpr, text: string): Doc {
  const written = text.slice(e.span.start, e.span.end).replace(/\s+/g, "");
  if (/^-?(?:0x[0-9a-fA-F]+|\d+)$/.test(written)) {
    const negative = written.startsWith("-");
    const magnitude = BigInt(negative ? written.slice(1) : written);
    // `-0` would read as a negation once its value (0) sits where a literal binds tighter.
    if (negative === e.value < 0n && (negative ? -magnitude : magnitude) === e.value) return written;
  }
  return e.value.toString();
}

function stringText(e: A.StringExpr, text: string): Doc {
  const written = text.slice(e.span.start, e.span.end);
  if (written.startsWith('"') && decodeString(written) === e.value) return written;
  return quoteString(e.value);
}

/** A string literal that decodes (decodeString) back to `value`. */
export function quoteString(value: string): string {
  const body = value.replace(/[\\"\x00-\x1f]/g, (c) => {
    if (c === "\\") return "\\\\";
    if (c === '"') return '\\"';
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    return `\\${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return `"${body}"`;
}

function printTerm(e: A.TermExpr, print: Print, text: string): Doc {
  const parts: Doc[] = [e.op.text];
  if (e.args.length > 0 || text.slice(e.op.span.end).trimStart().startsWith("("))
    parts.push(argList(e.args.map((_, i) => print(["args", i]))));
  if (e.attrs.length > 0) {
    const entries = e.attrs.map((a, i) => [a.name.text, " = ", print(["attrs", i, "value"])]);
    parts.push(" ", group(["{", indent([softline, join([",", line], entries)]), softline, "}"]));
  }
  if (e.region !== undefined) {
    const args = e.region.args.map((a) => a.text).join(", ");
    parts.push(group([" ^(", args, ") {", indent([line, print(["region", "body"])]), line, "}"]));
  }
  return parts;
}

/**
 * `a + b - c`: a left-nested chain of one precedence level prints flat, breaking after its
 * operators when too long. A link that carries comments is printed as its own node.
 */
function printBinary(e: A.BinaryExpr, print: Print): Doc {
  const level = binaryPrecedence(e.op);
  const links: Doc[] = [];
  let node: A.Expr = e;
  let at: string[] = [];
  for (;;) {
    const n: A.BinaryExpr = node;
    const rhs = parenthesize(print([...at, "rhs"]), operandNeedsParens(n.rhs, n.op, "rhs"));
    links.unshift([" ", n.op, line, rhs]);
    const lhs = n.lhs;
    const guardXor = n.op === "^" && endsWithBareTerm(lhs);
    const continues = lhs.kind === "binary" && binaryPrecedence(lhs.op) === level && commentsOf(lhs).length === 0;
    if (!continues || guardXor) {
      const first = parenthesize(print([...at, "lhs"]), guardXor || operandNeedsParens(lhs, n.op, "lhs"));
      return group([first, indent(links)]);
    }
    node = lhs;
    at = [...at, "lhs"];
  }
}

export function typeList(types: readonly A.TypeExpr[]): string {
  if (types.length === 1) return typeText(types[0]!);
  return `(${types.map(typeText).join(", ")})`;
}

/** `t`, `tensor<MxKxE>`, `memref<?x4xf32>`, `tensor<*xf32>`. */
export function typeText(t: A.TypeExpr): string {
  if (t.kind === "typevar") return t.name;
  const element = typeText(t.element);
  if (t.dims === undefined) return `${t.container}<*x${element}>`;
  const dims = t.dims.map((d) => (typeof d === "object" ? d.text : String(d)));
  return `${t.container}<${[...dims, element].join("x")}>`;
}
