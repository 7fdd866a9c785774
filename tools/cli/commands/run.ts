// `prr run`: runs a function of an MLIR file on the reference interpreter, printing what the
// program prints; with --inputs, calls it on generated or .npy inputs and writes its results.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "../main.ts";
import type { Io } from "../io.ts";
import { parseArgs } from "../args.ts";
import { Exit, UsageError } from "../exit.ts";
import { loadChunk, locationSpan } from "../mlir-input.ts";
import { SourceFile } from "../../../engine/support/source.ts";
import { diag, diagnosticToJson, formatDiagnostic, type Diagnostic } from "../../../engine/support/diagnostics.ts";
import { TypeAttr } from "../../../engine/ir/attributes.ts";
import type { FunctionType } from "../../../engine/ir/types.ts";
import { Interpreter } from "../../../engine/interp/interpreter.ts";
import { Trap } from "../../../engine/interp/trap.ts";
import { Random, fromNpy, randomValue, toNpy } from "../../../engine/interp/inputs.ts";
import { resultJson, resultText } from "../../../engine/interp/results.ts";
import { ShapedValue, type RuntimeValue } from "../../../engine/interp/values.ts";
import { kindOf } from "../../../engine/interp/elements.ts";
import { ShapedType, type Type } from "../../../engine/ir/types.ts";

const usage = `usage: prr run FILE [-e ENTRY] [--inputs random:SEED | --inputs FILE.npy ...] [--outputs DIR] [--format text|json|npy]

Runs ENTRY (default 'main') on the reference interpreter; the program's prints (printMemrefF32,
vector.print, ...) go to standard output as mlir-runner's would. With --inputs, ENTRY is called
on deterministic pseudo-random arguments (random:SEED) or on .npy files (one per argument), and
its results are printed (text, json) or written to DIR (--outputs; .npy or .json/.txt files).

options:
  -e, --entry NAME               the function to run (default: main)
  --inputs random:SEED | FILE    argument values (repeat --inputs for one file per argument)
  --outputs DIR                  write results to DIR/result<N>.<ext> instead of standard output
  --format text|json|npy         how results are written (default: text; npy needs --outputs)
  --allow-unregistered-dialect   accept ops of dialects prr does not know (they fail if run)
  --json                         print diagnostics as JSON objects, one per line

exit codes: 0 success, 1 diagnostics (including run-time errors of the model), 2 usage error, 70 internal error`;

export const command: Command = {
  summary: "run MLIR on the reference interpreter",
  usage,
  run(argv: string[], io: Io): number {
    const args = parseArgs(argv, {
      flags: ["--allow-unregistered-dialect", "--json"],
      options: ["--entry", "--outputs", "--format"],
      multi: ["--inputs"],
      aliases: { "-e": "--entry" },
    });
    const inputs = [...(args.multi.get("--inputs") ?? []), ...args.positionals.slice(1)];
    if (args.positionals.length < 1) throw new UsageError("expected an input file");
    const format = args.options.get("--format") ?? "text";
    if (!["text", "json", "npy"].includes(format)) throw new UsageError(`unknown format '${format}'`);
    const outputs = args.options.get("--outputs");
    if (format === "npy" && outputs === undefined) throw new UsageError("--format npy needs --outputs DIR");
    const json = args.flags.has("--json");
    const report = (ds: readonly Diagnostic[]) => {
      for (const d of ds) io.stderr(json ? `${JSON.stringify(diagnosticToJson(d))}\n` : `${formatDiagnostic(d)}\n`);
      return Exit.diagnostics;
    };

    const input = args.positionals[0]!;
    let text: string;
    try {
      text = io.readFile(input);
    } catch (e) {
      return report([diag("PRR9002", `cannot read '${input}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined)]);
    }
    const file = new SourceFile(input === "-" ? "<stdin>" : input, text);
    const loaded = loadChunk(file, { allowUnregistered: args.flags.has("--allow-unregistered-dialect"), verify: true });
    if (loaded.diagnostics.length > 0 || !loaded.result) return report(loaded.diagnostics);

    const interp = new Interpreter(loaded.result.module, { write: io.stdoutBytes?.bind(io) ?? io.stdout, resources: loaded.result.resources });
    const entryName = args.options.get("--entry") ?? "main";
    const entry = interp.functionOp(entryName);
    if (entry === undefined) return report([diag("PRR6007", `no function '@${entryName}' with a body to run`, undefined)]);
    const signature = (entry.getAttr("function_type") as TypeAttr).type as FunctionType;

    let callArgs: RuntimeValue[];
    try {
      callArgs = argumentsFor(signature.inputs, inputs, io.cwd);
    } catch (e) {
      return report([diag("PRR6007", (e as Error).message, locationSpan(entry.loc, file))]);
    }

    let results: RuntimeValue[];
    try {
      results = interp.call(entryName, callArgs);
    } catch (e) {
      interp.flush();
      if (e instanceof Trap) return report([trapDiagnostic(e, file)]);
      throw e;
    }
    interp.flush();
    return writeResults(io, results, signature.results, format, outputs);
  },
};

function argumentsFor(types: readonly Type[], inputs: readonly string[], cwd: string): RuntimeValue[] {
  if (types.length === 0) return [];
  if (inputs.length === 0) throw new Error(`the entry function takes ${types.length} argument(s): give them with --inputs random:SEED or --inputs FILE.npy`);
  const first = inputs[0]!;
  if (first.startsWith("random:")) {
    const seed = Number(first.slice("random:".length));
    if (!Number.isInteger(seed)) throw new Error(`invalid seed in '${first}'`);
    const r = new Random(seed);
    return types.map((t, i) => {
      const v = randomValue(t, r);
      if (v === undefined) throw new Error(`cannot generate argument #${i} of type '${t}' (dynamic shape or unsupported element type)`);
      return v;
    });
  }
  if (inputs.length !== types.length) throw new Error(`the entry function takes ${types.length} argument(s), ${inputs.length} .npy file(s) given`);
  return types.map((t, i) => {
    const p = path.resolve(cwd, inputs[i]!);
    const k = kindOf(t instanceof ShapedType ? t.elementType : t);
    if (k === undefined) throw new Error(`argument #${i} has unsupported type '${t}'`);
    let v: ShapedValue;
    try {
      v = fromNpy(new Uint8Array(fs.readFileSync(p)), k);
    } catch (e) {
      throw new Error(`cannot read argument #${i} from '${inputs[i]}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (!(t instanceof ShapedType)) return v.data[0];
    if (t.shape && (t.shape.length !== v.rank || t.shape.some((d, j) => d >= 0 && d !== v.shape[j])))
      throw new Error(`argument #${i} of type '${t}' got an array of shape (${v.shape.join(", ")})`);
    return v;
  });
}

function trapDiagnostic(t: Trap, file: SourceFile): Diagnostic {
  const notes = t.calls.map((f) => ({ span: locationSpan(f.call.loc, file), message: `in a call to '@${f.callee}' from here` }));
  return diag(t.code, t.message, locationSpan(t.op?.loc, file), notes);
}

function writeResults(io: Io, results: readonly RuntimeValue[], types: readonly Type[], format: string, outputs: string | undefined): number {
  if (outputs === undefined) {
    if (format === "json") io.stdout(`${JSON.stringify(results.map((v, i) => resultJson(v, types[i]!)))}\n`);
    else for (let i = 0; i < results.length; i++) io.stdout(resultText(results[i], types[i]!, i));
    return Exit.ok;
  }
  try {
    fs.mkdirSync(path.resolve(io.cwd, outputs), { recursive: true });
    results.forEach((v, i) => {
      const base = path.resolve(io.cwd, outputs, `result${i}`);
      if (format === "npy" && v instanceof ShapedValue) fs.writeFileSync(`${base}.npy`, toNpy(v));
      else if (format === "text") io.writeFile(`${base}.txt`, resultText(v, types[i]!, i));
      else io.writeFile(`${base}.json`, `${JSON.stringify(resultJson(v, types[i]!))}\n`);
    });
  } catch (e) {
    io.stderr(`${formatDiagnostic(diag("PRR9002", `cannot write results to '${outputs}': ${(e as Error).message}`, undefined))}\n`);
    return Exit.diagnostics;
  }
  return Exit.ok;
}

