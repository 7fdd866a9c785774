// `prr opt`: parse, verify and print MLIR, with mlir-opt's flags and meaning.
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { Exit, UsageError } from "../exit.ts";
import { splitInput, loadChunk } from "../mlir-input.ts";
import { checkExpectations } from "../verify-diagnostics.ts";
import { diag, diagnosticToJson, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";
import { printOperationText } from "../../../grammar/mlir/asm-printer.ts";

const usage = `usage: prr opt FILE [-o OUT] [options]

Parses, verifies and prints MLIR (LLVM 22 syntax). FILE '-' reads standard input.

options:
  -o, --output FILE              write the result to FILE (default: standard output)
  --print-generic                print every op in generic form (mlir-opt --mlir-print-op-generic)
  --print-debuginfo              print locations (mlir-opt --mlir-print-debuginfo)
  --split-input-file             treat '// -----' lines as separators of independent inputs
  --verify-diagnostics           check diagnostics against expected-error annotations
  --allow-unregistered-dialect   accept ops of dialects prr does not know
  --no-verify                    skip the verifier (mlir-opt --verify-each=false)
  --json                         print diagnostics as JSON objects, one per line

exit codes: 0 success, 1 diagnostics, 2 usage error, 70 internal error`;

export const command: Command = {
  summary: "parse, verify and print MLIR",
  usage,
  run(argv: string[], io: Io): number {
    const args = parseArgs(argv, {
      flags: [
        "--print-generic",
        "--mlir-print-op-generic",
        "--print-debuginfo",
        "--mlir-print-debuginfo",
        "--split-input-file",
        "--verify-diagnostics",
        "--allow-unregistered-dialect",
        "--json",
        "--no-verify",
      ],
      options: ["--output"],
      aliases: { "-o": "--output" },
    });
    if (args.positionals.length > 1) throw new UsageError(`expected one input file, got ${args.positionals.length}`);
    const input = args.positionals[0] ?? "-";
    const output = args.options.get("--output") ?? "-";
    const f = args.flags;
    const generic = f.has("--print-generic") || f.has("--mlir-print-op-generic");
    const debugInfo = f.has("--print-debuginfo") || f.has("--mlir-print-debuginfo");
    const json = f.has("--json");
    const verifyMode = f.has("--verify-diagnostics");

    let text: string;
    try {
      text = io.readFile(input);
    } catch (e) {
      return report(io, json, [
        diag("PRR9002", `cannot read '${input}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined),
      ]);
    }
    const path = input === "-" ? "<stdin>" : input;
    const chunks = splitInput(path, text, f.has("--split-input-file"));
    const outputs: string[] = [];
    const problems: Diagnostic[] = [];
    for (const file of chunks) {
      const loaded = loadChunk(file, { allowUnregistered: f.has("--allow-unregistered-dialect"), verify: !f.has("--no-verify") });
      if (verifyMode) {
        problems.push(...checkExpectations(file, loaded.diagnostics));
        if (loaded.diagnostics.length > 0) continue;
      } else if (loaded.diagnostics.length > 0) {
        problems.push(...loaded.diagnostics);
        continue;
      }
      if (loaded.result)
        outputs.push(printOperationText(loaded.result.module, { generic, debugInfo, resources: loaded.result.resources }));
    }
    if (problems.length > 0) {
      report(io, json, problems);
      // As mlir-opt, nothing is printed when any chunk fails.
      return Exit.diagnostics;
    }
    const result = outputs.join("// -----\n");
    try {
      io.writeFile(output, result);
    } catch (e) {
      return report(io, json, [
        diag("PRR9002", `cannot write '${output}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined),
      ]);
    }
    return Exit.ok;
  },
};

function report(io: Io, json: boolean, ds: readonly Diagnostic[]): number {
  for (const d of ds) io.stderr(json ? `${JSON.stringify(diagnosticToJson(d))}\n` : `${formatDiagnostic(d)}\n`);
  return Exit.diagnostics;
}
