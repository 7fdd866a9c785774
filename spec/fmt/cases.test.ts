// Formatter input/output pairs: spec/fmt/cases/NAME.prr formats to NAME.formatted.prr, and the
// expected output formats to itself. PRR_UPDATE=1 rewrites the expected files (never under CI).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { formatPrr } from "../../tools/prettier-plugin-prr/format.ts";

const dir = path.join(import.meta.dirname, "cases");
const inputs = fs.readdirSync(dir).filter((f) => f.endsWith(".prr") && !f.endsWith(".formatted.prr")).sort();
const update = process.env.PRR_UPDATE === "1" && !process.env.CI;

describe("prr formatter cases", () => {
  it("has cases", () => expect(inputs.length).toBeGreaterThan(5));

  for (const input of inputs) {
    const expectedPath = path.join(dir, input.replace(/\.prr$/, ".formatted.prr"));
    it(`${input} formats as expected, and the expected output is a fixed point`, async () => {
      const formatted = await formatPrr(fs.readFileSync(path.join(dir, input), "utf8"), input);
      if (update) fs.writeFileSync(expectedPath, formatted);
      const expected = fs.readFileSync(expectedPath, "utf8");
      expect(formatted).toBe(expected);
      expect(await formatPrr(expected, expectedPath)).toBe(expected);
    });
  }
});
