// The syntax tree of a .prr file, with a span on every node. Patterns, guards and rewrites share
// one expression syntax; semantic analysis (engine/rewrite/sema) decides what each node means
// on its side of the `=>`.
import type { Span } from "../../engine/support/source.ts";

export interface PrrFile {
  readonly kind: "file";
  readonly items: readonly Item[];
  /** Comments, in source order (the formatter puts them back). */
  readonly comments: readonly Comment[];
  readonly span: Span;
}

export interface Comment {
  readonly text: string;
  readonly span: Span;
}

export type Item = ImportDecl | RuleSetDecl | PipelineDecl;

/** `import "other.prr"`: makes the rule sets and pipelines of another file visible. */
export interface ImportDecl {
  readonly kind: "import";
  readonly path: string;
  readonly span: Span;
}

/** `pipeline name = a, b, c`: a named sequence of rule sets and native passes. */
export interface PipelineDecl {
  readonly kind: "pipeline";
  readonly name: Name;
  readonly passes: readonly Name[];
  readonly span: Span;
}

export interface Name {
  readonly text: string;
  readonly span: Span;
}

/** `ruleset NAME { ... }` or `conversion NAME { ... }` (which declares illegal ops). */
export interface RuleSetDecl {
  readonly kind: "ruleset";
  readonly conversion: boolean;
  readonly name: Name;
  readonly members: readonly Member[];
  readonly span: Span;
}

export type Member = RuleDecl | TestDecl | BudgetDecl | OrderDecl | FoldDecl | IncludeDecl | LegalityDecl;

/** `budget iterations 10 rewrites 100000`. */
export interface BudgetDecl {
  readonly kind: "budget";
  readonly limits: readonly { readonly name: Name; readonly value: number }[];
  readonly span: Span;
}

/** `order top-down` or `order bottom-up`. */
export interface OrderDecl {
  readonly kind: "order";
  readonly order: Name;
  readonly span: Span;
}

/** `fold on` / `fold off`: whether the driver folds ops through their dialect folders. */
export interface FoldDecl {
  readonly kind: "fold";
  readonly enabled: boolean;
  readonly span: Span;
}

/** `include other-set`: the rules of another set become part of this one. */
export interface IncludeDecl {
  readonly kind: "include";
  readonly name: Name;
  readonly span: Span;
}

/** `illegal dialect tosa`, `illegal op arith.maxf`, `legal op tosa.const_shape`. */
export interface LegalityDecl {
  readonly kind: "legality";
  readonly legal: boolean;
  readonly target: "dialect" | "op";
  readonly name: Name;
  readonly span: Span;
}

/** `rule NAME [priority N]: PATTERN [where GUARD, ...] => REWRITE`. */
export interface RuleDecl {
  readonly kind: "rule";
  readonly name: Name;
  readonly priority: number | undefined;
  readonly pattern: Expr;
  readonly guards: readonly Expr[];
  readonly rewrite: Rewrite;
  /** The comment lines right above the rule (its algebraic summary). */
  readonly doc: string | undefined;
  readonly span: Span;
}

/** `=> EXPR` or `=> { let ...; replace ...; erase ...; EXPR }`. */
export interface Rewrite {
  readonly statements: readonly Statement[];
  /** What replaces the root; absent when the statements say it all (e.g. the root is erased). */
  readonly result: Expr | undefined;
  readonly block: boolean;
  readonly span: Span;
}

export type Statement = LetStmt | ReplaceStmt | EraseStmt;

export interface LetStmt {
  readonly kind: "let";
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

export interface ReplaceStmt {
  readonly kind: "replace";
  readonly target: Name;
  readonly value: Expr;
  readonly span: Span;
}

export interface EraseStmt {
  readonly kind: "erase";
  readonly target: Name;
  readonly span: Span;
}

/** `test NAME { input """...""" check """...""" }`: input IR and FileCheck lines for its output. */
export interface TestDecl {
  readonly kind: "test";
  readonly name: Name;
  readonly input: TextBlock;
  readonly check: TextBlock;
  readonly span: Span;
}

export interface TextBlock {
  /** The text between the triple quotes. */
  readonly text: string;
  /** Offset of the first character of `text` in the file. */
  readonly start: number;
  readonly span: Span;
}

// ----- expressions: patterns, guards and rewrites -----

export type Expr =
  | VarExpr
  | WildcardExpr
  | IntExpr
  | FloatExpr
  | BoolExpr
  | StringExpr
  | TermExpr
  | CallExpr
  | BinaryExpr
  | UnaryExpr
  | TupleExpr
  | BindExpr
  | ResultExpr
  | VariadicExpr
  | TypedExpr
  | TemplateExpr
  | NativeExpr;

export interface VarExpr {
  readonly kind: "var";
  readonly name: string;
  readonly span: Span;
}
export interface WildcardExpr {
  readonly kind: "wildcard";
  readonly span: Span;
}
export interface IntExpr {
  readonly kind: "int";
  readonly value: bigint;
  readonly span: Span;
}
export interface FloatExpr {
  readonly kind: "float";
  readonly value: number;
  readonly text: string;
  readonly span: Span;
}
export interface BoolExpr {
  readonly kind: "bool";
  readonly value: boolean;
  readonly span: Span;
}
export interface StringExpr {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

/** `dialect.op(args) {attr = expr, ...} ^(a, b) { body }`: an op, matched or built. */
export interface TermExpr {
  readonly kind: "term";
  readonly op: Name;
  readonly args: readonly Expr[];
  readonly attrs: readonly AttrEntry[];
  readonly region: RegionExpr | undefined;
  readonly span: Span;
}

export interface AttrEntry {
  readonly name: Name;
  readonly value: Expr;
  readonly span: Span;
}

/** `^(a, b, out) { expr }`: a single-block region whose yield is `expr` (a tuple for several). */
export interface RegionExpr {
  readonly args: readonly Name[];
  readonly body: Expr;
  readonly span: Span;
}

/** `f(args)`: a builtin function or a native constraint/function registered in TypeScript. */
export interface CallExpr {
  readonly kind: "call";
  readonly callee: Name;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "<<" | ">>" | "&" | "|" | "^" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";
export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly span: Span;
}
export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: "-" | "!" | "~";
  readonly operand: Expr;
  readonly span: Span;
}
export interface TupleExpr {
  readonly kind: "tuple";
  readonly elements: readonly Expr[];
  readonly span: Span;
}
/** `name@term`: binds the matched op (and its result) to `name`. */
export interface BindExpr {
  readonly kind: "bind";
  readonly name: Name;
  readonly inner: Expr;
  readonly span: Span;
}
/** `term#1`: the second result of a multi-result op. */
export interface ResultExpr {
  readonly kind: "result";
  readonly inner: Expr;
  readonly index: number;
  readonly span: Span;
}
/** `xs...`: any number of operands. */
export interface VariadicExpr {
  readonly kind: "variadic";
  readonly name: Name;
  readonly span: Span;
}
/** `expr : type` (or `: (t1, t2)` for several results). */
export interface TypedExpr {
  readonly kind: "typed";
  readonly inner: Expr;
  readonly types: readonly TypeExpr[];
  readonly span: Span;
}
/** `mlir """ ... """`: MLIR ops with `$name` / `${expr}` holes; its value is the last op's results. */
export interface TemplateExpr {
  readonly kind: "template";
  readonly text: TextBlock;
  readonly span: Span;
}
/** `native f(args)`: a rewrite written in TypeScript. */
export interface NativeExpr {
  readonly kind: "native";
  readonly callee: Name;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type TypeExpr = TypeVar | ShapedTypeExpr;

/** `t`, `i32`, `index`, `f32`: a type variable, or a builtin type by name. */
export interface TypeVar {
  readonly kind: "typevar";
  readonly name: string;
  readonly span: Span;
}

/** `tensor<MxNxE>`: dimensions are integers, `?` or shape variables; the element a type. */
export interface ShapedTypeExpr {
  readonly kind: "shaped";
  readonly container: "tensor" | "memref" | "vector";
  /** undefined for unranked (`tensor<*xE>`). */
  readonly dims: readonly (number | "?" | Name)[] | undefined;
  readonly element: TypeExpr;
  readonly span: Span;
}
