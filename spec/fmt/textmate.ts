// A small TextMate tokenizer for testing tools/editors/prr.tmLanguage.json: `match` and
// `begin`/`end` rules, captures, `include` of the repository (other grammars are skipped), line
// by line as editors run it. JavaScript regexes stand in for Oniguruma (the grammar uses their
// common subset).

export interface GrammarRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  contentName?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: GrammarRule[];
  include?: string;
}

export interface Grammar {
  scopeName: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

interface Frame {
  readonly patterns: GrammarRule[];
  readonly end: RegExp | undefined;
  readonly endCaptures: GrammarRule["captures"];
  readonly scopes: readonly string[];
  readonly contentScopes: readonly string[];
}

const compiled = new Map<string, RegExp>();
export function compile(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) compiled.set(source, (re = new RegExp(source, "dg")));
  return re;
}

/** The rules an include list stands for, includes resolved against the repository. */
function flatten(grammar: Grammar, rules: readonly GrammarRule[], seen = new Set<string>()): GrammarRule[] {
  return rules.flatMap((r) => {
    if (r.include === undefined) return [r];
    if (r.include === "$self") return seen.has("$self") ? [] : flatten(grammar, grammar.patterns, new Set([...seen, "$self"]));
    if (!r.include.startsWith("#") || seen.has(r.include)) return [];
    const target = grammar.repository[r.include.slice(1)];
    if (target === undefined) throw new Error(`unknown include ${r.include}`);
    const inner = target.patterns && !target.match && !target.begin ? target.patterns : [target];
    return flatten(grammar, inner, new Set([...seen, r.include]));
  });
}

function firstMatch(re: RegExp, line: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(line);
}

function paint(scopes: string[][], m: RegExpExecArray, base: readonly string[], captures: GrammarRule["captures"]): void {
  for (let i = m.index; i < m.index + m[0].length; i++) scopes[i] = [...base];
  for (const [group, { name }] of Object.entries(captures ?? {})) {
    const span = m.indices?.[Number(group)];
    if (span === undefined || name === undefined) continue;
    for (let i = span[0]; i < span[1]; i++) scopes[i]!.push(name);
  }
}

/** The scopes of every character of `text`, line by line. */
export function tokenize(grammar: Grammar, text: string): string[][][] {
  const root: Frame = { patterns: flatten(grammar, grammar.patterns), end: undefined, endCaptures: undefined, scopes: [grammar.scopeName], contentScopes: [grammar.scopeName] };
  const stack: Frame[] = [root];
  return text.split("\n").map((line) => {
    const scopes: string[][] = Array.from({ length: line.length }, () => []);
    let at = 0;
    while (at <= line.length) {
      const top = stack[stack.length - 1]!;
      let best: { m: RegExpExecArray; rule: GrammarRule | undefined } | undefined;
      const end = top.end ? firstMatch(top.end, line, at) : null;
      if (end) best = { m: end, rule: undefined };
      for (const rule of top.patterns) {
        const m = firstMatch(compile((rule.match ?? rule.begin)!), line, at);
        if (m && (best === undefined || m.index < best.m.index)) best = { m, rule };
      }
      if (best === undefined) {
        for (let i = at; i < line.length; i++) scopes[i] = [...top.contentScopes];
        break;
      }
      const { m, rule } = best;
      for (let i = at; i < m.index; i++) scopes[i] = [...top.contentScopes];
      if (rule === undefined) {
        paint(scopes, m, top.scopes, top.endCaptures);
        stack.pop();
      } else if (rule.match !== undefined) {
        paint(scopes, m, [...top.contentScopes, ...(rule.name ? [rule.name] : [])], rule.captures);
      } else {
        const outer = [...top.contentScopes, ...(rule.name ? [rule.name] : [])];
        paint(scopes, m, outer, rule.beginCaptures);
        stack.push({
          patterns: flatten(grammar, rule.patterns ?? []),
          end: compile(rule.end!),
          endCaptures: rule.endCaptures,
          scopes: outer,
          contentScopes: [...outer, ...(rule.contentName ? [rule.contentName] : [])],
        });
      }
      const next = m.index + m[0].length;
      if (next === at && (rule === undefined || rule.match !== undefined)) {
        if (at < line.length) scopes[at] = [...top.contentScopes];
        at++;
      } else at = next;
    }
    return scopes;
  });
}
