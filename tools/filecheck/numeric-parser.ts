// Parser for the inside of `[[#...]]`: format specifier, variable definition, matching constraint, expression.
import { implicitFormat, noFormat, sameFormat, unsignedFormat } from "./numeric.ts";
import type { BinaryOp, Expression, ExprNode, NumericFormat, NumericVariable } from "./numeric.ts";
import { Cursor, ParseError, newNumericVariable, parseVariable } from "./variables.ts";
import type { VariableTable } from "./variables.ts";

/** What operands an expression position admits (legacy `[[@LINE+N]]` is restricted). */
type Allowed = "any" | "line-var" | "legacy-literal";

export interface NumericBlock {
  readonly expression: Expression;
  readonly defined: NumericVariable | undefined;
}

const functions: Record<string, BinaryOp> = { add: "add", div: "div", max: "max", min: "min", mul: "mul", sub: "sub" };

/** Pattern::parseNumericSubstitutionBlock. Throws ParseError. */
export function parseNumericBlock(
  expr: Cursor,
  legacyLine: boolean,
  line: number | undefined,
  vars: VariableTable,
): NumericBlock {
  const p = new NumericParser(vars, line);
  let explicit: NumericFormat | undefined;
  let precision = 0;
  const comma = expr.find(",");
  const paren = expr.find("(");
  if (comma !== -1 && (paren === -1 || comma < paren)) {
    const spec = expr.sub(expr.pos, comma).ltrim().rtrim();
    expr.pos = comma + 1;
    if (!spec.consume("%")) throw spec.error("invalid matching format specification in expression");
    const alternateAt = spec.pos;
    const alternate = spec.consume("#");
    if (spec.consume(".")) {
      const digits = /^[0-9]+/.exec(spec.rest);
      if (!digits) throw spec.error("invalid precision in format specifier");
      precision = Number(digits[0]);
      spec.pos += digits[0].length;
    }
    if (!spec.empty) {
      const k = spec.peek()!;
      if (k !== "u" && k !== "d" && k !== "x" && k !== "X") {
        throw new ParseError(spec.pos, 0, "invalid format specifier in expression");
      }
      spec.pos++;
      explicit = { kind: k, precision, alternate: alternate && (k === "x" || k === "X") };
    }
    if (alternate && (explicit === undefined || (explicit.kind !== "x" && explicit.kind !== "X"))) {
      throw new ParseError(alternateAt, 0, "alternate form only supported for hex values");
    }
    spec.ltrim();
    if (!spec.empty) throw spec.error("invalid matching format specification in expression");
  }

  let defExpr: Cursor | undefined;
  const colon = expr.find(":");
  if (colon !== -1) {
    defExpr = expr.sub(expr.pos, colon);
    expr.pos = colon + 1;
  }
  expr.ltrim();
  const constraint = expr.consume("==");
  expr.ltrim();
  let ast: ExprNode | undefined;
  if (expr.empty) {
    if (constraint) throw expr.error("empty numeric expression should not have a constraint");
  } else {
    expr.rtrim();
    const outerStart = expr.pos;
    ast = p.operand(expr, legacyLine ? "line-var" : "any", !constraint);
    while (!expr.empty) {
      ast = p.binop(outerStart, expr, ast, legacyLine);
      if (legacyLine && !expr.empty) {
        throw expr.error(`unexpected characters at end of expression '${expr.rest}'`);
      }
    }
  }

  let format: NumericFormat = noFormat;
  if (explicit) format = explicit;
  else if (ast) {
    const implicit = implicitFormat(ast);
    if ("conflict" in implicit) throw new ParseError(ast.ref.pos, ast.ref.text.length, implicit.conflict);
    format = implicit;
  }
  if (format.kind === "none") format = { ...unsignedFormat, precision };
  const expression: Expression = { ast, format };

  let defined: NumericVariable | undefined;
  if (defExpr) defined = p.definition(defExpr.ltrim(), format);
  return { expression, defined };
}

class NumericParser {
  private readonly vars: VariableTable;
  private readonly line: number | undefined;

  constructor(vars: VariableTable, line: number | undefined) {
    this.vars = vars;
    this.line = line;
  }

  /** Pattern::parseNumericVariableDefinition. */
  definition(c: Cursor, format: NumericFormat): NumericVariable {
    const v = parseVariable(c);
    if (v.pseudo) throw new ParseError(v.pos, v.name.length, "definition of pseudo numeric variable unsupported");
    if (this.vars.definedStrings.has(v.name)) {
      throw new ParseError(v.pos, v.name.length, `string variable with name '${v.name}' already exists`);
    }
    c.ltrim();
    if (!c.empty) throw c.error("unexpected characters after numeric variable name");
    const existing = this.vars.numerics.get(v.name);
    if (existing) {
      if (!sameFormat(existing.format, format)) throw c.error("format different from previous variable definition");
      return existing;
    }
    return newNumericVariable(v.name, format, this.line);
  }

  /** Pattern::parseNumericOperand. */
  operand(c: Cursor, allowed: Allowed, maybeInvalidConstraint: boolean): ExprNode {
    if (c.startsWith("(")) {
      if (allowed !== "any") throw c.error("parenthesized expression not permitted here");
      return this.paren(c);
    }
    if (allowed === "line-var" || allowed === "any") {
      const save = c.pos;
      try {
        const v = parseVariable(c);
        const after = c.sub(c.pos, c.end).ltrim();
        if (after.startsWith("(")) {
          if (allowed !== "any") throw new ParseError(v.pos, v.name.length, "unexpected function call");
          return this.call(c, v.name, v.pos);
        }
        return this.use(v.name, v.pseudo, v.pos);
      } catch (e) {
        if (!(e instanceof ParseError) || allowed === "line-var" || c.pos !== save) throw e;
      }
    }
    const start = c.pos;
    const negative = c.consume("-");
    const m = (
      allowed === "legacy-literal" ? /^[0-9]+/ : /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0o[0-7]+|0[0-7]+|[0-9]+)/
    ).exec(c.rest);
    if (m) {
      c.pos += m[0].length;
      let value = parseLiteral(m[0]);
      if (negative) value = -value;
      return { kind: "literal", value, ref: { pos: start, text: c.text.slice(start, c.pos) } };
    }
    c.pos = start;
    throw c.error(`invalid ${maybeInvalidConstraint ? "matching constraint or " : ""}operand format`);
  }

  /** Pattern::parseNumericVariableUse. */
  private use(name: string, pseudo: boolean, pos: number): ExprNode {
    if (pseudo && name !== "@LINE") throw new ParseError(pos, name.length, `invalid pseudo numeric variable '${name}'`);
    let variable = this.vars.numerics.get(name);
    if (!variable) {
      variable = newNumericVariable(name, unsignedFormat, undefined);
      this.vars.numerics.set(name, variable);
    }
    if (variable.defLine !== undefined && this.line !== undefined && variable.defLine === this.line) {
      throw new ParseError(pos, name.length, `numeric variable '${name}' defined earlier in the same CHECK directive`);
    }
    return { kind: "use", variable, ref: { pos, text: name } };
  }

  /** Pattern::parseParenExpr. */
  private paren(c: Cursor): ExprNode {
    c.ltrim();
    c.consume("(");
    c.ltrim();
    if (c.empty) throw c.error("missing operand in expression");
    const outerStart = c.pos;
    let e = this.operand(c, "any", false);
    c.ltrim();
    while (!c.empty && !c.startsWith(")")) {
      e = this.binop(outerStart, c, e, false);
      c.ltrim();
    }
    if (!c.consume(")")) throw c.error("missing ')' at end of nested expression");
    return e;
  }

  /** Pattern::parseBinop: `left (+|-) operand`. */
  binop(outerStart: number, c: Cursor, left: ExprNode, legacyLine: boolean): ExprNode {
    c.ltrim();
    if (c.empty) return left;
    const opPos = c.pos;
    const op = c.peek()!;
    c.pos++;
    if (op !== "+" && op !== "-") throw new ParseError(opPos, 0, `unsupported operation '${op}'`);
    c.ltrim();
    if (c.empty) throw c.error("missing operand in expression");
    const right = this.operand(c, legacyLine ? "legacy-literal" : "any", false);
    return {
      kind: "binop",
      op: op === "+" ? "add" : "sub",
      left,
      right,
      ref: { pos: outerStart, text: c.text.slice(outerStart, c.pos) },
    };
  }

  /** Pattern::parseCallExpr: `name(arg, arg)`. */
  private call(c: Cursor, name: string, namePos: number): ExprNode {
    c.ltrim();
    const op = functions[name];
    if (!op) throw new ParseError(namePos, name.length, `call to undefined function '${name}'`);
    c.consume("(");
    c.ltrim();
    const args: ExprNode[] = [];
    while (!c.empty && !c.startsWith(")")) {
      if (c.startsWith(",")) throw c.error("missing argument");
      const outerStart = c.pos;
      let arg = this.operand(c, "any", false);
      while (!c.empty) {
        c.ltrim();
        if (c.startsWith(",") || c.startsWith(")")) break;
        arg = this.binop(outerStart, c, arg, false);
      }
      args.push(arg);
      c.ltrim();
      if (!c.consume(",")) break;
      c.ltrim();
      if (c.startsWith(")")) throw c.error("missing argument");
    }
    if (!c.consume(")")) throw c.error("missing ')' at end of call expression");
    const [left, right] = args;
    if (args.length !== 2 || !left || !right) {
      throw new ParseError(namePos, name.length, `function '${name}' takes 2 arguments but ${args.length} given`);
    }
    return { kind: "binop", op, left, right, ref: { pos: namePos, text: c.text.slice(namePos, c.pos) } };
  }
}

function parseLiteral(s: string): bigint {
  if (/^0[xXbB]/.test(s)) return BigInt(s);
  if (s.startsWith("0o")) return BigInt(s);
  if (/^0[0-7]+$/.test(s)) return BigInt(`0o${s.slice(1)}`);
  return BigInt(s);
}
