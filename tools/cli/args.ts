// A small, strict argument parser for the subcommands: flags, options with values, positionals.
import { UsageError } from "./exit.ts";

export interface ArgSpec {
  /** Flags without a value, e.g. `--print-generic`. */
  readonly flags?: readonly string[];
  /** Options taking a value (`-o OUT`, `--o=OUT`); repeated options keep the last value unless listed in `multi`. */
  readonly options?: readonly string[];
  readonly multi?: readonly string[];
  /** Short aliases: `-o` → `--output`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  multi: Map<string, string[]>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), options: new Map(), multi: new Map(), positionals: [] };
  const flags = new Set(spec.flags ?? []);
  const options = new Set([...(spec.options ?? []), ...(spec.multi ?? [])]);
  const multi = new Set(spec.multi ?? []);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    if (a === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-" || !a.startsWith("-")) {
      out.positionals.push(a);
      continue;
    }
    let value: string | undefined;
    const eq = a.indexOf("=");
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    // mlir-opt accepts single-dash long options (-split-input-file); so do we.
    if (!a.startsWith("--") && a.length > 2) a = `-${a}`;
    a = spec.aliases?.[a] ?? a;
    if (flags.has(a)) {
      if (value !== undefined) throw new UsageError(`option '${a}' takes no value`);
      out.flags.add(a);
    } else if (options.has(a)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option '${a}' needs a value`);
        value = argv[++i]!;
      }
      if (multi.has(a)) {
        const list = out.multi.get(a) ?? [];
        list.push(value);
        out.multi.set(a, list);
      } else out.options.set(a, value);
    } else {
      throw new UsageError(`unknown option '${argv[i]}'`);
    }
  }
  return out;
}
