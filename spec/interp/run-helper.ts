// Runs MLIR text through `prr run` in-process, for the interpreter's unit tests.
import { main } from "../../tools/cli/main.ts";
import { memoryIo } from "../../tools/cli/io.ts";

export async function run(text: string, ...flags: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ "in.mlir": text });
  const code = await main(["run", "in.mlir", ...flags], io);
  return { code, out: io.out, err: io.err };
}

/** Wraps statements in `func.func @main() { ... return }`. */
export function mainBody(body: string, decls = ""): string {
  return `${decls}\nfunc.func @main() {\n${body}\n  return\n}\n`;
}
