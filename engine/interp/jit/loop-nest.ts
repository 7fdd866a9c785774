// Compiles a whole scf.for/affine.for loop nest into one generated JavaScript function, once per
// function compile; the op's closure step stays as the fallback for what the nest cannot check.
import type { Operation } from "../../ir/operation.ts";
import type { FunctionCompiler } from "../compiler.ts";
import type { OpSemantics, Step } from "../semantics.ts";
import { ShapedValue, wrap, type RuntimeValue } from "../values.ts";
import { VectorType } from "../../ir/types.ts";
import { kindOf, type ElementKind } from "../elements.ts";
import { Trap } from "../trap.ts";
import type { Code } from "../../support/codes.ts";
import { affinePrelude } from "./affine-code.ts";
import { NestEmitter } from "./nest-emitter.ts";
import { generatedFunction } from "./generated.ts";
import "./nest-control.ts";
import "./nest-memory.ts";
import "./nest-vector.ts";

type GeneratedNest = (regs: RuntimeValue[]) => boolean;

let enabled = true;
/** How many nests were compiled in this process (tests check the JIT actually ran). */
export let nestsCompiled = 0;
/** Set while a fallback is compiled: its inner loops stay closures (the nest covers them). */
let suppressed = 0;

/** Turns loop-nest compilation on or off (tests compare both). */
export function setLoopJit(on: boolean): void {
  enabled = on;
}

function fail(op: Operation, code: Code, message: string): never {
  throw new Trap(code, message, op);
}

function outOfBounds(op: Operation, m: ShapedValue, idx: number[], what: string): never {
  const d = idx.findIndex((x, i) => !(x >= 0 && x < m.shape[i]!));
  return fail(
    op,
    "PRR6002",
    `out-of-bounds ${what}: index [${idx.join(", ")}] into shape [${m.shape.join("x")}] (dimension ${d}: ${idx[d]} not in [0, ${m.shape[d]}))`,
  );
}

function atOp(e: unknown, op: Operation): unknown {
  if (e instanceof Trap) e.op ??= op;
  return e;
}

/** Makes a vector value from its lanes. */
function vectorOf(k: ElementKind, shape: readonly number[]): (lanes: readonly (number | bigint)[]) => ShapedValue {
  return (lanes) => {
    const data = k.alloc(lanes.length) as unknown as (number | bigint)[];
    for (let i = 0; i < lanes.length; i++) data[i] = lanes[i]!;
    return wrap(k, data as never, shape);
  };
}

/** The generated function of `op`'s nest (false when it could not run: then the fallback runs), or undefined. */
export function compileNest(op: Operation, c: FunctionCompiler): GeneratedNest | undefined {
  const e = new NestEmitter(c);
  if (!e.op(op)) return undefined;
  if (e.residencyName !== undefined) e.entry.push(`${e.residencyName}.begin([${[...e.written].join(", ")}]);`);
  const write: string[] = [];
  for (const r of op.results) {
    const parts = e.parts(r);
    if (parts === undefined) return undefined;
    const vector = r.type instanceof VectorType ? r.type : undefined;
    // Vector results leave the nest as fresh buffers, as the closures make them.
    const k = vector && kindOf(vector.elementType);
    const value = vector && k ? `${e.helper(vectorOf(k, vector.shape))}([${parts.join(", ")}])` : parts[0];
    write.push(`regs[${c.slot(r)}] = ${value};`);
  }
  const version = (checked: boolean) => [...e.lines.flatMap((l) => (typeof l === "string" ? [l] : checked ? [l.check] : [])), ...write, "return true;"];
  // When some checks were proven at entry there are two versions, each its own function (V8 then
  // optimizes only the one that runs): without those checks, and with every check.
  const proofs = [...new Set(e.proofs)].map((p) => `(${p})`).join(" && ");
  const source =
    e.proofs.length === 0
      ? [affinePrelude, "return function loopNest(regs) {", ...e.entry, ...version(true), "};"]
      : [
          affinePrelude,
          "function checkedNest(regs) {",
          ...e.entry,
          ...version(true),
          "}",
          "return function loopNest(regs) {",
          ...e.entry,
          `if (!(${proofs})) return checkedNest(regs);`,
          ...version(false),
          "};",
        ];
  const make = generatedFunction(["H", "ops", "ShapedValue", "fail", "outOfBounds", "atOp"], source.join("\n")) as (...xs: unknown[]) => GeneratedNest;
  return make(e.helpers, e.ops, ShapedValue, fail, outOfBounds, atOp);
}

/** Wraps a loop op's closure semantics: the generated nest when the whole nest compiles, else the closure. */
export function withLoopJit(closure: OpSemantics): OpSemantics {
  return (op, c) => {
    if (!enabled || suppressed > 0) return closure(op, c);
    const nest = compileNest(op, c);
    if (nest === undefined) return closure(op, c);
    nestsCompiled++;
    let fallback: Step;
    suppressed++;
    try {
      fallback = closure(op, c);
    } finally {
      suppressed--;
    }
    return (regs) => {
      if (!nest(regs)) fallback(regs);
    };
  };
}
