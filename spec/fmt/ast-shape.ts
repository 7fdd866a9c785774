// The meaning of a parsed .prr file for formatter tests: its AST without positions (spans, text
// block offsets) and the texts of its comments, which formatting must preserve exactly.
import { parsePrr } from "../../grammar/prr/parse.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { formatDiagnostic } from "../../engine/support/diagnostics.ts";

const positionKeys = new Set(["span", "start"]);

function strip(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!positionKeys.has(k)) out[k] = strip(v);
  return out;
}

/** The AST of `text` ignoring positions; throws with the diagnostics when it does not parse. */
export function astShape(path: string, text: string): unknown {
  const { ast, diagnostics } = parsePrr(new SourceFile(path, text));
  if (ast === undefined) throw new Error(diagnostics.map(formatDiagnostic).join("\n"));
  // Every comment must survive; inside a test, comments may move to the test's first lines.
  return { ...(strip(ast) as object), comments: ast.comments.map((c) => c.text).sort() };
}
