// Hash-consed first-order terms: structurally equal terms are one object, so equality is `===`
// and a term's `id` keys memo tables. Variables and function symbols are small integers.

export interface Term {
  /** Unique within its bank; equal ids mean equal terms. */
  readonly id: number;
  /** A function symbol (>= 0) or a variable (-1 - variable index). */
  readonly head: number;
  readonly args: readonly Term[];
  /** Number of symbol and variable occurrences. */
  readonly size: number;
  readonly ground: boolean;
}

/** A position: the argument indices (from 0) on the path from the root; `[]` is the root. */
export type Pos = readonly number[];

export function isVar(t: Term): boolean {
  return t.head < 0;
}

export function varIndex(t: Term): number {
  return -1 - t.head;
}

/** The context that owns symbols, variables and the hash-consing table. */
export class TermBank {
  private readonly symNames: string[] = [];
  private readonly symArities: number[] = [];
  private readonly symIndex = new Map<string, number>();
  private readonly varNames: string[] = [];
  private readonly varTerms: Term[] = [];
  private readonly varByName = new Map<string, Term>();
  private readonly taken = new Set<string>();
  /** Hash-consing table: buckets of terms by a hash of the head and argument ids. */
  private readonly table = new Map<number, Term[]>();
  private nextId = 0;

  /** Declares (or looks up) a function symbol. */
  symbol(name: string, arity: number): number {
    const known = this.symIndex.get(name);
    if (known !== undefined) return known;
    const f = this.symNames.length;
    this.symNames.push(name);
    this.symArities.push(arity);
    this.symIndex.set(name, f);
    this.taken.add(name);
    return f;
  }

  symbolOf(name: string): number | undefined {
    return this.symIndex.get(name);
  }

  symbolName(f: number): string {
    return this.symNames[f]!;
  }

  arity(f: number): number {
    return this.symArities[f]!;
  }

  get symbolCount(): number {
    return this.symNames.length;
  }

  /** The variable with this name (created on first use). */
  variable(name: string): Term {
    const known = this.varByName.get(name);
    if (known) return known;
    return this.newVar(name);
  }

  /** A variable whose name is used nowhere else, derived from `hint`. */
  fresh(hint = "x"): Term {
    const base = hint.replace(/_\d+$/, "");
    let i = 1;
    while (this.taken.has(`${base}_${i}`)) i++;
    return this.newVar(`${base}_${i}`);
  }

  /** The variable with index i (see `varIndex`). */
  variableAt(i: number): Term {
    return this.varTerms[i]!;
  }

  varName(t: Term): string {
    return this.varNames[varIndex(t)]!;
  }

  private newVar(name: string): Term {
    const v = this.varTerms.length;
    const t: Term = { id: this.nextId++, head: -1 - v, args: [], size: 1, ground: false };
    this.varNames.push(name);
    this.varTerms.push(t);
    this.varByName.set(name, t);
    this.taken.add(name);
    return t;
  }

  /** The unique term f(args). */
  app(f: number, args: readonly Term[]): Term {
    let h = f + 1;
    for (const a of args) h = (Math.imul(h, 0x9e3779b1) ^ a.id) | 0;
    const bucket = this.table.get(h);
    if (bucket) {
      outer: for (const t of bucket) {
        if (t.head !== f) continue;
        for (let i = 0; i < args.length; i++) if (t.args[i] !== args[i]) continue outer;
        return t;
      }
    }
    let size = 1;
    let ground = true;
    for (const a of args) {
      size += a.size;
      ground &&= a.ground;
    }
    const t: Term = { id: this.nextId++, head: f, args, size, ground };
    if (bucket) bucket.push(t);
    else this.table.set(h, [t]);
    return t;
  }

  /** f(args) reusing `t` when the arguments are unchanged. */
  rebuild(t: Term, args: readonly Term[]): Term {
    for (let i = 0; i < args.length; i++) if (args[i] !== t.args[i]) return this.app(t.head, args);
    return t;
  }
}

export function subtermAt(t: Term, pos: Pos): Term {
  let u = t;
  for (const i of pos) u = u.args[i]!;
  return u;
}

/** t with the subterm at `pos` replaced by `u`. */
export function replaceAt(bank: TermBank, t: Term, pos: Pos, u: Term, depth = 0): Term {
  if (depth === pos.length) return u;
  const i = pos[depth]!;
  const args = t.args.slice();
  args[i] = replaceAt(bank, t.args[i]!, pos, u, depth + 1);
  return bank.app(t.head, args);
}

/** Positions of non-variable subterms, in pre-order (the root first). */
export function functionPositions(t: Term, prefix: number[] = [], out: Pos[] = []): Pos[] {
  if (isVar(t)) return out;
  out.push(prefix.slice());
  for (let i = 0; i < t.args.length; i++) {
    prefix.push(i);
    functionPositions(t.args[i]!, prefix, out);
    prefix.pop();
  }
  return out;
}

/** The variables of t in order of first occurrence (left to right). */
export function varsOf(t: Term, out: Term[] = []): Term[] {
  if (isVar(t)) {
    if (!out.includes(t)) out.push(t);
  } else for (const a of t.args) varsOf(a, out);
  return out;
}

/** How often each variable occurs in t, by variable term id. */
export function varCounts(t: Term, out: Map<Term, number> = new Map()): Map<Term, number> {
  if (isVar(t)) out.set(t, (out.get(t) ?? 0) + 1);
  else for (const a of t.args) varCounts(a, out);
  return out;
}

export function isLinear(t: Term): boolean {
  for (const n of varCounts(t).values()) if (n > 1) return false;
  return true;
}

export function occurs(v: Term, t: Term): boolean {
  if (t === v) return true;
  if (t.ground) return false;
  for (const a of t.args) if (occurs(v, a)) return true;
  return false;
}

/** Conventional notation: `f(g(x), a)`. */
export function printTerm(bank: TermBank, t: Term): string {
  if (isVar(t)) return bank.varName(t);
  const name = bank.symbolName(t.head);
  if (t.args.length === 0) return name;
  return `${name}(${t.args.map((a) => printTerm(bank, a)).join(", ")})`;
}

/** `ε` for the root, else the 1-based dotted path, e.g. `1.2`. */
export function printPos(pos: Pos): string {
  return pos.length === 0 ? "ε" : pos.map((i) => i + 1).join(".");
}
