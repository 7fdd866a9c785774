// Formats .prr text through Prettier and the prr plugin; Prettier is loaded on first use so that
// commands which never format do not pay for its start-up.
import type { Plugin } from "prettier";

/** The formatted text; a file with syntax errors rejects with a PrrSyntaxError. */
export async function formatPrr(text: string, filepath: string): Promise<string> {
  const [prettier, plugin] = await Promise.all([import("prettier"), import("./index.ts")]);
  return prettier.format(text, { parser: "prr", plugins: [plugin.default as Plugin], filepath });
}
