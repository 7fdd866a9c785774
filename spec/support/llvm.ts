// Finds LLVM 22 tools (FileCheck-22, mlir-opt-22, ...) for oracle tests; suites skip without them unless
// PRR_REQUIRE_LLVM=1, which turns a missing tool into a failure (CI sets it so oracles cannot silently vanish).
import * as fs from "node:fs";
import * as path from "node:path";

const version = "22";

function executable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Candidate paths for `name` (`FileCheck` or `FileCheck-22`), most specific first. */
function candidates(name: string): string[] {
  const base = name.endsWith(`-${version}`) ? name.slice(0, -version.length - 1) : name;
  const dirs = [
    ...(process.env.PRR_LLVM_BIN ? [process.env.PRR_LLVM_BIN] : []),
    ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean),
  ];
  const out: string[] = [];
  if (process.env.PRR_LLVM_BIN) out.push(path.join(process.env.PRR_LLVM_BIN, base));
  for (const d of dirs) out.push(path.join(d, `${base}-${version}`));
  out.push(path.join(`/usr/lib/llvm-${version}/bin`, base));
  return out;
}

/**
 * The path of LLVM 22's `name`, or undefined when it is not installed.
 * Throws when PRR_REQUIRE_LLVM=1 and the tool is missing.
 */
export function llvmTool(name: string): string | undefined {
  const found = candidates(name).find(executable);
  if (found === undefined && process.env.PRR_REQUIRE_LLVM === "1") {
    throw new Error(`${name} (LLVM ${version}) is required (PRR_REQUIRE_LLVM=1) but was not found`);
  }
  return found;
}
