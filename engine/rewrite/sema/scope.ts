// The state of analysing one rule: its variables (name → kind and slot), the diagnostics found so
// far, and helpers that resolve builtin type names and suggest near misses for unknown names.
import type { Context } from "../../ir/context.ts";
import type { Type } from "../../ir/types.ts";
import type { Span } from "../../support/source.ts";
import { SourceFile } from "../../support/source.ts";
import { diag, type Diagnostic, type Note } from "../../support/diagnostics.ts";
import type { Code } from "../../support/codes.ts";
import { Parser } from "../../../grammar/mlir/parser.ts";
import { Tok } from "../../../grammar/mlir/tokens.ts";
import type { NativeRegistry } from "../natives.ts";
import type { VarInfo, VarKind } from "../rule.ts";

export class RuleScope {
  readonly ctx: Context;
  readonly natives: NativeRegistry;
  readonly diagnostics: Diagnostic[];
  readonly vars: VarInfo[] = [];
  private readonly byName = new Map<string, VarInfo>();

  constructor(ctx: Context, natives: NativeRegistry, diagnostics: Diagnostic[]) {
    this.ctx = ctx;
    this.natives = natives;
    this.diagnostics = diagnostics;
  }

  lookup(name: string): VarInfo | undefined {
    return this.byName.get(name);
  }

  define(name: string, kind: VarKind, span: Span): VarInfo {
    const v: VarInfo = { name, kind, slot: this.vars.length, span };
    this.vars.push(v);
    if (!name.startsWith("%")) this.byName.set(name, v);
    return v;
  }

  /** A hidden slot (the root op, a region's unnamed argument). */
  hidden(kind: VarKind, span: Span): number {
    return this.define(`%${this.vars.length}`, kind, span).slot;
  }

  error(code: Code, message: string, span: Span, notes: Note[] = []): void {
    this.diagnostics.push(diag(code, message, span, notes));
  }

  /** `i32`, `f32`, `index`, ...: a builtin type written by name, or undefined for a type variable. */
  builtinType(name: string): Type | undefined {
    return parseTypeName(this.ctx, name);
  }
}

const typeCache = new WeakMap<Context, Map<string, Type | null>>();

/** Parses `name` as an MLIR builtin type (`i32`, `bf16`, `index`), or undefined if it is not one. */
export function parseTypeName(ctx: Context, name: string): Type | undefined {
  if (!/^[a-z][\w]*$/.test(name)) return undefined;
  let cache = typeCache.get(ctx);
  if (cache === undefined) typeCache.set(ctx, (cache = new Map()));
  let t = cache.get(name);
  if (t === undefined) {
    t = null;
    try {
      const p = new Parser(ctx, new SourceFile("<type>", name));
      const parsed = p.parseType();
      if (p.is(Tok.eof)) t = parsed;
    } catch {
      t = null;
    }
    cache.set(name, t);
  }
  return t ?? undefined;
}

/** The candidate closest to `name` (edit distance ≤ 2, or a shared prefix), for "did you mean". */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
