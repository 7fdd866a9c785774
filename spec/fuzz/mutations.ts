// Mutations of MLIR text for the fuzz suite: byte flips, truncation, token deletion and duplication,
// and insertions of MLIR punctuation, as fast-check arbitraries that shrink toward small edits.
import fc from "fast-check";

export type Mutation =
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "delete-token"; readonly at: number }
  | { readonly kind: "duplicate-token"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string };

/** MLIR punctuation, and a few tokens and literals at the edges of what the lexer accepts. */
export const insertions: readonly string[] = [
  ...'{ } ( ) < > [ ] , : = -> ? * x % ^ # ! @ " \\ // {-# #-} <{ }> loc( dense< 0x - ... ::'.split(" "),
  ..."%0 ^bb0: i32 f32 1e309 0x7FF 9999999999999999999999 tensor< memref<?x".split(" "),
  "// -----\n",
  "\n",
  "affine_map<(d0) -> (d0)>",
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete-token" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-token" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...insertions) }),
);

// Tokens as a person would see them: strings, sigil-prefixed names, words and numbers, single punctuation.
const tokenPattern = /"(?:[^"\\\n]|\\.)*"?|[%^#!@]?[\w$.-]+|\S/g;

function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(tokenPattern)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function applyOne(text: string, m: Mutation): string {
  switch (m.kind) {
    case "flip": {
      const bytes = Buffer.from(text, "utf8");
      if (bytes.length === 0) return text;
      const i = m.at % bytes.length;
      bytes[i] = bytes[i]! ^ (1 << m.bit);
      // Decoded as the CLI decodes a file: invalid UTF-8 becomes U+FFFD.
      return bytes.toString("utf8");
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "insert": {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case "delete-token":
    case "duplicate-token": {
      const ts = tokens(text);
      if (ts.length === 0) return text;
      const t = ts[m.at % ts.length]!;
      return m.kind === "delete-token"
        ? text.slice(0, t.start) + text.slice(t.end)
        : text.slice(0, t.end) + text.slice(t.start, t.end) + text.slice(t.end);
    }
  }
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyOne, text);
}
