// Lifting scalar functions to steps: a scalar op applies its function to numbers; the same op on
// vectors or tensors applies it element by element into a fresh buffer (one loop, no dispatch).
import type { Operation } from "../../ir/operation.ts";
import { ShapedType, type Type } from "../../ir/types.ts";
import type { FunctionCompiler } from "../compiler.ts";
import type { Step } from "../semantics.ts";
import { elementKind } from "../constants.ts";
import { ShapedValue, contiguous, wrap, type RuntimeValue } from "../values.ts";
import type { ElementKind } from "../elements.ts";
import { trap } from "../trap.ts";
import { broadcastLoop, type BroadcastLoop } from "../jit/broadcast-loop.ts";

export type Scalar = number | bigint;
export type Unary = (a: Scalar) => Scalar;
export type Binary = (a: Scalar, b: Scalar) => Scalar;
export type Ternary = (a: Scalar, b: Scalar, c: Scalar) => Scalar;

export function isShaped(t: Type): t is ShapedType {
  return t instanceof ShapedType;
}

function arrayOf(v: RuntimeValue, what: string): ArrayLike<Scalar> & { length: number } {
  if (!(v instanceof ShapedValue)) return trap("PRR6001", `${what}: expected a vector or tensor value`);
  const c = contiguous(v, true);
  return c.offset === 0 && c.data.length === c.size ? (c.data as unknown as Scalar[]) : (c.data.subarray(c.offset, c.offset + c.size) as unknown as Scalar[]);
}

function sameShape(a: ShapedValue, b: ShapedValue): void {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i]))
    trap("PRR6004", `shape mismatch at run time: [${a.shape.join("x")}] vs [${b.shape.join("x")}]`);
}

/**
 * Elementwise loop over N operands of the same shape, writing a buffer of `out` kind; `loop` is
 * the op's own element loop (jit/broadcast-loop.ts), made once when the op is compiled.
 */
export function mapValues(out: ElementKind, args: RuntimeValue[], f: (...xs: Scalar[]) => Scalar, loop: BroadcastLoop): ShapedValue {
  const first = args[0] as ShapedValue;
  for (const a of args) if (a instanceof ShapedValue) sameShape(first, a);
  const arrays = args.map((a, i) => arrayOf(a, `operand #${i}`));
  const n = first.size;
  const data = out.alloc(n);
  loop(data as never, arrays as never, arrays.map(() => 0), null, first.shape, n, f);
  return wrap(out, data, first.shape);
}

/** The scalar function of each op compiled through liftStep, for the body compiler (jit/). */
export const scalarFunctions = new WeakMap<Operation, (...xs: Scalar[]) => Scalar>();

/** A step applying `f` to the op's operands (scalars, or elementwise over shaped values). */
export function liftStep(op: Operation, c: FunctionCompiler, f: (...xs: Scalar[]) => Scalar): Step {
  scalarFunctions.set(op, f);
  const ins = c.operandSlots(op);
  const out = c.slot(op.result(0));
  const rt = op.result(0).type;
  if (isShaped(rt)) {
    const k = elementKind(rt);
    const loop = broadcastLoop(ins.length);
    return (regs) => {
      regs[out] = mapValues(k, ins.map((s) => regs[s]), f, loop);
    };
  }
  if (ins.length === 1) {
    const a = ins[0]!;
    return (regs) => {
      regs[out] = f(regs[a] as Scalar);
    };
  }
  if (ins.length === 2) {
    const a = ins[0]!;
    const b = ins[1]!;
    return (regs) => {
      regs[out] = f(regs[a] as Scalar, regs[b] as Scalar);
    };
  }
  const [a, b, d] = ins as [number, number, number];
  return (regs) => {
    regs[out] = f(regs[a] as Scalar, regs[b] as Scalar, regs[d] as Scalar);
  };
}

/** The element kind of operand `i` (shaped or scalar). */
export function operandKind(op: Operation, i: number): ElementKind {
  return elementKind(op.operand(i).type);
}
export function resultKind(op: Operation, i = 0): ElementKind {
  return elementKind(op.result(i).type);
}
