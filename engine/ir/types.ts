// Builtin types: immutable and uniqued per Context, so type equality is reference equality.
import type { Attribute } from "./attributes.ts";
import type { FloatKind } from "./float-format.ts";

/** A type; `key` is its canonical text (without aliases) and its uniquing key. */
export abstract class Type {
  abstract readonly kind: string;
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
  toString(): string {
    return this.key;
  }
}

export const Signedness = { signless: 0, signed: 1, unsigned: 2 } as const;
export type Signedness = (typeof Signedness)[keyof typeof Signedness];

export class IntegerType extends Type {
  readonly kind = "integer";
  readonly width: number;
  readonly signedness: Signedness;
  constructor(key: string, width: number, signedness: Signedness) {
    super(key);
    this.width = width;
    this.signedness = signedness;
  }
}

export class IndexType extends Type {
  readonly kind = "index";
}

export class FloatType extends Type {
  readonly kind = "float";
  readonly floatKind: FloatKind;
  constructor(key: string, floatKind: FloatKind) {
    super(key);
    this.floatKind = floatKind;
  }
}

export class NoneType extends Type {
  readonly kind = "none";
}

export class ComplexType extends Type {
  readonly kind = "complex";
  readonly elementType: Type;
  constructor(key: string, elementType: Type) {
    super(key);
    this.elementType = elementType;
  }
}

/** Dimension size of a dynamic dimension (`?`), as MLIR's ShapedType::kDynamic. */
export const dynamic = -1;

export abstract class ShapedType extends Type {
  abstract readonly shape: readonly number[] | undefined;
  abstract readonly elementType: Type;
  get rank(): number | undefined {
    return this.shape?.length;
  }
  /** Number of elements, or undefined when unranked or dynamic. */
  get numElements(): number | undefined {
    if (!this.shape) return undefined;
    let n = 1;
    for (const d of this.shape) {
      if (d < 0) return undefined;
      n *= d;
    }
    return n;
  }
  hasStaticShape(): boolean {
    return this.shape !== undefined && this.shape.every((d) => d >= 0);
  }
}

export class VectorType extends ShapedType {
  readonly kind = "vector";
  readonly shape: readonly number[];
  readonly scalableDims: readonly boolean[];
  readonly elementType: Type;
  constructor(key: string, shape: readonly number[], scalableDims: readonly boolean[], elementType: Type) {
    super(key);
    this.shape = shape;
    this.scalableDims = scalableDims;
    this.elementType = elementType;
  }
}

export class RankedTensorType extends ShapedType {
  readonly kind = "tensor";
  readonly shape: readonly number[];
  readonly elementType: Type;
  readonly encoding: Attribute | undefined;
  constructor(key: string, shape: readonly number[], elementType: Type, encoding: Attribute | undefined) {
    super(key);
    this.shape = shape;
    this.elementType = elementType;
    this.encoding = encoding;
  }
}

export class UnrankedTensorType extends ShapedType {
  readonly kind = "unranked-tensor";
  readonly shape = undefined;
  readonly elementType: Type;
  constructor(key: string, elementType: Type) {
    super(key);
    this.elementType = elementType;
  }
}

export class MemRefType extends ShapedType {
  readonly kind = "memref";
  readonly shape: readonly number[];
  readonly elementType: Type;
  readonly layout: Attribute | undefined;
  readonly memorySpace: Attribute | undefined;
  constructor(
    key: string,
    shape: readonly number[],
    elementType: Type,
    layout: Attribute | undefined,
    memorySpace: Attribute | undefined,
  ) {
    super(key);
    this.shape = shape;
    this.elementType = elementType;
    this.layout = layout;
    this.memorySpace = memorySpace;
  }
}

export class UnrankedMemRefType extends ShapedType {
  readonly kind = "unranked-memref";
  readonly shape = undefined;
  readonly elementType: Type;
  readonly memorySpace: Attribute | undefined;
  constructor(key: string, elementType: Type, memorySpace: Attribute | undefined) {
    super(key);
    this.elementType = elementType;
    this.memorySpace = memorySpace;
  }
}

export class TupleType extends Type {
  readonly kind = "tuple";
  readonly types: readonly Type[];
  constructor(key: string, types: readonly Type[]) {
    super(key);
    this.types = types;
  }
}

export class FunctionType extends Type {
  readonly kind = "function";
  readonly inputs: readonly Type[];
  readonly results: readonly Type[];
  constructor(key: string, inputs: readonly Type[], results: readonly Type[]) {
    super(key);
    this.inputs = inputs;
    this.results = results;
  }
}

/**
 * A type of a dialect prr keeps as text: `!dialect.name<body>` (pretty) or `!dialect<"body">`
 * (opaque). `text` is everything after `!`, with alias references already expanded.
 */
export class DialectType extends Type {
  readonly kind = "dialect";
  readonly dialect: string;
  readonly text: string;
  constructor(key: string, dialect: string, text: string) {
    super(key);
    this.dialect = dialect;
    this.text = text;
  }
  /** The mnemonic after the dialect's dot (`shape` of `!tosa.shape<3>`), or "" for opaque form. */
  get mnemonic(): string {
    const m = /^[\w$]+\.([\w$.]+)/.exec(this.text);
    return m ? m[1]! : "";
  }
}

export function isInteger(t: Type, width?: number): t is IntegerType {
  return t instanceof IntegerType && (width === undefined || t.width === width);
}

export function isIntOrIndex(t: Type): boolean {
  return t instanceof IntegerType || t instanceof IndexType;
}

export function isFloat(t: Type): t is FloatType {
  return t instanceof FloatType;
}

/** The element type of a shaped type, or the type itself. */
export function elementTypeOrSelf(t: Type): Type {
  return t instanceof ShapedType ? t.elementType : t;
}
