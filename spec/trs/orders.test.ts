// Termination orders: the prover's LPO, KBO and polynomial searches find orders that the
// independent checker accepts, and fail on non-terminating systems.
import { describe, expect, it } from "vitest";
import { problem, system } from "./systems.ts";
import { Budget } from "../../engine/check/trs/budget.ts";
import { findLpo } from "../../engine/check/trs/termination/lpo.ts";
import { findKbo } from "../../engine/check/trs/termination/kbo.ts";
import { findPolynomial } from "../../engine/check/trs/termination/polynomial.ts";
import { proveTermination } from "../../engine/check/trs/termination/prove.ts";
import { checkOrder } from "./checker/orders.ts";
import { systemOf } from "./certificate-checker.ts";
import type { COrder } from "../../engine/check/trs/certificate.ts";

const ackermann =
  "(fun A 2)(fun s 1)(fun 0 0)(rule (A 0 y) (s y))(rule (A (s x) 0) (A x (s 0)))(rule (A (s x) (s y)) (A x (A (s x) y)))";
const assoc = "(fun * 2)(rule (* (* x y) z) (* x (* y z)))";
const group = "(fun f 2)(fun i 1)(fun e 0)(rule (f e x) x)(rule (f (i x) x) e)(rule (f (f x y) z) (f x (f y z)))";
const duplicate = "(fun f 1)(fun g 2)(fun a 0)(rule (f (f x)) (g x x))";
const loop = "(fun f 1)(fun g 1)(rule (f (g x)) (g (f x)))(rule (g (f x)) (f (g x)))";

function valid(text: string, order: COrder): boolean {
  const sys = systemOf(problem(text));
  return checkOrder(order, sys.rules, [], sys.arity) === undefined;
}

describe("lexicographic path order", () => {
  it("orients Ackermann's function with A > s", () => {
    const trs = system(ackermann);
    const prec = findLpo(trs, Budget.ms(500))!.map((f) => trs.bank.symbolName(f));
    expect(prec.indexOf("A")).toBeLessThan(prec.indexOf("s"));
    expect(valid(ackermann, { kind: "lpo", precedence: prec })).toBe(true);
    expect(valid(ackermann, { kind: "lpo", precedence: [...prec].reverse() })).toBe(false);
  });

  it("finds nothing for a system that loops", () => {
    expect(findLpo(system(loop), Budget.ms(500))).toBeUndefined();
  });
});

describe("Knuth–Bendix order", () => {
  it("orients the group axioms fragment", () => {
    const trs = system(group);
    const kbo = findKbo(trs, Budget.ms(500))!;
    expect(kbo).toBeDefined();
    const weights = Object.fromEntries([...kbo.weights].map(([f, w]) => [trs.bank.symbolName(f), w]));
    const precedence = kbo.precedence.map((f) => trs.bank.symbolName(f));
    expect(valid(group, { kind: "kbo", precedence, weights, variableWeight: 1 })).toBe(true);
  });

  it("rejects a rule that duplicates a variable", () => {
    expect(findKbo(system(duplicate), Budget.ms(500))).toBeUndefined();
  });
});

describe("dependency pairs", () => {
  const embedded = "(fun f 1)(fun g 1)(rule (f (f x)) (f (g (f x))))";
  const quot =
    "(fun minus 2)(fun quot 2)(fun s 1)(fun 0 0)(rule (minus x 0) x)(rule (minus (s x) (s y)) (minus x y))" +
    "(rule (quot 0 (s y)) 0)(rule (quot (s x) (s y)) (s (quot (minus x y) (s y))))";

  it("prove termination beyond simplification orders, and the checker agrees", () => {
    for (const text of [embedded, quot]) {
      const proof = proveTermination(system(text), Budget.ms(2000));
      expect(proof?.order.kind, text).toBe("dependency-pairs");
      expect(valid(text, proof!.order), text).toBe(true);
    }
  });

  it("the checker rejects a proof that skips a cycle or removes a pair without decrease", () => {
    const proof = proveTermination(system(quot), Budget.ms(2000))!;
    if (proof.order.kind !== "dependency-pairs") throw new Error("expected dependency pairs");
    expect(valid(quot, { ...proof.order, steps: proof.order.steps.slice(1) })).toBe(false);
    const flat = [{ coefficient: 0, exponents: [0, 0] }];
    const bogus = proof.order.steps.map((s) =>
      s.interpretation ? { ...s, interpretation: { ...s.interpretation, "quot#": flat } } : s,
    );
    expect(proof.order.steps.some((s) => s.interpretation)).toBe(true);
    expect(valid(quot, { ...proof.order, steps: bogus })).toBe(false);
  });

  it("find nothing for a system that loops", () => {
    expect(
      proveTermination(system("(fun f 1)(fun g 1)(rule (f (g x)) (g (f (g x))))(rule (g x) (f x))"), Budget.ms(300)),
    ).toBeUndefined();
  });
});

describe("polynomial interpretations", () => {
  it("orient associativity, and the checker agrees", () => {
    const order = findPolynomial(system(assoc), Budget.ms(500))!;
    expect(order).toBeDefined();
    expect(valid(assoc, order)).toBe(true);
  });

  it("the checker rejects a non-monotone or non-decreasing interpretation", () => {
    const flat = {
      kind: "polynomial",
      domainMin: 0,
      interpretation: { "*": [{ coefficient: 1, exponents: [1, 1] }] },
    } as const;
    expect(valid(assoc, flat)).toBe(false);
    const equal = {
      kind: "polynomial",
      domainMin: 0,
      interpretation: {
        "*": [
          { coefficient: 1, exponents: [1, 0] },
          { coefficient: 1, exponents: [0, 1] },
        ],
      },
    } as const;
    expect(valid(assoc, equal)).toBe(false);
  });

  it("the orchestrator proves termination with a certificate the checker accepts", () => {
    for (const text of [ackermann, assoc, group, duplicate]) {
      const proof = proveTermination(system(text), Budget.ms(500));
      expect(proof, text).toBeDefined();
      expect(valid(text, proof!.order), text).toBe(true);
    }
    expect(proveTermination(system(loop), Budget.ms(300))).toBeUndefined();
  });
});
