// Numeric substitution blocks `[[#%fmt,VAR:==EXPR]]`: formats, expression trees, their parser and evaluation.
export type FormatKind = "none" | "u" | "d" | "x" | "X";

/** ExpressionFormat: how a numeric value is matched and printed. */
export interface NumericFormat {
  readonly kind: FormatKind;
  readonly precision: number;
  readonly alternate: boolean;
}

export const noFormat: NumericFormat = { kind: "none", precision: 0, alternate: false };
export const unsignedFormat: NumericFormat = { kind: "u", precision: 0, alternate: false };

export function sameFormat(a: NumericFormat, b: NumericFormat): boolean {
  return a.kind !== "none" && a.kind === b.kind && a.precision === b.precision && a.alternate === b.alternate;
}

export function formatName(f: NumericFormat): string {
  return f.kind === "none" ? "<none>" : `%${f.kind}`;
}

/** getWildcardRegex, in LLVM regex syntax. */
export function wildcardRegex(f: NumericFormat): string {
  const prefix = f.alternate ? "0x" : "";
  const precise = (s: string) => `${prefix}${s}{${f.precision}}`;
  switch (f.kind) {
    case "u":
      return f.precision ? precise("([1-9][0-9]*)?[0-9]") : "[0-9]+";
    case "d":
      return f.precision ? precise("-?([1-9][0-9]*)?[0-9]") : "-?[0-9]+";
    case "X":
      return f.precision ? precise("([1-9A-F][0-9A-F]*)?[0-9A-F]") : `${prefix}[0-9A-F]+`;
    case "x":
      return f.precision ? precise("([1-9a-f][0-9a-f]*)?[0-9a-f]") : `${prefix}[0-9a-f]+`;
    case "none":
      return "[0-9]+";
  }
}

/** getMatchingString: the text a value prints as, or undefined on overflow (negative unsigned). */
export function matchingString(f: NumericFormat, value: bigint): string | undefined {
  if (f.kind !== "d" && value < 0n) return undefined;
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let digits = f.kind === "x" || f.kind === "X" ? abs.toString(16) : abs.toString(10);
  if (f.kind === "X") digits = digits.toUpperCase();
  const prefix = f.alternate ? "0x" : "";
  return `${negative ? "-" : ""}${prefix}${digits.padStart(f.precision, "0")}`;
}

/** valueFromStringRepr: parses text matched by wildcardRegex. */
export function valueFromString(f: NumericFormat, text: string): bigint {
  let s = text;
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  const hex = f.kind === "x" || f.kind === "X";
  if (f.alternate && s.startsWith("0x")) s = s.slice(2);
  const v = BigInt(hex ? `0x${s}` : s);
  return negative ? -v : v;
}

/** A numeric variable; `value` is set when a pattern defining it matches. */
export interface NumericVariable {
  readonly name: string;
  readonly format: NumericFormat;
  readonly defLine: number | undefined;
  value: bigint | undefined;
  /** Where the value was captured in the input, for "captured var" notes. */
  captured: readonly [number, number] | undefined;
}

/** A span of check-file text, for diagnostics. */
export interface TextRef {
  readonly pos: number;
  readonly text: string;
}

export type ExprNode =
  | { readonly kind: "literal"; readonly value: bigint; readonly ref: TextRef }
  | { readonly kind: "use"; readonly variable: NumericVariable; readonly ref: TextRef }
  | {
      readonly kind: "binop";
      readonly op: BinaryOp;
      readonly left: ExprNode;
      readonly right: ExprNode;
      readonly ref: TextRef;
    };

export type BinaryOp = "add" | "sub" | "mul" | "div" | "max" | "min";

export interface Expression {
  readonly ast: ExprNode | undefined;
  readonly format: NumericFormat;
}

export type EvalResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly undefinedVars: readonly TextRef[]; readonly overflow: boolean };

export function evaluate(node: ExprNode, line: number | undefined): EvalResult {
  switch (node.kind) {
    case "literal":
      return { ok: true, value: node.value };
    case "use": {
      const v = node.variable.name === "@LINE" && line !== undefined ? BigInt(line) : node.variable.value;
      return v === undefined ? { ok: false, undefinedVars: [node.ref], overflow: false } : { ok: true, value: v };
    }
    case "binop": {
      const l = evaluate(node.left, line);
      const r = evaluate(node.right, line);
      if (!l.ok || !r.ok) {
        return {
          ok: false,
          undefinedVars: [...(l.ok ? [] : l.undefinedVars), ...(r.ok ? [] : r.undefinedVars)],
          overflow: (!l.ok && l.overflow) || (!r.ok && r.overflow),
        };
      }
      return apply(node.op, l.value, r.value);
    }
  }
}

function apply(op: BinaryOp, a: bigint, b: bigint): EvalResult {
  switch (op) {
    case "add":
      return { ok: true, value: a + b };
    case "sub":
      return { ok: true, value: a - b };
    case "mul":
      return { ok: true, value: a * b };
    case "div":
      return b === 0n ? { ok: false, undefinedVars: [], overflow: true } : { ok: true, value: a / b };
    case "max":
      return { ok: true, value: a < b ? b : a };
    case "min":
      return { ok: true, value: a < b ? a : b };
  }
}

/** The implicit format of an expression, or a conflict message. */
export function implicitFormat(node: ExprNode): NumericFormat | { conflict: string } {
  switch (node.kind) {
    case "literal":
      return noFormat;
    case "use":
      return node.variable.format;
    case "binop": {
      const l = implicitFormat(node.left);
      if ("conflict" in l) return l;
      const r = implicitFormat(node.right);
      if ("conflict" in r) return r;
      if (l.kind !== "none" && r.kind !== "none" && !sameFormat(l, r)) {
        return {
          conflict:
            `implicit format conflict between '${node.left.ref.text}' (${formatName(l)}) and ` +
            `'${node.right.ref.text}' (${formatName(r)}), need an explicit format specifier`,
        };
      }
      return l.kind !== "none" ? l : r;
    }
  }
}
