// Runs a translated regex with POSIX leftmost-longest semantics: JS finds the leftmost start, then
// when the regex is ambiguous (alternation, `?`, bounds) the longest end from there is searched for.

export interface RegexMatch {
  readonly index: number;
  readonly end: number;
  /** Start/end of each capturing group (undefined when it did not participate). */
  readonly groups: ReadonlyArray<readonly [number, number] | undefined>;
}

/** The farthest a match may reach past a newline-free match end, when the regex can cross newlines. */
const maxCrossLineSearch = 1 << 16;

/** A compiled pattern regex with its leftmost-longest helpers. */
export class PosixRegex {
  private readonly search: RegExp;
  private exactInside: RegExp | undefined;
  private exactAtEnd: RegExp | undefined;

  readonly source: string;
  private readonly ambiguous: boolean;
  private readonly newline: boolean;

  constructor(source: string, ambiguous: boolean, newline: boolean) {
    this.source = source;
    this.ambiguous = ambiguous;
    this.newline = newline;
    this.search = new RegExp(source, "d");
  }

  /** The leftmost-longest match in `hay` (the searched slice), or undefined. */
  exec(hay: string): RegexMatch | undefined {
    const m = this.search.exec(hay);
    if (!m) return undefined;
    const first = toMatch(m);
    if (!this.ambiguous) return first;
    let limit = this.newline ? hay.length : hay.indexOf("\n", first.end);
    if (limit === -1) limit = hay.length;
    limit = Math.min(limit, first.end + maxCrossLineSearch);
    for (let e = limit; e > first.end; e--) {
      const longer = this.execEndingAt(hay, first.index, e);
      if (longer) return longer;
    }
    return first;
  }

  /** A match starting at `start` and ending exactly at `end`; `$` still sees the character after `end`. */
  private execEndingAt(hay: string, start: number, end: number): RegexMatch | undefined {
    let re: RegExp;
    let text: string;
    if (end < hay.length) {
      re = this.exactInside ??= new RegExp(`(?:${this.source})(?=[\\s\\S]$)`, "yd");
      text = hay.slice(0, end + 1);
    } else {
      re = this.exactAtEnd ??= new RegExp(`(?:${this.source})$`, "yd");
      text = hay;
    }
    re.lastIndex = start;
    const m = re.exec(text);
    return m ? toMatch(m) : undefined;
  }
}

function toMatch(m: RegExpExecArray): RegexMatch {
  const indices = m.indices!;
  const groups: Array<readonly [number, number] | undefined> = [];
  for (let g = 0; g < indices.length; g++) groups.push(indices[g]);
  return { index: m.index, end: m.index + m[0].length, groups };
}
