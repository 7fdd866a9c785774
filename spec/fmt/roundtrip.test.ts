// Formatting keeps meaning and is idempotent: for every .prr file of rules/ and of the formatter
// cases, the output re-parses to the same AST (ignoring positions) and formats to itself; so do
// random expressions (written fully parenthesized) and the cases with comments added.
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { formatPrr } from "../../tools/prettier-plugin-prr/format.ts";
import { astShape } from "./ast-shape.ts";
import { parsePrr } from "../../grammar/prr/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { expressionSource } from "./expr-arbitrary.ts";
import { withComments } from "./comment-insertion.ts";

const root = path.join(import.meta.dirname, "..", "..");

function prrFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".prr"))
    .map((f) => path.join(dir, f))
    .sort();
}

async function expectStable(file: string, text: string): Promise<void> {
  const once = await formatPrr(text, file);
  expect(astShape(file, once), `${file}: formatting changed the AST`).toEqual(astShape(file, text));
  expect(await formatPrr(once, file), `${file}: formatting is not idempotent`).toBe(once);
}

describe("formatting keeps meaning", () => {
  const files = [...prrFilesUnder(path.join(root, "rules")), ...prrFilesUnder(path.join(import.meta.dirname, "cases"))];

  it("finds the rule files and the cases", () => expect(files.length).toBeGreaterThan(5));

  for (const file of files) {
    it(`${path.relative(root, file)}: re-parses to the same AST and is a fixed point`, async () => {
      await expectStable(file, fs.readFileSync(file, "utf8"));
    });
  }

  it("random expressions keep their tree", async () => {
    await fc.assert(
      fc.asyncProperty(expressionSource, expressionSource, async (guard, rewrite) => {
        await expectStable("random.prr", `ruleset random {\n  rule r: x where ${guard} => ${rewrite}\n}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it("comments at line ends and on their own lines survive, and formatting stays a fixed point", async () => {
    const cases = files.filter((f) => f.includes(`${path.sep}cases${path.sep}`) && !f.endsWith(".formatted.prr"));
    for (const file of cases) {
      const text = fs.readFileSync(file, "utf8");
      await fc.assert(
        fc.asyncProperty(withComments(text), async (commented) => {
          // A comment inside a kebab-case name (`a-/* c */b`) makes the input itself invalid.
          fc.pre(parsePrr(new SourceFile(file, commented)).ast !== undefined);
          await expectStable(file, commented);
        }),
        { numRuns: 150 },
      );
    }
  });
});
