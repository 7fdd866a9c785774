// Straight-line printers for common formats (`$lhs `,` $rhs attr-dict `:` type($result)`): each
// element becomes a closure with its spacing, value index and attribute resolved once, so printing
// an op runs no format interpretation. Formats using anything else keep the interpreting printer.
import type { OpDef, ValueSpec } from "../registry.ts";
import type { OpAsmPrinter } from "../../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../../ir/operation.ts";
import type { Attribute } from "../../ir/attributes.ts";
import type { Context } from "../../ir/context.ts";
import type { Element, Variable } from "./elements.ts";
import type { Printed } from "./spacing.ts";
import { defaultValue } from "../registry.ts";

/** Prints one element of one op. */
export type PrintStep = (p: OpAsmPrinter, op: Operation) => void;

/** How the compiled steps print what they do not specialise (attribute values, the attribute dictionary). */
export interface StepHelpers {
  attributeText(p: OpAsmPrinter, v: Variable, a: Attribute): string;
  printAttrDict(p: OpAsmPrinter, op: Operation, keyword: boolean): void;
}

/** The steps of a whole format, or undefined when some element needs the interpreting printer. */
export function compilePrintSteps(def: OpDef, layout: readonly Printed[], helpers: StepHelpers): PrintStep[] | undefined {
  const steps: PrintStep[] = [];
  for (const it of layout) {
    const step = compileStep(def, it, helpers);
    if (step === undefined) return undefined;
    if (step !== skip) steps.push(step);
  }
  return steps;
}

/** Marks an element that prints nothing. */
const skip: PrintStep = () => {};

function compileStep(def: OpDef, it: Printed, helpers: StepHelpers): PrintStep | undefined {
  const el = it.el;
  const space = it.space;
  switch (el.k) {
    case "literal": {
      const text = space ? " " + el.text : el.text;
      return (p) => p.print(text);
    }
    case "space":
      if (el.text === "\\n") return (p) => p.newline();
      return space ? (p) => p.print(" ") : skip;
    case "attr-dict": {
      const keyword = el.keyword;
      return (p, op) => helpers.printAttrDict(p, op, keyword);
    }
    case "var":
      return compileVar(def, el, space, helpers);
    case "type": {
      const arg = el.arg;
      if (arg.k !== "var") return undefined;
      const i = fixedIndex(def, arg);
      if (i < 0) return undefined;
      if (arg.kind === "result") return (p, op) => printSpaced(p, space, op.results[i]!.type);
      return (p, op) => printSpaced(p, space, op.operands[i]!.value.type);
    }
    case "optional": {
      const present = compilePresence(def, el.anchor);
      const then = compilePrintSteps(def, it.then ?? [], helpers);
      const otherwise = compilePrintSteps(def, it.else ?? [], helpers);
      if (present === undefined || then === undefined || otherwise === undefined) return undefined;
      return (p, op) => {
        const steps = present(op) ? then : otherwise;
        for (let k = 0; k < steps.length; k++) steps[k]!(p, op);
      };
    }
    default:
      return undefined;
  }
}

function printSpaced(p: OpAsmPrinter, space: boolean, t: Parameters<OpAsmPrinter["printType"]>[0]): void {
  if (space) p.print(" ");
  p.printType(t);
}

function compileVar(def: OpDef, v: Variable, space: boolean, helpers: StepHelpers): PrintStep | undefined {
  if (v.kind === "attr") {
    const name = v.name;
    return (p, op) => {
      if (space) p.print(" ");
      const a = op.getAttr(name);
      if (a !== undefined) p.print(helpers.attributeText(p, v, a));
    };
  }
  if (v.kind !== "operand" && v.kind !== "result") return undefined;
  const i = fixedIndex(def, v);
  if (i < 0) return undefined;
  if (v.kind === "result")
    return (p, op) => {
      if (space) p.print(" ");
      p.printOperand(op.results[i]!);
    };
  return (p, op) => {
    if (space) p.print(" ");
    p.printOperand(op.operands[i]!.value);
  };
}

/** Whether an optional group's anchor is present, for anchors known without segments. */
function compilePresence(def: OpDef, anchor: Element): ((op: Operation) => boolean) | undefined {
  if (anchor.k !== "var") return undefined;
  if (anchor.kind === "operand" || anchor.kind === "result") return fixedIndex(def, anchor) >= 0 ? () => true : undefined;
  if (anchor.kind !== "attr") return undefined;
  const name = anchor.name;
  const spec = anchor.attr;
  if (spec?.default === undefined) return (op) => op.getAttr(name) !== undefined;
  // The default is uniqued per context: remember the last one rather than looking it up per op.
  let lastCtx: Context | undefined;
  let lastDefault: Attribute | undefined;
  return (op) => {
    const a = op.getAttr(name);
    if (a === undefined) return false;
    if (op.ctx !== lastCtx) {
      lastCtx = op.ctx;
      lastDefault = defaultValue(spec, op.ctx);
    }
    return a !== lastDefault;
  };
}

/** The index of a single operand or result when every one of its kind is single (no segments); else -1. */
function fixedIndex(def: OpDef, v: Variable): number {
  const specs: readonly ValueSpec[] = (v.kind === "result" ? def.results : def.operands) ?? [];
  if (v.arity !== "single" || specs.some((s) => (s.arity ?? "single") !== "single")) return -1;
  return specs.findIndex((s) => s.name === v.name);
}
