// Compiled rules: what semantic analysis makes of a .prr rule. Variables are numbered slots in a
// bindings array; patterns, guards and rewrites refer to slots, ops are resolved to definitions.
import type { OpDef } from "../dialects/registry.ts";
import type { Type } from "../ir/types.ts";
import type { Span } from "../support/source.ts";
import type { EvalValue } from "./eval-value.ts";
import type { NativeRewrite, NativeFunction } from "./natives.ts";

export type VarKind = "value" | "values" | "op" | "attr" | "type" | "dim";

export interface VarInfo {
  readonly name: string;
  readonly kind: VarKind;
  readonly slot: number;
  readonly span: Span;
}

// ----- patterns -----

export type ValuePat = AnyPat | OpPat;

/** A variable or `_`: any value, optionally bound (`slot`) and type-constrained. */
export interface AnyPat {
  readonly kind: "any";
  readonly slot: number;
  readonly type: TypePat | undefined;
}

/** An op producing the value (result `resultIndex`), with its operands, attributes and types. */
export interface OpPat {
  readonly kind: "op";
  readonly name: string;
  readonly def: OpDef | undefined;
  /** Slot of the op itself (`n@op(...)`), or -1. */
  readonly opSlot: number;
  readonly resultIndex: number;
  readonly operands: readonly ValuePat[];
  /** `xs...`: operands from `variadic.index` up to (length - `after`) are bound to a list. */
  readonly variadic: { readonly index: number; readonly slot: number; readonly after: number } | undefined;
  readonly attrs: readonly AttrPat[];
  readonly resultTypes: readonly TypePat[] | undefined;
  readonly region: RegionPat | undefined;
  /** Any ConstantLike op (a literal in operand position): the name is not checked. */
  readonly anyConstant: boolean;
  readonly span: Span;
}

export interface AttrPat {
  readonly name: string;
  readonly match: AttrMatch;
}

export type AttrMatch =
  | { readonly kind: "literal"; readonly value: EvalValue; readonly key: string | undefined }
  | { readonly kind: "bind"; readonly slot: number }
  | { readonly kind: "absent" };

export type TypePat =
  | { readonly kind: "var"; readonly slot: number }
  | { readonly kind: "is"; readonly type: Type }
  | {
      readonly kind: "shaped";
      readonly container: "tensor" | "memref" | "vector";
      readonly dims: readonly DimPat[] | undefined;
      readonly element: TypePat;
    };

export type DimPat = { readonly kind: "fixed"; readonly size: number } | { readonly kind: "dynamic" } | { readonly kind: "var"; readonly slot: number };

/** `^(a, b) { body }`: a single-block region whose terminator yields what `yields` match. */
export interface RegionPat {
  readonly argSlots: readonly number[];
  readonly yields: readonly ValuePat[];
  /** Number of ops the body must hold, its terminator included. */
  readonly opCount: number;
}

// ----- expressions (guards and attribute arithmetic) -----

export type Expr =
  | { readonly kind: "lit"; readonly value: EvalValue; readonly span: Span }
  | { readonly kind: "var"; readonly slot: number; readonly varKind: VarKind; readonly span: Span }
  | { readonly kind: "binary"; readonly op: string; readonly lhs: Expr; readonly rhs: Expr; readonly span: Span }
  | { readonly kind: "unary"; readonly op: string; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "call"; readonly name: string; readonly fn: NativeFunction; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: "type"; readonly type: TypeBuild; readonly span: Span };

// ----- rewrites -----

export type Build =
  | { readonly kind: "value"; readonly slot: number; readonly varKind: VarKind; readonly index: number | undefined }
  | BuildOp
  | { readonly kind: "tuple"; readonly items: readonly Build[] }
  | { readonly kind: "template"; readonly text: string; readonly textStart: number; readonly holes: readonly TemplateHole[]; readonly span: Span }
  | { readonly kind: "native"; readonly name: string; readonly fn: NativeRewrite; readonly args: readonly (Build | Expr)[]; readonly span: Span }
  | { readonly kind: "splice"; readonly slot: number }
  /** An attribute expression bound by `let` (evaluated, not built). */
  | { readonly kind: "expr"; readonly expr: Expr };

export interface BuildOp {
  readonly kind: "op";
  readonly name: string;
  readonly def: OpDef;
  /** Operand groups in order (one per ODS operand; a variadic group may hold several). */
  readonly operands: readonly Build[];
  /** Group sizes are stored as operandSegmentSizes (AttrSizedOperandSegments). */
  readonly grouped: boolean;
  readonly attrs: readonly { readonly name: string; readonly value: Expr; readonly enumCases?: readonly string[] }[];
  readonly types: readonly TypeBuild[] | undefined;
  readonly region: { readonly argSlots: readonly number[]; readonly body: readonly Build[]; readonly yieldOp: string } | undefined;
  /** Which result the expression stands for: one index, or all results (for a root replacement). */
  readonly resultIndex: number | undefined;
  readonly span: Span;
}

export type TypeBuild =
  | { readonly kind: "var"; readonly slot: number }
  | { readonly kind: "is"; readonly type: Type }
  | {
      readonly kind: "shaped";
      readonly container: "tensor" | "memref" | "vector";
      readonly dims: readonly ({ readonly kind: "fixed"; readonly size: number } | { readonly kind: "dynamic" } | { readonly kind: "var"; readonly slot: number })[] | undefined;
      readonly element: TypeBuild;
    };

/** `$name` or `${expr}` in an MLIR template: a bound value, or text printed from an attribute/type. */
export interface TemplateHole {
  readonly start: number;
  readonly end: number;
  readonly expr: Expr;
}

export type Statement =
  | { readonly kind: "let"; readonly slot: number; readonly value: Build }
  | { readonly kind: "replace"; readonly slot: number; readonly value: Build; readonly span: Span }
  | { readonly kind: "erase"; readonly slot: number; readonly span: Span };

export interface Rewrite {
  readonly statements: readonly Statement[];
  readonly result: Build | undefined;
}

/** One compiled rule. Commutative variants share everything but the pattern. */
export interface Rule {
  readonly name: string;
  readonly ruleSet: string;
  readonly priority: number;
  /** Position in its rule set: the tie-break after priority. */
  readonly order: number;
  readonly pattern: OpPat;
  readonly guards: readonly Expr[];
  readonly rewrite: Rewrite;
  readonly vars: readonly VarInfo[];
  readonly doc: string | undefined;
  readonly span: Span;
}
