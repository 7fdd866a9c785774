// Random .prr expressions for property tests, written with parentheses around every compound
// subexpression so that their tree does not depend on the printer's precedence rules.
import * as fc from "fast-check";

const binaryOps = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];
const types = ["t", "i32", "index", "tensor<MxNxE>", "memref<?x4xf32>", "(t, u)"];

const leaf = fc.oneof(
  fc.constantFrom("x", "y", "c0", "_", "true", "false", '"s"', "1.5", "0x1F"),
  fc.bigInt({ min: -1000n, max: 1000n }).map(String),
);

/** An expression source whose every compound part is parenthesized. */
export const expressionSource: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("expr"), fc.constantFrom(...binaryOps), tie("expr")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom("-", "!", "~"), tie("expr")).map(([op, a]) => `(${op}${a})`),
    fc.tuple(tie("expr"), fc.constantFrom(...types)).map(([a, t]) => `(${a} : ${t})`),
    fc.tuple(tie("expr"), fc.nat(3)).map(([a, i]) => `(${a}#${i})`),
    tie("expr").map((a) => `(n@(${a}))`),
    fc.array(tie("expr"), { maxLength: 3 }).map((xs) => `(arith.addi(${xs.join(", ")}))`),
    fc.array(tie("expr"), { maxLength: 2 }).map((xs) => `(arith.constant {value = ${xs[0] ?? "1"}})`),
    fc.array(tie("expr"), { maxLength: 3 }).map((xs) => `f(${xs.join(", ")})`),
    fc.array(tie("expr"), { minLength: 2, maxLength: 3 }).map((xs) => `(${xs.join(", ")})`),
    tie("expr").map((a) => `(linalg.map(x) ^(a, b) { ${a} })`),
  ),
})).expr;
