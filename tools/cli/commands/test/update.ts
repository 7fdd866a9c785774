// `prr test --update`: rewrites a test's CHECK lines from actual output, in the style of MLIR's
// generate-test-checks.py: a CHECK-LABEL per function, CHECK-SAME for its signature, CHECK-NEXT for the body,
// SSA values captured where first seen (`%[[VAL_0:.*]]`) and matched by name after (`%[[VAL_0]]`).

export class UpdateError extends Error {}

const splitMarker = /^\s*\/\/\s*-----\s*$/;
const funcHeader = /^\s*func\.func\b[^@]*@([\w$.-]+|"[^"]*")\(/;
const ssaValue = /%(?:[0-9]+|[A-Za-z$._-][\w$.-]*)/g;

/** Output lines checked together: those before the first function, or one function and what follows it. */
interface Group {
  readonly func: string | undefined;
  readonly lines: readonly string[];
}

/** The test file `source` with its `prefix` checks regenerated from `output`. */
export function regenerateChecks(source: string, output: string, prefix: string): string {
  const sourceChunks = splitChunks(source.split("\n"));
  const outputChunks = splitChunks(output.replace(/\n$/, "").split("\n"));
  if (outputChunks.length !== sourceChunks.length) {
    throw new UpdateError(
      `the output has ${outputChunks.length} '// -----' chunk(s) but the file has ${sourceChunks.length}`,
    );
  }
  const directive = new RegExp(
    `^\\s*//\\s*${prefix.replace(/[-]/g, "\\-")}(?:-(?:NEXT|SAME|NOT|DAG|LABEL|EMPTY|COUNT-[0-9]+))?(?:\\{[^}]*\\})?:`,
  );
  const out: string[] = [];
  sourceChunks.forEach((chunk, k) => {
    if (chunk.separator !== undefined) out.push(chunk.separator);
    const kept = chunk.lines.filter((l) => !directive.test(l));
    out.push(...placeChecks(kept, groupByFunction(outputChunks[k]!.lines), prefix));
  });
  return out.join("\n");
}

function splitChunks(lines: readonly string[]): Array<{ separator: string | undefined; lines: string[] }> {
  const chunks: Array<{ separator: string | undefined; lines: string[] }> = [{ separator: undefined, lines: [] }];
  for (const l of lines) {
    if (splitMarker.test(l)) chunks.push({ separator: l, lines: [] });
    else chunks[chunks.length - 1]!.lines.push(l);
  }
  return chunks;
}

function groupByFunction(lines: readonly string[]): Group[] {
  const groups: Array<{ func: string | undefined; lines: string[] }> = [{ func: undefined, lines: [] }];
  for (const l of lines) {
    const m = funcHeader.exec(l);
    if (m) groups.push({ func: m[1]!, lines: [] });
    groups[groups.length - 1]!.lines.push(l);
  }
  return groups.filter((g) => g.lines.some((l) => l.trim() !== ""));
}

/**
 * Puts each function's checks right above its definition when the source defines the functions in output
 * order; otherwise all checks go after the chunk's leading comments (RUN lines and the like).
 */
function placeChecks(lines: readonly string[], groups: readonly Group[], prefix: string): string[] {
  const checks = groups.map((g) => checkLines(g, prefix));
  const above = new Map<number, string[]>();
  let anchored = groups.some((g) => g.func !== undefined);
  let pending: string[] = [];
  let from = 0;
  for (let i = 0; i < groups.length && anchored; i++) {
    pending.push(...checks[i]!);
    const func = groups[i]!.func;
    if (func === undefined) continue;
    const at = lines.findIndex((l, j) => j >= from && funcHeader.exec(l)?.[1] === func);
    if (at === -1) anchored = false;
    above.set(at, pending);
    pending = [];
    from = at + 1;
  }
  if (anchored) return lines.flatMap((l, j) => [...(above.get(j) ?? []), l]);
  const blank = (j: number) => lines[j]!.trim() === "";
  let top = 0;
  while (top < lines.length && blank(top)) top++;
  const start = top;
  while (top < lines.length && (blank(top) || lines[top]!.trimStart().startsWith("//"))) top++;
  while (top > start && blank(top - 1)) top--;
  return [...lines.slice(0, top), ...checks.flat(), ...lines.slice(top)];
}

/** The check lines for one group; SSA names are numbered afresh per group. */
function checkLines(group: Group, prefix: string): string[] {
  const names = new Map<string, string>();
  const out: string[] = [];
  let previousChecked = false;
  group.lines.forEach((line, i) => {
    if (line.trim() === "") {
      previousChecked = false;
      return;
    }
    if (i === 0 && group.func !== undefined) {
      const open = line.indexOf("(", line.indexOf("@"));
      out.push(`// ${prefix}-LABEL: ${escapeLiteral(line.slice(0, open + 1).trim())}`);
      const rest = line.slice(open + 1);
      if (rest.trim() !== "") out.push(`// ${prefix}-SAME: ${withCaptures(rest.trim(), names)}`);
    } else {
      out.push(`// ${previousChecked ? `${prefix}-NEXT` : prefix}: ${withCaptures(line.trimEnd(), names)}`);
    }
    previousChecked = true;
  });
  return out;
}

/** `text` as a FileCheck pattern with SSA values turned into captures. */
function withCaptures(text: string, names: Map<string, string>): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(ssaValue)) {
    out += escapeLiteral(text.slice(last, m.index));
    const known = names.get(m[0]);
    if (known) out += `%[[${known}]]`;
    else {
      const name = `VAL_${names.size}`;
      names.set(m[0], name);
      out += `%[[${name}:.*]]`;
    }
    last = m.index + m[0].length;
  }
  return out + escapeLiteral(text.slice(last));
}

/** Literal text as a FileCheck pattern: runs of `[`/`{` that FileCheck would read as `[[`/`{{` become regexes. */
function escapeLiteral(text: string): string {
  return text.replace(/[[{]{2,}/g, (run) => `{{${run.replace(/[[{]/g, "\\$&")}}}`);
}
