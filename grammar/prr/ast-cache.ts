// A cache of parsed .prr files: the AST of a file whose text was seen before is read back from JSON
// instead of parsed again (the rule sets shipped with prr are read by every `prr lower`). Keyed by
// a hash of the text and the AST format; kept in the user's cache directory; any failure to read or
// write it is ignored (the cache only saves time).
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PrrFile } from "./ast.ts";
import { span, type SourceFile } from "../../engine/support/source.ts";
import { parsePrr, type ParsedPrr } from "./parse.ts";

/** Bump when the AST's shape changes, so older cache entries are not read. */
const formatVersion = 1;

function cacheDir(): string | undefined {
  if (process.env.PRR_NO_CACHE === "1") return undefined;
  const base = process.env.XDG_CACHE_HOME ?? (process.env.HOME ? path.join(process.env.HOME, ".cache") : os.tmpdir());
  return path.join(base, "prr", "ast");
}

function entryPath(dir: string, text: string): string {
  const h = createHash("sha256").update(`${formatVersion}\0${text}`).digest("hex").slice(0, 32);
  return path.join(dir, `${h}.json`);
}

/** Spans become [start, end] (the file is the one being read); bigints become {"$n": "..."}. */
function encode(ast: PrrFile): string {
  return JSON.stringify(ast, (key, value) => {
    if (key === "span") return [value.start, value.end];
    if (typeof value === "bigint") return { $n: value.toString() };
    return value;
  });
}

function decode(json: string, file: SourceFile): PrrFile {
  return JSON.parse(json, (key, value) => {
    if (key === "span" && Array.isArray(value)) return span(file, value[0], value[1]);
    if (value !== null && typeof value === "object" && typeof value.$n === "string" && Object.keys(value).length === 1) return BigInt(value.$n);
    return value;
  }) as PrrFile;
}

/** Parses a .prr file, or reads its AST from the cache; only error-free files are cached. */
export function parsePrrCached(file: SourceFile): ParsedPrr {
  const dir = cacheDir();
  const entry = dir === undefined ? undefined : entryPath(dir, file.text);
  if (entry !== undefined) {
    try {
      return { ast: decode(fs.readFileSync(entry, "utf8"), file), diagnostics: [] };
    } catch {
      // Not cached yet, or unreadable: parse.
    }
  }
  const parsed = parsePrr(file);
  if (entry !== undefined && parsed.ast !== undefined && parsed.diagnostics.length === 0) {
    try {
      fs.mkdirSync(path.dirname(entry), { recursive: true });
      const tmp = `${entry}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, encode(parsed.ast));
      fs.renameSync(tmp, entry);
    } catch {
      // A read-only or full disk only costs the next run a parse.
    }
  }
  return parsed;
}
