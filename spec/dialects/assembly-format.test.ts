// The declarative assembly format engine on a test dialect: spacing as OpFormatGen emits it,
// optional groups (anchors, unit anchors, else branches), type inference, operand segments,
// regions, successors, custom directives, and diagnostics. Expected texts marked "mlir-opt-22"
// are mlir-opt-22's output for the upstream op whose format the test op copies.
import { describe, expect, it } from "vitest";
import {
  DialectRegistry,
  op,
  Trait,
  type Constraint,
} from "../../engine/dialects/registry.ts";
import { builtinDialect } from "../../engine/dialects/builtin.ts";
import { funcDialect } from "../../engine/dialects/func.ts";
import { registerCustomDirective } from "../../engine/dialects/assembly-format.ts";
import { Context } from "../../engine/ir/context.ts";
import { SourceFile } from "../../engine/support/source.ts";
import { parseSource } from "../../grammar/mlir/parse-module.ts";
import { printOperationText } from "../../grammar/mlir/asm-printer.ts";
import type { Attribute } from "../../engine/ir/attributes.ts";
import { ShapedType, type Type } from "../../engine/ir/types.ts";

const describeAs = <T>(
  description: string,
  pred: (x: T) => boolean,
): Constraint<T> => Object.assign(pred, { description });
const unit = describeAs<Attribute>("unit attribute", (a) => a.kind === "unit");
const i32Array = describeAs<Attribute>(
  "i32 dense array attribute",
  (a) => a.kind === "dense-array",
);
const i64Attr = Object.assign(
  describeAs<Attribute>(
    "64-bit signless integer attribute",
    (a) => a.kind === "integer",
  ),
  { buildableType: (ctx: Context) => ctx.i64() },
);

const index = Object.assign(
  describeAs<Type>("index", (t) => t.kind === "index"),
  { buildableType: (ctx: Context) => ctx.index() },
);

// custom<Pair>($a, $b): `<%a | %b>`.
registerCustomDirective("Pair", {
  parse(p, args) {
    p.parseLess();
    args[0]!.operands = [p.parseOperand()];
    p.parseOptionalVerticalBar();
    args[1]!.operands = [p.parseOperand()];
    p.parseGreater();
  },
  print(p, _op, args) {
    p.print("<");
    p.printOperand(args[0]!.values![0]!);
    p.print(" | ");
    p.printOperand(args[1]!.values![0]!);
    p.print(">");
  },
});

const fmtDialect = {
  name: "fmt",
  ops: [
    // tensor.extract
    op("fmt.extract", {
      operands: [
        { name: "tensor" },
        { name: "indices", arity: "variadic", type: index },
      ],
      results: [{ name: "result" }],
      format: "$tensor `[` $indices `]` attr-dict `:` type($tensor)",
      inferResultTypes: (ctx, ts) =>
        ts[0] instanceof ShapedType ? [ts[0].elementType] : undefined,
    }),
    // tensor.generate
    op("fmt.generate", {
      operands: [{ name: "dynamicExtents", arity: "variadic", type: index }],
      results: [{ name: "result" }],
      regions: 1,
      format: "$dynamicExtents $body attr-dict `:` type($result)",
    }),
    op("fmt.yield", {
      traits: [Trait.Terminator],
      operands: [{ name: "values", arity: "variadic" }],
      format: "attr-dict ($values^ `:` type($values))?",
    }),
    // emitc.call_opaque
    op("fmt.call", {
      operands: [{ name: "operands", arity: "variadic" }],
      results: [{ name: "results", arity: "variadic" }],
      attributes: { callee: {}, args: { optional: true } },
      format:
        "$callee `(` $operands `)` attr-dict `:` functional-type($operands, results)",
    }),
    // index.cmp's shape with an i64 enum: no space before `(`.
    op("fmt.cmp", {
      operands: [
        { name: "lhs", type: index },
        { name: "rhs", type: index },
      ],
      results: [{ name: "result" }],
      attributes: {
        pred: { enumCases: ["eq", "ne", "slt"], enumStorage: "i64" },
      },
      format: "$pred `(` $lhs `,` $rhs `)` attr-dict",
      inferResultTypes: (ctx) => [ctx.i1()],
    }),
    op("fmt.flags", {
      operands: [{ name: "x" }, { name: "opt", arity: "optional" }],
      results: [{ name: "r" }],
      attributes: {
        nsw: { optional: true, type: unit },
        n: { optional: true, type: i64Attr },
      },
      traits: [Trait.SameOperandsAndResultType],
      format:
        "$x (`nsw` $nsw^)? (`,` $opt^)? (`by` $n^) : (`none`)? attr-dict `:` type($r)",
    }),
    op("fmt.segments", {
      traits: [Trait.AttrSizedOperandSegments],
      operands: [
        { name: "a", arity: "variadic" },
        { name: "b", arity: "variadic" },
      ],
      format:
        "(`a` `(` $a^ `:` type($a) `)`)? (`b` ` ` `(` $b^ `:` type($b) `)`)? attr-dict-with-keyword",
    }),
    op("fmt.jump", {
      traits: [Trait.Terminator],
      operands: [{ name: "args", arity: "variadic" }],
      successors: 1,
      format: "$dest (`(` $args^ `:` type($args) `)`)? attr-dict",
    }),
    op("fmt.pair", {
      operands: [{ name: "a" }, { name: "b" }],
      format: "custom<Pair>($a, $b) attr-dict `:` type($a) `,` type($b)",
    }),
    op("fmt.arrow", {
      operands: [{ name: "in" }],
      results: [{ name: "out" }],
      attributes: { w: { type: i32Array } },
      format: "$in `->` type($out) `` `,` $w attr-dict `:` type($in)",
    }),
  ],
};

const registry = new DialectRegistry()
  .register(builtinDialect)
  .register(funcDialect)
  .register(fmtDialect);

function roundTrip(text: string, generic = false): string {
  const ctx = new Context(registry);
  const { module } = parseSource(ctx, new SourceFile("test.mlir", text));
  return printOperationText(module, { generic });
}

/** Wraps ops in a function with arguments `%t: tensor<4xf32>, %i: index, %a: i32, %b: i32`. */
function inFunc(body: string): string {
  return `func.func @f(%t: tensor<4xf32>, %i: index, %a: i32, %b: i32) {\n${body}\n  return\n}\n`;
}

function bodyOf(printed: string): string[] {
  return printed
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^(module|func\.func|return|\})/.test(l));
}

describe("assembly format: spacing as mlir-opt-22", () => {
  it("prints operands, `[`, `]`, `:` and inferred result types like tensor.extract", () => {
    const out = roundTrip(inFunc("  %0 = fmt.extract %t[%i] : tensor<4xf32>"));
    expect(bodyOf(out)).toEqual([
      "%0 = fmt.extract %arg0[%arg1] : tensor<4xf32>",
    ]); // mlir-opt-22
  });

  it("prints a region between operands and the type like tensor.generate", () => {
    const src = inFunc(
      "  %0 = fmt.generate %i {\n  ^bb0(%j: index):\n    fmt.yield %a : i32\n  } : tensor<?xi32>",
    );
    expect(bodyOf(roundTrip(src))).toEqual([
      "%0 = fmt.generate %arg1 {",
      "^bb0(%arg4: index):",
      "fmt.yield %arg2 : i32",
    ]);
  });

  it("prints functional types and keeps unused attributes in attr-dict like emitc.call_opaque", () => {
    const src = inFunc(
      '  %0 = fmt.call "f"(%i) {args = [0 : index, 1 : i32]} : (index) -> i64\n  fmt.call "g"() : () -> ()',
    );
    expect(bodyOf(roundTrip(src))).toEqual([
      '%0 = fmt.call "f"(%arg1) {args = [0 : index, 1 : i32]} : (index) -> i64', // mlir-opt-22
      'fmt.call "g"() : () -> ()', // mlir-opt-22
    ]);
  });

  it("puts no space before `(` after an enum keyword, like index.cmp", () => {
    expect(bodyOf(roundTrip(inFunc("  %0 = fmt.cmp slt(%i, %i)")))).toEqual([
      "%0 = fmt.cmp slt(%arg1, %arg1)",
    ]);
  });
});

describe("assembly format: optional groups", () => {
  it("elides a unit anchor, prints optional operands and takes the else branch", () => {
    const src = inFunc(
      [
        "  %0 = fmt.flags %a nsw, %a by 3 : i32",
        "  %1 = fmt.flags %a none : i32",
        "  %2 = fmt.flags %a by 4 {x} : i32",
      ].join("\n"),
    );
    expect(bodyOf(roundTrip(src))).toEqual([
      "%0 = fmt.flags %arg2 nsw, %arg2 by 3 : i32",
      "%1 = fmt.flags %arg2 none : i32",
      "%2 = fmt.flags %arg2 by 4 {x} : i32",
    ]);
  });

  it("stores the unit anchor and the buildable-typed attribute", () => {
    const out = roundTrip(
      inFunc("  %0 = fmt.flags %a nsw, %a by 3 : i32"),
      true,
    );
    expect(out).toContain(
      '"fmt.flags"(%arg2, %arg2) <{n = 3 : i64, nsw}> : (i32, i32) -> i32',
    );
  });

  it("sets operandSegmentSizes and prints attr-dict-with-keyword", () => {
    const src = inFunc(
      "  fmt.segments b (%a, %b : i32, i32) attributes {x = 1 : i32}\n  fmt.segments a(%i : index)",
    );
    const out = roundTrip(src);
    expect(bodyOf(out)).toEqual([
      "fmt.segments b (%arg2, %arg3 : i32, i32) attributes {x = 1 : i32}",
      "fmt.segments a(%arg1 : index)",
    ]);
    expect(roundTrip(src, true)).toContain(
      "<{operandSegmentSizes = array<i32: 0, 2>}> {x = 1 : i32}",
    );
  });
});

describe("assembly format: successors, custom directives, literals", () => {
  it("parses and prints successors with operands", () => {
    const src =
      "func.func @f(%a: i32) {\n  fmt.jump ^bb1(%a : i32)\n^bb1(%x: i32):\n  fmt.jump ^bb1(%x : i32)\n}\n";
    expect(bodyOf(roundTrip(src))).toEqual([
      "fmt.jump ^bb1(%arg0 : i32)",
      "^bb1(%0: i32):  // 2 preds: ^bb0, ^bb1",
      "fmt.jump ^bb1(%0 : i32)",
    ]);
  });

  it("runs registered custom directives", () => {
    expect(
      bodyOf(roundTrip(inFunc("  fmt.pair <%a | %i> : i32, index"))),
    ).toEqual(["fmt.pair <%arg2 | %arg1> : i32, index"]);
  });

  it("prints `->`, the empty literal and a stripped dense array", () => {
    expect(
      bodyOf(roundTrip(inFunc("  %0 = fmt.arrow %a -> i64, [1, 2] : i32"))),
    ).toEqual(["%0 = fmt.arrow %arg2 -> i64, [1, 2] : i32"]);
  });
});

describe("assembly format: diagnostics", () => {
  const fails = (text: string) =>
    expect(() => roundTrip(inFunc(text))).toThrow();

  it("reports a bad enum case, a missing literal and a wrong operand count", () => {
    fails("  %0 = fmt.cmp sgt(%i, %i)");
    fails("  %0 = fmt.extract %t %i] : tensor<4xf32>");
    fails("  fmt.pair <%a | %i> : i32");
  });

  it("rejects a format naming an unknown variable when the op is defined", () => {
    expect(() => op("fmt.bad", { format: "$nope attr-dict" })).toThrow(
      /not an operand/,
    );
  });

  it("reports an uninferable type", () => {
    const reg = new DialectRegistry().register(builtinDialect).register({
      name: "g",
      ops: [op("g.x", { operands: [{ name: "v" }], format: "$v attr-dict" })],
    });
    const ctx = new Context(reg);
    ctx.allowUnregistered = true;
    expect(() =>
      parseSource(
        ctx,
        new SourceFile("t.mlir", '%0 = "u.v"() : () -> i32\ng.x %0\n'),
      ),
    ).toThrow(/cannot be inferred/);
  });
});
