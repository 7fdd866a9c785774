// Semantics of TOSA 1.0's elementwise operators (binary with broadcasting, unary, select, clamp,
// comparisons, negate with zero points), computed as tosa-to-linalg lowers them.
import type { Operation } from "../../ir/operation.ts";
import { FloatAttr, IntegerAttr } from "../../ir/attributes.ts";
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import { zipBroadcast } from "./broadcast.ts";
import { broadcastLoop } from "../jit/broadcast-loop.ts";
import { shapedArg } from "./access.ts";
import { intOps } from "./int-ops.ts";
import { resultKind, type Scalar } from "./elementwise.ts";
import { erf } from "./math.ts";
import { enumCase } from "./attr-helpers.ts";
import type { ElementKind } from "../elements.ts";
import { trap } from "../trap.ts";
import type { FunctionCompiler } from "../compiler.ts";
import type { RuntimeValue, ShapedValue } from "../values.ts";

type Fn = (...xs: Scalar[]) => Scalar;

function step(op: Operation, c: FunctionCompiler, f: Fn, operands = op.operands.length) {
  const ins = c.operandSlots(op).slice(0, operands);
  const out = c.slot(op.result(0));
  const k = resultKind(op);
  const what = op.name;
  const loop = broadcastLoop(ins.length);
  return (regs: RuntimeValue[]) => {
    regs[out] = zipBroadcast(k, ins.map((s) => shapedArg(regs[s], what)), f, what, loop);
  };
}

const byKind =
  (float: (a: number, b: number) => number, int: (k: ElementKind) => (a: Scalar, b: Scalar) => Scalar): OpSemantics =>
  (op, c) => {
    const k = resultKind(op);
    if (k.isFloat) {
      const n = k.norm;
      return step(op, c, (a, b) => n(float(a as number, b as number)));
    }
    return step(op, c, int(k));
  };

const floatUnary =
  (f: (a: number) => number): OpSemantics =>
  (op, c) => {
    const n = resultKind(op).norm;
    return step(op, c, (a) => n(f(a as number)));
  };

const maxnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.max(a, b));
const minnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.min(a, b));
const ignoresNan = (op: Operation) => enumCase(op.getAttr("nan_mode")).toUpperCase() === "IGNORE";
const compare = (f: (a: Scalar, b: Scalar) => boolean): OpSemantics => (op, c) => step(op, c, (a, b) => (f(a, b) ? 1 : 0));

/** The scalar held by a (zero-point or shift) tensor operand, read at run time. */
function scalarOperand(regs: RuntimeValue[], slot: number): Scalar {
  const v = regs[slot] as ShapedValue;
  return v.data[v.offset]!;
}

defineSemantics({
  "tosa.add": byKind((a, b) => a + b, (k) => intOps(k).add),
  "tosa.sub": byKind((a, b) => a - b, (k) => intOps(k).sub),
  "tosa.mul": (op, c) => {
    const k = resultKind(op);
    if (k.isFloat) {
      const n = k.norm;
      return step(op, c, (a, b) => n((a as number) * (b as number)), 2);
    }
    // Integer multiply with a rounding right shift (the shift operand is a constant i8 tensor).
    const [a, b, s] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    const o = intOps(k);
    const loop = broadcastLoop(2);
    return (regs) => {
      const shift = BigInt(Number(scalarOperand(regs, s)));
      const f =
        shift === 0n
          ? o.mul
          : (x: Scalar, y: Scalar) => o.from((BigInt(x) * BigInt(y) + (1n << (shift - 1n))) >> shift);
      regs[out] = zipBroadcast(k, [shapedArg(regs[a], "tosa.mul"), shapedArg(regs[b], "tosa.mul")], f, "tosa.mul", loop);
    };
  },
  "tosa.intdiv": byKind((a, b) => a / b, (k) => intOps(k).divs),
  "tosa.pow": byKind(Math.pow, () => () => trap("PRR6006", "tosa.pow on integers")),
  "tosa.maximum": (op, c) => byKind(ignoresNan(op) ? maxnum : Math.max, () => (a, b) => (a > b ? a : b))(op, c),
  "tosa.minimum": (op, c) => byKind(ignoresNan(op) ? minnum : Math.min, () => (a, b) => (a < b ? a : b))(op, c),
  "tosa.logical_and": (op, c) => step(op, c, (a, b) => (a && b ? 1 : 0)),
  "tosa.logical_or": (op, c) => step(op, c, (a, b) => (a || b ? 1 : 0)),
  "tosa.logical_xor": (op, c) => step(op, c, (a, b) => (!a !== !b ? 1 : 0)),
  "tosa.logical_not": (op, c) => step(op, c, (a) => (a ? 0 : 1)),
  "tosa.bitwise_and": (op, c) => step(op, c, intOps(resultKind(op)).and),
  "tosa.bitwise_or": (op, c) => step(op, c, intOps(resultKind(op)).or),
  "tosa.bitwise_xor": (op, c) => step(op, c, intOps(resultKind(op)).xor),
  "tosa.bitwise_not": (op, c) => {
    const o = intOps(resultKind(op));
    return step(op, c, (a) => o.xor(a, o.from(-1)));
  },
  "tosa.logical_left_shift": (op, c) => step(op, c, intOps(resultKind(op)).shl),
  "tosa.logical_right_shift": (op, c) => step(op, c, intOps(resultKind(op)).shru),
  "tosa.arithmetic_right_shift": (op, c) => {
    const o = intOps(resultKind(op));
    const round = (op.getAttr("round") as IntegerAttr | undefined)?.value === 1n;
    return step(op, c, round ? (a, b) => o.add(o.shrs(a, b), Number(b) > 0 && (BigInt(a) >> BigInt(Number(b) - 1)) & 1n ? o.from(1) : o.from(0)) : o.shrs);
  },
  "tosa.equal": compare((a, b) => a === b),
  "tosa.greater": compare((a, b) => a > b),
  "tosa.greater_equal": compare((a, b) => a >= b),
  "tosa.abs": (op, c) => {
    const k = resultKind(op);
    if (k.isFloat) return floatUnary(Math.abs)(op, c);
    const o = intOps(k);
    return step(op, c, (a) => (a < 0 ? o.sub(o.from(0), a) : a));
  },
  "tosa.ceil": floatUnary(Math.ceil),
  "tosa.floor": floatUnary(Math.floor),
  "tosa.cos": floatUnary(Math.cos),
  "tosa.sin": floatUnary(Math.sin),
  "tosa.exp": floatUnary(Math.exp),
  "tosa.log": floatUnary(Math.log),
  "tosa.erf": floatUnary(erf),
  "tosa.tanh": floatUnary(Math.tanh),
  "tosa.sigmoid": floatUnary((a) => 1 / (1 + Math.exp(-a))),
  "tosa.reciprocal": floatUnary((a) => 1 / a),
  "tosa.rsqrt": floatUnary((a) => 1 / Math.sqrt(a)),
  "tosa.clz": (op, c) => step(op, c, (a) => Math.clz32(Number(a))),
  "tosa.identity": (op, c) => {
    const src = c.slot(op.operand(0));
    const out = c.slot(op.result(0));
    return (regs) => {
      regs[out] = regs[src];
    };
  },
  "tosa.negate": (op, c) => {
    const k = resultKind(op);
    if (k.isFloat) {
      const n = k.norm;
      return step(op, c, (a) => n(-(a as number)), 1);
    }
    const [x, zin, zout] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    const o = intOps(k);
    const lo = -(2 ** (k.width - 1));
    const hi = 2 ** (k.width - 1) - 1;
    const loop = broadcastLoop(1);
    return (regs) => {
      const zi = Number(scalarOperand(regs, zin));
      const zo = Number(scalarOperand(regs, zout));
      const f = (a: Scalar) => o.from(Math.min(hi, Math.max(lo, -(Number(a) - zi) + zo)));
      regs[out] = zipBroadcast(k, [shapedArg(regs[x], "tosa.negate")], f, "tosa.negate", loop);
    };
  },
  "tosa.select": (op, c) => step(op, c, (p, a, b) => (p ? a : b)),
  "tosa.clamp": (op, c) => {
    const k = resultKind(op);
    const num = (name: string) => {
      const a = op.getAttr(name);
      return a instanceof FloatAttr ? a.value : a instanceof IntegerAttr ? Number(a.value) : name === "min_val" ? -Infinity : Infinity;
    };
    const lo = num("min_val");
    const hi = num("max_val");
    const ignore = ignoresNan(op);
    if (k.isFloat) return step(op, c, (a) => ((a as number) !== (a as number) ? (ignore ? lo : a) : Math.min(hi, Math.max(lo, a as number))));
    return step(op, c, (a) => (Number(a) < lo ? intOps(k).from(lo) : Number(a) > hi ? intOps(k).from(hi) : a));
  },
});

