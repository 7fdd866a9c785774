// Triple-quoted text blocks (MLIR inputs, templates, FileCheck lines) print verbatim: their lines
// are never re-indented or reflowed.
import type { Doc } from "prettier";
import { builders } from "prettier/doc";
import type { TextBlock } from "../../grammar/prr/ast.ts";

const { join, literalline } = builders;

export function textBlockDoc(block: TextBlock): Doc {
  return join(literalline, `"""${block.text}"""`.split("\n"));
}
