// Varied-input harnesses (for the oracle tests and the run benchmark): for each function a model's @main calls, a new @main that fills every
// argument from its indices (different per argument, so transposes and wrong reductions show),
// calls the function and prints every result; the model's own @main is renamed out of the way.
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { StringAttr, SymbolRefAttr, TypeAttr } from "../../engine/ir/attributes.ts";
import { FloatType, FunctionType, IntegerType, MemRefType, RankedTensorType, type Type } from "../../engine/ir/types.ts";
import type { Operation } from "../../engine/ir/operation.ts";

export interface Harness {
  readonly callee: string;
  readonly text: string;
}

const printers: Record<string, string> = { f32: "printMemrefF32", f64: "printMemrefF64", i32: "printMemrefI32", i64: "printMemrefI64" };

function walk(op: Operation, f: (o: Operation) => void): void {
  f(op);
  for (const r of op.regions) for (const b of r.blocks) for (let o = b.first; o !== null; o = o.next) walk(o, f);
}

/** Why a type cannot be filled or printed by the harness, or undefined when it can. */
function unsupported(t: Type): string | undefined {
  if (!(t instanceof RankedTensorType || t instanceof MemRefType)) return `argument type '${t}' is not a tensor or memref`;
  if (!t.hasStaticShape()) return `'${t}' has a dynamic shape`;
  if (t instanceof MemRefType && t.layout !== undefined) return `'${t}' has a non-identity layout`;
  const e = String(t.elementType);
  if (!(e in printers)) return `element type ${e} is not printable by the runner utilities`;
  return undefined;
}

/** The harnesses of a model (one per callee of @main), and the callees it had to leave out. */
export function harnesses(name: string, text: string): { harnesses: Harness[]; skipped: string[] } {
  const ctx = createContext({ allowUnregistered: false });
  const module = parseSource(ctx, new SourceFile(name, text)).module;
  const funcs = new Map<string, Operation>();
  for (const b of module.regions[0]!.blocks) for (let o = b.first; o !== null; o = o.next) {
    const n = o.getAttr("sym_name");
    if (o.name === "func.func" && n instanceof StringAttr) funcs.set(n.value, o);
  }
  const main = funcs.get("main");
  const callees = new Set<string>();
  if (main) walk(main, (o) => {
    const c = o.getAttr("callee");
    if (o.name === "func.call" && c instanceof SymbolRefAttr && (funcs.get(c.root)?.regions[0]?.blocks.length ?? 0) > 0) callees.add(c.root);
  });
  const out: Harness[] = [];
  const skipped: string[] = [];
  for (const callee of callees) {
    const ft = (funcs.get(callee)!.getAttr("function_type") as TypeAttr).type as FunctionType;
    const problem = [...ft.inputs, ...ft.results].map(unsupported).find((p) => p !== undefined);
    if (problem) {
      skipped.push(`@${callee}: ${problem}`);
      continue;
    }
    out.push({ callee, text: harnessText(text, funcs, callee, ft) });
  }
  return { harnesses: out, skipped };
}

function declaredPrinterArg(funcs: Map<string, Operation>, printer: string): "tensor" | "memref" | undefined {
  const f = funcs.get(printer);
  if (!f) return undefined;
  const t = ((f.getAttr("function_type") as TypeAttr).type as FunctionType).inputs[0];
  return t instanceof MemRefType || String(t).startsWith("memref") ? "memref" : "tensor";
}

function harnessText(model: string, funcs: Map<string, Operation>, callee: string, ft: FunctionType): string {
  const lines: string[] = [];
  const decls: string[] = [];
  const printerKind = new Map<string, "tensor" | "memref">();
  const printerFor = (t: RankedTensorType | MemRefType) => {
    const p = printers[String(t.elementType)]!;
    let kind = printerKind.get(p) ?? declaredPrinterArg(funcs, p);
    if (kind === undefined) {
      kind = "memref";
      decls.push(`func.func private @${p}(memref<*x${t.elementType}>)`);
    }
    printerKind.set(p, kind);
    return { p, kind };
  };
  let n = 0;
  const fresh = (base: string) => `%h_${base}${n++}`;
  const args = ft.inputs.map((t, i) => fill(t as RankedTensorType | MemRefType, i, lines, fresh));
  const results = ft.results.map(() => fresh("r"));
  const call = `func.call @${callee}(${args.join(", ")}) : ${ft}`;
  lines.push(results.length > 0 ? `  ${results.join(", ")} = ${call}` : `  ${call}`);
  // Print results, then memref arguments (out-parameters).
  const printed: [string, RankedTensorType | MemRefType][] = [
    ...results.map((r, i) => [r, ft.results[i] as RankedTensorType | MemRefType] as [string, RankedTensorType | MemRefType]),
    ...args.map((a, i) => [a, ft.inputs[i] as RankedTensorType | MemRefType] as [string, RankedTensorType | MemRefType]).filter(([, t]) => t instanceof MemRefType),
  ];
  for (const [v, t] of printed) {
    const { p, kind } = printerFor(t);
    const e = t.elementType;
    const shape = `${t.shape.join("x")}${t.shape.length ? "x" : ""}${e}`;
    let src = v;
    if (t instanceof RankedTensorType && kind === "memref") {
      src = fresh("b");
      lines.push(`  ${src} = bufferization.to_buffer ${v} : tensor<${shape}> to memref<${shape}>`);
    }
    const isMem = t instanceof MemRefType || kind === "memref";
    const u = fresh("u");
    lines.push(`  ${u} = ${isMem ? "memref" : "tensor"}.cast ${src} : ${isMem ? "memref" : "tensor"}<${shape}> to ${isMem ? "memref" : "tensor"}<*x${e}>`);
    lines.push(`  func.call @${p}(${u}) : (${isMem ? "memref" : "tensor"}<*x${e}>) -> ()`);
  }
  const renamed = model.replace(/func\.func @main\b/, "func.func @prr_original_main");
  const added = `\n${decls.join("\n")}\nfunc.func @main() {\n${lines.join("\n")}\n  return\n}\n`;
  // An explicit top-level `module { ... }` gets the harness inside it.
  if (/^module\b/m.test(renamed)) {
    const end = renamed.lastIndexOf("}");
    return `${renamed.slice(0, end)}${added}${renamed.slice(end)}`;
  }
  return `${renamed}${added}`;
}

/** Emits a value of type t whose element at (i0, i1, ...) is ((Σ ik·pk + seed) mod m) scaled. */
function fill(t: RankedTensorType | MemRefType, arg: number, lines: string[], fresh: (b: string) => string): string {
  const e = t.elementType;
  const rank = t.shape.length;
  const shape = `${t.shape.join("x")}${rank ? "x" : ""}${e}`;
  const primes = [7, 13, 3, 11, 5, 17];
  const isFloat = e instanceof FloatType;
  const modulus = isFloat ? 17 : 3;
  const dims = Array.from({ length: rank }, (_, d) => `d${d}`).join(", ");
  const empty = fresh("e");
  const tensor = fresh("t");
  lines.push(`  ${empty} = tensor.empty() : tensor<${shape}>`);
  const body: string[] = [];
  let acc = fresh("s");
  body.push(`    ${acc} = arith.constant ${arg * 5 + 1} : index`);
  for (let d = 0; d < rank; d++) {
    const i = fresh("i");
    const k = fresh("k");
    const m = fresh("m");
    const a = fresh("a");
    body.push(`    ${i} = linalg.index ${d} : index`, `    ${k} = arith.constant ${primes[(d + arg) % primes.length]} : index`, `    ${m} = arith.muli ${i}, ${k} : index`, `    ${a} = arith.addi ${acc}, ${m} : index`);
    acc = a;
  }
  const mod = fresh("c");
  const r = fresh("r");
  const w = fresh("w");
  body.push(`    ${mod} = arith.constant ${modulus} : index`, `    ${r} = arith.remui ${acc}, ${mod} : index`, `    ${w} = arith.index_cast ${r} : index to i64`);
  let v: string;
  if (isFloat) {
    const f = fresh("f");
    const q = fresh("q");
    const s = fresh("sc");
    const o = fresh("o");
    v = fresh("v");
    body.push(`    ${f} = arith.sitofp ${w} : i64 to ${e}`, `    ${q} = arith.constant 0.125 : ${e}`, `    ${s} = arith.mulf ${f}, ${q} : ${e}`, `    ${o} = arith.constant 1.0 : ${e}`, `    ${v} = arith.subf ${s}, ${o} : ${e}`);
  } else if (e instanceof IntegerType && e.width !== 64) {
    v = fresh("v");
    body.push(`    ${v} = arith.trunci ${w} : i64 to ${e}`);
  } else v = w;
  lines.push(
    `  ${tensor} = linalg.generic {indexing_maps = [affine_map<(${dims}) -> (${dims})>], iterator_types = [${Array.from({ length: rank }, () => `"parallel"`).join(", ")}]} outs(${empty} : tensor<${shape}>) {`,
    `  ^bb0(${fresh("out")}: ${e}):`,
    ...body,
    `    linalg.yield ${v} : ${e}`,
    `  } -> tensor<${shape}>`,
  );
  if (t instanceof RankedTensorType) return tensor;
  const m = fresh("mem");
  const copy = fresh("cp");
  lines.push(`  ${m} = bufferization.to_buffer ${tensor} : tensor<${shape}> to memref<${shape}>`, `  ${copy} = memref.alloc() : memref<${shape}>`, `  memref.copy ${m}, ${copy} : memref<${shape}> to memref<${shape}>`);
  return copy;
}
