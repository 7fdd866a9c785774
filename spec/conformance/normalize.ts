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

/** Where two texts first differ: 1-based line, and each side's text around the first differing column. */
export function firstDifference(a: string, b: string): { line: number; left: string; right: string } | undefined {
  if (a === b) return undefined;
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    const x = la[i];
    const y = lb[i];
    if (x === y) continue;
    if (x === undefined || y === undefined)
      return { line: i + 1, left: x ?? "<end of text>", right: y ?? "<end of text>" };
    let col = 0;
    while (col < x.length && x[col] === y[col]) col++;
    return { line: i + 1, left: around(x, col), right: around(y, col) };
  }
  return undefined;
}

// A window of a long line around column `col`, so a difference far to the right stays visible.
function around(line: string, col: number): string {
  const before = 50;
  const after = 90;
  const start = Math.max(0, col - before);
  const end = Math.min(line.length, col + after);
  return `${start > 0 ? "..." : ""}${line.slice(start, end)}${end < line.length ? "..." : ""}`;
}
