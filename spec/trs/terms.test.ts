// Terms, matching, unification and critical pairs of the TRS engine, checked against small
// hand-worked examples and, for unification, against a brute-force property.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { system, term, show } from "./systems.ts";
import { match } from "../../engine/check/trs/matching.ts";
import { unify } from "../../engine/check/trs/unification.ts";
import { applySubst } from "../../engine/check/trs/substitution.ts";
import { criticalPairs } from "../../engine/check/trs/critical-pairs.ts";
import { Rewriter } from "../../engine/check/trs/rewrite.ts";
import { Budget } from "../../engine/check/trs/budget.ts";
import { Capper } from "../../engine/check/trs/tcap.ts";
import { printPos, type Term } from "../../engine/check/trs/term.ts";

const sig = "(fun f 2)(fun g 1)(fun a 0)(fun b 0)";

describe("terms", () => {
  it("are hash-consed: equal structure is the same object", () => {
    const trs = system(sig);
    expect(term(trs, "(f x (g a))")).toBe(term(trs, "(f x (g a))"));
    expect(term(trs, "(f x (g a))")).not.toBe(term(trs, "(f y (g a))"));
  });
});

describe("matching and unification", () => {
  it("matches with consistent bindings", () => {
    const trs = system(sig);
    expect(match(term(trs, "(f x x)"), term(trs, "(f (g a) (g a))"))).toBeDefined();
    expect(match(term(trs, "(f x x)"), term(trs, "(f (g a) a)"))).toBeUndefined();
  });

  it("computes most general unifiers and fails on clashes and cycles", () => {
    const trs = system(sig);
    const s = term(trs, "(f x (g y))");
    const t = term(trs, "(f (g z) x)");
    const mgu = unify(trs.bank, s, t)!;
    expect(show(trs, applySubst(trs.bank, s, mgu))).toBe(show(trs, applySubst(trs.bank, t, mgu)));
    expect(unify(trs.bank, term(trs, "(f x a)"), term(trs, "(f b b)"))).toBeUndefined();
    expect(unify(trs.bank, term(trs, "x"), term(trs, "(g x)"))).toBeUndefined();
    expect(unify(trs.bank, term(trs, "(f x y)"), term(trs, "(f y (g x))"))).toBeUndefined();
  });

  it("unifiers unify (property)", () => {
    const trs = system(sig);
    const vars = ["x", "y", "z"];
    const gen: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
      t: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(...vars.map((v) => term(trs, v)), term(trs, "a"), term(trs, "b")),
        tie("t").map((x) => trs.bank.app(trs.bank.symbolOf("g")!, [x])),
        fc.tuple(tie("t"), tie("t")).map(([x, y]) => trs.bank.app(trs.bank.symbolOf("f")!, [x, y])),
      ),
    })).t;
    fc.assert(
      fc.property(gen, gen, (s, t) => {
        const mgu = unify(trs.bank, s, t);
        if (mgu) expect(applySubst(trs.bank, s, mgu)).toBe(applySubst(trs.bank, t, mgu));
        else if (s === t) throw new Error("identical terms must unify");
      }),
      { numRuns: 300 },
    );
  });
});

describe("critical pairs", () => {
  it("finds root and nested overlaps, self-overlaps, but not the trivial root self-overlap", () => {
    const trs = system("(fun f 1)(fun g 1)(rule (f (g (f x))) x)(rule (f (g x)) (g (f x)))");
    const cps = criticalPairs(trs).map(
      (cp) =>
        `${cp.outer.index + 1}/${cp.inner.index + 1}@${printPos(cp.pos)}: ${show(trs, cp.left)} | ${show(trs, cp.right)}`,
    );
    expect(cps).toHaveLength(4);
    expect(cps.filter((c) => c.startsWith("1/1@1.1"))).toHaveLength(1); // f(g(f(g(f x)))) self-overlap
    expect(cps.filter((c) => c.endsWith("@ε"))).toHaveLength(0);
    expect(cps.some((c) => c.startsWith("1/2@ε"))).toBe(true);
    expect(cps.some((c) => c.startsWith("2/1@ε"))).toBe(true);
  });

  it("has none for an orthogonal system", () => {
    expect(criticalPairs(system("(fun + 2)(fun s 1)(fun 0 0)(rule (+ 0 y) y)(rule (+ (s x) y) (s (+ x y)))"))).toEqual(
      [],
    );
  });
});

describe("rewriting", () => {
  it("normalises innermost and records the derivation", () => {
    const trs = system("(fun + 2)(fun s 1)(fun 0 0)(rule (+ 0 y) y)(rule (+ (s x) y) (s (+ x y)))");
    const rw = new Rewriter(trs);
    const t = term(trs, "(+ (s (s 0)) (s 0))");
    expect(show(trs, rw.normalize(t, Budget.ms(100)))).toBe("s(s(s(0)))");
    const d = rw.derivation(t, Budget.ms(100));
    expect(d.map((s) => `${s.rule.index + 1}@${printPos(s.pos)}`)).toEqual(["2@ε", "2@1", "1@1.1"]);
  });

  it("gives up on loops within the budget", () => {
    const trs = system("(fun a 0)(fun f 1)(rule a (f a))");
    expect(() => new Rewriter(trs).normalize(term(trs, "a"), Budget.ms(50, 1000))).toThrow();
  });
});

describe("term caps", () => {
  it("separate reducts that keep different root symbols", () => {
    const trs = system(
      "(fun a 1)(fun b 1)(fun c 1)(fun g 1)(rule (a x) (b x))(rule (a x) (c (c x)))(rule (b x) (g (b x)))(rule (c x) (c x))",
    );
    const caps = new Capper(trs);
    expect(caps.nonJoinable(term(trs, "(b x)"), term(trs, "(c (c x))"))).toBe(true);
    expect(caps.nonJoinable(term(trs, "(a x)"), term(trs, "(c x)"))).toBe(false);
  });
});
