// `prr fmt` in-process: printing, --check exit codes and output, --write in place, syntax errors
// as PRR3001 diagnostics at file:line:col, usage errors.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../tools/cli/main.ts";
import { memoryIo, processIo, type Io } from "../../tools/cli/io.ts";

const messy = "ruleset s {   rule r: arith.addi(x,arith.constant(0))=>x }\n";
const tidy = "ruleset s {\n  rule r: arith.addi(x, arith.constant(0)) => x\n}\n";
const broken = "ruleset s {\n  rule r: arith.addi(x => x\n}\n";

async function fmt(files: Record<string, string>, ...args: string[]) {
  const io = memoryIo(files);
  const code = await main(["fmt", ...args], io);
  return { code, out: io.out, err: io.err, written: io.written };
}

describe("prr fmt", () => {
  it("prints the formatted text of one file", async () => {
    const r = await fmt({ "a.prr": messy }, "a.prr");
    expect(r).toMatchObject({ code: 0, out: tidy, err: "" });
  });

  it("--check lists only the unformatted files and exits 1", async () => {
    const r = await fmt({ "a.prr": messy, "b.prr": tidy }, "--check", "a.prr", "b.prr");
    expect(r).toMatchObject({ code: 1, out: "a.prr\n", err: "" });
    expect(r.written).toEqual({});
  });

  it("--check exits 0 when every file is formatted", async () => {
    const r = await fmt({ "b.prr": tidy }, "--check", "b.prr");
    expect(r).toMatchObject({ code: 0, out: "", err: "" });
  });

  it("--write rewrites only the files that change", async () => {
    const r = await fmt({ "a.prr": messy, "b.prr": tidy }, "--write", "a.prr", "b.prr");
    expect(r).toMatchObject({ code: 0, out: "", err: "" });
    expect(r.written).toEqual({ "a.prr": tidy });
  });

  it("--write replaces a real file atomically, leaving no temporary file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-fmt-"));
    try {
      const file = path.join(dir, "a.prr");
      fs.writeFileSync(file, messy);
      const io: Io = { ...processIo(), stdout: () => {}, stderr: () => {} };
      expect(await main(["fmt", "--write", file], io)).toBe(0);
      expect(fs.readFileSync(file, "utf8")).toBe(tidy);
      expect(fs.readdirSync(dir)).toEqual(["a.prr"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports syntax errors as PRR3001 at file:line:col and exits 1", async () => {
    for (const mode of [[], ["--check"], ["--write"]]) {
      const r = await fmt({ "bad.prr": broken }, ...mode, "bad.prr");
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.written).toEqual({});
      expect(r.err).toMatch(/^bad\.prr:2:24: error: .* \[PRR3001\]\n/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("keeps formatting the other files when one has errors", async () => {
    const r = await fmt({ "bad.prr": broken, "a.prr": messy }, "--write", "bad.prr", "a.prr");
    expect(r.code).toBe(1);
    expect(r.written).toEqual({ "a.prr": tidy });
  });

  it("reports unreadable files with PRR9002", async () => {
    const r = await fmt({}, "missing/nowhere.prr");
    expect(r.code).toBe(1);
    expect(r.err).toContain("cannot read 'missing/nowhere.prr': ENOENT [PRR9002]");
  });

  it("reads standard input for '-'", async () => {
    const io = memoryIo({}, messy);
    expect(await main(["fmt", "-"], io)).toBe(0);
    expect(io.out).toBe(tidy);
  });

  it("returns 2 on usage errors", async () => {
    for (const args of [[], ["a.prr", "b.prr"], ["--check", "--write", "a.prr"], ["--write", "-"], ["--bogus", "a.prr"]]) {
      const r = await fmt({ "a.prr": tidy, "b.prr": tidy }, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain("usage: prr fmt");
    }
  });

  it("is listed in the help", async () => {
    const io = memoryIo();
    await main(["--help"], io);
    expect(io.out).toMatch(/^ {2}fmt /m);
  });
});
