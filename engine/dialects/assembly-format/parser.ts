// Parses an op by walking its format's elements, then resolves operand types (type directives,
// AllTypesMatch, SameOperandsAndResultType, buildable types, result inference) and properties.
import type { OpDef, ValueSpec } from "../registry.ts";
import type { OpAsmParser, ParsedOp, UnresolvedOperand } from "../../../grammar/mlir/asm-parser.ts";
import type { Type } from "../../ir/types.ts";
import type { Value } from "../../ir/value.ts";
import type { Block, Region } from "../../ir/block.ts";
import type { Context } from "../../ir/context.ts";
import type { Attribute, NamedAttribute } from "../../ir/attributes.ts";
import { FunctionType } from "../../ir/types.ts";
import type { Variable, TypeArg, Element, Optional, CustomParam, CustomArg, Orders } from "./elements.ts";
import { customDirectives, segments } from "./elements.ts";
import { attrType } from "./attribute-forms.ts";
import { parseTypes, parseAttributeVar, atElement, parseLiteral } from "./parse-elements.ts";
import { compileParseSteps, runSteps, type StepParser } from "./compile-parser.ts";

/**
 * A map for the handful of entries one op has, cleared without allocating (Map.clear allocates
 * a new table, and formats are parsed once per op).
 */
class SmallMap<V> {
  private readonly keys: string[] = [];
  private readonly vals: V[] = [];
  /** Live entries; the arrays keep their capacity (and stale slots) between ops. */
  private count = 0;
  get size(): number {
    return this.count;
  }
  get(k: string): V | undefined {
    for (let i = 0; i < this.count; i++) if (this.keys[i] === k) return this.vals[i];
    return undefined;
  }
  set(k: string, v: V): void {
    for (let i = 0; i < this.count; i++)
      if (this.keys[i] === k) {
        this.vals[i] = v;
        return;
      }
    this.keys[this.count] = k;
    this.vals[this.count++] = v;
  }
  values(): readonly V[] {
    return this.count === this.vals.length ? this.vals : this.vals.slice(0, this.count);
  }
  clear(): void {
    this.count = 0;
  }
}

class ParseEnv {
  readonly operands = new SmallMap<UnresolvedOperand[]>();
  readonly operandTypes = new SmallMap<Type[]>();
  readonly resultTypes = new SmallMap<Type[]>();
  readonly regions = new SmallMap<Region[]>();
  readonly successors = new SmallMap<Block[]>();
  allOperands: UnresolvedOperand[] | undefined;
  allOperandTypes: Type[] | undefined;
  allResultTypes: Type[] | undefined;
  regionList: Region[] | undefined;
  successorList: Block[] | undefined;
  reset(): void {
    if (this.operands.size > 0) this.operands.clear();
    if (this.operandTypes.size > 0) this.operandTypes.clear();
    if (this.resultTypes.size > 0) this.resultTypes.clear();
    if (this.regions.size > 0) this.regions.clear();
    if (this.successors.size > 0) this.successors.clear();
    this.allOperands = this.allOperandTypes = this.allResultTypes = undefined;
    this.regionList = this.successorList = undefined;
  }
}

/** The parser of one op's format. */
export class FormatParser {
  readonly def: OpDef;
  readonly elements: readonly Element[];
  readonly orders: Orders;
  constructor(def: OpDef, elements: readonly Element[], orders: Orders) {
    this.def = def;
    this.elements = elements;
    this.orders = orders;
    this.compiled = this.qualifiesForFast() ? compileParseSteps(def, elements) : undefined;
  }

  /** Environments are reused (parsing nests through regions, hence a pool). */
  private readonly pool: ParseEnv[] = [];

  /**
   * The format as straight-line steps, for ops whose values are all single and share one type
   * (most ops of a large module); undefined means interpreting the elements.
   */
  private readonly compiled: StepParser | undefined;

  parse(p: OpAsmParser, s: ParsedOp): void {
    if (this.compiled !== undefined) return this.parseCompiled(p, s, this.compiled);
    const env = this.pool.pop() ?? new ParseEnv();
    try {
      this.parseAll(p, s, env, this.elements);
      if (!this.finishFast(p, s, env)) this.finish(p, s, env);
    } finally {
      env.reset();
      this.pool.push(env);
    }
  }

  /** Runs the compiled steps, then resolves operands as `finishFast` does (or as `finish`, when that fails). */
  private parseCompiled(p: OpAsmParser, s: ParsedOp, compiled: StepParser): void {
    const c = compiled.collected;
    c.clear();
    runSteps(compiled.steps, p, s, c);
    let t: Type | undefined;
    let complete = true;
    const types = c.types;
    const uses = c.operands;
    for (let i = 0; i < types.length; i++) {
      const x = types[i];
      if (x !== undefined && (t ??= x) !== x) complete = false;
    }
    for (let i = 0; i < uses.length; i++) if (uses[i] === undefined) complete = false;
    if (t !== undefined && complete) {
      // The collected record's arrays: the op copies operands and result types when it is built,
      // before the next op is parsed.
      const operands = c.values;
      for (let i = 0; i < operands.length; i++) operands[i] = p.resolveOperand(uses[i]!, t);
      const results = c.resultTypes;
      for (let i = 0; i < results.length; i++) results[i] = t;
      s.operands = operands;
      s.resultTypes = results;
      this.splitProperties(s);
      return;
    }
    // Mismatched or missing types: hand what was collected to the general resolution (and its errors).
    const env = new ParseEnv();
    c.operands.forEach((u, i) => u !== undefined && env.operands.set(compiled.operandNames[i]!, [u]));
    c.types.forEach((x, k) => {
      const v = compiled.typeSlots[k]!;
      if (x !== undefined) (v.kind === "operand" ? env.operandTypes : env.resultTypes).set(v.name, [x]);
    });
    this.finish(p, s, env);
  }

  private qualifiesForFast(): boolean {
    const def = this.def;
    const single = (v: ValueSpec) => (v.arity ?? "single") === "single";
    return (
      def.traits.has("SameOperandsAndResultType") &&
      !def.traits.has("AttrSizedOperandSegments") &&
      !def.traits.has("AttrSizedResultSegments") &&
      (def.typesMatch ?? []).length === 0 &&
      (def.operands ?? []).every(single) &&
      (def.results ?? []).every(single) &&
      this.orders.regions.length === 0 &&
      this.orders.successors.length === 0
    );
  }

  /** Whether the op qualifies for `finishFast`: single operands/results of one shared type. */
  private fast: boolean | undefined;

  /**
   * The common case (e.g. `arith.addi`): every operand and result is single and all share one
   * type (SameOperandsAndResultType) that the format spells once. Returns false if not applicable.
   */
  private finishFast(p: OpAsmParser, s: ParsedOp, env: ParseEnv): boolean {
    const def = this.def;
    this.fast ??= this.qualifiesForFast();
    if (!this.fast || env.allOperands || env.allOperandTypes || env.allResultTypes || env.regionList || env.successorList) return false;
    let t: Type | undefined;
    for (const ts of env.resultTypes.values()) for (const x of ts) if ((t ??= x) !== x) return false;
    for (const ts of env.operandTypes.values()) for (const x of ts) if ((t ??= x) !== x) return false;
    if (t === undefined) return false;
    const opSpecs = this.def.operands ?? [];
    const operands = new Array<Value>(opSpecs.length);
    for (let i = 0; i < opSpecs.length; i++) {
      const u = env.operands.get(opSpecs[i]!.name)?.[0];
      if (u === undefined) return false;
      operands[i] = p.resolveOperand(u, t);
    }
    const n = (this.def.results ?? []).length;
    const results = new Array<Type>(n);
    for (let i = 0; i < n; i++) results[i] = t;
    s.operands = operands;
    s.resultTypes = results;
    this.splitProperties(s);
    return true;
  }

  private parseAll(p: OpAsmParser, s: ParsedOp, env: ParseEnv, elements: readonly Element[], skip?: Element): void {
    for (const e of elements) if (e !== skip) this.parseOne(p, s, env, e);
  }

  private parseOne(p: OpAsmParser, s: ParsedOp, env: ParseEnv, e: Element): void {
    switch (e.k) {
      case "literal":
        return parseLiteral(p, e.text);
      case "space":
      case "string":
        return;
      case "var":
        return this.parseVar(p, s, env, e);
      case "attr-dict":
        return e.keyword ? p.parseOptionalAttrDictWithKeyword(s) : p.parseOptionalAttrDict(s);
      case "prop-dict":
        return p.parseOptionalPropDict(s);
      case "operands":
        env.allOperands = p.parseOperandList();
        return;
      case "regions": {
        const rs: Region[] = [];
        const first = p.parseOptionalRegion();
        if (first) {
          rs.push(first);
          while (p.parseOptionalComma()) rs.push(p.parseRegion());
        }
        env.regionList = rs;
        return;
      }
      case "successors": {
        const bs: Block[] = [];
        const first = p.parseOptionalSuccessor();
        if (first) {
          bs.push(first);
          while (p.parseOptionalComma()) bs.push(p.parseSuccessor());
        }
        env.successorList = bs;
        return;
      }
      case "type":
        return this.setTypes(env, e.arg, parseTypes(p, e.arg));
      case "functional-type": {
        const span = p.here();
        const t = p.parseType();
        if (!(t instanceof FunctionType)) p.error("expected a function type", span);
        this.setTypes(env, e.inputs, [...t.inputs]);
        this.setTypes(env, e.results, [...t.results]);
        return;
      }
      case "custom":
        return this.parseCustom(p, s, env, e.name, e.args);
      case "ref":
        return;
      case "optional":
        return this.parseOptional(p, s, env, e);
    }
  }

  /** The element that starts each optional group (found once per group, not per op). */
  private readonly leaders = new Map<Optional, Element | undefined>();

  private parseOptional(p: OpAsmParser, s: ParsedOp, env: ParseEnv, g: Optional): void {
    let first = this.leaders.get(g);
    if (first === undefined && !this.leaders.has(g)) {
      first = g.then.find((e) => e !== g.elidedAnchor && e.k !== "space");
      this.leaders.set(g, first);
    }
    if (first !== undefined && atElement(p, first, this.def.name)) {
      this.parseAll(p, s, env, g.then, g.elidedAnchor);
      if (g.elidedAnchor) s.addAttribute(g.elidedAnchor.name, p.ctx.unit());
    } else if (g.else.length > 0) {
      this.parseAll(p, s, env, g.else);
    }
  }

  private parseVar(p: OpAsmParser, s: ParsedOp, env: ParseEnv, v: Variable): void {
    switch (v.kind) {
      case "operand": {
        const list: UnresolvedOperand[] =
          v.arity === "variadic"
            ? p.parseOperandList()
            : v.arity === "optional"
              ? optionalList(p.parseOptionalOperand())
              : [p.parseOperand()];
        env.operands.set(v.name, list);
        return;
      }
      case "result":
        return p.error(`result '${v.name}' cannot be parsed by name`);
      case "region": {
        const rs: Region[] = [];
        if (v.arity === "variadic") {
          const first = p.parseOptionalRegion();
          if (first) {
            rs.push(first);
            while (p.parseOptionalComma()) rs.push(p.parseRegion());
          }
        } else rs.push(p.parseRegion());
        env.regions.set(v.name, rs);
        return;
      }
      case "successor": {
        const bs: Block[] = [];
        if (v.arity === "variadic") {
          const first = p.parseOptionalSuccessor();
          if (first) {
            bs.push(first);
            while (p.parseOptionalComma()) bs.push(p.parseSuccessor());
          }
        } else bs.push(p.parseSuccessor());
        env.successors.set(v.name, bs);
        return;
      }
      case "attr":
        s.addAttribute(v.name, parseAttributeVar(p, v));
    }
  }

  private setTypes(env: ParseEnv, arg: TypeArg, types: Type[]): void {
    if (arg.k === "operands") env.allOperandTypes = types;
    else if (arg.k === "results") env.allResultTypes = types;
    else (arg.kind === "operand" ? env.operandTypes : env.resultTypes).set(arg.name, types);
  }

  private parseCustom(p: OpAsmParser, s: ParsedOp, env: ParseEnv, name: string, params: readonly CustomParam[]): void {
    const d = customDirectives.get(name);
    if (d === undefined) p.error(`custom directive '${name}' is not registered`);
    const args = params.map((e) => this.customArg(s, env, e));
    d.parse(p, args, s);
    params.forEach((e, i) => {
      const a = args[i]!;
      if (a.ref || e.k === "ref") return;
      if (e.k === "var") {
        if (e.kind === "operand") env.operands.set(e.name, a.operands ?? []);
        else if (e.kind === "attr") {
          if (a.attribute !== undefined) s.addAttribute(e.name, a.attribute);
        } else if (e.kind === "region") env.regions.set(e.name, a.regions ?? []);
        else if (e.kind === "successor") env.successors.set(e.name, a.successors ?? []);
      } else if (e.k === "type") this.setTypes(env, e.arg, a.types ?? []);
    });
  }

  private customArg(s: ParsedOp, env: ParseEnv, e: Element): CustomArg {
    const ref = e.k === "ref";
    const el = e.k === "ref" ? e.arg : e;
    if (el.k === "var") {
      const base = { name: el.name, arity: el.arity, ref };
      switch (el.kind) {
        case "operand":
          return { ...base, kind: "operand", operands: env.operands.get(el.name) };
        case "result":
          return { ...base, kind: "result" };
        case "attr":
          return { ...base, kind: "attribute", attribute: s.getAttribute(el.name) };
        case "region":
          return { ...base, kind: "region", regions: env.regions.get(el.name) };
        case "successor":
          return { ...base, kind: "successor", successors: env.successors.get(el.name) };
      }
    }
    if (el.k === "type") {
      const arg = el.arg;
      const isResult = arg.k === "results" || (arg.k === "var" && arg.kind === "result");
      const types =
        arg.k === "operands"
          ? env.allOperandTypes
          : arg.k === "results"
            ? env.allResultTypes
            : (isResult ? env.resultTypes : env.operandTypes).get(arg.name);
      return {
        kind: isResult ? "result-type" : "operand-type",
        name: arg.k === "var" ? arg.name : arg.k,
        arity: arg.k === "var" ? arg.arity : "variadic",
        ref,
        types,
      };
    }
    if (el.k === "attr-dict") return { kind: "attr-dict", name: "", arity: "single", ref, attributes: s.attributes };
    if (el.k === "string") return { kind: "string", name: "", arity: "single", ref, text: el.text };
    throw new Error(`${this.def.name}: unsupported custom directive argument '${el.k}'`);
  }

  // ----- resolving operands and types, properties -----

  private finish(p: OpAsmParser, s: ParsedOp, env: ParseEnv): void {
    const def = this.def;
    const ctx = p.ctx;
    const opSpecs = def.operands ?? [];
    const resSpecs = def.results ?? [];
    const span = p.nameSpan;

    // Operand names to unresolved lists, in declaration order.
    const unresolved: UnresolvedOperand[][] = env.allOperands
      ? splitAll(env.allOperands, opSpecs)
      : opSpecs.map((o) => env.operands.get(o.name) ?? []);
    const opTypes: (Type[] | undefined)[] = env.allOperandTypes
      ? splitTypes(env.allOperandTypes, opSpecs, unresolved)
      : opSpecs.map((o) => env.operandTypes.get(o.name));
    const resCounts = resSpecs.map((r) => ((r.arity ?? "single") === "single" ? 1 : undefined));
    const resTypes: (Type[] | undefined)[] = env.allResultTypes
      ? splitResultTypes(env.allResultTypes, resSpecs)
      : resSpecs.map((r) => env.resultTypes.get(r.name));

    const known = (): Type | undefined => {
      for (const t of opTypes) if (t !== undefined && t.length > 0) return t[0];
      for (const t of resTypes) if (t !== undefined && t.length > 0) return t[0];
      return undefined;
    };
    const fill = (n: number, t: Type) => {
      const out = new Array<Type>(n);
      for (let i = 0; i < n; i++) out[i] = t;
      return out;
    };
    const named = (name: string): Type | undefined => {
      const oi = opSpecs.findIndex((o) => o.name === name);
      if (oi >= 0) return opTypes[oi]?.[0];
      const ri = resSpecs.findIndex((o) => o.name === name);
      if (ri >= 0) return resTypes[ri]?.[0];
      return attrType(s.getAttribute(name));
    };
    const inferPass = (): boolean => {
      let progress = false;
      const assign = (isOperand: boolean, i: number, name: string) => {
        const list = isOperand ? opTypes : resTypes;
        if (list[i] !== undefined) return;
        const n = isOperand ? unresolved[i]!.length : (resCounts[i] ?? undefined);
        if (n === undefined) return;
        let t: Type | undefined;
        for (const group of def.typesMatch ?? []) {
          if (!group.includes(name)) continue;
          for (const other of group) if (other !== name) t ??= named(other);
        }
        const spec = (isOperand ? opSpecs : resSpecs)[i];
        const build = (spec?.type as { buildableType?: (ctx: Context) => Type } | undefined)?.buildableType;
        if (t === undefined && build !== undefined) t = build(ctx);
        if (t === undefined && def.traits.has("SameOperandsAndResultType")) t = known();
        if (t === undefined && isOperand && def.traits.has("SameTypeOperands"))
          t = opTypes.find((x) => x !== undefined && x.length > 0)?.[0];
        if (t !== undefined) {
          list[i] = fill(n, t);
          progress = true;
        }
      };
      opSpecs.forEach((o, i) => assign(true, i, o.name));
      resSpecs.forEach((r, i) => assign(false, i, r.name));
      return progress;
    };
    while (inferPass());
    if (resTypes.some((t) => t === undefined) && def.inferResultTypes && opTypes.every((t) => t !== undefined)) {
      const inferred = def.inferResultTypes(ctx, opTypes.flat() as Type[], (n) => s.getAttribute(n));
      if (inferred === undefined) p.error(`failed to infer the result types of '${def.name}'`, span);
      const split = splitResultTypes(inferred, resSpecs);
      split.forEach((t, i) => (resTypes[i] ??= t));
      while (inferPass());
    }
    opSpecs.forEach((o, i) => {
      if (opTypes[i] === undefined && unresolved[i]!.length === 0) opTypes[i] = [];
      if (opTypes[i] === undefined) p.error(`type of operand '${o.name}' of '${def.name}' cannot be inferred`, span);
    });
    resSpecs.forEach((r, i) => {
      if (resTypes[i] === undefined) p.error(`type of result '${r.name}' of '${def.name}' cannot be inferred`, span);
    });

    const operands: Value[] = [];
    unresolved.forEach((us, i) => operands.push(...p.resolveOperands(us, opTypes[i]!, us[0]?.span ?? span)));
    s.operands = operands;
    s.resultTypes = resTypes.flat() as Type[];
    if (env.regionList) s.regions = env.regionList;
    else for (const name of this.orders.regions) s.regions.push(...(env.regions.get(name) ?? []));
    if (env.successorList) s.successors = env.successorList;
    else for (const name of this.orders.successors) s.successors.push(...(env.successors.get(name) ?? []));

    if (def.traits.has("AttrSizedOperandSegments"))
      s.addAttribute(
        "operandSegmentSizes",
        ctx.denseArray(
          ctx.i32(),
          unresolved.map((u) => BigInt(u.length)),
        ),
      );
    if (def.traits.has("AttrSizedResultSegments"))
      s.addAttribute(
        "resultSegmentSizes",
        ctx.denseArray(
          ctx.i32(),
          resTypes.map((t) => BigInt(t?.length ?? 0)),
        ),
      );
    this.splitProperties(s);
  }

  /** Names of the inherent attributes (the segment sizes included). */
  private inherent: Set<string> | undefined;

  /**
   * Inherent attributes become properties. Missing defaulted ones are filled in by the parser's
   * finishOperation, for custom and generic forms alike.
   */
  private splitProperties(s: ParsedOp): void {
    const inherent = (this.inherent ??= new Set([
      ...Object.keys(this.def.attributes ?? {}),
      "operandSegmentSizes",
      "resultSegmentSizes",
    ]));
    let props = s.properties ?? noProperties;
    if (s.hasAttributes) {
      const moved = s.attributes.filter((x) => inherent.has(x.name));
      if (moved.length > 0) {
        props = [...props, ...moved];
        s.attributes = s.attributes.filter((x) => !inherent.has(x.name));
      }
    }
    s.properties = props;
  }
}

/** Shared by the many ops that have no properties (never modified: lists are replaced, not pushed to). */
const noProperties: NamedAttribute[] = Object.freeze([]) as unknown as NamedAttribute[];

function optionalList(u: UnresolvedOperand | undefined): UnresolvedOperand[] {
  return u === undefined ? [] : [u];
}

/** Splits `operands` (all of them) among the declared groups: variadics share what is left. */
function splitAll<T>(all: readonly T[], specs: readonly ValueSpec[]): T[][] {
  const segs = segments(specs, all.length, undefined);
  return segs.map(([start, n]) => all.slice(start, start + n));
}
function splitTypes(all: readonly Type[], specs: readonly ValueSpec[], operands: readonly UnresolvedOperand[][]): Type[][] {
  let start = 0;
  return specs.map((_, i) => {
    const n = operands[i]!.length;
    const out = all.slice(start, start + n);
    start += n;
    return out;
  });
}
function splitResultTypes(all: readonly Type[], specs: readonly ValueSpec[]): Type[][] {
  if (specs.length === 0) return [];
  return splitAll(all, specs);
}
