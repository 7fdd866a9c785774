// The dialect registration API: op definitions (constraints, traits, verifier, folder, custom
// assembly) grouped into dialects and looked up by full op name.
import type { Attribute, DictionaryAttr } from "../ir/attributes.ts";
import type { Operation } from "../ir/operation.ts";
import type { OpAsmParser, ParsedOp } from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Type } from "../ir/types.ts";
import type { Context } from "../ir/context.ts";
import { compileAssemblyFormat } from "./assembly-format.ts";

export const Trait = {
  Pure: "Pure",
  Commutative: "Commutative",
  ConstantLike: "ConstantLike",
  Terminator: "Terminator",
  IsolatedFromAbove: "IsolatedFromAbove",
  SameOperandsAndResultType: "SameOperandsAndResultType",
  SameOperandsAndResultElementType: "SameOperandsAndResultElementType",
  SameTypeOperands: "SameTypeOperands",
  NoTerminator: "NoTerminator",
  SingleBlock: "SingleBlock",
  /** The op defines a symbol (`sym_name`). */
  Symbol: "Symbol",
  SymbolTable: "SymbolTable",
  /** Variadic operand groups are sized by the `operandSegmentSizes` property. */
  AttrSizedOperandSegments: "AttrSizedOperandSegments",
  AttrSizedResultSegments: "AttrSizedResultSegments",
  /** Regions are graph regions (no dominance inside), as in `builtin.module`. */
  GraphRegion: "GraphRegion",
  /** The op may only appear as a direct child of ops named in `parents`. */
  HasParent: "HasParent",
  ReturnLike: "ReturnLike",
  AutomaticAllocationScope: "AutomaticAllocationScope",
  Elementwise: "Elementwise",
  /** Reads and writes memory only through memref operands: on tensors it has no side effects (linalg's structured ops). */
  MemrefEffectsOnly: "MemrefEffectsOnly",
  Idempotent: "Idempotent",
  Involution: "Involution",
} as const;
export type Trait = (typeof Trait)[keyof typeof Trait];

/** Reports a verification failure at the op. */
export type EmitError = (message: string) => void;

/** What an operand, result or attribute must satisfy: a description and a predicate. */
export interface Constraint<T> {
  readonly description: string;
  (x: T): boolean;
}

/** A named predicate; `extra` carries what formats read (e.g. `buildableType`). */
export function constraint<T>(description: string, pred: (x: T) => boolean, extra: object = {}): Constraint<T> {
  return Object.assign((x: T) => pred(x), { description }, extra);
}

export interface ValueSpec {
  readonly name: string;
  /** `single` (default), `optional` (0 or 1) or `variadic` (any count). */
  readonly arity?: "single" | "optional" | "variadic";
  readonly type?: Constraint<Type>;
}

export interface AttrSpec {
  readonly type?: Constraint<Attribute>;
  readonly optional?: boolean;
  /**
   * The default value, elided by custom formats when the attribute equals it. Without `optional`
   * this is MLIR's DefaultValuedAttr (always present: filled in when absent); with `optional` it is
   * DefaultValuedOptionalAttr (absent stays absent).
   */
  readonly default?: (ctx: Context) => Attribute;
  /** For enum attributes: the case names, in MLIR's order (the i64/i32 storage value is the index unless `enumValues`). */
  readonly enumCases?: readonly string[];
  readonly enumValues?: readonly number[];
  /** How MLIR stores the enum: as an integer attribute, or as a dialect attribute `#dialect.mnemonic<case>`. */
  readonly enumStorage?: "i64" | "i32" | { readonly dialect: string; readonly mnemonic: string };
}

export interface OpDef {
  readonly name: string;
  readonly dialect: string;
  readonly traits: ReadonlySet<string>;
  readonly operands?: readonly ValueSpec[];
  readonly results?: readonly ValueSpec[];
  /** Inherent attributes: stored as properties, printed `<{...}>` in generic form. */
  readonly attributes?: Readonly<Record<string, AttrSpec>>;
  /** Number of regions (default 0), and successors (default 0; -1 for any). */
  readonly regions?: number;
  readonly successors?: number;
  /** Names of the ops this op must be nested in directly (HasParent). */
  readonly parents?: readonly string[];
  /** Op-specific verification beyond the declared constraints. */
  readonly verify?: (op: Operation, emitError: EmitError) => void;
  /** Folds given the constant value of each operand (or undefined); returns attributes or values. */
  readonly fold?: (op: Operation, operands: readonly (Attribute | undefined)[]) => FoldResult | undefined;
  /** Custom assembly: parse into a ParsedOp, and print. Ops without them use the generic form. */
  readonly parse?: (p: OpAsmParser, state: ParsedOp) => void;
  readonly print?: (p: OpAsmPrinter, op: Operation) => void;
  /** Names suggested for results (MLIR's getAsmResultNames), e.g. `c0` for a constant. */
  readonly resultNames?: (op: Operation) => readonly (string | undefined)[];
  /** Names suggested for entry block arguments of regions (getAsmBlockArgumentNames). */
  readonly blockArgNames?: (op: Operation, region: number) => readonly (string | undefined)[] | undefined;
  /** The default dialect for op names inside regions (`func.func` bodies: "func"). */
  readonly defaultDialect?: string;
  /**
   * MLIR's declarative assembly format (the ODS `assemblyFormat` string, e.g.
   * "$lhs `,` $rhs attr-dict `:` type($result)"); compiled into `parse` and `print`.
   */
  readonly format?: string;
  /** Result types derived from operands and attributes (MLIR's InferTypeOpInterface), for formats that omit them. */
  readonly inferResultTypes?: (ctx: Context, operandTypes: readonly Type[], attr: (name: string) => Attribute | undefined) => Type[] | undefined;
  /** Groups of operand/result names whose types are equal (ODS AllTypesMatch), used by formats to infer types. */
  readonly typesMatch?: readonly (readonly string[])[];
}

/** A fold either produces constant attributes or existing values for each result. */
export type FoldResult = readonly (Attribute | import("../ir/value.ts").Value)[];

export interface Dialect {
  readonly name: string;
  readonly ops: readonly OpDef[];
  /**
   * Makes the op that holds a folded constant of this dialect (MLIR's materializeConstant), or
   * undefined when the dialect cannot hold `value` as a `type`.
   */
  readonly materializeConstant?: (ctx: Context, value: Attribute, type: Type) => { name: string; properties: DictionaryAttr } | undefined;
}

export class DialectRegistry {
  private readonly ops = new Map<string, OpDef>();
  private readonly dialects = new Map<string, Dialect>();

  register(dialect: Dialect): this {
    this.dialects.set(dialect.name, dialect);
    for (const op of dialect.ops) this.ops.set(op.name, op);
    return this;
  }

  lookup(name: string): OpDef | undefined {
    return this.ops.get(name);
  }

  dialect(name: string): Dialect | undefined {
    return this.dialects.get(name);
  }

  hasDialect(name: string): boolean {
    return this.dialects.has(name);
  }

  get dialectNames(): string[] {
    return [...this.dialects.keys()];
  }

  /** Every registered op name (for "did you mean" suggestions). */
  get opNames(): string[] {
    return [...this.ops.keys()];
  }
}

/** Builds an OpDef, filling in the dialect from the name and the trait set. */
export function op(name: string, spec: Omit<OpDef, "name" | "dialect" | "traits"> & { traits?: readonly string[] } = {}): OpDef {
  const dot = name.indexOf(".");
  const def: OpDef = { ...spec, name, dialect: name.slice(0, dot), traits: new Set(spec.traits ?? []) };
  if (def.format === undefined || (def.parse && def.print)) return uniformShape(def);
  // One description drives both directions: compile the declarative format.
  const compiled = compileAssemblyFormat(def);
  return uniformShape({ ...def, parse: def.parse ?? compiled.parse, print: def.print ?? compiled.print });
}

/**
 * The definition with every OpDef field present in one order, so that all definitions share one
 * hidden class: the parser, verifier and printer read a few fields of a definition per op, and
 * with definitions of many shapes each of those reads would be a slow megamorphic lookup.
 */
const opDefFields = new Set([
  "name", "dialect", "traits", "operands", "results", "attributes", "regions", "successors", "parents", "verify",
  "fold", "parse", "print", "resultNames", "blockArgNames", "defaultDialect", "format", "inferResultTypes", "typesMatch",
]);

function uniformShape(d: OpDef): OpDef {
  const out: Record<string, unknown> = {
    name: d.name,
    dialect: d.dialect,
    traits: d.traits,
    operands: d.operands,
    results: d.results,
    attributes: d.attributes,
    regions: d.regions,
    successors: d.successors,
    parents: d.parents,
    verify: d.verify,
    fold: d.fold,
    parse: d.parse,
    print: d.print,
    resultNames: d.resultNames,
    blockArgNames: d.blockArgNames,
    defaultDialect: d.defaultDialect,
    format: d.format,
    inferResultTypes: d.inferResultTypes,
    typesMatch: d.typesMatch,
  };
  // Fields beyond OpDef's (if a dialect adds any) are kept.
  for (const k of Object.keys(d)) if (!opDefFields.has(k)) out[k] = (d as unknown as Record<string, unknown>)[k];
  return out as unknown as OpDef;
}

const defaultedLists = new WeakMap<OpDef, [string, AttrSpec][]>();
/** The always-present defaulted attributes of an op (DefaultValuedAttr), computed once per def. */
export function defaultedAttributes(def: OpDef): [string, AttrSpec][] {
  let list = defaultedLists.get(def);
  if (list === undefined) {
    list = Object.entries(def.attributes ?? {}).filter(([, spec]) => spec.default !== undefined && !spec.optional);
    defaultedLists.set(def, list);
  }
  return list;
}

const defaultValues = new WeakMap<AttrSpec, WeakMap<Context, Attribute>>();
/** An attribute's default value in a context (uniqued, so computed once). */
export function defaultValue(spec: AttrSpec, ctx: Context): Attribute | undefined {
  if (spec.default === undefined) return undefined;
  let perCtx = defaultValues.get(spec);
  if (perCtx === undefined) defaultValues.set(spec, (perCtx = new WeakMap()));
  let v = perCtx.get(ctx);
  if (v === undefined) perCtx.set(ctx, (v = spec.default(ctx)));
  return v;
}
