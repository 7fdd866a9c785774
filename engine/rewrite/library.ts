// The rule library: .prr files read with their imports, their rule sets and pipelines indexed by
// name, and rule sets compiled on demand (with `include`d sets merged in). Every error of every
// file is collected, at its span.
import * as fs from "node:fs";
import * as path from "node:path";
import type * as A from "../../grammar/prr/ast.ts";
import { parsePrrCached } from "../../grammar/prr/ast-cache.ts";
import type { Context } from "../ir/context.ts";
import { SourceFile, type Span } from "../support/source.ts";
import { diag, type Diagnostic } from "../support/diagnostics.ts";
import type { NativeRegistry } from "./natives.ts";
import { compileRuleSetBody, type RuleSet } from "./sema/rule-set.ts";

interface Entry<T> {
  readonly decl: T;
  readonly file: SourceFile;
}

export class RuleLibrary {
  readonly ctx: Context;
  readonly natives: NativeRegistry;
  readonly diagnostics: Diagnostic[] = [];
  readonly files = new Map<string, A.PrrFile>();
  readonly ruleSets = new Map<string, Entry<A.RuleSetDecl>>();
  readonly pipelines = new Map<string, Entry<A.PipelineDecl>>();
  private readonly compiled = new Map<string, RuleSet | undefined>();
  private readonly inProgress = new Set<string>();

  constructor(ctx: Context, natives: NativeRegistry) {
    this.ctx = ctx;
    this.natives = natives;
  }

  /** Reads every .prr file under a directory (the shipped rules/). */
  addDirectory(dir: string): void {
    const visit = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) visit(p);
        else if (e.name.endsWith(".prr")) this.addFile(p);
      }
    };
    visit(dir);
  }

  /** Reads a file and, recursively, what it imports. */
  addFile(file: string, importedAt?: Span): void {
    const key = path.resolve(file);
    if (this.files.has(key)) return;
    let text: string;
    try {
      text = fs.readFileSync(key, "utf8");
    } catch (e) {
      this.diagnostics.push(diag(importedAt ? "PRR3011" : "PRR9002", `cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, importedAt));
      return;
    }
    this.addSource(new SourceFile(file, text), key);
  }

  /** Adds the text of a .prr file (for tests and editors). */
  addSource(source: SourceFile, key = source.path): A.PrrFile | undefined {
    const parsed = parsePrrCached(source);
    this.diagnostics.push(...parsed.diagnostics);
    const ast = parsed.ast;
    if (ast === undefined) return undefined;
    this.files.set(key, ast);
    for (const item of ast.items) {
      if (item.kind === "import") this.addFile(path.resolve(path.dirname(key), item.path), item.span);
      else if (item.kind === "ruleset") this.define(this.ruleSets, item.name, { decl: item, file: source }, "rule set");
      else this.define(this.pipelines, item.name, { decl: item, file: source }, "pipeline");
    }
    return ast;
  }

  private define<T extends { name: A.Name }>(map: Map<string, Entry<T>>, name: A.Name, entry: Entry<T>, what: string): void {
    const prev = map.get(name.text);
    if (prev !== undefined && prev.decl.name.span !== name.span) {
      this.diagnostics.push(diag("PRR3010", `${what} '${name.text}' is defined twice`, name.span, [{ span: prev.decl.name.span, message: "first defined here" }]));
      return;
    }
    map.set(name.text, entry);
  }

  /** Compiles a rule set by name (undefined if unknown or erroneous; errors go to `diagnostics`). */
  ruleSet(name: string): RuleSet | undefined {
    if (this.compiled.has(name)) return this.compiled.get(name);
    this.compiled.set(name, undefined);
    const entry = this.ruleSets.get(name);
    if (entry === undefined) return undefined;
    const before = this.diagnostics.length;
    this.inProgress.add(name);
    const set = compileRuleSetBody(this.ctx, this.natives, entry.decl, entry.file, this.diagnostics);
    for (const m of entry.decl.members) {
      if (m.kind !== "include") continue;
      if (!this.ruleSets.has(m.name.text)) {
        this.diagnostics.push(diag("PRR3011", `included rule set '${m.name.text}' is not defined`, m.name.span));
        continue;
      }
      if (this.inProgress.has(m.name.text)) {
        this.diagnostics.push(diag("PRR3011", `rule set '${m.name.text}' includes itself (through '${name}')`, m.name.span));
        continue;
      }
      const inner = this.ruleSet(m.name.text);
      if (inner === undefined) continue;
      for (const r of inner.rules) set.rules.push({ ...r, order: set.rules.length });
      set.tests.push(...inner.tests);
    }
    this.inProgress.delete(name);
    const ok = this.diagnostics.length === before;
    this.compiled.set(name, ok ? set : undefined);
    return ok ? set : undefined;
  }

  /** Compiles every rule set (for `prr check` and `prr test` of a whole file). */
  all(): RuleSet[] {
    return [...this.ruleSets.keys()].map((n) => this.ruleSet(n)).filter((s): s is RuleSet => s !== undefined);
  }
}

/** The rules/ directory shipped with prr (found from this module's location, built or not). */
export function shippedRulesDir(): string | undefined {
  let dir = path.dirname(new URL(import.meta.url).pathname);
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "rules");
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
