// Canonical SSA names for comparing two prints of the same IR: every SSA value (%...) and block label
// (^...) is renamed in order of first appearance, leaving string literals untouched.

// A string literal, an SSA value name, or a block label (MLIR's suffix-id: digits or a bare identifier).
const token = /"(?:[^"\\\n]|\\.)*"|%(?:[0-9]+|[A-Za-z$._-][\w$.-]*)|\^(?:[0-9]+|[A-Za-z$._-][\w$.-]*)/g;

export function renameSsa(text: string): string {
  const values = new Map<string, string>();
  const blocks = new Map<string, string>();
  return text.replace(token, (t) => {
    if (t.startsWith('"')) return t;
    const names = t.startsWith("%") ? values : blocks;
    let renamed = names.get(t);
    if (renamed === undefined) {
      renamed = t.startsWith("%") ? `%v${values.size}` : `^b${blocks.size}`;
      names.set(t, renamed);
    }
    return renamed;
  });
}

/** The first line where two texts differ, 1-based, with both sides; undefined when equal. */
export function firstDifference(a: string, b: string): { line: number; left: string; right: string } | undefined {
  if (a === b) return undefined;
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, left: la[i] ?? "<end of text>", right: lb[i] ?? "<end of text>" };
  }
  return undefined;
}
