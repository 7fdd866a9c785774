// Affine expressions, maps and integer sets, simplified on construction as MLIR does, so that
// printing gives MLIR's canonical text.

export type AffineExpr = AffineDim | AffineSymbol | AffineConstant | AffineBinary;
export type AffineBinaryKind = "add" | "mul" | "mod" | "floordiv" | "ceildiv";

export interface AffineDim {
  readonly kind: "dim";
  readonly position: number;
}
export interface AffineSymbol {
  readonly kind: "symbol";
  readonly position: number;
}
export interface AffineConstant {
  readonly kind: "constant";
  readonly value: number;
}
export interface AffineBinary {
  readonly kind: AffineBinaryKind;
  readonly lhs: AffineExpr;
  readonly rhs: AffineExpr;
}

export const dim = (position: number): AffineDim => ({ kind: "dim", position });
export const sym = (position: number): AffineSymbol => ({ kind: "symbol", position });
export const constant = (value: number): AffineConstant => ({ kind: "constant", value });

const isConst = (e: AffineExpr): e is AffineConstant => e.kind === "constant";
const isBinary = (e: AffineExpr): e is AffineBinary => e.kind !== "dim" && e.kind !== "symbol" && e.kind !== "constant";

/** Structural equality (MLIR uniques expressions; we compare structure). */
export function exprEquals(a: AffineExpr, b: AffineExpr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "dim":
    case "symbol":
      return a.position === (b as AffineDim).position;
    case "constant":
      return a.value === (b as AffineConstant).value;
    default:
      return exprEquals(a.lhs, (b as AffineBinary).lhs) && exprEquals(a.rhs, (b as AffineBinary).rhs);
  }
}

/** Whether the expression uses no dimensions. */
export function isSymbolicOrConstant(e: AffineExpr): boolean {
  switch (e.kind) {
    case "dim":
      return false;
    case "symbol":
    case "constant":
      return true;
    default:
      return isSymbolicOrConstant(e.lhs) && isSymbolicOrConstant(e.rhs);
  }
}

/** Whether the expression is pure affine (no symbol-free multiplications of dims, etc.). */
export function isPureAffine(e: AffineExpr): boolean {
  switch (e.kind) {
    case "dim":
    case "symbol":
    case "constant":
      return true;
    case "add":
      return isPureAffine(e.lhs) && isPureAffine(e.rhs);
    case "mul":
      return isPureAffine(e.lhs) && isPureAffine(e.rhs) && (isConst(e.lhs) || isConst(e.rhs));
    default:
      return isPureAffine(e.lhs) && isConst(e.rhs);
  }
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function largestKnownDivisor(e: AffineExpr): number {
  switch (e.kind) {
    case "dim":
    case "symbol":
      return 1;
    case "constant":
      return Math.abs(e.value);
    case "mul":
      return largestKnownDivisor(e.lhs) * largestKnownDivisor(e.rhs);
    case "add":
    case "mod":
      return gcd(largestKnownDivisor(e.lhs), largestKnownDivisor(e.rhs));
    default: {
      if (isConst(e.rhs) && e.rhs.value !== 0) {
        const l = largestKnownDivisor(e.lhs);
        if (l % e.rhs.value === 0) return Math.abs(l / e.rhs.value);
      }
      return 1;
    }
  }
}

const raw = (kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): AffineBinary => ({ kind, lhs, rhs });

const floorDiv = (a: number, b: number) => Math.floor(a / b);
const ceilDiv = (a: number, b: number) => Math.ceil(a / b);
const mod = (a: number, b: number) => ((a % b) + Math.abs(b)) % Math.abs(b);

export function add(lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (isConst(lhs) && isConst(rhs)) return constant(lhs.value + rhs.value);
  if (isConst(lhs) || (isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs))) return add(rhs, lhs);
  if (isConst(rhs) && rhs.value === 0) return lhs;
  const lBin = isBinary(lhs) ? lhs : undefined;
  if (isConst(rhs) && lBin?.kind === "add" && isConst(lBin.rhs)) return add(lBin.lhs, constant(lBin.rhs.value + rhs.value));
  // c1 * e + c2 * e  ->  (c1 + c2) * e
  let c1 = 1;
  let first: AffineExpr = lhs;
  if (lBin?.kind === "mul" && isConst(lBin.rhs)) {
    c1 = lBin.rhs.value;
    first = lBin.lhs;
  }
  let c2 = 1;
  let second: AffineExpr = rhs;
  if (isBinary(rhs) && rhs.kind === "mul" && isConst(rhs.rhs)) {
    c2 = rhs.rhs.value;
    second = rhs.lhs;
  }
  if (exprEquals(first, second)) return mul(first, constant(c1 + c2));
  // (e + c) + f  ->  (e + f) + c
  if (lBin?.kind === "add" && isConst(lBin.rhs)) return add(add(lBin.lhs, rhs), lBin.rhs);
  return raw("add", lhs, rhs);
}

export function mul(lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (isConst(lhs) && isConst(rhs)) return constant(lhs.value * rhs.value);
  if (!isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs)) return raw("mul", lhs, rhs);
  if (isConst(lhs) || (isSymbolicOrConstant(lhs) && !isSymbolicOrConstant(rhs))) return mul(rhs, lhs);
  const lBin = isBinary(lhs) ? lhs : undefined;
  if (isConst(rhs)) {
    if (rhs.value === 1) return lhs;
    if (rhs.value === 0) return rhs;
    if (lBin?.kind === "mul" && isConst(lBin.rhs)) return mul(lBin.lhs, constant(lBin.rhs.value * rhs.value));
  }
  if (lBin?.kind === "mul" && isConst(lBin.rhs)) return mul(mul(lBin.lhs, rhs), lBin.rhs);
  return raw("mul", lhs, rhs);
}

export const neg = (e: AffineExpr): AffineExpr => mul(e, constant(-1));
export const sub = (a: AffineExpr, b: AffineExpr): AffineExpr => add(a, neg(b));

export function floordiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (isConst(lhs) && isConst(rhs) && rhs.value !== 0) return constant(floorDiv(lhs.value, rhs.value));
  if (!isConst(rhs) || rhs.value < 1) return raw("floordiv", lhs, rhs);
  const c = rhs.value;
  if (c === 1) return lhs;
  if (isBinary(lhs) && lhs.kind === "mul" && isConst(lhs.rhs) && lhs.rhs.value % c === 0)
    return mul(lhs.lhs, constant(lhs.rhs.value / c));
  if (isBinary(lhs) && lhs.kind === "add") {
    if (largestKnownDivisor(lhs.lhs) % c === 0) return add(floordiv(lhs.lhs, rhs), floordiv(lhs.rhs, rhs));
    if (largestKnownDivisor(lhs.rhs) % c === 0) return add(floordiv(lhs.lhs, rhs), floordiv(lhs.rhs, rhs));
  }
  return raw("floordiv", lhs, rhs);
}

export function ceildiv(lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (isConst(lhs) && isConst(rhs) && rhs.value !== 0) return constant(ceilDiv(lhs.value, rhs.value));
  if (!isConst(rhs) || rhs.value < 1) return raw("ceildiv", lhs, rhs);
  const c = rhs.value;
  if (c === 1) return lhs;
  if (isBinary(lhs) && lhs.kind === "mul" && isConst(lhs.rhs) && lhs.rhs.value % c === 0)
    return mul(lhs.lhs, constant(lhs.rhs.value / c));
  return raw("ceildiv", lhs, rhs);
}

export function modulo(lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  if (isConst(lhs) && isConst(rhs) && rhs.value !== 0) return constant(mod(lhs.value, rhs.value));
  if (!isConst(rhs) || rhs.value < 1) return raw("mod", lhs, rhs);
  const c = rhs.value;
  if (c === 1) return constant(0);
  if (isBinary(lhs) && lhs.kind === "add") {
    if (largestKnownDivisor(lhs.lhs) % c === 0) return modulo(lhs.rhs, rhs);
    if (largestKnownDivisor(lhs.rhs) % c === 0) return modulo(lhs.lhs, rhs);
  }
  if (isBinary(lhs) && lhs.kind === "mod" && isConst(lhs.rhs) && lhs.rhs.value % c === 0) return modulo(lhs.lhs, rhs);
  if (largestKnownDivisor(lhs) % c === 0) return constant(0);
  return raw("mod", lhs, rhs);
}

export function binary(kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  switch (kind) {
    case "add":
      return add(lhs, rhs);
    case "mul":
      return mul(lhs, rhs);
    case "mod":
      return modulo(lhs, rhs);
    case "floordiv":
      return floordiv(lhs, rhs);
    case "ceildiv":
      return ceildiv(lhs, rhs);
  }
}

// ----- printing (MLIR's printAffineExprInternal) -----

const spelling: Record<string, string> = { mul: " * ", mod: " mod ", floordiv: " floordiv ", ceildiv: " ceildiv " };

export type NameOf = (kind: "dim" | "symbol", position: number) => string;
const defaultNames: NameOf = (k, p) => (k === "dim" ? `d${p}` : `s${p}`);

export function printExpr(e: AffineExpr, names: NameOf = defaultNames, strong = false): string {
  switch (e.kind) {
    case "dim":
    case "symbol":
      return names(e.kind, e.position);
    case "constant":
      return String(e.value);
    case "add": {
      const open = strong ? "(" : "";
      const close = strong ? ")" : "";
      const r = e.rhs;
      if (isBinary(r) && r.kind === "mul" && isConst(r.rhs)) {
        const v = r.rhs.value;
        if (v === -1)
          return `${open}${printExpr(e.lhs, names, false)} - ${printExpr(r.lhs, names, r.lhs.kind === "add")}${close}`;
        if (v < -1) return `${open}${printExpr(e.lhs, names, false)} - ${printExpr(r.lhs, names, true)} * ${-v}${close}`;
      }
      if (isConst(r) && r.value < 0) return `${open}${printExpr(e.lhs, names, false)} - ${-r.value}${close}`;
      return `${open}${printExpr(e.lhs, names, false)} + ${printExpr(r, names, false)}${close}`;
    }
    default: {
      const open = strong ? "(" : "";
      const close = strong ? ")" : "";
      if (e.kind === "mul" && isConst(e.rhs) && e.rhs.value === -1) return `${open}-${printExpr(e.lhs, names, true)}${close}`;
      return `${open}${printExpr(e.lhs, names, true)}${spelling[e.kind]}${printExpr(e.rhs, names, true)}${close}`;
    }
  }
}

export class AffineMap {
  readonly numDims: number;
  readonly numSymbols: number;
  readonly results: readonly AffineExpr[];
  constructor(numDims: number, numSymbols: number, results: readonly AffineExpr[]) {
    this.numDims = numDims;
    this.numSymbols = numSymbols;
    this.results = results;
  }

  static identity(n: number): AffineMap {
    return new AffineMap(
      n,
      0,
      Array.from({ length: n }, (_, i) => dim(i)),
    );
  }

  isIdentity(): boolean {
    return (
      this.numSymbols === 0 &&
      this.results.length === this.numDims &&
      this.results.every((r, i) => r.kind === "dim" && r.position === i)
    );
  }

  /** The constant results, when every result is constant. */
  constantResults(): number[] | undefined {
    const out: number[] = [];
    for (const r of this.results) {
      if (r.kind !== "constant") return undefined;
      out.push(r.value);
    }
    return out;
  }

  toString(): string {
    return printMap(this);
  }
}

function header(numDims: number, numSymbols: number): string {
  let s = `(${Array.from({ length: numDims }, (_, i) => `d${i}`).join(", ")})`;
  if (numSymbols > 0) s += `[${Array.from({ length: numSymbols }, (_, i) => `s${i}`).join(", ")}]`;
  return s;
}

export function printMap(m: AffineMap): string {
  return `${header(m.numDims, m.numSymbols)} -> (${m.results.map((r) => printExpr(r)).join(", ")})`;
}

export class IntegerSet {
  readonly numDims: number;
  readonly numSymbols: number;
  /** Each constraint is `expr == 0` (eqFlags[i]) or `expr >= 0`. */
  readonly constraints: readonly AffineExpr[];
  readonly eqFlags: readonly boolean[];
  constructor(numDims: number, numSymbols: number, constraints: readonly AffineExpr[], eqFlags: readonly boolean[]) {
    this.numDims = numDims;
    this.numSymbols = numSymbols;
    this.constraints = constraints;
    this.eqFlags = eqFlags;
  }
  toString(): string {
    return printSet(this);
  }
}

export function printSet(s: IntegerSet): string {
  if (s.constraints.length === 0) return `${header(s.numDims, s.numSymbols)} : (1 == 0)`;
  const cs = s.constraints.map((c, i) => `${printExpr(c)} ${s.eqFlags[i] ? "==" : ">="} 0`);
  return `${header(s.numDims, s.numSymbols)} : (${cs.join(", ")})`;
}

/** Substitutes dims and symbols, re-simplifying. */
export function replaceDimsAndSymbols(e: AffineExpr, dims: readonly AffineExpr[], syms: readonly AffineExpr[]): AffineExpr {
  switch (e.kind) {
    case "dim":
      return dims[e.position] ?? e;
    case "symbol":
      return syms[e.position] ?? e;
    case "constant":
      return e;
    default:
      return binary(e.kind, replaceDimsAndSymbols(e.lhs, dims, syms), replaceDimsAndSymbols(e.rhs, dims, syms));
  }
}

/** Evaluates with concrete dims and symbols (MLIR's semantics for floordiv, ceildiv, mod). */
export function evalExpr(e: AffineExpr, dims: ArrayLike<number>, syms: ArrayLike<number>): number {
  switch (e.kind) {
    case "dim":
      return dims[e.position]!;
    case "symbol":
      return syms[e.position]!;
    case "constant":
      return e.value;
    case "add":
      return evalExpr(e.lhs, dims, syms) + evalExpr(e.rhs, dims, syms);
    case "mul":
      return evalExpr(e.lhs, dims, syms) * evalExpr(e.rhs, dims, syms);
    case "mod":
      return mod(evalExpr(e.lhs, dims, syms), evalExpr(e.rhs, dims, syms));
    case "floordiv":
      return floorDiv(evalExpr(e.lhs, dims, syms), evalExpr(e.rhs, dims, syms));
    case "ceildiv":
      return ceilDiv(evalExpr(e.lhs, dims, syms), evalExpr(e.rhs, dims, syms));
  }
}
