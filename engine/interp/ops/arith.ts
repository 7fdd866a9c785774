// Semantics of the arith dialect: integer ops with wrap-around (int-ops.ts), float ops rounded to
// their type, comparisons, casts and select, on scalars or elementwise on vectors and tensors.
import type { Operation } from "../../ir/operation.ts";
import { IntegerAttr } from "../../ir/attributes.ts";
import { defineSemantics, type OpSemantics } from "../semantics.ts";
import { constantValue } from "../constants.ts";
import { intOps, type IntOps } from "./int-ops.ts";
import { liftStep, mapValues, operandKind, resultKind, isShaped, type Scalar } from "./elementwise.ts";
import type { ElementKind } from "../elements.ts";
import { broadcastLoop } from "../jit/broadcast-loop.ts";

const intBinary =
  (pick: (o: IntOps) => (a: Scalar, b: Scalar) => Scalar): OpSemantics =>
  (op, c) =>
    liftStep(op, c, pick(intOps(resultKind(op))));

const floatBinary =
  (f: (a: number, b: number) => number): OpSemantics =>
  (op, c) => {
    const norm = resultKind(op).norm;
    return liftStep(op, c, (a, b) => norm(f(a as number, b as number)));
  };

const floatUnary =
  (f: (a: number) => number): OpSemantics =>
  (op, c) => {
    const norm = resultKind(op).norm;
    return liftStep(op, c, (a) => norm(f(a as number)));
  };

function predicate(op: Operation): number {
  const p = op.getAttr("predicate");
  return p instanceof IntegerAttr ? Number(p.value) : 0;
}

/** arith.cmpi: eq ne slt sle sgt sge ult ule ugt uge. */
export function compareInts(pred: number, k: ElementKind): (a: Scalar, b: Scalar) => number {
  const u = intOps(k).unsigned;
  switch (pred) {
    case 0: return (a, b) => (a === b ? 1 : 0);
    case 1: return (a, b) => (a !== b ? 1 : 0);
    case 2: return (a, b) => (a < b ? 1 : 0);
    case 3: return (a, b) => (a <= b ? 1 : 0);
    case 4: return (a, b) => (a > b ? 1 : 0);
    case 5: return (a, b) => (a >= b ? 1 : 0);
    case 6: return (a, b) => (u(a) < u(b) ? 1 : 0);
    case 7: return (a, b) => (u(a) <= u(b) ? 1 : 0);
    case 8: return (a, b) => (u(a) > u(b) ? 1 : 0);
    default: return (a, b) => (u(a) >= u(b) ? 1 : 0);
  }
}

/** arith.cmpf: false oeq ogt oge olt ole one ord ueq ugt uge ult ule une uno true. */
export function compareFloats(pred: number): (a: number, b: number) => number {
  const uno = (a: number, b: number) => a !== a || b !== b;
  switch (pred) {
    case 0: return () => 0;
    case 1: return (a, b) => (a === b ? 1 : 0);
    case 2: return (a, b) => (a > b ? 1 : 0);
    case 3: return (a, b) => (a >= b ? 1 : 0);
    case 4: return (a, b) => (a < b ? 1 : 0);
    case 5: return (a, b) => (a <= b ? 1 : 0);
    case 6: return (a, b) => (!uno(a, b) && a !== b ? 1 : 0);
    case 7: return (a, b) => (uno(a, b) ? 0 : 1);
    case 8: return (a, b) => (uno(a, b) || a === b ? 1 : 0);
    case 9: return (a, b) => (uno(a, b) || a > b ? 1 : 0);
    case 10: return (a, b) => (uno(a, b) || a >= b ? 1 : 0);
    case 11: return (a, b) => (uno(a, b) || a < b ? 1 : 0);
    case 12: return (a, b) => (uno(a, b) || a <= b ? 1 : 0);
    case 13: return (a, b) => (a !== b ? 1 : 0);
    case 14: return (a, b) => (uno(a, b) ? 1 : 0);
    default: return () => 1;
  }
}

/** Converts a scalar of kind `from` to kind `to` (ints sign- or zero-extended, floats rounded). */
export function convert(from: ElementKind, to: ElementKind, unsigned: boolean): (a: Scalar) => Scalar {
  const u = from.isFloat ? (a: Scalar) => a : intOps(from).unsigned;
  if (to.isFloat) return unsigned ? (a) => to.norm(Number(u(a))) : (a) => to.norm(Number(a));
  const target = intOps(to);
  if (from.isFloat) {
    // Out-of-range float-to-int conversions are poison in MLIR; they wrap here.
    return (a) => {
      const t = Math.trunc(a as number);
      return Number.isFinite(t) ? target.from(to.isBig || Math.abs(t) > 2 ** 52 ? BigInt(t) : t) : target.from(0);
    };
  }
  return unsigned ? (a) => target.from(u(a)) : (a) => target.from(a);
}

const cast =
  (unsigned: boolean): OpSemantics =>
  (op, c) =>
    liftStep(op, c, convert(operandKind(op, 0), resultKind(op), unsigned));

function bitcast(from: ElementKind, to: ElementKind): (a: Scalar) => Scalar {
  const src = from.alloc(1);
  const dst = to.alloc(1);
  const bytes = new Uint8Array(8);
  return (a) => {
    (src as unknown as Scalar[])[0] = a;
    bytes.set(new Uint8Array(src.buffer, 0, src.byteLength));
    new Uint8Array(dst.buffer).set(bytes.subarray(0, dst.byteLength));
    return (dst as unknown as Scalar[])[0]!;
  };
}

const maxnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.max(a, b));
const minnum = (a: number, b: number) => (a !== a ? b : b !== b ? a : Math.min(a, b));

defineSemantics({
  "arith.constant": (op, c) => {
    const out = c.slot(op.result(0));
    const value = constantValue(op.getAttr("value")!, op.result(0).type, c.interp);
    return (regs) => {
      regs[out] = value;
    };
  },
  "arith.addi": intBinary((o) => o.add),
  "arith.subi": intBinary((o) => o.sub),
  "arith.muli": intBinary((o) => o.mul),
  "arith.divsi": intBinary((o) => o.divs),
  "arith.divui": intBinary((o) => o.divu),
  "arith.remsi": intBinary((o) => o.rems),
  "arith.remui": intBinary((o) => o.remu),
  "arith.floordivsi": intBinary((o) => o.floordivs),
  "arith.ceildivsi": intBinary((o) => o.ceildivs),
  "arith.ceildivui": intBinary((o) => o.ceildivu),
  "arith.andi": intBinary((o) => o.and),
  "arith.ori": intBinary((o) => o.or),
  "arith.xori": intBinary((o) => o.xor),
  "arith.shli": intBinary((o) => o.shl),
  "arith.shrsi": intBinary((o) => o.shrs),
  "arith.shrui": intBinary((o) => o.shru),
  "arith.maxsi": (op, c) => liftStep(op, c, (a, b) => (a > b ? a : b)),
  "arith.minsi": (op, c) => liftStep(op, c, (a, b) => (a < b ? a : b)),
  "arith.maxui": (op, c) => {
    const u = intOps(resultKind(op)).unsigned;
    return liftStep(op, c, (a, b) => (u(a) > u(b) ? a : b));
  },
  "arith.minui": (op, c) => {
    const u = intOps(resultKind(op)).unsigned;
    return liftStep(op, c, (a, b) => (u(a) < u(b) ? a : b));
  },
  "arith.addf": floatBinary((a, b) => a + b),
  "arith.subf": floatBinary((a, b) => a - b),
  "arith.mulf": floatBinary((a, b) => a * b),
  "arith.divf": floatBinary((a, b) => a / b),
  "arith.remf": floatBinary((a, b) => a % b),
  "arith.maximumf": floatBinary(Math.max),
  "arith.minimumf": floatBinary(Math.min),
  "arith.maxnumf": floatBinary(maxnum),
  "arith.minnumf": floatBinary(minnum),
  "arith.negf": floatUnary((a) => -a),
  "arith.cmpi": (op, c) => liftStep(op, c, compareInts(predicate(op), operandKind(op, 0)) as (a: Scalar, b: Scalar) => Scalar),
  "arith.cmpf": (op, c) => liftStep(op, c, compareFloats(predicate(op)) as (a: Scalar, b: Scalar) => Scalar),
  "arith.select": (op, c) => {
    const [cs, as, bs] = c.operandSlots(op) as [number, number, number];
    const out = c.slot(op.result(0));
    const vectorCondition = isShaped(op.operand(0).type);
    if (vectorCondition) {
      const k = resultKind(op);
      const loop = broadcastLoop(3);
      return (regs) => {
        regs[out] = mapValues(k, [regs[cs], regs[as], regs[bs]], (p, a, b) => (p ? a : b), loop);
      };
    }
    return (regs) => {
      regs[out] = regs[cs] ? regs[as] : regs[bs];
    };
  },
  "arith.extf": (op, c) => liftStep(op, c, convert(operandKind(op, 0), resultKind(op), false)),
  "arith.truncf": (op, c) => liftStep(op, c, convert(operandKind(op, 0), resultKind(op), false)),
  "arith.sitofp": cast(false),
  "arith.uitofp": cast(true),
  "arith.fptosi": cast(false),
  "arith.fptoui": cast(false),
  "arith.extsi": cast(false),
  "arith.extui": cast(true),
  "arith.trunci": cast(false),
  "arith.index_cast": cast(false),
  "arith.index_castui": cast(true),
  "arith.bitcast": (op, c) => liftStep(op, c, bitcast(operandKind(op, 0), resultKind(op))),
});
