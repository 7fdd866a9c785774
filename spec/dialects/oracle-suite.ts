// A dialect's oracle suite: its hand-written input (every op, every flag) and the corpus files
// using it go through `prr opt`; mlir-opt-22 must accept the output, give the same generic form
// as for the original, and print the original exactly as prr does.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { llvmTool } from "../support/llvm.ts";
import {
  blockedByOtherDialect,
  corpusFilesUsing,
  firstDifference,
  repoRoot,
  roundTrip,
} from "./roundtrip.ts";

/** Known differences caused outside the dialect, by file name (relative to the corpus or spec/dialects/inputs). */
export type Exceptions = Readonly<Record<string, string>>;

/** Whether a difference report points at an op of `dialect` (else it belongs to another part of prr). */
function mentions(text: string, dialect: string): boolean {
  return new RegExp(`\\b${dialect}\\.[a-z_]+`).test(text);
}

export function dialectOracleSuite(
  dialect: string,
  exceptions: Exceptions = {},
): void {
  const tool = llvmTool("mlir-opt");
  if (tool === undefined)
    console.log(
      `${dialect} oracle suite skipped: mlir-opt-22 is not installed`,
    );
  const own = path.join(repoRoot, "spec/dialects/inputs", `${dialect}.mlir`);

  describe.skipIf(tool === undefined)(
    `${dialect}: round trip against mlir-opt-22`,
    () => {
      it(`${dialect}.mlir: every op prints as mlir-opt-22 prints it`, async () => {
        const r = await roundTrip(tool!, own);
        expect(r.prrError).toBeUndefined();
        expect(r.rejected).toBeUndefined();
        expect(
          r.genericEqual,
          firstDifference(r.prrGeneric, r.mlirGeneric),
        ).toBe(true);
        const known = exceptions[`${dialect}.mlir`];
        if (known === undefined)
          expect(r.textEqual, firstDifference(r.prrText, r.mlirText)).toBe(
            true,
          );
        else
          expect(
            r.textEqual,
            `listed as a known difference (${known}); remove it`,
          ).toBe(false);
      });

      for (const file of tool === undefined ? [] : corpusFilesUsing(dialect)) {
        const name = path.relative(
          path.join(repoRoot, "../shared/corpus"),
          file,
        );
        it(name, async (t) => {
          const r = await roundTrip(tool!, file);
          if (r.prrError !== undefined) {
            const other = blockedByOtherDialect(r.prrError, dialect);
            if (other !== undefined || !mentions(r.prrError, dialect)) {
              console.log(
                `${name}: skipped, prr fails outside ${dialect}: ${other ?? r.prrError.split("\n")[0]}`,
              );
              return t.skip();
            }
            expect.fail(r.prrError);
          }
          if (r.rejected !== undefined) {
            if (!mentions(r.rejected, dialect)) return t.skip();
            expect.fail(r.rejected);
          }
          const genericDiff = firstDifference(r.prrGeneric, r.mlirGeneric);
          if (!r.genericEqual && !mentions(genericDiff, dialect))
            return t.skip();
          expect(r.genericEqual, genericDiff).toBe(true);
          const textDiff = firstDifference(r.prrText, r.mlirText);
          if (
            !r.textEqual &&
            (exceptions[name] !== undefined || !mentions(textDiff, dialect))
          )
            return t.skip();
          expect(r.textEqual, textDiff).toBe(true);
        });
      }
    },
  );
}
