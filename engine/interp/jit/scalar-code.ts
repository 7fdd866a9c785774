// JavaScript expressions for scalar arith and math ops on number kinds: common float, index and
// i32 ops inline (rounded to their kind exactly like their steps), the rest left to the caller.
import type { Operation } from "../../ir/operation.ts";
import { IntegerAttr } from "../../ir/attributes.ts";
import { kindOf, type ElementKind } from "../elements.ts";

const inlineFloat: Record<string, (a: string, b: string) => string> = {
  "arith.addf": (a, b) => `${a} + ${b}`,
  "arith.subf": (a, b) => `${a} - ${b}`,
  "arith.mulf": (a, b) => `${a} * ${b}`,
  "arith.divf": (a, b) => `${a} / ${b}`,
  "arith.maximumf": (a, b) => `Math.max(${a}, ${b})`,
  "arith.minimumf": (a, b) => `Math.min(${a}, ${b})`,
};
const inlineUnary: Record<string, string> = {
  "arith.negf": "-",
  "math.exp": "Math.exp",
  "math.sqrt": "Math.sqrt",
  "math.tanh": "Math.tanh",
  "math.absf": "Math.abs",
  "math.log": "Math.log",
  "math.floor": "Math.floor",
  "math.ceil": "Math.ceil",
};

/** arith.cmpf predicates (false oeq ogt oge olt ole one ord ueq ugt uge ult ule une uno true). */
const floatCompare: ((a: string, b: string) => string)[] = [
  () => "false",
  (a, b) => `${a} === ${b}`,
  (a, b) => `${a} > ${b}`,
  (a, b) => `${a} >= ${b}`,
  (a, b) => `${a} < ${b}`,
  (a, b) => `${a} <= ${b}`,
  (a, b) => `(${a} < ${b} || ${a} > ${b})`,
  (a, b) => `(${a} === ${a} && ${b} === ${b})`,
  (a, b) => `(${a} === ${b} || ${a} !== ${a} || ${b} !== ${b})`,
  (a, b) => `!(${a} <= ${b})`,
  (a, b) => `!(${a} < ${b})`,
  (a, b) => `!(${a} >= ${b})`,
  (a, b) => `!(${a} > ${b})`,
  (a, b) => `${a} !== ${b}`,
  (a, b) => `(${a} !== ${a} || ${b} !== ${b})`,
  () => "true",
];
/** arith.cmpi signed predicates (eq ne slt sle sgt sge). */
const intCompare = ["===", "!==", "<", "<=", ">", ">="];

/** The value of an operand defined by an integer arith.constant, else undefined. */
function constantOperand(op: Operation, i: number): number | undefined {
  const def = op.operand(i).definingOp;
  const v = def?.name === "arith.constant" ? def.getAttr("value") : undefined;
  return v instanceof IntegerAttr ? Number(v.value) : undefined;
}

/**
 * Integer division and remainder by a constant that cannot trap (not 0, and not -1 for signed
 * i32 division), as ops/int-ops.ts computes them for index and i32.
 */
function divisionByConstant(op: Operation, a: string, b: string, k: ElementKind): string | undefined {
  const raw = constantOperand(op, 1);
  if (raw === undefined || (k.name !== "index" && k.name !== "i32")) return undefined;
  const index = k.name === "index";
  const d = index ? raw : raw | 0;
  if (d === 0) return undefined;
  const wrap = (x: string) => (index ? x : `(${x} | 0)`);
  const u = (x: string) => (index ? x : `(${x} >>> 0)`);
  switch (op.name) {
    case "arith.remsi":
      return wrap(`${a} % ${b}`);
    case "arith.remui":
      return wrap(`${u(a)} % ${u(b)}`);
    case "arith.divui":
      return wrap(`Math.trunc(${u(a)} / ${u(b)})`);
    case "arith.divsi":
      return d === -1 && !index ? undefined : wrap(`Math.trunc(${a} / ${b})`);
    case "arith.floordivsi":
      return d === -1 && !index ? undefined : wrap(`Math.floor(${a} / ${b})`);
    case "arith.ceildivsi":
      return d === -1 && !index ? undefined : wrap(`Math.ceil(${a} / ${b})`);
  }
  return undefined;
}

function predicate(op: Operation): number {
  const p = op.getAttr("predicate");
  return p instanceof IntegerAttr ? Number(p.value) : -1;
}

/**
 * The expression of a scalar op whose result has number kind `k`, from its operands' expressions
 * (`round` names the rounding function of a float kind other than f32/f64); undefined when the op
 * is not inlined here.
 */
export function inlineScalar(op: Operation, args: readonly string[], k: ElementKind, round: () => string): string | undefined {
  const [a, b] = args as [string, string];
  const name = op.name;
  if (k.isFloat) {
    const r = k.name === "f32" ? "Math.fround" : k.name === "f64" ? "" : round();
    if (inlineFloat[name] && args.length === 2) return `${r}(${inlineFloat[name](a, b)})`;
    if (inlineUnary[name] && args.length === 1) return `${r}(${inlineUnary[name]}(${a}))`;
    // Narrower fmas round once (engine/interp/fma.ts): the op's own scalar function computes them.
    if (name === "math.fma" && args.length === 3 && k.name === "f64") return `(${a} * ${b} + ${args[2]})`;
    if (name === "arith.sitofp" && kindOf(op.operand(0).type)?.isBig === false) return k.name === "f64" ? `(${a})` : `${r}(${a})`;
    if ((name === "arith.extf" || name === "arith.truncf") && kindOf(op.operand(0).type)?.isFloat) return k.name === "f64" ? `(${a})` : `${r}(${a})`;
  }
  if (name === "arith.select" && args.length === 3) return `(${a} ? ${b} : ${args[2]})`;
  if (name === "arith.cmpf") {
    const f = floatCompare[predicate(op)];
    return f ? `(${f(a, b)} ? 1 : 0)` : undefined;
  }
  if (name === "arith.cmpi") {
    const from = kindOf(op.operand(0).type);
    const cmp = intCompare[predicate(op)];
    // Signed comparisons hold for numbers and for i64's BigInts alike.
    return cmp !== undefined && from !== undefined ? `(${a} ${cmp} ${b} ? 1 : 0)` : undefined;
  }
  const division = args.length === 2 ? divisionByConstant(op, a, b, k) : undefined;
  if (division !== undefined) return division;
  if (k.name === "index") {
    if (name === "arith.addi") return `(${a} + ${b})`;
    if (name === "arith.subi") return `(${a} - ${b})`;
    if (name === "arith.muli") return `(${a} * ${b})`;
    if (name === "arith.maxsi") return `(${a} > ${b} ? ${a} : ${b})`;
    if (name === "arith.minsi") return `(${a} < ${b} ? ${a} : ${b})`;
    if (name === "arith.index_cast" || name === "arith.index_castui") {
      const from = kindOf(op.operand(0).type);
      if (from?.name === "index" || (name === "arith.index_cast" && from !== undefined && !from.isBig && !from.isFloat)) return `(${a})`;
    }
  }
  if (k.name === "i32") {
    if (name === "arith.addi") return `((${a} + ${b}) | 0)`;
    if (name === "arith.subi") return `((${a} - ${b}) | 0)`;
    if (name === "arith.muli") return `Math.imul(${a}, ${b})`;
    if (name === "arith.andi") return `(${a} & ${b})`;
    if (name === "arith.ori") return `(${a} | ${b})`;
    if (name === "arith.xori") return `(${a} ^ ${b})`;
    if (name === "arith.index_cast" && kindOf(op.operand(0).type)?.name === "index") return `(${a} | 0)`;
  }
  if (k.name === "i1") {
    if (name === "arith.andi") return `(${a} & ${b})`;
    if (name === "arith.ori") return `(${a} | ${b})`;
    if (name === "arith.xori") return `(${a} ^ ${b})`;
  }
  return undefined;
}
