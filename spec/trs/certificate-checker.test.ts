// The independent checker accepts the prover's certificates and rejects tampered ones: a checker
// that cannot fail would prove nothing.
import { describe, expect, it } from "vitest";
import { problem } from "./systems.ts";
import { trsFromProblem } from "../../engine/check/trs/trs.ts";
import { checkConfluence } from "../../engine/check/trs/prove.ts";
import { checkCertificate } from "./certificate-checker.ts";
import type { Certificate } from "../../engine/check/trs/certificate.ts";
import type { TrsProblem } from "../../grammar/trs/ast.ts";

const systems = {
  // terminating, joinable critical pairs
  kb: "(fun h 1)(fun g 1)(fun a 0)(rule (h (g x)) (g (h x)))(rule (h a) a)(rule (g (g x)) (g x))",
  orthogonal: "(fun + 2)(fun s 1)(fun 0 0)(rule (+ 0 y) y)(rule (+ (s x) y) (s (+ x y)))",
  // non-terminating, development closed
  devClosed: "(fun f 1)(rule (f x) x)(rule (f x) (f (f x)))",
  // two distinct normal forms
  nf: "(fun a 0)(fun b 0)(fun c 0)(rule a b)(rule a c)",
  // b x → g(b x) grows, c loops: separated by term caps
  tcap: "(fun a 1)(fun b 1)(fun c 1)(fun g 1)(rule (a x) (b x))(rule (a x) (c (c x)))(rule (b x) (g (b x)))(rule (c x) (c x))",
  reversible: "(fun + 2)(rule (+ (+ x y) z) (+ x (+ y z)))(rule (+ x (+ y z)) (+ (+ x y) z))",
  modulo:
    "(fun + 2)(fun s 1)(fun 0 0)(rule (+ 0 y) y)(rule (+ (s x) y) (s (+ x y)))(rule (+ (+ x y) z) (+ x (+ y z)))(rule (+ x y) (+ y x))",
  // rule 2 is joinable by rule 1; without it the system is orthogonal
  redundant:
    "(fun f 2)(fun g 1)(fun h 1)(rule (f x y) (f (g x) (g x)))(rule (f (g x) x) (f x (g x)))(rule (g x) (h x))",
  // reducts of f(c) and h(c) differ in the parity of g's: only tree automata tell them apart
  automata:
    "(fun a 0)(fun c 0)(fun h 1)(fun f 1)(fun g 1)(rule a (f c))(rule a (h c))(rule (f x) (h (g x)))(rule (h x) (f (g x)))",
  // a non-terminating left-linear part and a terminating non-left-linear part
  disjoint: "(fun g 1)(fun h 2)(fun a 0)(rule (g x) (g (g x)))(rule (h x x) a)(rule (h a y) a)",
  labelling:
    "(fun H 1)(fun I 1)(fun J 1)(fun K 1)(rule (H (I x)) (K (J x)))(rule (J x) (K (J x)))(rule (I x) (I (J x)))(rule (J x) (J (K (J x))))",
};

function prove(text: string): { p: TrsProblem; cert: Certificate } {
  const p = problem(text);
  const outcome = checkConfluence(trsFromProblem(p), 2000);
  if (!outcome.proof) throw new Error(`no proof for ${text}`);
  return { p, cert: outcome.proof.certificate };
}

function tampered<T>(cert: T, change: (c: any) => void): Certificate {
  const copy = JSON.parse(JSON.stringify(cert));
  change(copy);
  return copy as Certificate;
}

describe("the certificate checker", () => {
  it("accepts the prover's certificates for each criterion", () => {
    const expected: Record<string, [string, string]> = {
      kb: ["YES", "knuth-bendix"],
      orthogonal: ["YES", "weakly-orthogonal"],
      devClosed: ["YES", "development-closed"],
      nf: ["NO", "non-joinable-peak"],
      tcap: ["NO", "non-joinable-peak"],
      reversible: ["YES", "strongly-closed"],
      modulo: ["YES", "redundant-rules"],
      redundant: ["YES", "redundant-rules"],
      automata: ["NO", "non-joinable-peak"],
      labelling: ["YES", "rule-labelling"],
      disjoint: ["YES", "disjoint-union"],
    };
    for (const [name, text] of Object.entries(systems)) {
      const { p, cert } = prove(text);
      expect([cert.answer, cert.criterion], name).toEqual(expected[name]);
      expect(() => checkCertificate(p, cert), name).not.toThrow();
    }
  });

  it("rejects a Knuth–Bendix proof with a wrong order, a missing join or a forged step", () => {
    const { p, cert } = prove(systems.kb);
    if (cert.criterion !== "knuth-bendix") throw new Error(cert.criterion);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => (c.order = { kind: "lpo", precedence: ["a", "g", "h"] })),
      ),
    ).toThrow(/termination/);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => c.joins.pop()),
      ),
    ).toThrow(/not covered/);
    const withStep = cert.joins.findIndex((j) => j.leftSteps.length + j.rightSteps.length > 0);
    expect(withStep).toBeGreaterThanOrEqual(0);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => {
          const j = c.joins[withStep];
          const s = j.leftSteps[0] ?? j.rightSteps[0];
          s.rule = (s.rule % 3) + 1;
        }),
      ),
    ).toThrow();
  });

  it("rejects criteria claimed for systems that do not satisfy them", () => {
    const nf = problem(systems.nf);
    expect(() => checkCertificate(nf, { answer: "YES", criterion: "weakly-orthogonal" })).toThrow(/non-trivial/);
    const nonLinear = problem("(fun f 2)(fun a 0)(rule (f x x) a)");
    expect(() => checkCertificate(nonLinear, { answer: "YES", criterion: "development-closed", pairs: [] })).toThrow(
      /left-linear/,
    );
    expect(() => checkCertificate(nf, { answer: "YES", criterion: "reversible", inverses: [] })).toThrow(/inverse/);
  });

  it("rejects a NO proof whose ends are joinable or not normal", () => {
    const { p, cert } = prove(systems.nf);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => (c.right = c.left)),
      ),
    ).toThrow();
    const { p: p2, cert: c2 } = prove(systems.tcap);
    expect(() =>
      checkCertificate(
        p2,
        tampered(c2, (c) => (c.reason = { kind: "normal-forms" })),
      ),
    ).toThrow(/reducible/);
    // a confluent system has no non-joinable peak: the caps of its critical pair's sides unify
    const ok = problem(systems.devClosed);
    const fake: Certificate = {
      answer: "NO",
      criterion: "non-joinable-peak",
      peak: ["f", "x"],
      left: [{ rule: 1, pos: [], term: "x" }],
      right: [{ rule: 2, pos: [], term: ["f", ["f", "x"]] }],
      reason: { kind: "tcap" },
    };
    expect(() => checkCertificate(ok, fake)).toThrow(/caps unify/);
  });

  it("rejects tree automata that are not closed under rewriting or that share a term", () => {
    const { p, cert } = prove(systems.automata);
    if (cert.criterion !== "non-joinable-peak" || cert.reason.kind !== "automata") throw new Error("unexpected proof");
    const epsilons = cert.reason.left.epsilons.length + cert.reason.right.epsilons.length;
    expect(epsilons).toBeGreaterThanOrEqual(0);
    // dropping the last transition added by completion breaks closure under rewriting (or acceptance)
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => c.reason.left.transitions.pop()),
      ),
    ).toThrow();
    // the same automaton twice accepts a common term
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => (c.reason.right = c.reason.left)),
      ),
    ).toThrow();
  });

  it("rejects a rule labelling under which a peak is not decreasing", () => {
    const { p, cert } = prove(systems.labelling);
    if (cert.criterion !== "rule-labelling") throw new Error("unexpected proof");
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => (c.labels = c.labels.map(() => 0))),
      ),
    ).toThrow(/not decreasing/);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => c.labels.pop()),
      ),
    ).toThrow(/bad labels/);
  });

  it("rejects a disjoint union whose groups share a symbol or miss a rule", () => {
    const { p, cert } = prove(systems.disjoint);
    if (cert.criterion !== "disjoint-union") throw new Error("unexpected proof");
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => c.components.pop()),
      ),
    ).toThrow(/partition/);
    const shared = problem("(fun g 1)(fun h 2)(fun a 0)(rule (g x) (g (g x)))(rule (h x x) (g a))(rule (h a y) a)");
    expect(() => checkCertificate(shared, cert)).toThrow(/shared/);
  });

  it("rejects a closure that is not closed under rewriting", () => {
    const p = problem("(fun a 0)(fun b 0)(fun c 0)(rule a b)(rule b a)(rule a c)");
    const fake: Certificate = {
      answer: "NO",
      criterion: "non-joinable-peak",
      peak: ["a"],
      left: [{ rule: 1, pos: [], term: ["b"] }],
      right: [{ rule: 3, pos: [], term: ["c"] }],
      reason: { kind: "closure", closure: [["b"]], swap: false },
    };
    expect(() => checkCertificate(p, fake)).toThrow(/misses the reduct/);
  });

  it("rejects modulo proofs missing a pair, and rule removals that lean on removed rules", () => {
    const { p, cert } = prove(systems.modulo);
    if (cert.criterion !== "redundant-rules" || cert.proof.criterion !== "cr-modulo")
      throw new Error("unexpected proof");
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => c.proof.pairs.shift()),
      ),
    ).toThrow(/not covered/);
    expect(() =>
      checkCertificate(
        p,
        tampered(cert, (c) => (c.proof.symmetric = [])),
      ),
    ).toThrow();
    const { p: p2, cert: c2 } = prove(systems.redundant);
    if (c2.criterion !== "redundant-rules") throw new Error("unexpected proof");
    expect(() =>
      checkCertificate(
        p2,
        tampered(c2, (c) => (c.answer = c.proof.answer = "NO")),
      ),
    ).toThrow(/non-confluence/);
  });
});
