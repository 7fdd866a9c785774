// Straight-line parsers for the common formats (`$lhs `,` $rhs attr-dict `:` type($result)`): each
// element becomes a closure with its token, operand position or type slot resolved once, and what
// an op spells is collected into one reused record instead of per-op lists. Formats with regions,
// successors, variadic values or custom directives are left to the interpreting parser.
import type { OpDef, ValueSpec } from "../registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../../grammar/mlir/asm-parser.ts";
import type { Type } from "../../ir/types.ts";
import type { Value } from "../../ir/value.ts";
import type { Element, Optional, Variable } from "./elements.ts";
import { atElement, literalToken, parseAttributeVar } from "./parse-elements.ts";

/** What the steps collected for the op being parsed: operands by position, types by slot. */
export class Collected {
  readonly operands: (UnresolvedOperand | undefined)[];
  readonly types: (Type | undefined)[];
  /** The use objects of the previous op, parsed into again (each is resolved before the next op). */
  readonly spareUses: (UnresolvedOperand | undefined)[];
  /** The resolved operands and result types handed to the op being built, which copies them. */
  readonly values: Value[];
  readonly resultTypes: Type[];
  constructor(operands: number, types: number, results: number) {
    this.operands = new Array<UnresolvedOperand | undefined>(operands).fill(undefined);
    this.types = new Array<Type | undefined>(types).fill(undefined);
    this.spareUses = new Array<UnresolvedOperand | undefined>(operands).fill(undefined);
    this.values = [];
    this.resultTypes = [];
    // Packed arrays of the final length, filled per op.
    for (let i = 0; i < operands; i++) this.values.push(undefined as unknown as Value);
    for (let i = 0; i < results; i++) this.resultTypes.push(undefined as unknown as Type);
  }
  // Loops rather than Array.fill: these lists have a few entries, cleared once per op.
  clear(): void {
    const { operands, types } = this;
    for (let i = 0; i < operands.length; i++) operands[i] = undefined;
    for (let i = 0; i < types.length; i++) types[i] = undefined;
  }
}

type ParseStep = (p: OpAsmParser, s: ParsedOp, c: Collected) => void;

/** A format compiled to steps, with where each operand and type slot belongs. */
export interface StepParser {
  readonly steps: readonly ParseStep[];
  /** The variable each type slot (`type($x)`, in order of appearance) gives the type of. */
  readonly typeSlots: readonly Variable[];
  /** Operand names by position (all operands are single). */
  readonly operandNames: readonly string[];
  readonly collected: Collected;
}

/** Compiles `elements`, or returns undefined when one of them needs the interpreting parser. */
export function compileParseSteps(def: OpDef, elements: readonly Element[]): StepParser | undefined {
  const operandSpecs = def.operands ?? [];
  const all = (specs: readonly ValueSpec[]) => specs.every((v) => (v.arity ?? "single") === "single");
  if (!all(operandSpecs) || !all(def.results ?? [])) return undefined;
  const compiler = new StepCompiler(def);
  const steps = compiler.compileAll(elements, undefined);
  if (steps === undefined) return undefined;
  return {
    steps,
    typeSlots: compiler.typeSlots,
    operandNames: operandSpecs.map((o) => o.name),
    collected: new Collected(operandSpecs.length, compiler.typeSlots.length, (def.results ?? []).length),
  };
}

class StepCompiler {
  readonly typeSlots: Variable[] = [];
  private readonly seenOperands = new Set<number>();
  readonly def: OpDef;
  constructor(def: OpDef) {
    this.def = def;
  }

  compileAll(elements: readonly Element[], skip: Element | undefined): ParseStep[] | undefined {
    const steps: ParseStep[] = [];
    for (const e of elements) {
      if (e === skip || e.k === "space" || e.k === "string") continue;
      const step = this.compile(e);
      if (step === undefined) return undefined;
      steps.push(step);
    }
    return steps;
  }

  private compile(e: Element): ParseStep | undefined {
    switch (e.k) {
      case "literal":
        return literalStep(e.text);
      case "var":
        return this.variable(e);
      case "attr-dict":
        return e.keyword ? (p, s) => p.parseOptionalAttrDictWithKeyword(s) : (p, s) => p.parseOptionalAttrDict(s);
      case "prop-dict":
        return (p, s) => p.parseOptionalPropDict(s);
      case "type": {
        const arg = e.arg;
        if (arg.k !== "var" || arg.arity !== "single" || (arg.kind !== "operand" && arg.kind !== "result")) return undefined;
        const slot = this.typeSlots.push(arg) - 1;
        return (p, _s, c) => {
          c.types[slot] = p.parseType();
        };
      }
      case "optional":
        return this.optional(e);
      default:
        return undefined;
    }
  }

  private variable(v: Variable): ParseStep | undefined {
    if (v.kind === "attr") {
      const name = v.name;
      return (p, s) => s.addAttribute(name, parseAttributeVar(p, v));
    }
    if (v.kind !== "operand" || v.arity !== "single") return undefined;
    const i = (this.def.operands ?? []).findIndex((o) => o.name === v.name);
    // An operand written twice would need the interpreter's bookkeeping.
    if (i < 0 || this.seenOperands.has(i)) return undefined;
    this.seenOperands.add(i);
    return (p, _s, c) => {
      c.operands[i] = c.spareUses[i] = p.parseOperandReusing(c.spareUses[i]);
    };
  }

  private optional(g: Optional): ParseStep | undefined {
    const leader = g.then.find((e) => e !== g.elidedAnchor && e.k !== "space");
    const then = this.compileAll(g.then, g.elidedAnchor);
    const otherwise = this.compileAll(g.else, undefined);
    if (leader === undefined || then === undefined || otherwise === undefined) return undefined;
    const present = presenceTest(leader, this.def.name);
    const unitAnchor = g.elidedAnchor?.name;
    return (p, s, c) => {
      if (present(p)) {
        runSteps(then, p, s, c);
        if (unitAnchor !== undefined) s.addAttribute(unitAnchor, p.ctx.unit());
      } else runSteps(otherwise, p, s, c);
    };
  }
}

export function runSteps(steps: readonly ParseStep[], p: OpAsmParser, s: ParsedOp, c: Collected): void {
  for (let i = 0; i < steps.length; i++) steps[i]!(p, s, c);
}

/** A literal: its token kind (or keyword) found once. */
function literalStep(text: string): ParseStep {
  const tok = literalToken(text);
  if (tok === undefined) return (p) => p.parseKeyword(text);
  const message = `expected '${text}'`;
  return (p) => {
    if (!p.at(tok)) p.error(message);
    p.p.consume();
  };
}

/** Whether an optional group starts here, with a literal leader's token found once. */
function presenceTest(leader: Element, opName: string): (p: OpAsmParser) => boolean {
  if (leader.k !== "literal") return (p) => atElement(p, leader, opName);
  const tok = literalToken(leader.text);
  const text = leader.text;
  return tok === undefined ? (p) => p.isKeyword(text) : (p) => p.at(tok);
}
