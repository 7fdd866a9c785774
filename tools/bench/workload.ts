// The `prr opt` benchmark's workload (issue 2): one func.func of N arith ops on i32, 20% `addi x, %c0`,
// 20% `muli x, %c1`, 30% `addi x, y`, 30% `xori x, y`, operands drawn from the 50 most recent values,
// returning the last one; printed exactly as mlir-opt-22 prints it, in custom or generic form.

export type WorkloadForm = "custom" | "generic";

/** How many of the most recent values an operand is drawn from. */
const window = 50;

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Op {
  readonly name: "addi" | "muli" | "xori";
  readonly lhs: string;
  readonly rhs: string;
}

/**
 * The ops with their operands named as mlir-opt-22 names them: custom form calls the constants
 * %c0_i32 and %c1_i32 and the ops %0...; generic form has no name hints, so constants are %0 and %1.
 */
function* ops(count: number, seed: number, form: WorkloadForm): Generator<Op> {
  const next = random(seed);
  const [c0, c1, first] = form === "custom" ? ["%c0_i32", "%c1_i32", 0] : ["%0", "%1", 2];
  const values = ["%arg0", "%arg1"];
  const recent = () => values[values.length - 1 - Math.floor(next() * Math.min(window, values.length))]!;
  for (let i = 0; i < count; i++) {
    const p = next();
    if (p < 0.2) yield { name: "addi", lhs: recent(), rhs: c0 };
    else if (p < 0.4) yield { name: "muli", lhs: recent(), rhs: c1 };
    else yield { name: p < 0.7 ? "addi" : "xori", lhs: recent(), rhs: recent() };
    values.push(`%${first + i}`);
  }
}

/** The workload's text: `count` arith ops after two constants, printed as mlir-opt-22 prints them. */
export function arithWorkload(count: number, form: WorkloadForm, seed = 1): string {
  const lines: string[] = [];
  if (form === "custom") {
    const last = count > 0 ? `%${count - 1}` : "%arg0";
    lines.push("module {", "  func.func @big(%arg0: i32, %arg1: i32) -> i32 {");
    lines.push("    %c0_i32 = arith.constant 0 : i32", "    %c1_i32 = arith.constant 1 : i32");
    let i = 0;
    for (const op of ops(count, seed, form)) lines.push(`    %${i++} = arith.${op.name} ${op.lhs}, ${op.rhs} : i32`);
    lines.push(`    return ${last} : i32`, "  }", "}", "");
  } else {
    const last = count > 0 ? `%${count + 1}` : "%arg0";
    lines.push(
      '"builtin.module"() ({',
      '  "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "big"}> ({',
      "  ^bb0(%arg0: i32, %arg1: i32):",
      '    %0 = "arith.constant"() <{value = 0 : i32}> : () -> i32',
      '    %1 = "arith.constant"() <{value = 1 : i32}> : () -> i32',
    );
    const flags = "<{overflowFlags = #arith.overflow<none>}> ";
    let i = 2;
    for (const op of ops(count, seed, form)) {
      const props = op.name === "xori" ? "" : flags;
      lines.push(`    %${i++} = "arith.${op.name}"(${op.lhs}, ${op.rhs}) ${props}: (i32, i32) -> i32`);
    }
    lines.push(`    "func.return"(${last}) : (i32) -> ()`, "  }) : () -> ()", "}) : () -> ()", "");
  }
  return `${lines.join("\n")}\n`;
}
