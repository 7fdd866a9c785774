// Turns the Chevrotain CST of a .prr file into the AST (ast.ts): spans on every node, literals
// decoded, shaped-type literals split into dimensions. Problems found here are collected, not thrown.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.ts";
import { span, type SourceFile, type Span } from "../../engine/support/source.ts";
import { diag, type Diagnostic } from "../../engine/support/diagnostics.ts";
import * as T from "./tokens.ts";

type Children = Record<string, (CstNode | IToken)[] | undefined>;

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  private readonly file: SourceFile;
  constructor(file: SourceFile) {
    this.file = file;
  }

  // ----- helpers -----

  private nodeSpan(n: CstNode): Span {
    const loc = n.location;
    return span(this.file, loc?.startOffset ?? 0, (loc?.endOffset ?? -1) + 1);
  }
  private tokSpan(t: IToken): Span {
    return span(this.file, t.startOffset, (t.endOffset ?? t.startOffset) + 1);
  }
  private between(a: Span, b: Span): Span {
    return span(this.file, a.start, b.end);
  }
  private error(message: string, at: Span): void {
    this.diagnostics.push(diag("PRR3001", message, at));
  }
  private nodes(c: Children, key: string): CstNode[] {
    return (c[key] ?? []) as CstNode[];
  }
  private node(c: Children, key: string): CstNode {
    return (c[key] as CstNode[])[0]!;
  }
  private tokens(c: Children, key: string): IToken[] {
    return (c[key] ?? []) as IToken[];
  }
  private token(c: Children, key: string): IToken | undefined {
    return (c[key] as IToken[] | undefined)?.[0];
  }

  // ----- declarations -----

  build(n: CstNode, comments: A.Comment[]): A.PrrFile {
    const c = n.children as Children;
    const items: A.Item[] = [];
    const all = [
      ...this.nodes(c, "importDecl").map((x) => [x, () => this.importDecl(x)] as const),
      ...this.nodes(c, "pipelineDecl").map((x) => [x, () => this.pipelineDecl(x)] as const),
      ...this.nodes(c, "ruleSetDecl").map((x) => [x, () => this.ruleSetDecl(x)] as const),
    ].sort((a, b) => (a[0].location?.startOffset ?? 0) - (b[0].location?.startOffset ?? 0));
    for (const [, make] of all) items.push(make());
    return { kind: "file", items, comments, span: span(this.file, 0, this.file.text.length) };
  }

  private importDecl(n: CstNode): A.ImportDecl {
    const c = n.children as Children;
    return { kind: "import", path: decodeString(this.token(c, "StringLit")!.image), span: this.nodeSpan(n) };
  }

  private pipelineDecl(n: CstNode): A.PipelineDecl {
    const c = n.children as Children;
    const names = this.nodes(c, "kebabName").map((k) => this.kebabName(k));
    return { kind: "pipeline", name: names[0]!, passes: names.slice(1), span: this.nodeSpan(n) };
  }

  kebabName(n: CstNode): A.Name {
    const c = n.children as Children;
    const parts = this.nodes(c, "name").map((x) => this.name(x));
    const s = this.nodeSpan(n);
    const text = this.file.text.slice(s.start, s.end);
    if (/\s/.test(text)) this.error(`a name may not contain spaces around '-': '${text}'`, s);
    return { text: parts.map((p) => p.text).join("-"), span: s };
  }

  name(n: CstNode): A.Name {
    const tok = Object.values(n.children as Children).flat()[0] as IToken;
    return { text: tok.image, span: this.tokSpan(tok) };
  }

  private ruleSetDecl(n: CstNode): A.RuleSetDecl {
    const c = n.children as Children;
    const members = this.nodes(c, "member").map((m) => this.member(m));
    return {
      kind: "ruleset",
      conversion: this.token(c, T.Conversion.name) !== undefined,
      name: this.kebabName(this.node(c, "kebabName")),
      members,
      span: this.nodeSpan(n),
    };
  }

  private member(n: CstNode): A.Member {
    const [key, list] = Object.entries(n.children as Children)[0]!;
    const m = list![0] as CstNode;
    const c = m.children as Children;
    const s = this.nodeSpan(m);
    switch (key) {
      case "ruleDecl":
        return this.ruleDecl(m);
      case "testDecl":
        return {
          kind: "test",
          name: this.name(this.node(c, "name")),
          input: this.textBlock(this.tokens(c, "TextBlock")[0]!),
          check: this.textBlock(this.tokens(c, "TextBlock")[1]!),
          span: s,
        };
      case "budgetDecl": {
        const names = this.tokens(c, "Identifier");
        const values = this.tokens(c, "IntLit");
        return {
          kind: "budget",
          limits: names.map((t, i) => ({ name: { text: t.image, span: this.tokSpan(t) }, value: Number(values[i]!.image) })),
          span: s,
        };
      }
      case "orderDecl":
        return { kind: "order", order: this.kebabName(this.node(c, "kebabName")), span: s };
      case "foldDecl": {
        const t = this.token(c, "Identifier")!;
        if (t.image !== "on" && t.image !== "off") this.error(`expected 'on' or 'off' after 'fold', found '${t.image}'`, this.tokSpan(t));
        return { kind: "fold", enabled: t.image !== "off", span: s };
      }
      case "includeDecl":
        return { kind: "include", name: this.kebabName(this.node(c, "kebabName")), span: s };
      default: {
        const target = this.token(c, "Identifier")!;
        if (target.image !== "dialect" && target.image !== "op")
          this.error(`expected 'dialect' or 'op', found '${target.image}'`, this.tokSpan(target));
        const opTok = this.token(c, "OpName");
        const name = opTok ? { text: opTok.image, span: this.tokSpan(opTok) } : this.kebabName(this.node(c, "kebabName"));
        return { kind: "legality", legal: this.token(c, T.Legal.name) !== undefined, target: target.image === "op" ? "op" : "dialect", name, span: s };
      }
    }
  }

  private ruleDecl(n: CstNode): A.RuleDecl {
    const c = n.children as Children;
    const s = this.nodeSpan(n);
    const prio = this.token(c, "IntLit");
    return {
      kind: "rule",
      name: this.name(this.node(c, "name")),
      priority: prio ? Number(prio.image) * (this.token(c, "Minus") ? -1 : 1) : undefined,
      pattern: this.expr(this.node(c, "pattern")),
      guards: this.nodes(c, "guard").map((g) => this.expr(g)),
      rewrite: this.rewrite(this.node(c, "rewrite")),
      doc: docComment(this.file.text, s.start),
      span: s,
    };
  }

  private rewrite(n: CstNode): A.Rewrite {
    const c = n.children as Children;
    const statements = this.nodes(c, "statement").map((st) => this.statement(st));
    const result = this.nodes(c, "expr")[0];
    return {
      statements,
      result: result ? this.expr(result) : undefined,
      block: this.token(c, "LBrace") !== undefined,
      span: this.nodeSpan(n),
    };
  }

  private statement(n: CstNode): A.Statement {
    const c = n.children as Children;
    const s = this.nodeSpan(n);
    const name = this.name(this.node(c, "name"));
    if (this.token(c, T.Let.name)) return { kind: "let", name, value: this.expr(this.node(c, "expr")), span: s };
    if (this.token(c, T.Replace.name)) return { kind: "replace", target: name, value: this.expr(this.node(c, "expr")), span: s };
    return { kind: "erase", target: name, span: s };
  }

  private textBlock(t: IToken): A.TextBlock {
    return { text: t.image.slice(3, -3), start: t.startOffset + 3, span: this.tokSpan(t) };
  }

  // ----- expressions -----

  expr(n: CstNode): A.Expr {
    const c = n.children as Children;
    if (n.name === "expr") return this.expr(this.node(c, "orExpr"));
    if (n.name === "unaryExpr") return this.unary(n);
    // A binary level: operands joined left to right by operators.
    const operands = this.nodes(c, "operands").map((o) => this.expr(o));
    const operators = this.tokens(c, "operators");
    let acc = operands[0]!;
    for (let i = 0; i < operators.length; i++) {
      const rhs = operands[i + 1]!;
      acc = { kind: "binary", op: operators[i]!.image as A.BinaryOp, lhs: acc, rhs, span: this.between(acc.span, rhs.span) };
    }
    return acc;
  }

  private unary(n: CstNode): A.Expr {
    const c = n.children as Children;
    const op = this.token(c, "operator");
    if (op === undefined) return this.postfix(this.node(c, "postfixExpr"));
    const operand = this.unary(this.node(c, "unaryExpr"));
    const s = this.between(this.tokSpan(op), operand.span);
    // `-3` is a literal, not an operation on one.
    if (op.image === "-" && operand.kind === "int") return { kind: "int", value: -operand.value, span: s };
    if (op.image === "-" && operand.kind === "float") return { kind: "float", value: -operand.value, text: `-${operand.text}`, span: s };
    return { kind: "unary", op: op.image as "-" | "!" | "~", operand, span: s };
  }

  private postfix(n: CstNode): A.Expr {
    const c = n.children as Children;
    let e = this.primary(this.node(c, "primary"));
    // Postfix operators apply in source order.
    const ops: { at: number; apply: (e: A.Expr) => A.Expr }[] = [];
    const hashes = this.tokens(c, "Hash");
    const ints = this.tokens(c, "IntLit");
    hashes.forEach((h, i) => {
      const idx = ints[i]!;
      ops.push({ at: h.startOffset, apply: (x) => ({ kind: "result", inner: x, index: Number(idx.image), span: this.between(x.span, this.tokSpan(idx)) }) });
    });
    for (const t of this.tokens(c, "Ellipsis"))
      ops.push({
        at: t.startOffset,
        apply: (x) => {
          if (x.kind !== "var" && x.kind !== "wildcard") {
            this.error("'...' follows a variable name or '_' (`xs...`, `_...`)", x.span);
            return x;
          }
          const name = x.kind === "var" ? x.name : "_";
          return { kind: "variadic", name: { text: name, span: x.span }, span: this.between(x.span, this.tokSpan(t)) };
        },
      });
    const types = this.nodes(c, "typeList");
    this.tokens(c, "Colon").forEach((t, i) => {
      const list = types[i]!;
      ops.push({
        at: t.startOffset,
        apply: (x) => ({ kind: "typed", inner: x, types: this.typeList(list), span: this.between(x.span, this.nodeSpan(list)) }),
      });
    });
    ops.sort((a, b) => a.at - b.at);
    for (const o of ops) e = o.apply(e);
    return e;
  }

  private typeList(n: CstNode): A.TypeExpr[] {
    return this.nodes(n.children as Children, "typeExpr").map((t) => this.typeExpr(t));
  }

  private typeExpr(n: CstNode): A.TypeExpr {
    const c = n.children as Children;
    const shaped = this.token(c, "ShapedType");
    if (shaped === undefined) {
      const nm = this.name(this.node(c, "name"));
      return { kind: "typevar", name: nm.text, span: nm.span };
    }
    return this.shapedType(shaped);
  }

  /** `tensor<4xMx?xE>` → dims [4, M, ?], element E; `tensor<*xf32>` is unranked. */
  private shapedType(t: IToken): A.ShapedTypeExpr {
    const s = this.tokSpan(t);
    const open = t.image.indexOf("<");
    const container = t.image.slice(0, open) as A.ShapedTypeExpr["container"];
    const body = t.image.slice(open + 1, -1);
    const bodyStart = t.startOffset + open + 1;
    // The element type is everything after the last top-level `x` that ends a dimension.
    const parts: { text: string; start: number }[] = [];
    let i = 0;
    for (;;) {
      const m = /^\s*(\?|\*|\d+|[A-Z][\w$]*?)\s*x/.exec(body.slice(i));
      if (m === null) break;
      parts.push({ text: m[1]!, start: bodyStart + i + m[0].indexOf(m[1]!) });
      i += m[0].length;
    }
    const elemText = body.slice(i).trim();
    const elemStart = bodyStart + i + (body.slice(i).length - body.slice(i).trimStart().length);
    const elemSpan = span(this.file, elemStart, elemStart + elemText.length);
    if (!/^[A-Za-z_][\w$.]*$/.test(elemText) && !/^[a-z]+<.*>$/.test(elemText))
      this.error(`expected an element type or type variable in '${t.image}'`, elemSpan);
    const element: A.TypeExpr = /^[a-z]+</.test(elemText)
      ? this.shapedType({ ...t, image: elemText, startOffset: elemStart, endOffset: elemStart + elemText.length - 1 })
      : { kind: "typevar", name: elemText, span: elemSpan };
    if (parts.length === 1 && parts[0]!.text === "*") return { kind: "shaped", container, dims: undefined, element, span: s };
    const dims = parts.map((p): number | "?" | A.Name => {
      if (p.text === "*") this.error("'*' (unranked) must be the only dimension", span(this.file, p.start, p.start + 1));
      if (p.text === "?" || p.text === "*") return "?";
      if (/^\d+$/.test(p.text)) return Number(p.text);
      return { text: p.text, span: span(this.file, p.start, p.start + p.text.length) };
    });
    return { kind: "shaped", container, dims, element, span: s };
  }

  private primary(n: CstNode): A.Expr {
    const c = n.children as Children;
    const s = this.nodeSpan(n);
    const [key, list] = Object.entries(c)[0]!;
    const first = list![0]!;
    switch (key) {
      case "IntLit": {
        const image = (first as IToken).image;
        return { kind: "int", value: BigInt(image), span: s };
      }
      case "FloatLit": {
        const image = (first as IToken).image;
        return { kind: "float", value: Number(image), text: image, span: s };
      }
      case "StringLit":
        return { kind: "string", value: decodeString((first as IToken).image), span: s };
      case T.True.name:
        return { kind: "bool", value: true, span: s };
      case T.False.name:
        return { kind: "bool", value: false, span: s };
      case "tupleExpr": {
        const elements = this.nodes((first as CstNode).children as Children, "expr").map((e) => this.expr(e));
        if (elements.length === 1) return elements[0]!;
        return { kind: "tuple", elements, span: s };
      }
      case "termExpr":
        return this.term(first as CstNode);
      case "nativeExpr": {
        const cc = (first as CstNode).children as Children;
        return { kind: "native", callee: this.name(this.node(cc, "name")), args: this.args(this.node(cc, "argList")), span: s };
      }
      case "templateExpr":
        return { kind: "template", text: this.textBlock(this.token((first as CstNode).children as Children, "TextBlock")!), span: s };
      default:
        return this.nameExpr(first as CstNode);
    }
  }

  private args(n: CstNode): A.Expr[] {
    return this.nodes(n.children as Children, "expr").map((e) => this.expr(e));
  }

  private term(n: CstNode): A.TermExpr {
    const c = n.children as Children;
    const opTok = this.token(c, "OpName")!;
    const argList = this.nodes(c, "argList")[0];
    const attrs = this.nodes(c, "attrEntry").map((a): A.AttrEntry => {
      const ac = a.children as Children;
      return { name: this.name(this.node(ac, "name")), value: this.expr(this.node(ac, "expr")), span: this.nodeSpan(a) };
    });
    const r = this.nodes(c, "regionExpr")[0];
    let region: A.RegionExpr | undefined;
    if (r !== undefined) {
      const rc = r.children as Children;
      region = { args: this.nodes(rc, "name").map((x) => this.name(x)), body: this.expr(this.node(rc, "expr")), span: this.nodeSpan(r) };
    }
    return {
      kind: "term",
      op: { text: opTok.image, span: this.tokSpan(opTok) },
      args: argList ? this.args(argList) : [],
      attrs,
      region,
      span: this.nodeSpan(n),
    };
  }

  private nameExpr(n: CstNode): A.Expr {
    const c = n.children as Children;
    const nm = this.name(this.node(c, "name"));
    const s = this.nodeSpan(n);
    const argList = this.nodes(c, "argList")[0];
    if (argList) return { kind: "call", callee: nm, args: this.args(argList), span: s };
    const bound = this.nodes(c, "postfixExpr")[0];
    if (bound) return { kind: "bind", name: nm, inner: this.postfix(bound), span: s };
    if (nm.text === "_") return { kind: "wildcard", span: s };
    return { kind: "var", name: nm.text, span: s };
  }
}

/** The `//` comment lines directly above the line at `offset` (its algebraic summary). */
function docComment(text: string, offset: number): string | undefined {
  const lines: string[] = [];
  let lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  // Only a rule that begins its line has comment lines above it (`ruleset s { rule r` has not).
  if (text.slice(lineStart, offset).trim() !== "") return undefined;
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1).trim();
    if (!line.startsWith("//")) break;
    lines.unshift(line.replace(/^\/\/\s?/, ""));
    lineStart = prevStart;
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}

export function decodeString(image: string): string {
  return image.slice(1, -1).replace(/\\(n|t|"|\\|[0-9a-fA-F]{2})/g, (_, e: string) =>
    e === "n" ? "\n" : e === "t" ? "\t" : e === '"' ? '"' : e === "\\" ? "\\" : String.fromCharCode(parseInt(e, 16)),
  );
}
