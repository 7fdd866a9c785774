// Test helpers for rules: compile a .prr text against a context, run a rule set on MLIR text.
import { SourceFile } from "../../engine/support/source.ts";
import { formatDiagnostic, type Diagnostic } from "../../engine/support/diagnostics.ts";
import { createContext } from "../../engine/dialects/index.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { printOperationText } from "../../grammar/mlir/asm-printer.ts";
import { RuleLibrary } from "../../engine/rewrite/library.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";
import { runPipeline } from "../../engine/passes/pipeline.ts";
import type { NativeRegistry } from "../../engine/rewrite/natives.ts";

export interface Compiled {
  library: RuleLibrary;
  errors: string[];
  diagnostics: Diagnostic[];
}

export function compile(prr: string, natives: NativeRegistry = builtinRegistry()): Compiled {
  const ctx = createContext({ allowUnregistered: false });
  const library = new RuleLibrary(ctx, natives);
  library.addSource(new SourceFile("t.prr", prr));
  library.all();
  return { library, errors: library.diagnostics.map(formatDiagnostic), diagnostics: library.diagnostics };
}

/** Runs rule set `set` of `prr` on `mlir`; returns the printed result or the problems. */
export function rewrite(prr: string, set: string, mlir: string, natives: NativeRegistry = builtinRegistry()): { out: string; problems: string[] } {
  const ctx = createContext({ allowUnregistered: false });
  const library = new RuleLibrary(ctx, natives);
  library.addSource(new SourceFile("t.prr", prr));
  const rs = library.ruleSet(set);
  if (rs === undefined) throw new Error(library.diagnostics.map(formatDiagnostic).join("\n"));
  const { module } = parseSource(ctx, new SourceFile("in.mlir", mlir));
  const problems = runPipeline(module, [{ kind: "rules", name: set, set: rs }]);
  return { out: printOperationText(module), problems: problems.map((p) => formatDiagnostic(p.diagnostic)) };
}
