// The top level of an MLIR file: attribute/type aliases, operations, the resources section,
// and the implicit `builtin.module` that wraps top-level operations.
import { Tok } from "./tokens.ts";
import { Parser, type ParseResult } from "./parser.ts";
import type { Context } from "../../engine/ir/context.ts";
import type { SourceFile } from "../../engine/support/source.ts";
import { Block, Region, Operation } from "../../engine/ir/operation.ts";
import { Location } from "../../engine/ir/attributes.ts";

export function parseSource(ctx: Context, file: SourceFile): ParseResult {
  const p = new Parser(ctx, file);
  if (p.is(Tok.error)) p.error("PRR1001", p.lex.error);
  const top = new Block();
  p.pushValueScope(true);
  for (;;) {
    if (p.is(Tok.eof)) break;
    if (p.is(Tok.hashIdent) || p.is(Tok.bangIdent)) {
      parseAliasDefinition(p);
      continue;
    }
    if (p.is(Tok.fileMetadataBegin)) {
      parseResources(p);
      continue;
    }
    p.parseOperation(top);
  }
  p.popValueScope();
  for (const d of p.deferredLocs) {
    const loc = p.locAliases.get(d.name) ?? p.attrAliases.get(d.name);
    if (loc === undefined) p.error("PRR1007", `operation location alias was never defined`, d.span);
    const l = loc instanceof Location ? loc : ctx.opaqueLoc(loc!);
    if (d.op) d.op.loc = l;
    if (d.arg) d.arg.loc = l;
  }
  let module: Operation;
  const only = top.first;
  if (
    only !== null &&
    only === top.last &&
    only.name === "builtin.module"
  ) {
    top.remove(only);
    module = only;
  } else {
    const region = new Region();
    region.addBlock(top);
    module = Operation.create(ctx, { name: "builtin.module", regions: [region], loc: ctx.unknownLoc() });
    module.loc = ctx.fileLoc(file.path, 0, 0);
  }
  return { module, resources: p.resources, attrAliases: p.attrAliases, typeAliases: p.typeAliases };
}

function parseAliasDefinition(p: Parser): void {
  const span = p.here();
  const isType = p.is(Tok.bangIdent);
  const name = p.spelling.slice(1);
  if (name.includes("."))
    p.error("PRR1007", `${isType ? "type" : "attribute"} names with a '.' are reserved for dialect-defined names`, span);
  if (/^\d/.test(name)) p.error("PRR1007", "expected an alias name", span);
  p.consume();
  p.expect(Tok.equal);
  if (isType) {
    if (p.typeAliases.has(name)) p.error("PRR1007", `redefinition of type alias id '${name}'`, span);
    p.typeAliases.set(name, p.parseType());
  } else {
    if (p.attrAliases.has(name) || p.locAliases.has(name))
      p.error("PRR1007", `redefinition of attribute alias id '${name}'`, span);
    const a = p.parseAttribute();
    if (a instanceof Location) p.locAliases.set(name, a);
    else p.attrAliases.set(name, a);
  }
}

/** `{-# dialect_resources: { builtin: { key: "0x..." } }, external_resources: {...} #-}` */
function parseResources(p: Parser): void {
  p.consume();
  if (p.consumeIf(Tok.fileMetadataEnd)) return;
  do {
    const section = p.is(Tok.bareIdent) ? p.spelling : "";
    if (section !== "dialect_resources" && section !== "external_resources")
      p.error("PRR1003", `expected 'dialect_resources' or 'external_resources', found ${p.describe()}`);
    p.consume();
    p.expect(Tok.colon);
    p.expect(Tok.lbrace);
    if (!p.is(Tok.rbrace)) {
      do {
        if (!p.is(Tok.bareIdent)) p.error("PRR1003", `expected dialect name, found ${p.describe()}`);
        const dialect = `${section === "external_resources" ? "external:" : ""}${p.spelling}`;
        p.consume();
        p.expect(Tok.colon);
        p.expect(Tok.lbrace);
        const entries = p.resources.get(dialect) ?? new Map<string, string>();
        p.resources.set(dialect, entries);
        if (!p.is(Tok.rbrace)) {
          do {
            if (!p.is(Tok.bareIdent) && !p.is(Tok.string)) p.error("PRR1003", `expected resource key, found ${p.describe()}`);
            let key: string;
            if (p.is(Tok.string)) key = p.parseString();
            else {
              key = p.spelling;
              p.consume();
            }
            p.expect(Tok.colon);
            const start = p.lex.start;
            if (p.is(Tok.string) || p.is(Tok.integer) || p.isKeyword("true") || p.isKeyword("false")) p.consume();
            else p.error("PRR1003", `expected resource value, found ${p.describe()}`);
            entries.set(key, p.text.slice(start, prevEnd(p, start)));
          } while (p.consumeIf(Tok.comma));
        }
        p.expect(Tok.rbrace);
      } while (p.consumeIf(Tok.comma));
    }
    p.expect(Tok.rbrace);
  } while (p.consumeIf(Tok.comma));
  p.expect(Tok.fileMetadataEnd);
}

function prevEnd(p: Parser, start: number): number {
  // The previous token ended at the last non-space before the current token.
  let i = p.lex.start;
  while (i > start && /\s/.test(p.text[i - 1]!)) i--;
  return i;
}
