// The grammar of the .prr rule language as a Chevrotain CST parser: pure grammar, no semantics
// (the CST becomes the AST in cst-to-ast.ts). One instance, analysed once, reused per file.
import type { CstNode, IToken } from "chevrotain";
import { CstParser } from "./chevrotain.ts";
import * as T from "./tokens.ts";

/** Keywords that may also be used as names (variables, rule and test names). */
const softKeywords = [T.Order, T.Fold, T.Budget, T.Include, T.Illegal, T.Legal, T.Test, T.Input, T.Check, T.Priority];

export class PrrParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset", skipValidations: process.env.PRR_VALIDATE_GRAMMAR !== "1" });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.pipelineDecl) },
        { ALT: () => this.SUBRULE(this.ruleSetDecl) },
      ]),
    );
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLit);
  });

  pipelineDecl = this.RULE("pipelineDecl", () => {
    this.CONSUME(T.Pipeline);
    this.SUBRULE(this.kebabName);
    this.CONSUME(T.Assign);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.kebabName) });
  });

  /** `arith-canonicalize`: names joined by `-` (adjacency is checked when building the AST). */
  kebabName = this.RULE("kebabName", () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Minus);
      this.SUBRULE2(this.name);
    });
  });

  // Alternatives built once: rules run per token, and fresh closures per call dominated parse time.
  private readonly nameAlts = [T.Identifier, ...softKeywords].map((k) => ({ ALT: () => this.CONSUME(k) }));

  name = this.RULE("name", () => {
    this.OR(this.nameAlts);
  });

  ruleSetDecl = this.RULE("ruleSetDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.RuleSet) }, { ALT: () => this.CONSUME(T.Conversion) }]);
    this.SUBRULE(this.kebabName);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.member));
    this.CONSUME(T.RBrace);
  });

  member = this.RULE("member", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.testDecl) },
      { ALT: () => this.SUBRULE(this.budgetDecl) },
      { ALT: () => this.SUBRULE(this.orderDecl) },
      { ALT: () => this.SUBRULE(this.foldDecl) },
      { ALT: () => this.SUBRULE(this.includeDecl) },
      { ALT: () => this.SUBRULE(this.legalityDecl) },
    ]);
  });

  budgetDecl = this.RULE("budgetDecl", () => {
    this.CONSUME(T.Budget);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.Identifier);
      this.CONSUME(T.IntLit);
    });
  });

  orderDecl = this.RULE("orderDecl", () => {
    this.CONSUME(T.Order);
    this.SUBRULE(this.kebabName);
  });

  foldDecl = this.RULE("foldDecl", () => {
    this.CONSUME(T.Fold);
    this.CONSUME(T.Identifier);
  });

  includeDecl = this.RULE("includeDecl", () => {
    this.CONSUME(T.Include);
    this.SUBRULE(this.kebabName);
  });

  legalityDecl = this.RULE("legalityDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Illegal) }, { ALT: () => this.CONSUME(T.Legal) }]);
    this.CONSUME(T.Identifier);
    this.OR2([{ ALT: () => this.CONSUME(T.OpName) }, { ALT: () => this.SUBRULE(this.kebabName) }]);
  });

  ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(T.Rule);
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.CONSUME(T.Priority);
      this.OPTION2(() => this.CONSUME(T.Minus));
      this.CONSUME(T.IntLit);
    });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expr, { LABEL: "pattern" });
    this.OPTION3(() => {
      this.CONSUME(T.Where);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.expr, { LABEL: "guard" }) });
    });
    this.CONSUME(T.Arrow);
    this.SUBRULE(this.rewrite);
  });

  rewrite = this.RULE("rewrite", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.MANY(() => this.SUBRULE(this.statement));
          this.OPTION(() => this.SUBRULE(this.expr));
          this.CONSUME(T.RBrace);
        },
      },
      { ALT: () => this.SUBRULE2(this.expr) },
    ]);
  });

  statement = this.RULE("statement", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Let);
          this.SUBRULE(this.name);
          this.CONSUME(T.Assign);
          this.SUBRULE(this.expr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Replace);
          this.SUBRULE2(this.name);
          this.CONSUME(T.With);
          this.SUBRULE2(this.expr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Erase);
          this.SUBRULE3(this.name);
        },
      },
    ]);
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.CONSUME(T.Input);
    this.CONSUME(T.TextBlock);
    this.CONSUME(T.Check);
    this.CONSUME2(T.TextBlock);
    this.CONSUME(T.RBrace);
  });

  // ----- expressions, loosest binding first -----

  expr = this.RULE("expr", () => this.SUBRULE(this.orExpr));

  private readonly operatorAlts = (ops: typeof T.Plus[]) => ops.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "operators" }) }));
  private readonly orOps = this.operatorAlts([T.OrOr]);
  private readonly andOps = this.operatorAlts([T.AndAnd]);
  private readonly cmpOps = this.operatorAlts([T.EqEq, T.NotEq, T.LessEq, T.GreaterEq, T.Less, T.Greater]);
  private readonly bitOrOps = this.operatorAlts([T.Pipe]);
  private readonly bitXorOps = this.operatorAlts([T.Caret]);
  private readonly bitAndOps = this.operatorAlts([T.Amp]);
  private readonly shiftOps = this.operatorAlts([T.ShiftLeft, T.ShiftRight]);
  private readonly addOps = this.operatorAlts([T.Plus, T.Minus]);
  private readonly mulOps = this.operatorAlts([T.Star, T.Slash, T.Percent]);

  orExpr = this.RULE("orExpr", () => this.binary(this.andExpr, this.orOps));
  andExpr = this.RULE("andExpr", () => this.binary(this.cmpExpr, this.andOps));
  cmpExpr = this.RULE("cmpExpr", () => this.binary(this.bitOrExpr, this.cmpOps));
  bitOrExpr = this.RULE("bitOrExpr", () => this.binary(this.bitXorExpr, this.bitOrOps));
  bitXorExpr = this.RULE("bitXorExpr", () => this.binary(this.bitAndExpr, this.bitXorOps));
  bitAndExpr = this.RULE("bitAndExpr", () => this.binary(this.shiftExpr, this.bitAndOps));
  shiftExpr = this.RULE("shiftExpr", () => this.binary(this.addExpr, this.shiftOps));
  addExpr = this.RULE("addExpr", () => this.binary(this.mulExpr, this.addOps));
  mulExpr = this.RULE("mulExpr", () => this.binary(this.unaryExpr, this.mulOps));

  private binary(operand: (idx: number) => CstNode, ops: { ALT: () => IToken }[]): void {
    this.SUBRULE(operand, { LABEL: "operands" });
    this.MANY(() => {
      this.OR(ops);
      this.SUBRULE2(operand, { LABEL: "operands" });
    });
  }

  unaryExpr = this.RULE("unaryExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Minus, { LABEL: "operator" }) },
            { ALT: () => this.CONSUME(T.Bang, { LABEL: "operator" }) },
            { ALT: () => this.CONSUME(T.Tilde, { LABEL: "operator" }) },
          ]);
          this.SUBRULE(this.unaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpr) },
    ]);
  });

  postfixExpr = this.RULE("postfixExpr", () => {
    this.SUBRULE(this.primary);
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Hash);
            this.CONSUME(T.IntLit);
          },
        },
        { ALT: () => this.CONSUME(T.Ellipsis) },
        {
          ALT: () => {
            this.CONSUME(T.Colon);
            this.SUBRULE(this.typeList);
          },
        },
      ]),
    );
  });

  typeList = this.RULE("typeList", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.typeExpr) });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.typeExpr) },
    ]);
  });

  typeExpr = this.RULE("typeExpr", () => {
    this.OR([{ ALT: () => this.CONSUME(T.ShapedType) }, { ALT: () => this.SUBRULE(this.name) }]);
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntLit) },
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.SUBRULE(this.tupleExpr) },
      { ALT: () => this.SUBRULE(this.termExpr) },
      { ALT: () => this.SUBRULE(this.nativeExpr) },
      { ALT: () => this.SUBRULE(this.templateExpr) },
      { ALT: () => this.SUBRULE(this.nameExpr) },
    ]);
  });

  tupleExpr = this.RULE("tupleExpr", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expr) });
    this.CONSUME(T.RParen);
  });

  termExpr = this.RULE("termExpr", () => {
    this.CONSUME(T.OpName);
    this.OPTION(() => this.SUBRULE(this.argList));
    this.OPTION2(() => {
      this.CONSUME(T.LBrace);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.attrEntry) });
      this.CONSUME(T.RBrace);
    });
    this.OPTION3(() => this.SUBRULE(this.regionExpr));
  });

  argList = this.RULE("argList", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expr) });
    this.CONSUME(T.RParen);
  });

  attrEntry = this.RULE("attrEntry", () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expr);
  });

  regionExpr = this.RULE("regionExpr", () => {
    this.CONSUME(T.Caret);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) });
    this.CONSUME(T.RParen);
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.expr);
    this.CONSUME(T.RBrace);
  });

  nativeExpr = this.RULE("nativeExpr", () => {
    this.CONSUME(T.Native);
    this.SUBRULE(this.name);
    this.SUBRULE(this.argList);
  });

  templateExpr = this.RULE("templateExpr", () => {
    this.CONSUME(T.Mlir);
    this.CONSUME(T.TextBlock);
  });

  /** `x`, `f(args)` or `x@term`. */
  nameExpr = this.RULE("nameExpr", () => {
    this.SUBRULE(this.name);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.argList) },
        {
          ALT: () => {
            this.CONSUME(T.At);
            this.SUBRULE(this.postfixExpr);
          },
        },
      ]),
    );
  });
}

let parser: PrrParser | undefined;

/** The one parser instance, built on first use (Chevrotain analyses the grammar at construction). */
export function prrParser(): PrrParser {
  parser ??= new PrrParser();
  return parser;
}

export type { IToken };
