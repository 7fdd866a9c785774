// Parsing of affine maps, integer sets and affine expressions, including the SSA-operand forms
// custom affine ops use (`%i + 1`, `symbol(%n)`).
import { Tok } from "./tokens.ts";
import type { Parser } from "./parser.ts";
import * as AF from "../../engine/ir/affine.ts";
import type { AffineExpr } from "../../engine/ir/affine.ts";

/** Resolves an identifier-like primary (a dim/symbol name, `%ssa`, `symbol(%ssa)`); undefined if not one. */
export type PrimaryResolver = (p: Parser) => AffineExpr | undefined;

export function parseAffineExpr(p: Parser, primary: PrimaryResolver): AffineExpr {
  let lhs = parseTerm(p, primary);
  for (;;) {
    if (p.consumeIf(Tok.plus)) lhs = AF.add(lhs, parseTerm(p, primary));
    else if (p.consumeIf(Tok.minus)) lhs = AF.sub(lhs, parseTerm(p, primary));
    else return lhs;
  }
}

function parseTerm(p: Parser, primary: PrimaryResolver): AffineExpr {
  let lhs = parseUnary(p, primary);
  for (;;) {
    const span = p.here();
    if (p.consumeIf(Tok.star)) {
      const rhs = parseUnary(p, primary);
      if (!AF.isSymbolicOrConstant(lhs) && !AF.isSymbolicOrConstant(rhs))
        p.error(
          "PRR1012",
          "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic",
          span,
        );
      lhs = AF.mul(lhs, rhs);
    } else if (p.isKeyword("floordiv") || p.isKeyword("ceildiv") || p.isKeyword("mod")) {
      const op = p.spelling as "floordiv" | "ceildiv" | "mod";
      p.consume();
      const rhs = parseUnary(p, primary);
      if (!AF.isSymbolicOrConstant(rhs))
        p.error("PRR1012", `non-affine expression: right operand of ${op} has to be either a constant or symbolic`, span);
      lhs = AF.binary(op, lhs, rhs);
    } else return lhs;
  }
}

function parseUnary(p: Parser, primary: PrimaryResolver): AffineExpr {
  if (p.consumeIf(Tok.minus)) {
    if (p.is(Tok.integer)) {
      const v = p.parseSmallInteger();
      return AF.constant(-v);
    }
    return AF.neg(parseUnary(p, primary));
  }
  if (p.consumeIf(Tok.lparen)) {
    const e = parseAffineExpr(p, primary);
    p.expect(Tok.rparen);
    return e;
  }
  if (p.is(Tok.integer)) return AF.constant(p.parseSmallInteger());
  const e = primary(p);
  if (e === undefined) p.error("PRR1012", `expected affine expression, found ${p.describe()}`);
  return e;
}

/** `(d0, d1)[s0]`: returns the dim and symbol names. */
function parseDimsAndSymbols(p: Parser): { dims: string[]; syms: string[] } {
  const ids = (close: Tok) => {
    const names: string[] = [];
    if (!p.is(close)) {
      do {
        if (!p.is(Tok.bareIdent)) p.error("PRR1003", `expected identifier, found ${p.describe()}`);
        const n = p.spelling;
        if (names.includes(n)) p.error("PRR1012", `redefinition of identifier '${n}'`);
        names.push(n);
        p.consume();
      } while (p.consumeIf(Tok.comma));
    }
    p.expect(close);
    return names;
  };
  p.expect(Tok.lparen);
  const dims = ids(Tok.rparen);
  let syms: string[] = [];
  if (p.consumeIf(Tok.lsquare)) syms = ids(Tok.rsquare);
  return { dims, syms };
}

function namedResolver(dims: string[], syms: string[]): PrimaryResolver {
  return (p) => {
    if (!p.is(Tok.bareIdent)) return undefined;
    const n = p.spelling;
    const d = dims.indexOf(n);
    if (d >= 0) {
      p.consume();
      return AF.dim(d);
    }
    const s = syms.indexOf(n);
    if (s >= 0) {
      p.consume();
      return AF.sym(s);
    }
    return p.error("PRR1012", `use of undeclared identifier '${n}'`);
  };
}

/** The body of `affine_map<...>`. */
export function parseAffineMapBody(p: Parser): AF.AffineMap {
  const { dims, syms } = parseDimsAndSymbols(p);
  p.expect(Tok.arrow);
  const resolve = namedResolver(dims, syms);
  p.expect(Tok.lparen);
  const results: AffineExpr[] = [];
  if (!p.is(Tok.rparen)) {
    do results.push(parseAffineExpr(p, resolve));
    while (p.consumeIf(Tok.comma));
  }
  p.expect(Tok.rparen);
  return new AF.AffineMap(dims.length, syms.length, results);
}

/** Parses `lhs (>=|<=|==) rhs` as `expr >= 0` or `expr == 0`. */
export function parseConstraint(p: Parser, resolve: PrimaryResolver): { expr: AffineExpr; eq: boolean } {
  const lhs = parseAffineExpr(p, resolve);
  const span = p.here();
  if (p.consumeIf(Tok.greater)) {
    p.expect(Tok.equal);
    return { expr: AF.sub(lhs, parseAffineExpr(p, resolve)), eq: false };
  }
  if (p.consumeIf(Tok.less)) {
    p.expect(Tok.equal);
    return { expr: AF.sub(parseAffineExpr(p, resolve), lhs), eq: false };
  }
  if (p.consumeIf(Tok.equal)) {
    p.expect(Tok.equal);
    return { expr: AF.sub(lhs, parseAffineExpr(p, resolve)), eq: true };
  }
  return p.error("PRR1012", "expected '>=', '<=' or '==' in affine constraint", span);
}

/** The body of `affine_set<...>`. */
export function parseIntegerSetBody(p: Parser): AF.IntegerSet {
  const { dims, syms } = parseDimsAndSymbols(p);
  p.expect(Tok.colon);
  const resolve = namedResolver(dims, syms);
  p.expect(Tok.lparen);
  const cs: AffineExpr[] = [];
  const eqs: boolean[] = [];
  do {
    const c = parseConstraint(p, resolve);
    cs.push(c.expr);
    eqs.push(c.eq);
  } while (p.consumeIf(Tok.comma));
  p.expect(Tok.rparen);
  // `(1 == 0)` is MLIR's spelling of the empty set.
  if (cs.length === 1 && eqs[0] && cs[0]!.kind === "constant" && cs[0]!.value !== 0)
    return new AF.IntegerSet(dims.length, syms.length, [], []);
  return new AF.IntegerSet(dims.length, syms.length, cs, eqs);
}
