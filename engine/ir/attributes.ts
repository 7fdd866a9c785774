// Builtin attributes: immutable and uniqued per Context (equality is reference equality).
import type { AffineMap, IntegerSet } from "./affine.ts";
import type { Type, ShapedType } from "./types.ts";

export abstract class Attribute {
  abstract readonly kind: string;
  /** Canonical text without aliases; the uniquing key. */
  readonly key: string;
  /** The attribute's key for matching literals in rules, computed once (engine/rewrite/literal-key.ts). */
  matchKey: string | undefined = undefined;
  constructor(key: string) {
    this.key = key;
  }
  toString(): string {
    return this.key;
  }
}

/** An integer (or `true`/`false` for i1) of an integer or index type; values held exactly. */
export class IntegerAttr extends Attribute {
  readonly kind = "integer";
  readonly type: Type;
  readonly value: bigint;
  constructor(key: string, type: Type, value: bigint) {
    super(key);
    this.type = type;
    this.value = value;
  }
}

export class FloatAttr extends Attribute {
  readonly kind = "float";
  readonly type: Type;
  readonly value: number;
  constructor(key: string, type: Type, value: number) {
    super(key);
    this.type = type;
    this.value = value;
  }
}

export class StringAttr extends Attribute {
  readonly kind = "string";
  readonly value: string;
  readonly type: Type | undefined;
  constructor(key: string, value: string, type: Type | undefined) {
    super(key);
    this.value = value;
    this.type = type;
  }
}

export class UnitAttr extends Attribute {
  readonly kind = "unit";
}

export class TypeAttr extends Attribute {
  readonly kind = "type";
  readonly type: Type;
  constructor(key: string, type: Type) {
    super(key);
    this.type = type;
  }
}

export class ArrayAttr extends Attribute {
  readonly kind = "array";
  readonly elements: readonly Attribute[];
  constructor(key: string, elements: readonly Attribute[]) {
    super(key);
    this.elements = elements;
  }
}

/** `array<i64: 1, 2>`: a packed array of integers or floats. */
export class DenseArrayAttr extends Attribute {
  readonly kind = "dense-array";
  readonly elementType: Type;
  readonly values: readonly (bigint | number)[];
  constructor(key: string, elementType: Type, values: readonly (bigint | number)[]) {
    super(key);
    this.elementType = elementType;
    this.values = values;
  }
  /** Integer values as numbers (for i64 shape lists and the like). */
  numbers(): number[] {
    return this.values.map(Number);
  }
}

export interface NamedAttribute {
  readonly name: string;
  readonly value: Attribute;
}

export class DictionaryAttr extends Attribute {
  readonly kind = "dictionary";
  private readonly byName: Map<string, Attribute>;
  /** Entries sorted by name, as MLIR keeps them. */
  readonly entries: readonly NamedAttribute[];
  constructor(key: string, entries: readonly NamedAttribute[]) {
    super(key);
    this.entries = entries;
    this.byName = new Map(entries.map((e) => [e.name, e.value]));
  }
  get(name: string): Attribute | undefined {
    return this.byName.get(name);
  }
}

/** Element values of dense elements: one per element (or one for a splat). */
export type DenseValue = bigint | number | boolean | string | readonly [number, number] | readonly [bigint, bigint];

export class DenseElementsAttr extends Attribute {
  readonly kind = "dense";
  readonly type: ShapedType;
  /** Flat row-major values; a single value when `splat`. */
  readonly values: readonly DenseValue[];
  readonly splat: boolean;
  constructor(key: string, type: ShapedType, values: readonly DenseValue[], splat: boolean) {
    super(key);
    this.type = type;
    this.values = values;
    this.splat = splat;
  }
  /** The value of the element at flat index i. */
  at(i: number): DenseValue {
    return this.splat ? this.values[0]! : this.values[i]!;
  }
}

/** `dense_resource<handle>`: elements stored in the file's `{-# dialect_resources #-}` section. */
export class DenseResourceAttr extends Attribute {
  readonly kind = "dense-resource";
  readonly type: ShapedType;
  readonly handle: string;
  constructor(key: string, type: ShapedType, handle: string) {
    super(key);
    this.type = type;
    this.handle = handle;
  }
}

/** `sparse<indices, values>`, kept as its two nested dense attributes. */
export class SparseElementsAttr extends Attribute {
  readonly kind = "sparse";
  readonly type: ShapedType;
  readonly indices: Attribute;
  readonly values: Attribute;
  constructor(key: string, type: ShapedType, indices: Attribute, values: Attribute) {
    super(key);
    this.type = type;
    this.indices = indices;
    this.values = values;
  }
}

export class AffineMapAttr extends Attribute {
  readonly kind = "affine-map";
  readonly map: AffineMap;
  constructor(key: string, map: AffineMap) {
    super(key);
    this.map = map;
  }
}

export class IntegerSetAttr extends Attribute {
  readonly kind = "integer-set";
  readonly set: IntegerSet;
  constructor(key: string, set: IntegerSet) {
    super(key);
    this.set = set;
  }
}

/** `@root::@nested::@leaf`. */
export class SymbolRefAttr extends Attribute {
  readonly kind = "symbol-ref";
  readonly root: string;
  readonly nested: readonly string[];
  constructor(key: string, root: string, nested: readonly string[]) {
    super(key);
    this.root = root;
    this.nested = nested;
  }
}

/** `strided<[s0, s1], offset: o>` memref layout; dynamic entries are `dynamic` (-1 is not used: null). */
export class StridedLayoutAttr extends Attribute {
  readonly kind = "strided";
  readonly strides: readonly (number | null)[];
  readonly offset: number | null;
  constructor(key: string, strides: readonly (number | null)[], offset: number | null) {
    super(key);
    this.strides = strides;
    this.offset = offset;
  }
}

/**
 * An attribute of a dialect prr keeps as text: `#dialect.name<body>` or `#dialect<"body">`.
 * `text` is everything after `#` with alias references expanded.
 */
export class DialectAttr extends Attribute {
  readonly kind = "dialect";
  readonly dialect: string;
  readonly text: string;
  constructor(key: string, dialect: string, text: string) {
    super(key);
    this.dialect = dialect;
    this.text = text;
  }
}

/** `distinct[N]<attr>`: an attribute that is unique by identity; N is renumbered on print. */
export class DistinctAttr extends Attribute {
  readonly kind = "distinct";
  readonly id: number;
  readonly referenced: Attribute;
  constructor(key: string, id: number, referenced: Attribute) {
    super(key);
    this.id = id;
    this.referenced = referenced;
  }
}

// ----- locations (attributes in MLIR too) -----

export abstract class Location extends Attribute {}

export class UnknownLoc extends Location {
  readonly kind = "loc-unknown";
}

/** `"file":line:col`, or the LLVM 22 range form `"file":l1:c1 to l2:c2`. */
export class FileLineColLoc extends Location {
  readonly kind = "loc-file";
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number | undefined;
  readonly endCol: number | undefined;
  constructor(key: string, file: string, line: number, col: number, endLine: number | undefined, endCol: number | undefined) {
    super(key);
    this.file = file;
    this.line = line;
    this.col = col;
    this.endLine = endLine;
    this.endCol = endCol;
  }
}

export class NameLoc extends Location {
  readonly kind = "loc-name";
  readonly name: string;
  readonly child: Location | undefined;
  constructor(key: string, name: string, child: Location | undefined) {
    super(key);
    this.name = name;
    this.child = child;
  }
}

export class CallSiteLoc extends Location {
  readonly kind = "loc-callsite";
  readonly callee: Location;
  readonly caller: Location;
  constructor(key: string, callee: Location, caller: Location) {
    super(key);
    this.callee = callee;
    this.caller = caller;
  }
}

export class FusedLoc extends Location {
  readonly kind = "loc-fused";
  readonly locations: readonly Location[];
  readonly metadata: Attribute | undefined;
  constructor(key: string, locations: readonly Location[], metadata: Attribute | undefined) {
    super(key);
    this.locations = locations;
    this.metadata = metadata;
  }
}

/** A location in a dialect's own syntax, or `loc(#alias)` of one, kept as its attribute. */
export class OpaqueLoc extends Location {
  readonly kind = "loc-opaque";
  readonly attr: Attribute;
  constructor(key: string, attr: Attribute) {
    super(key);
    this.attr = attr;
  }
}
