// The builtin functions of rule expressions: integer helpers with MLIR's semantics (unsigned
// division and comparison, log2 of powers of two), type queries, use counts and permutations.
import { FloatType, IndexType, IntegerType, MemRefType, RankedTensorType, ShapedType, VectorType, dynamic, type Type } from "../ir/types.ts";
import { NativeRegistry, type NativeFunction } from "./natives.ts";
import { DenseElementsAttr } from "../ir/attributes.ts";
import { foldAffineConstantsRewrite } from "./natives/affine-operands.ts";
import {
  EvalFailure,
  asBigInt,
  asType,
  bool,
  int,
  intWidth,
  scalarOf,
  unsigned,
  wrap,
  type EvalValue,
} from "./eval-value.ts";

const fn = (arity: number | [number, number], doc: string, f: NativeFunction["fn"]): NativeFunction => ({
  arity: typeof arity === "number" ? [arity, arity] : arity,
  doc,
  fn: f,
});

const typeOfInt = (v: EvalValue): Type | undefined => (v.kind === "int" ? v.type : undefined);
const shaped = (t: Type): ShapedType => {
  if (!(t instanceof ShapedType) || t.shape === undefined) throw new EvalFailure(`expected a ranked shaped type, got ${t}`);
  return t;
};
const list = (v: EvalValue): readonly EvalValue[] => {
  if (v.kind !== "list") throw new EvalFailure(`expected a list, got a ${v.kind}`);
  return v.items;
};

function unsignedOp(name: string, op: (a: bigint, b: bigint) => bigint | undefined): NativeFunction {
  return fn(2, `${name}(a, b): unsigned ${name.slice(1)} in the operands' width`, ([a, b]) => {
    const t = typeOfInt(a!) ?? typeOfInt(b!);
    const r = op(unsigned(asBigInt(a!), t), unsigned(asBigInt(b!), t));
    if (r === undefined) throw new EvalFailure(`${name} by zero`);
    return int(wrap(r, t), t);
  });
}

function unsignedCmp(name: string, op: (a: bigint, b: bigint) => boolean): NativeFunction {
  return fn(2, `${name}(a, b): unsigned comparison`, ([a, b]) => {
    const t = typeOfInt(a!) ?? typeOfInt(b!);
    return bool(op(unsigned(asBigInt(a!), t), unsigned(asBigInt(b!), t)));
  });
}

function convert(c: EvalValue, to: Type): EvalValue {
  const dst = scalarOf(to);
  if (c.kind === "bool") return convert(int(c.value ? 1n : 0n, undefined), to);
  if (c.kind === "int") {
    const srcWidth = intWidth(c.type);
    const v = srcWidth === 1 ? BigInt.asUintN(1, c.value) : srcWidth === undefined ? c.value : BigInt.asIntN(srcWidth, c.value);
    if (dst instanceof FloatType) return { kind: "float", value: Number(v), type: to };
    if (intWidth(dst) !== undefined) return int(wrap(v, to), to);
  }
  if (c.kind === "float") {
    if (dst instanceof FloatType) return { kind: "float", value: c.value, type: to };
    const w = intWidth(dst);
    if (w !== undefined && Number.isFinite(c.value)) {
      const r = roundHalfEven(c.value);
      const v = BigInt(r);
      const [lo, hi] = w === 1 ? [0n, 0n] : [-(1n << BigInt(w - 1)), (1n << BigInt(w - 1)) - 1n];
      if (v >= lo && v <= hi) return int(v, to);
    }
  }
  throw new EvalFailure(`cannot convert ${c.kind} to ${to}`);
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Registers the builtins into a registry (the default one, or a plugin's). */
export function defineBuiltins(r: NativeRegistry): NativeRegistry {
  return r
    .defineFunction("is_pow2", fn(1, "is_pow2(c): c is a positive power of two", ([c]) => {
      const v = asBigInt(c!);
      return bool(v > 0n && (v & (v - 1n)) === 0n);
    }))
    .defineFunction("log2", fn(1, "log2(c): the exponent of a power of two, in c's type", ([c]) => {
      const v = asBigInt(c!);
      if (v <= 0n || (v & (v - 1n)) !== 0n) throw new EvalFailure(`log2 of ${v}, not a power of two`);
      return int(BigInt(v.toString(2).length - 1), typeOfInt(c!));
    }))
    .defineFunction("abs", fn(1, "abs(c)", ([c]) => {
      const v = asBigInt(c!);
      return int(v < 0n ? -v : v, typeOfInt(c!));
    }))
    .defineFunction("min", fn(2, "min(a, b): signed minimum", ([a, b]) => (asBigInt(a!) <= asBigInt(b!) ? a! : b!)))
    .defineFunction("max", fn(2, "max(a, b): signed maximum", ([a, b]) => (asBigInt(a!) >= asBigInt(b!) ? a! : b!)))
    .defineFunction("udiv", unsignedOp("udiv", (a, b) => (b === 0n ? undefined : a / b)))
    .defineFunction("urem", unsignedOp("urem", (a, b) => (b === 0n ? undefined : a % b)))
    .defineFunction("shru", unsignedOp("shru", (a, b) => a >> b))
    .defineFunction("umax", unsignedOp("umax", (a, b) => (a >= b ? a : b)))
    .defineFunction("umin", unsignedOp("umin", (a, b) => (a <= b ? a : b)))
    .defineFunction("as_signed", fn(1, "as_signed(c): c read as a signed number of its width (i1 true is -1)", ([c]) => {
      const w = intWidth(typeOfInt(c!));
      return int(w === undefined ? asBigInt(c!) : BigInt.asIntN(w, asBigInt(c!)), typeOfInt(c!));
    }))
    .defineFunction("as_unsigned", fn(1, "as_unsigned(c): c read as an unsigned number of its width", ([c]) => int(unsigned(asBigInt(c!), typeOfInt(c!)), typeOfInt(c!))))
    .defineFunction("ult", unsignedCmp("ult", (a, b) => a < b))
    .defineFunction("ule", unsignedCmp("ule", (a, b) => a <= b))
    .defineFunction("ugt", unsignedCmp("ugt", (a, b) => a > b))
    .defineFunction("uge", unsignedCmp("uge", (a, b) => a >= b))
    .defineFunction("all_ones", fn(1, "all_ones(c): every bit of c is set in its width", ([c]) => bool(wrap(asBigInt(c!), typeOfInt(c!)) === wrap(-1n, typeOfInt(c!)))))
    .defineFunction("signed_min", fn(1, "signed_min(t): the smallest signed value of integer type t", ([t]) => {
      const ty = asType(t!);
      const w = intWidth(ty);
      if (w === undefined) throw new EvalFailure(`${ty} is not an integer type`);
      return int(wrap(-(1n << BigInt(w - 1)), ty), ty);
    }))
    .defineFunction("fits", fn(2, "fits(c, t): c fits in integer type t as a signed value", ([c, t]) => {
      const ty = asType(t!);
      const v = asBigInt(c!);
      return bool(wrap(v, ty) === v);
    }))
    .defineFunction("cast", fn(2, "cast(c, t): c as a value of type t (wrapping)", ([c, t]) => {
      const ty = asType(t!);
      if (c!.kind === "float") return { kind: "float", value: c!.value, type: ty };
      return int(wrap(asBigInt(c!), ty), ty);
    }))
    .defineFunction("type", fn(1, "type(x): the type of a value or typed attribute", ([x]) => ({ kind: "type", type: asType(x!) })))
    .defineFunction("elem", fn(1, "elem(t): the element type of a shaped type (t itself for scalars)", ([t]) => ({ kind: "type", type: scalarOf(asType(t!)) })))
    .defineFunction("width", fn(1, "width(t): bit width of an integer or float type (index: 64)", ([t]) => {
      const s = scalarOf(asType(t!));
      if (s instanceof FloatType) return int(BigInt({ f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128 }[s.floatKind as string] ?? 8));
      const w = intWidth(s);
      if (w === undefined) throw new EvalFailure(`${s} has no bit width`);
      return int(BigInt(w));
    }))
    .defineFunction("rank", fn(1, "rank(t): the rank of a ranked shaped type", ([t]) => int(BigInt(shaped(asType(t!)).shape!.length))))
    .defineFunction("dim", fn(2, "dim(t, i): size of dimension i (-1 if dynamic)", ([t, i]) => {
      const s = shaped(asType(t!)).shape!;
      const k = Number(asBigInt(i!));
      if (k < 0 || k >= s.length) throw new EvalFailure(`dimension ${k} out of range`);
      return int(BigInt(s[k]!));
    }))
    .defineFunction("num_elements", fn(1, "num_elements(t): element count of a static shape", ([t]) => {
      const s = shaped(asType(t!)).shape!;
      if (s.includes(dynamic)) throw new EvalFailure("dynamic shape");
      return int(BigInt(s.reduce((a, b) => a * b, 1)));
    }))
    .defineFunction("is_static", fn(1, "is_static(t): a ranked shape without dynamic dimensions", ([t]) => {
      const ty = asType(t!);
      return bool(!(ty instanceof ShapedType) || (ty.shape !== undefined && !ty.shape.includes(dynamic)));
    }))
    .defineFunction("is_int", fn(1, "is_int(t): t (or its element) is an integer type", ([t]) => bool(scalarOf(asType(t!)) instanceof IntegerType)))
    .defineFunction("is_index", fn(1, "is_index(t): t (or its element) is index", ([t]) => bool(scalarOf(asType(t!)) instanceof IndexType)))
    .defineFunction("is_float", fn(1, "is_float(t): t (or its element) is a float type", ([t]) => bool(scalarOf(asType(t!)) instanceof FloatType)))
    .defineFunction("is_tensor", fn(1, "is_tensor(t)", ([t]) => bool(asType(t!) instanceof RankedTensorType)))
    .defineFunction("is_vector", fn(1, "is_vector(t)", ([t]) => bool(asType(t!) instanceof VectorType)))
    .defineFunction("is_memref", fn(1, "is_memref(t)", ([t]) => bool(asType(t!) instanceof MemRefType)))
    .defineFunction("is_scalar", fn(1, "is_scalar(t): not a shaped type", ([t]) => bool(!(asType(t!) instanceof ShapedType))))
    .defineFunction("has_one_use", fn(1, "has_one_use(x): the value (or the op's only result) has exactly one use", ([x]) => {
      if (x!.kind === "op" && x!.op.results.length === 1) return bool(x!.op.results[0]!.hasOneUse());
      if (x!.kind !== "value") throw new EvalFailure("has_one_use expects a value");
      return bool(x!.value.hasOneUse());
    }))
    .defineFunction("is_splat", fn(1, "is_splat(c): c is a scalar or a splat constant", ([c]) => bool(c!.kind === "int" || c!.kind === "float" || c!.kind === "bool")))
    .defineFunction("all_equal", fn(2, "all_equal(l, v): every element of the list l equals v", ([l, v]) =>
      bool(list(l!).every((x) => asBigInt(x) === asBigInt(v!))),
    ))
    .defineFunction("convert", fn(2, "convert(c, t): scalar or splat c converted to the element type of t (tosa.cast's folding: ints sign-extend, i1 zero-extends, floats round to nearest even; no result if it does not fit)", ([c, t]) => convert(c!, asType(t!))))
    .defineFunction("reshape_elements", fn(2, "reshape_elements(c, t): the elements of dense constant c with shaped type t (same count)", ([c, t], ctx) => {
      const ty = asType(t!);
      if (!(ty instanceof ShapedType)) throw new EvalFailure(`${ty} is not a shaped type`);
      if (c!.kind === "int" || c!.kind === "float") return { ...c!, type: ty };
      if (c!.kind !== "attr" || !(c!.attr instanceof DenseElementsAttr)) throw new EvalFailure("reshape_elements expects a dense constant");
      const a = c!.attr;
      if (a.type.elementType !== ty.elementType || a.type.numElements !== ty.numElements) throw new EvalFailure("element type or count differ");
      return { kind: "attr", attr: ctx.dense(ty, a.values, a.splat) };
    }))
    .defineFunction("num_uses", fn(1, "num_uses(x): the number of uses of a value", ([x]) => {
      if (x!.kind !== "value") throw new EvalFailure("num_uses expects a value");
      return int(BigInt(x!.value.useCount));
    }))
    .defineFunction("len", fn(1, "len(l): length of a list (dense array)", ([l]) => int(BigInt(list(l!).length))))
    .defineFunction("at", fn(2, "at(l, i): element i of a list", ([l, i]) => {
      const items = list(l!);
      const v = items[Number(asBigInt(i!))];
      if (v === undefined) throw new EvalFailure("index out of range");
      return v;
    }))
    .defineFunction("is_identity_perm", fn(1, "is_identity_perm(p): p is [0, 1, ..., n-1]", ([p]) =>
      bool(list(p!).every((x, i) => asBigInt(x) === BigInt(i))),
    ))
    .defineFunction("compose_perm", fn(2, "compose_perm(p, q): the permutation of transposing by p then by q (result[i] = p[q[i]])", ([p, q]) => {
      const a = list(p!);
      const b = list(q!);
      if (a.length !== b.length) throw new EvalFailure("permutations of different ranks");
      return {
        kind: "list",
        items: b.map((x) => {
          const y = a[Number(asBigInt(x))];
          if (y === undefined) throw new EvalFailure("not a permutation");
          return y;
        }),
      };
    }));
}

export function builtinRegistry(): NativeRegistry {
  return defineBuiltins(new NativeRegistry()).defineRewrite("fold_affine_constants", foldAffineConstantsRewrite);
}
