// Emits JavaScript for the ops of a loop nest (scf/affine control flow, memory accesses, scalar
// arith/math): values are JS locals, values from outside the nest are read from registers once.
import type { Block } from "../../ir/block.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Value } from "../../ir/value.ts";
import { MemRefType, ShapedType, VectorType, type Type } from "../../ir/types.ts";
import type { FunctionCompiler } from "../compiler.ts";
import { kindOf, type ElementKind } from "../elements.ts";
import { constantValue } from "../constants.ts";
import { scalarFunctions } from "../ops/elementwise.ts";
import { inlineScalar } from "./scalar-code.ts";
import { addRanges, mulRanges, type Range } from "./affine-code.ts";
import { NestResidency } from "./nest-wasm.ts";

/** Emits one op's statements; false when the op (or some operand) cannot be compiled. */
export type NestOpEmitter = (op: Operation, e: NestEmitter) => boolean;

const emitters = new Map<string, NestOpEmitter>();

export function defineNestOps(entries: Record<string, NestOpEmitter>): void {
  for (const [name, f] of Object.entries(entries)) emitters.set(name, f);
}

/** The local names of a memref's buffer, offset, strides and sizes (read once at nest entry). */
export interface MemrefNames {
  readonly value: string;
  readonly data: string;
  readonly offset: string;
  readonly strides: string[];
  readonly sizes: string[];
}

/** A bounds check that the nest's entry proved unnecessary when `proofs` all hold. */
export interface ProvenCheck {
  readonly check: string;
}

/** Vectors up to this many lanes are held lane by lane in locals. */
const maxLanes = 128;

/** The lane count of a small fixed vector type with stored elements, else undefined. */
export function laneCount(t: Type): number | undefined {
  if (!(t instanceof VectorType) || t.scalableDims.some((x) => x) || kindOf(t.elementType) === undefined) return undefined;
  const n = t.shape.reduce((a, b) => a * b, 1);
  return n <= maxLanes ? n : undefined;
}

/** Scalar helpers that trap (integer division): their calls attach the op to the Trap. */
const trappingOps = new Set(["arith.divsi", "arith.divui", "arith.remsi", "arith.remui", "arith.floordivsi", "arith.ceildivsi", "arith.ceildivui"]);

export class NestEmitter {
  readonly c: FunctionCompiler;
  /** The nest's statements; proven checks are left out of the version run when the proofs hold. */
  readonly lines: (string | ProvenCheck)[] = [];
  /** Conditions, evaluated at entry, under which every ProvenCheck passes. */
  readonly proofs: string[] = [];
  /** Lines run once at entry: register reads and the checks that decide whether to run at all. */
  readonly entry: string[] = [];
  readonly helpers: unknown[] = [];
  /** Ops that traps point at (`ops[k]` in the generated code). */
  readonly ops: Operation[] = [];
  /** The names of the memrefs the nest stores into. */
  readonly written = new Set<string>();
  /** The helper holding the nest's arena use, when some loop runs as a WebAssembly kernel. */
  residencyName: string | undefined;
  private readonly names = new Map<Value, string>();
  private readonly memrefs = new Map<Value, MemrefNames>();
  /** Vector values, one local per lane (row-major). */
  private readonly vectors = new Map<Value, string[]>();
  /** Integer bounds of locals, as expressions valid at entry. */
  private readonly ranges = new Map<string, Range>();
  private counter = 0;

  constructor(c: FunctionCompiler) {
    this.c = c;
  }

  fresh(prefix = "v"): string {
    return `${prefix}${this.counter++}`;
  }

  /** `H[i]` naming a value the generated code calls or reads. */
  helper(f: unknown): string {
    this.helpers.push(f);
    return `H[${this.helpers.length - 1}]`;
  }

  residency(): string {
    return (this.residencyName ??= this.helper(new NestResidency()));
  }

  /** The index of `op` for trap attribution. */
  opIndex(op: Operation): number {
    let k = this.ops.indexOf(op);
    if (k < 0) k = this.ops.push(op) - 1;
    return k;
  }

  define(v: Value, name: string, range?: Range): void {
    this.names.set(v, name);
    if (range !== undefined) this.ranges.set(name, range);
  }

  range(name: string): Range | undefined {
    return this.ranges.get(name);
  }

  /** The JS name of a scalar value; values from outside the nest are read from registers at entry. */
  value(v: Value): string | undefined {
    const n = this.names.get(v);
    if (n !== undefined) return n;
    if (v.type instanceof ShapedType || kindOf(v.type) === undefined) return undefined;
    const name = this.fresh("c");
    this.entry.push(`const ${name} = regs[${this.c.slot(v)}];`);
    const k = kindOf(v.type)!;
    this.define(v, name, !k.isFloat && !k.isBig ? { lo: name, hi: name } : undefined);
    return name;
  }

  defineLanes(v: Value, lanes: string[]): void {
    this.vectors.set(v, lanes);
  }

  /** The lane locals of a small vector; vectors from outside the nest are read lane by lane at entry. */
  lanes(v: Value): string[] | undefined {
    const known = this.vectors.get(v);
    if (known !== undefined) return known;
    const n = laneCount(v.type);
    if (n === undefined) return undefined;
    const shape = (v.type as VectorType).shape;
    const c = this.fresh("c");
    const lanes = Array.from({ length: n }, (_, i) => `${c}_${i}`);
    this.entry.push(
      `const ${c} = regs[${this.c.slot(v)}];`,
      `if (!(${c} instanceof ShapedValue) || ${c}.size !== ${n} || ${c}.shape.length !== ${shape.length}) return false;`,
    );
    lanes.forEach((lane, i) => {
      // Lane i's indices, row-major.
      let rest = i;
      const terms: string[] = [];
      for (let d = shape.length - 1; d >= 0; d--) {
        terms.push(`${rest % shape[d]!} * ${c}.strides[${d}]`);
        rest = Math.floor(rest / shape[d]!);
      }
      this.entry.push(`const ${lane} = ${c}.data[${[`${c}.offset`, ...terms].join(" + ")}];`);
    });
    this.vectors.set(v, lanes);
    return lanes;
  }

  /** A value's locals: its name (scalars) or its lanes (vectors). */
  parts(v: Value): string[] | undefined {
    if (v.type instanceof VectorType) return this.lanes(v);
    const n = this.value(v);
    return n === undefined ? undefined : [n];
  }

  /** Binds a value to locals made by `parts` for its type. */
  defineParts(v: Value, names: string[]): void {
    if (v.type instanceof VectorType) this.defineLanes(v, names);
    else this.define(v, names[0]!);
  }

  /** How many locals a value of type `t` takes (undefined when the nest cannot hold it). */
  partCount(t: Type): number | undefined {
    if (t instanceof VectorType) return laneCount(t);
    return t instanceof ShapedType || kindOf(t) === undefined ? undefined : 1;
  }

  values(vs: readonly Value[]): string[] | undefined {
    const out: string[] = [];
    for (const v of vs) {
      const n = this.value(v);
      if (n === undefined) return undefined;
      out.push(n);
    }
    return out;
  }

  /** The names of a ranked memref from outside the nest; the nest only runs on live ShapedValues of that rank. */
  memref(v: Value): MemrefNames | undefined {
    const known = this.memrefs.get(v);
    if (known !== undefined) return known;
    if (!(v.type instanceof MemRefType) || kindOf(v.type.elementType) === undefined) return undefined;
    const rank = v.type.shape.length;
    const m = this.fresh("m");
    const names: MemrefNames = {
      value: m,
      data: `${m}d`,
      offset: `${m}o`,
      strides: Array.from({ length: rank }, (_, d) => `${m}s${d}`),
      sizes: Array.from({ length: rank }, (_, d) => `${m}n${d}`),
    };
    this.entry.push(
      `const ${m} = regs[${this.c.slot(v)}];`,
      `if (!(${m} instanceof ShapedValue) || ${m}.allocation.freed || ${m}.shape.length !== ${rank}) return false;`,
      `const ${names.data} = ${m}.data, ${names.offset} = ${m}.offset;`,
      ...names.strides.map((s, d) => `const ${s} = ${m}.strides[${d}], ${names.sizes[d]} = ${m}.shape[${d}];`),
    );
    this.memrefs.set(v, names);
    return names;
  }

  /** Emits the ops of a single-block region's block except its terminator; returns the terminator. */
  block(b: Block): Operation | undefined {
    for (let op = b.first; op !== null; op = op.next) {
      if (op === b.last && op.hasTrait("Terminator")) return op;
      if (!this.op(op)) return undefined;
    }
    return undefined;
  }

  op(op: Operation): boolean {
    const f = emitters.get(op.name);
    if (f !== undefined) return f(op, this);
    return this.scalar(op);
  }

  /** A scalar op with one result: inlined, or a call of the scalar function its step uses. */
  private scalar(op: Operation): boolean {
    if (op.results.length !== 1 || op.regions.length > 0) return false;
    if (!op.name.startsWith("arith.") && !op.name.startsWith("math.")) return false;
    if (op.result(0).type instanceof VectorType) return this.lanewise(op);
    const r = op.result(0);
    const k = kindOf(r.type);
    if (k === undefined || r.type instanceof ShapedType) return false;
    if (op.operands.some((o) => o.value.type instanceof ShapedType)) return false;
    const out = this.fresh();
    if (op.name === "arith.constant") {
      const literal = this.constant(op, k);
      if (literal === undefined) return false;
      this.lines.push(`const ${out} = ${literal};`);
      const integer = !k.isFloat && !k.isBig && /^-?\d+$/.test(literal) ? `(${literal})` : undefined;
      this.define(r, out, integer === undefined ? undefined : { lo: integer, hi: integer });
      return true;
    }
    const args = this.values(op.operands.map((o) => o.value));
    if (args === undefined) return false;
    const inline = k.isBig ? undefined : inlineScalar(op, args, k, () => this.helper(k.norm));
    if (inline !== undefined) {
      this.lines.push(`const ${out} = ${inline};`);
      this.define(r, out, k.name === "index" ? this.indexRange(op.name, args) : undefined);
      return true;
    }
    if (!scalarFunctions.has(op)) this.c.compileOp(op);
    const f = scalarFunctions.get(op);
    if (f === undefined) return false;
    const call = `${this.helper(f)}(${args.join(", ")})`;
    if (trappingOps.has(op.name)) this.lines.push(`let ${out}; try { ${out} = ${call}; } catch (e) { throw atOp(e, ops[${this.opIndex(op)}]); }`);
    else this.lines.push(`const ${out} = ${call};`);
    this.define(r, out);
    return true;
  }

  /** An elementwise arith/math op on small vectors, lane by lane (a scalar condition selects whole vectors). */
  private lanewise(op: Operation): boolean {
    const r = op.result(0);
    const n = laneCount(r.type);
    const k = kindOf((r.type as VectorType).elementType);
    if (n === undefined || k === undefined) return false;
    if (op.name === "arith.constant") {
      const attr = op.getAttr("value");
      let v: unknown;
      try {
        v = attr === undefined ? undefined : constantValue(attr, r.type, this.c.interp);
      } catch {
        return false;
      }
      if (!(v instanceof Object) || !("data" in v)) return false;
      const sv = v as { data: ArrayLike<number | bigint>; offset: number; size: number };
      if (sv.size !== n) return false;
      const lanes: string[] = [];
      for (let i = 0; i < n; i++) {
        const x = sv.data[sv.offset + i]!;
        const out = this.fresh();
        this.lines.push(`const ${out} = ${typeof x === "bigint" ? `${x}n` : Object.is(x, -0) ? "-0" : Number.isFinite(x) ? `${x}` : this.helper(x)};`);
        lanes.push(out);
      }
      this.defineLanes(r, lanes);
      return true;
    }
    const operands: string[][] = [];
    for (const o of op.operands) {
      const parts = o.value.type instanceof VectorType ? this.lanes(o.value) : undefined;
      if (parts !== undefined && parts.length === n) operands.push(parts);
      else if (op.name === "arith.select" && operands.length === 0 && !(o.value.type instanceof ShapedType)) {
        const c = this.value(o.value);
        if (c === undefined) return false;
        operands.push(Array.from({ length: n }, () => c));
      } else return false;
    }
    if (!scalarFunctions.has(op)) this.c.compileOp(op);
    const f = scalarFunctions.get(op);
    const fn = f !== undefined && !trappingOps.has(op.name) ? this.helper(f) : undefined;
    let round: string | undefined;
    const lanes: string[] = [];
    for (let i = 0; i < n; i++) {
      const args = operands.map((xs) => xs[i]!);
      const inline = k.isBig ? undefined : inlineScalar(op, args, k, () => (round ??= this.helper(k.norm)));
      const expr = inline ?? (fn !== undefined ? `${fn}(${args.join(", ")})` : undefined);
      if (expr === undefined) return false;
      const out = this.fresh();
      this.lines.push(`const ${out} = ${expr};`);
      lanes.push(out);
    }
    this.defineLanes(r, lanes);
    return true;
  }

  /** Ranges through index addition, subtraction and multiplication by constants. */
  private indexRange(name: string, args: readonly string[]): Range | undefined {
    const [a, b] = args.map((x) => this.ranges.get(x));
    if (a === undefined || b === undefined) return undefined;
    if (name === "arith.addi") return addRanges(a, b);
    if (name === "arith.subi") return { lo: `(${a.lo} - ${b.hi})`, hi: `(${a.hi} - ${b.lo})` };
    if (name === "arith.muli") return mulRanges(a, b);
    return undefined;
  }

  private constant(op: Operation, k: ElementKind): string | undefined {
    const attr = op.getAttr("value");
    if (attr === undefined) return undefined;
    let v: unknown;
    try {
      v = constantValue(attr, op.result(0).type, this.c.interp);
    } catch {
      return undefined;
    }
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v !== "number") return undefined;
    if (Object.is(v, -0)) return "-0";
    return Number.isFinite(v) && !k.isBig ? `${v}` : this.helper(v);
  }
}
