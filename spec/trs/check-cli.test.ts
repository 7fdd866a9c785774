// `prr check --trs` end to end in-process: the answer alone on the first line, the proof after it,
// --json, and exit codes 0 (answered), 1 (diagnostics), 2 (usage).
import { describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";

async function check(files: Record<string, string>, ...args: string[]) {
  const io = memoryIo(files);
  const code = await main(["check", ...args], io);
  return { code, out: io.out, err: io.err };
}

const confluent = "(format TRS)\n(fun + 2)(fun s 1)(fun 0 0)\n(rule (+ 0 y) y)\n(rule (+ (s x) y) (s (+ x y)))\n";
const divergent =
  "(format TRS)\n(fun f 1)(fun g 1)(fun a 0)\n(rule (f (g x)) a)\n(rule (g x) (g (g x)))\n(rule (f x) (f (g x)))\n";
const cops = "(VAR x)\n(RULES\n  f(x) -> a\n  f(x) -> b\n)\n";

describe("prr check --trs", () => {
  it("prints YES and the criterion for a confluent system", async () => {
    const r = await check({ "p.ari": confluent }, "--trs", "p.ari");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("YES");
    expect(r.out).toContain("orthogonal");
    expect(r.err).toBe("");
  });

  it("prints NO with the peak and the two reducts", async () => {
    const r = await check({ "p.trs": cops }, "--trs", "p.trs");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("NO");
    expect(r.out).toMatch(/The term f\(x\) has two reducts that are not joinable/);
    expect(r.out).toContain("distinct normal forms");
  });

  it("prints MAYBE when nothing applies within the time limit", async () => {
    const r = await check({ "p.ari": divergent }, "--trs", "p.ari", "--timeout", "50");
    expect(r.code).toBe(0);
    expect(["YES", "NO", "MAYBE"]).toContain(r.out.split("\n")[0]);
  });

  it("emits the answer, the certificate and the proof as JSON", async () => {
    const r = await check({ "p.trs": cops }, "--trs", "p.trs", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.answer).toBe("NO");
    expect(json.certificate.criterion).toBe("non-joinable-peak");
    expect(Array.isArray(json.proof)).toBe(true);
  });

  it("reports parse errors as diagnostics with exit code 1", async () => {
    const r = await check({ "bad.ari": "(format TRS)\n(fun f 1)\n(rule (f x y) x)\n" }, "--trs", "bad.ari");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^bad\.ari:3:7: error: 'f' takes 1 argument, but is given 2 \[PRR5003\]/);
    const j = await check({ "bad.ari": "(format TRS)\n(fun f 1)\n(rule (f x y) x)\n" }, "--trs", "bad.ari", "--json");
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).diagnostics[0].code).toBe("PRR5003");
  });

  it("reports an unreadable file with exit code 1", async () => {
    const r = await check({}, "--trs", "/nonexistent/p.ari");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot read '\/nonexistent\/p\.ari'.*\[PRR9002\]/);
  });

  it("rejects bad usage with exit code 2", async () => {
    expect((await check({}, "--trs")).code).toBe(2);
    expect((await check({ "p.ari": confluent }, "p.ari")).code).toBe(2);
    expect((await check({ "p.ari": confluent }, "--trs", "p.ari", "--timeout", "soon")).code).toBe(2);
    expect((await check({ "p.ari": confluent }, "--trs", "p.ari", "--frobnicate")).code).toBe(2);
  });
});
