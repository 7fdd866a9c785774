// One rule in z3 for one choice of widths: its pattern and its rewrite as bit-vector values of
// the same inputs, its guards, and the conditions under which either side is undefined.
import type { Build, OpPat, Rule, TypeBuild, TypePat, ValuePat } from "../../rewrite/rule.ts";
import { intWidth } from "../../rewrite/eval-value.ts";
import type { Type } from "../../ir/types.ts";
import type { TermBank } from "../trs/term.ts";
import { encodeExpr, encodeGuards, toBv, type SmtEnv } from "./expr-smt.ts";
import { Inconsistent, NotVerifiable, opValue, operandWidths } from "./op-semantics.ts";
import { opNameOf, ruleExprTerm, type TermRule } from "./rule-terms.ts";
import type { B, BV, Z3 } from "./smt.ts";

export const ROOT_WIDTHS = [1, 8, 32, 64] as const;
const PREDICATE_WIDTH = 64;

export interface EncodedRule {
  readonly inputs: readonly { readonly name: string; readonly bv: BV }[];
  readonly lhs: BV;
  readonly rhs: BV;
  /** guards ∧ attribute arithmetic defined ∧ lhs defined ∧ (rhs undefined ∨ lhs ≠ rhs) */
  readonly counterexample: B;
  readonly rhsUndefined: B;
  /** The widest value of the configuration. */
  readonly maxWidth: number;
}

export class RuleEncoder {
  private readonly z: Z3;
  private readonly bank: TermBank;
  private readonly rule: Rule;
  private readonly guards: TermRule["guards"];
  private readonly choose: (options: readonly number[]) => number;
  private readonly tag: string;
  private readonly values = new Map<number, BV>();
  private readonly attrs = new Map<number, BV>();
  private readonly typeWidths = new Map<number, number>();
  private readonly inputs: { name: string; bv: BV }[] = [];
  private readonly lhsUb: B[] = [];
  private readonly rhsUb: B[] = [];
  private readonly defined: B[] = [];

  constructor(z: Z3, bank: TermBank, variant: TermRule, choose: (options: readonly number[]) => number, tag: string) {
    this.z = z;
    this.bank = bank;
    this.rule = variant.rule;
    this.guards = variant.guards;
    this.choose = choose;
    this.tag = tag;
  }

  encode(): EncodedRule {
    const z = this.z;
    const width = this.choose(ROOT_WIDTHS);
    const lhs = this.pattern(this.rule.pattern, width, this.lhsUb);
    const result = this.rule.rewrite.result;
    if (this.rule.rewrite.statements.length > 0 || result === undefined) throw new NotVerifiable("the rewrite has statements");
    const rhs = this.build(result, width);
    if (rhs.size() !== lhs.size()) throw new Inconsistent();
    const env = this.env();
    const guard = encodeGuards(env, this.guards);
    const rhsUndefined = z.Or(...this.rhsUb);
    const counterexample = z.And(guard, ...this.defined, z.Not(z.Or(...this.lhsUb)), z.Or(rhsUndefined, lhs.neq(rhs)));
    const maxWidth = Math.max(lhs.size(), ...this.inputs.map((i) => i.bv.size()));
    return { inputs: this.inputs, lhs, rhs, counterexample, rhsUndefined, maxWidth };
  }

  private env(): SmtEnv {
    const byName = new Map<string, number>(this.rule.vars.map((v) => [`${v.name}'${this.rule.name}.0`, v.slot]));
    const slotOf = (name: string) => {
      const s = byName.get(name);
      if (s === undefined) throw new NotVerifiable(`variable ${name}`);
      return s;
    };
    return {
      z: this.z,
      bank: this.bank,
      width: 64,
      defined: this.defined,
      scalarIntegers: true,
      attr: (v) => {
        const slot = slotOf(this.bank.varName(v));
        const bv = this.attrs.get(slot);
        if (bv === undefined) throw new NotVerifiable(`attribute variable ${this.rule.vars[slot]?.name} of unknown width`);
        return bv;
      },
      typeWidth: (v) => {
        const w = this.typeWidths.get(slotOf(this.bank.varName(v)));
        if (w === undefined) throw new NotVerifiable("a type of unknown width");
        return w;
      },
    };
  }

  private input(name: string, width: number): BV {
    const bv = this.z.BitVec.const(`${name}#${this.tag}`, width);
    this.inputs.push({ name, bv });
    return bv;
  }

  private bindType(slot: number, width: number): void {
    const known = this.typeWidths.get(slot);
    if (known === undefined) this.typeWidths.set(slot, width);
    else if (known !== width) throw new Inconsistent();
  }

  private checkType(t: TypePat | TypeBuild | undefined, width: number): void {
    if (t === undefined) return;
    if (t.kind === "var") this.bindType(t.slot, width);
    else if (t.kind === "is") {
      if (concreteWidth(t.type) !== width) throw new Inconsistent();
    } else throw new NotVerifiable("a shaped type (tensor op)");
  }

  private pattern(p: ValuePat, width: number, ub: B[]): BV {
    if (p.kind === "any") {
      this.checkType(p.type, width);
      if (p.slot < 0) return this.input("_", width);
      const known = this.values.get(p.slot);
      if (known) {
        if (known.size() !== width) throw new Inconsistent();
        return known;
      }
      const bv = this.input(this.rule.vars[p.slot]?.name ?? "x", width);
      this.values.set(p.slot, bv);
      return bv;
    }
    if (p.resultIndex !== 0 || p.variadic || p.region) throw new NotVerifiable("multi-result, variadic or region ops");
    this.checkType(p.resultTypes?.[0], width);
    const name = opNameOf(p);
    const v = name === "arith.constant" ? this.constantPattern(p, width) : this.opPattern(p, name, width, ub);
    if (p.opSlot >= 0) this.values.set(p.opSlot, v);
    return v;
  }

  private constantPattern(p: OpPat, width: number): BV {
    const m = p.attrs.find((a) => a.name === "value")?.match;
    if (m?.kind === "literal") {
      const v = m.value;
      if (v.kind === "int") return this.z.BitVec.val(BigInt.asUintN(width, v.value), width);
      if (v.kind === "bool") return this.z.BitVec.val(v.value ? 1 : 0, width);
      throw new NotVerifiable(`a ${v.kind} constant`);
    }
    if (m?.kind === "bind") return this.attrVar(m.slot, width);
    return this.input("c", width);
  }

  private attrVar(slot: number, width: number): BV {
    const known = this.attrs.get(slot);
    if (known) {
      if (known.size() !== width) throw new Inconsistent();
      return known;
    }
    const bv = this.input(this.rule.vars[slot]?.name ?? "c", width);
    this.attrs.set(slot, bv);
    return bv;
  }

  private opPattern(p: OpPat, name: string, width: number, ub: B[]): BV {
    let predicate: BV | undefined;
    for (const a of p.attrs) {
      if (name !== "arith.cmpi" || a.name !== "predicate") throw new NotVerifiable(`attribute '${a.name}' of ${name}`);
      const m = a.match;
      if (m.kind === "literal" && m.value.kind === "int") predicate = this.z.BitVec.val(m.value.value, PREDICATE_WIDTH);
      else if (m.kind === "bind") predicate = this.attrVar(m.slot, PREDICATE_WIDTH);
    }
    if (name === "arith.cmpi" && predicate === undefined) predicate = this.input("predicate", PREDICATE_WIDTH);
    const widths = operandWidths(name, p.operands.length, width, this.choose);
    const xs = p.operands.map((o, i) => this.pattern(o, widths[i]!, ub));
    return opValue(this.z, name, xs, width, predicate, ub);
  }

  private build(b: Build, expected: number | undefined): BV {
    if (b.kind === "value") {
      if (b.index !== undefined && b.index !== 0) throw new NotVerifiable("a result other than the first");
      const v = this.values.get(b.slot);
      if (v === undefined) throw new NotVerifiable(`'${this.rule.vars[b.slot]?.name}' as a value`);
      if (expected !== undefined && v.size() !== expected) throw new Inconsistent();
      return v;
    }
    if (b.kind !== "op") throw new NotVerifiable(`a ${b.kind} rewrite`);
    if (b.region || b.grouped) throw new NotVerifiable("regions or operand groups");
    const t = b.types?.[0];
    const width = t === undefined ? expected : t.kind === "var" ? (this.typeWidths.get(t.slot) ?? expected) : t.kind === "is" ? concreteWidth(t.type) : undefined;
    if (width === undefined) throw new NotVerifiable("a result type that is not inferred");
    if (t?.kind === "var") this.bindType(t.slot, width);
    if (b.name === "arith.constant") {
      const value = b.attrs.find((a) => a.name === "value")?.value;
      if (value === undefined) throw new NotVerifiable("a constant without a value");
      const env = this.env();
      return toBv(env, encodeExpr(env, ruleExprTerm(this.bank, this.rule, 0, value)), width);
    }
    let predicate: BV | undefined;
    for (const a of b.attrs) {
      if (b.name !== "arith.cmpi" || a.name !== "predicate") throw new NotVerifiable(`attribute '${a.name}' of ${b.name}`);
      const env = this.env();
      predicate = toBv(env, encodeExpr(env, ruleExprTerm(this.bank, this.rule, 0, a.value)), PREDICATE_WIDTH);
    }
    if (b.name === "arith.cmpi" && predicate === undefined) throw new NotVerifiable("cmpi without a predicate");
    const widths = operandWidths(b.name, b.operands.length, width, this.choose);
    const xs = b.operands.map((o, i) => this.build(o, widths[i]));
    return opValue(this.z, b.name, xs, width, predicate, this.rhsUb);
  }
}

function concreteWidth(t: Type): number {
  const w = intWidth(t);
  if (w === undefined || String(t).startsWith("tensor") || String(t).startsWith("vector")) throw new NotVerifiable(`type ${String(t)}`);
  return w;
}

/** Runs `f` once per sequence of choices (an odometer over every `choose` it makes), up to `limit` runs. */
export function forEachChoice(limit: number, f: (choose: (options: readonly number[]) => number) => void): void {
  const seq: number[] = [];
  const sizes: number[] = [];
  for (let run = 0; run < limit; run++) {
    let pos = 0;
    const choose = (options: readonly number[]) => {
      if (pos === seq.length) seq.push(0);
      sizes[pos] = options.length;
      return options[seq[pos++]!]!;
    };
    f(choose);
    seq.length = pos;
    while (seq.length > 0 && seq[seq.length - 1]! + 1 >= sizes[seq.length - 1]!) seq.pop();
    if (seq.length === 0) return;
    seq[seq.length - 1]!++;
  }
}
