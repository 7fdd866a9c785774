// The tokens of the .prr rule language (Chevrotain): keywords (with `longer_alt` so `rules` is an
// identifier), op names, shaped-type literals, MLIR templates, numbers, strings and punctuation.
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.ts";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
/** Comments are kept in their own group: the formatter puts them back. */
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[^]*?\*\//, group: "comments" });

/** `arith.addi`, `linalg.batch_matmul`: a dialect-qualified op name. */
export const OpName = createToken({ name: "OpName", pattern: /[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)+/ });
/** `tensor<MxNxE>`, `memref<?x4xf32>`, `vector<4xf32>`: shaped types whose dimensions may be variables. */
export const ShapedType = createToken({
  name: "ShapedType",
  pattern: /(?:tensor|memref|vector)<[^<>]*(?:<[^<>]*>[^<>]*)*>/,
});
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][\w$]*/ });

function keyword(word: string): TokenType {
  return createToken({ name: word.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), pattern: new RegExp(word), longer_alt: Identifier });
}
export const Import = keyword("import");
export const RuleSet = keyword("ruleset");
export const Conversion = keyword("conversion");
export const Pipeline = keyword("pipeline");
export const Rule = keyword("rule");
export const Where = keyword("where");
export const Priority = keyword("priority");
export const Let = keyword("let");
export const Replace = keyword("replace");
export const With = keyword("with");
export const Erase = keyword("erase");
export const Native = keyword("native");
export const Mlir = keyword("mlir");
export const Test = keyword("test");
export const Input = keyword("input");
export const Check = keyword("check");
export const Budget = keyword("budget");
export const Order = keyword("order");
export const Fold = keyword("fold");
export const Include = keyword("include");
export const Illegal = keyword("illegal");
export const Legal = keyword("legal");
export const True = keyword("true");
export const False = keyword("false");

/** `"""..."""`: a block of MLIR text (test inputs, templates) or FileCheck lines. */
export const TextBlock = createToken({ name: "TextBlock", pattern: /"""[^]*?"""/, line_breaks: true });
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\n]|\\.)*"/ });
export const FloatLit = createToken({ name: "FloatLit", pattern: /\d+\.\d*(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/ });
export const IntLit = createToken({ name: "IntLit", pattern: /0x[0-9a-fA-F]+|\d+/ });

export const Arrow = createToken({ name: "Arrow", pattern: /=>/ });
export const Ellipsis = createToken({ name: "Ellipsis", pattern: /\.\.\./ });
export const EqEq = createToken({ name: "EqEq", pattern: /==/ });
export const NotEq = createToken({ name: "NotEq", pattern: /!=/ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=/ });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=/ });
export const ShiftLeft = createToken({ name: "ShiftLeft", pattern: /<</ });
export const ShiftRight = createToken({ name: "ShiftRight", pattern: />>/ });
export const AndAnd = createToken({ name: "AndAnd", pattern: /&&/ });
export const OrOr = createToken({ name: "OrOr", pattern: /\|\|/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Assign = createToken({ name: "Assign", pattern: /=/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const Percent = createToken({ name: "Percent", pattern: /%/ });
export const Amp = createToken({ name: "Amp", pattern: /&/ });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/ });
export const Caret = createToken({ name: "Caret", pattern: /\^/ });
export const Tilde = createToken({ name: "Tilde", pattern: /~/ });
export const Bang = createToken({ name: "Bang", pattern: /!/ });
export const At = createToken({ name: "At", pattern: /@/ });
export const Hash = createToken({ name: "Hash", pattern: /#/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });
export const Question = createToken({ name: "Question", pattern: /\?/ });

export const keywords = [
  Import, RuleSet, Conversion, Pipeline, Rule, Where, Priority, Let, Replace, With, Erase, Native, Mlir,
  Test, Input, Check, Budget, Order, Fold, Include, Illegal, Legal, True, False,
];

/** Order matters: comments before `/`, op names and shaped types before identifiers and keywords. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, TextBlock, StringLit,
  ShapedType, OpName, ...keywords, Identifier,
  FloatLit, IntLit,
  Arrow, Ellipsis, EqEq, NotEq, LessEq, GreaterEq, ShiftLeft, ShiftRight, AndAnd, OrOr,
  Less, Greater, Assign, Plus, Minus, Star, Slash, Percent, Amp, Pipe, Caret, Tilde, Bang, At, Hash,
  Colon, Comma, Semicolon, LParen, RParen, LBrace, RBrace, LBracket, RBracket, Question,
];

let lexer: InstanceType<typeof Lexer> | undefined;

/** The lexer, built on first use (a run that finds every rule file in the AST cache never builds it). */
export function prrLexer(): InstanceType<typeof Lexer> {
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false, skipValidations: process.env.PRR_VALIDATE_GRAMMAR !== "1" });
  return lexer;
}
