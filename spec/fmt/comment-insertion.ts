// Places comments where people write them (at the end of a line, on lines of their own) in a
// .prr file, for property tests that every comment survives formatting and stays put.
import * as fc from "fast-check";
import { prrLexer } from "../../grammar/prr/tokens.ts";

/** The ends of lines that end in a token: where comments trail a line, or start lines of their own. */
export function tokenEnds(text: string): number[] {
  return prrLexer().tokenize(text).tokens.map((t) => t.startOffset + t.image.length).filter((at) => text[at] === "\n");
}

const comments = [" // c1", " /* c2 */", "\n// c3", "\n  // c4\n", " // c5\n"];

/** `text` with one to three comments inserted at line ends. */
export function withComments(text: string): fc.Arbitrary<string> {
  const ends = tokenEnds(text);
  return fc
    .array(fc.tuple(fc.constantFrom(...ends), fc.constantFrom(...comments)), { minLength: 1, maxLength: 3 })
    .map((inserts) => {
      let out = text;
      for (const [at, comment] of [...inserts].sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + comment + out.slice(at);
      return out;
    });
}
