// Operator precedence of .prr expressions (the chain in grammar/prr/parser.ts), and when a
// subexpression needs parentheses to keep its meaning when printed.
import type { BinaryOp, Expr } from "../../grammar/prr/ast.ts";

const binaryLevel: Record<BinaryOp, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  "<=": 3,
  ">": 3,
  ">=": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "<<": 7,
  ">>": 7,
  "+": 8,
  "-": 8,
  "*": 9,
  "/": 9,
  "%": 9,
};
export const unaryLevel = 10;
export const postfixLevel = 11;
const primaryLevel = 12;

export function binaryPrecedence(op: BinaryOp): number {
  return binaryLevel[op];
}

/** How tightly an expression binds as printed. */
export function precedence(e: Expr): number {
  switch (e.kind) {
    case "binary":
      return binaryLevel[e.op];
    case "unary":
      return unaryLevel;
    // `-3` prints as a unary minus; `n@x : t` would type `x`, not the binding.
    case "int":
      return e.value < 0n ? unaryLevel : primaryLevel;
    case "float":
      return e.text.startsWith("-") ? unaryLevel : primaryLevel;
    case "bind":
      return unaryLevel;
    case "typed":
    case "result":
    case "variadic":
      return postfixLevel;
    default:
      return primaryLevel;
  }
}

/** Binary operators are left-associative: the right operand needs parentheses at equal level. */
export function operandNeedsParens(operand: Expr, op: BinaryOp, side: "lhs" | "rhs"): boolean {
  const level = binaryLevel[op];
  const p = precedence(operand);
  return side === "lhs" ? p < level : p <= level;
}

/**
 * Whether an expression ends in an op term without a region: followed by `^ (` it would read as
 * the start of that term's region, so such a left operand of `^` is parenthesized.
 */
export function endsWithBareTerm(e: Expr): boolean {
  switch (e.kind) {
    case "term":
      return e.region === undefined;
    case "binary":
      return endsWithBareTerm(e.rhs);
    case "unary":
      return endsWithBareTerm(e.operand);
    case "bind":
      return endsWithBareTerm(e.inner);
    default:
      return false;
  }
}

/**
 * Whether a printed expression starts with `(` or `-`: after a block statement such a line would
 * continue the statement's expression (a call, a subtraction), so the statement gets a `;`.
 */
export function startsLikeContinuation(e: Expr): boolean {
  switch (e.kind) {
    case "tuple":
      return true;
    case "unary":
      return e.op === "-";
    case "int":
    case "float":
      return precedence(e) === unaryLevel;
    case "binary":
      return operandNeedsParens(e.lhs, e.op, "lhs") || startsLikeContinuation(e.lhs);
    case "typed":
    case "result":
      return precedence(e.inner) < postfixLevel || startsLikeContinuation(e.inner);
    default:
      return false;
  }
}
