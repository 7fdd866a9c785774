// A small MLIR input that reproduces an overlap: a func.func whose arguments are the pattern's
// value variables and whose body is the overlap term, in generic op syntax (scalar ops only).
import { isVar, type Term } from "../trs/term.ts";
import { isExprSymbol, literalValue, type RuleTerms } from "./rule-terms.ts";

const WIDTH_OF: Record<string, number> = { i1: 1, i8: 8, i16: 16, i32: 32, i64: 64 };

class NoReproducer extends Error {}

/** The MLIR text, or undefined when the term has ops other than scalar arith/math ones. */
export function reproducer(terms: RuleTerms, peak: Term, values: ReadonlyMap<Term, bigint>): string | undefined {
  const args: string[] = [];
  const argNames = new Map<Term, string>();
  const body: string[] = [];
  let next = 0;
  const attrValue = (t: Term): bigint => (isVar(t) ? values.get(t) ?? 0n : literalValue(terms.bank, t) ?? 0n);
  const gen = (t: Term, type: string): string => {
    if (isVar(t)) {
      const known = argNames.get(t);
      if (known) return known;
      const name = `%arg${args.length}`;
      args.push(`${name}: ${type}`);
      argNames.set(t, name);
      return name;
    }
    const op = terms.bank.symbolName(t.head);
    if (!/^(arith|math)\./.test(op) || isExprSymbol(op)) throw new NoReproducer();
    const attrs = terms.attrNames.get(op) ?? [];
    const nOperands = t.args.length - attrs.length;
    const result = `%${next++}`;
    if (op === "arith.constant") {
      const v = BigInt.asIntN(WIDTH_OF[type] ?? 32, attrValue(t.args[0]!));
      const text = type === "i1" ? (v === 0n ? "false" : "true") : String(v);
      body.push(`  ${result} = arith.constant ${text} : ${type}`);
      return result;
    }
    const types = operandTypes(op, nOperands, type);
    const operands = t.args.slice(0, nOperands).map((a, i) => gen(a, types[i]!));
    const props = attrs.map((a, j) => `${a} = ${attrValue(t.args[nOperands + j]!)} : i64`);
    const resultType = op === "arith.cmpi" ? "i1" : type;
    body.push(`  ${result} = "${op}"(${operands.join(", ")})${props.length ? ` <{${props.join(", ")}}>` : ""} : (${types.join(", ")}) -> ${resultType}`);
    return result;
  };
  try {
    const rootType = terms.bank.symbolName(peak.head) === "arith.cmpi" ? "i1" : "i32";
    const root = gen(peak, rootType);
    return [`func.func @reproducer(${args.join(", ")}) -> ${rootType} {`, ...body, `  return ${root} : ${rootType}`, "}"].join("\n");
  } catch (e) {
    if (e instanceof NoReproducer) return undefined;
    throw e;
  }
}

function operandTypes(op: string, n: number, type: string): string[] {
  const w = WIDTH_OF[type] ?? 32;
  switch (op) {
    case "arith.select":
      return ["i1", type, type];
    case "arith.cmpi":
      return Array(n).fill("i32");
    case "arith.extsi":
    case "arith.extui":
      return [`i${Math.max(1, w / 2)}`];
    case "arith.trunci":
      return [`i${Math.min(64, w * 2)}`];
    case "arith.index_cast":
    case "arith.index_castui":
      return ["index"];
    default:
      return Array(n).fill(type);
  }
}
