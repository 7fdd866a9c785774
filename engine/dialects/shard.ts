// The shard dialect of LLVM 22 (device grids and tensor sharding): shard.grid, shard.sharding,
// shard.shard and the collectives (broadcast, gather, scatter, send/recv, shift, all_*, reduce*).
import { op, Trait, type Dialect, type OpDef } from "./registry.ts";
import type {
  OpAsmParser,
  ParsedOp,
  UnresolvedOperand,
} from "../../grammar/mlir/asm-parser.ts";
import type { OpAsmPrinter } from "../../grammar/mlir/asm-printer.ts";
import type { Operation } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import {
  DenseArrayAttr,
  DialectAttr,
  IntegerAttr,
  StringAttr,
  SymbolRefAttr,
  UnitAttr,
  type Attribute,
} from "../ir/attributes.ts";
import { Tok } from "../../grammar/mlir/tokens.ts";
import {
  kDynamic,
  parseDynamicIndexList,
  printAttrDict,
  printDynamicIndexList,
} from "./region-syntax.ts";

const numbers = (a: Attribute | undefined): number[] =>
  a instanceof DenseArrayAttr ? a.numbers() : [];

// ----- shard.grid: `@name(shape = 2x?x4)` -----

/** `2x?x4`: the lexer sees `2`, `x`, `?`, `x4`; dims are split back out of the `x...` identifiers. */
function parseDimensionList(p: OpAsmParser): bigint[] {
  const dims: bigint[] = [];
  const dimension = () => {
    if (p.parseOptionalQuestion()) dims.push(BigInt(kDynamic));
    else dims.push(p.parseInteger());
  };
  dimension();
  for (;;) {
    const word = p.parseOptionalAnyKeyword();
    if (word === undefined) break;
    if (!word.startsWith("x")) p.error(`invalid dimension list '${word}'`);
    const parts = word.split("x").slice(1);
    if (parts.some((s) => s !== "" && !/^\d+$/.test(s)))
      p.error(`invalid dimension list '${word}'`);
    for (const s of parts.slice(0, -1)) dims.push(BigInt(s));
    const last = parts[parts.length - 1]!;
    if (last === "") dimension();
    else dims.push(BigInt(last));
  }
  return dims;
}

function parseGrid(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  s.addAttribute("sym_name", ctx.string(p.parseSymbolName()));
  p.parseLParen();
  p.parseKeyword("shape");
  p.parseEqual();
  s.addAttribute("shape", ctx.denseArray(ctx.i64(), parseDimensionList(p)));
  p.parseRParen();
  p.parseOptionalAttrDict(s);
}

function printGrid(p: OpAsmPrinter, o: Operation): void {
  const name = o.getAttr("sym_name");
  p.print(" ");
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  p.print(
    `(shape = ${numbers(o.getAttr("shape"))
      .map((d) => (d === kDynamic ? "?" : String(d)))
      .join("x")})`,
  );
  printAttrDict(p, o, ["sym_name", "shape"]);
}

// ----- shard.sharding -----

/** `[[0], [], [1, 2]]` as the body of `#shard<axisarray[...]>`. */
function parseAxisArray(p: OpAsmParser): string {
  const groups: bigint[][] = [];
  p.parseLSquare();
  if (!p.parseOptionalRSquare()) {
    do {
      const g: bigint[] = [];
      p.parseLSquare();
      if (!p.parseOptionalRSquare()) {
        do g.push(p.parseInteger());
        while (p.parseOptionalComma());
        p.parseRSquare();
      }
      groups.push(g);
    } while (p.parseOptionalComma());
    p.parseRSquare();
  }
  return `[${groups.map((g) => `[${g.join(", ")}]`).join(", ")}]`;
}

function axisArrayText(a: Attribute | undefined): string {
  const m =
    a instanceof DialectAttr ? /axisarray(\[.*\])>$/.exec(a.text) : null;
  return m ? m[1]! : "[]";
}

function parseSharding(p: OpAsmParser, s: ParsedOp): void {
  const ctx = p.ctx;
  const i64 = ctx.i64();
  s.addAttribute("grid", ctx.symbolRef(p.parseSymbolName()));
  p.parseKeyword("split_axes");
  p.parseEqual();
  s.addAttribute(
    "split_axes",
    ctx.dialectAttr("shard", `shard<axisarray${parseAxisArray(p)}>`),
  );
  let halos: ReturnType<typeof parseDynamicIndexList> = {
    values: [],
    statics: [],
  };
  let offsets: ReturnType<typeof parseDynamicIndexList> = {
    values: [],
    statics: [],
  };
  for (;;) {
    if (p.parseOptionalKeyword("halo_sizes")) {
      p.parseEqual();
      halos = parseDynamicIndexList(p, Tok.lsquare);
    } else if (p.parseOptionalKeyword("sharded_dims_offsets")) {
      p.parseEqual();
      offsets = parseDynamicIndexList(p, Tok.lsquare);
    } else break;
  }
  s.addAttribute("static_halo_sizes", ctx.denseArray(i64, halos.statics));
  s.addAttribute(
    "static_sharded_dims_offsets",
    ctx.denseArray(i64, offsets.statics),
  );
  s.addAttribute(
    "operandSegmentSizes",
    ctx.denseArray(ctx.i32(), [offsets.values.length, halos.values.length]),
  );
  p.parseOptionalAttrDict(s);
  s.resultTypes = [p.parseColonType()];
  s.operands = [
    ...p.resolveOperands(offsets.values, i64),
    ...p.resolveOperands(halos.values, i64),
  ];
}

function printSharding(p: OpAsmPrinter, o: Operation): void {
  const seg = o.getAttr("operandSegmentSizes");
  const [nOffsets = 0] = numbers(seg);
  const vals = o.operandValues;
  const grid = o.getAttr("grid");
  p.print(
    ` ${grid instanceof SymbolRefAttr ? p.attributeText(grid) : "@?"} split_axes = ${axisArrayText(o.getAttr("split_axes"))}`,
  );
  const halos = numbers(o.getAttr("static_halo_sizes"));
  if (halos.length > 0) {
    p.print(" halo_sizes = ");
    printDynamicIndexList(p, vals.slice(nOffsets), halos, "[", "]");
  }
  const offsets = numbers(o.getAttr("static_sharded_dims_offsets"));
  if (offsets.length > 0) {
    p.print(" sharded_dims_offsets = ");
    printDynamicIndexList(p, vals.slice(0, nOffsets), offsets, "[", "]");
  }
  printAttrDict(p, o, [
    "grid",
    "split_axes",
    "static_halo_sizes",
    "static_sharded_dims_offsets",
    "operandSegmentSizes",
  ]);
  p.print(` : ${p.typeText(o.result(0).type)}`);
}

// ----- collectives: `%x on @grid grid_axes = [0] <keyword = value>... : types` -----

type Clause = readonly [
  keyword: string,
  kind: "axes" | "index" | "i64" | "dynamic" | "unit" | "reduction",
];

interface CollectiveSpec {
  readonly clauses: readonly Clause[];
  /** `(t) -> t` (functional-type) or `t -> t`. */
  readonly functional: boolean;
}

/** The property a clause keyword sets (`root` stores its static part in `root`, SSA part as operands). */
function parseCollective(
  p: OpAsmParser,
  s: ParsedOp,
  spec: CollectiveSpec,
): void {
  const ctx = p.ctx;
  const input = p.parseOperand();
  p.parseKeyword("on");
  s.addAttribute("grid", ctx.symbolRef(p.parseSymbolName()));
  const dynamic: UnresolvedOperand[] = [];
  for (const [keyword, kind] of spec.clauses) {
    if (!p.parseOptionalKeyword(keyword)) continue;
    if (kind === "unit") {
      s.addAttribute(keyword, ctx.unit());
      continue;
    }
    p.parseEqual();
    if (kind === "axes") {
      const list = parseDynamicIndexList(p, Tok.lsquare);
      s.addAttribute(keyword, ctx.denseArray(ctx.integer(16), list.statics));
    } else if (kind === "dynamic") {
      const list = parseDynamicIndexList(p, Tok.lsquare);
      s.addAttribute(keyword, ctx.denseArray(ctx.i64(), list.statics));
      dynamic.push(...list.values);
    } else if (kind === "reduction") {
      const r = p.parseAnyKeyword("reduction kind");
      s.addAttribute(keyword, ctx.dialectAttr("shard", `shard.partial<${r}>`));
    } else
      s.addAttribute(
        keyword,
        ctx.integerAttr(
          kind === "index" ? ctx.index() : ctx.i64(),
          p.parseInteger(),
        ),
      );
  }
  if (s.getAttribute("grid_axes") === undefined)
    s.addAttribute("grid_axes", ctx.denseArray(ctx.integer(16), []));
  p.parseOptionalAttrDict(s);
  p.parseColon();
  // The functional form types every operand (input, then the dynamic root/source/... indices).
  const span = p.here();
  const types = spec.functional ? p.parseParenTypeList() : [p.parseType()];
  if (spec.functional) s.resultTypes = p.parseArrowTypeList();
  else {
    p.parseArrow();
    s.resultTypes = [p.parseType()];
  }
  const dynamicTypes = spec.functional
    ? types.slice(1)
    : dynamic.map(() => ctx.index());
  s.operands = [
    p.resolveOperand(input, types[0]!),
    ...p.resolveOperands(dynamic, dynamicTypes, span),
  ];
}

function printCollective(
  p: OpAsmPrinter,
  o: Operation,
  spec: CollectiveSpec,
): void {
  const grid = o.getAttr("grid");
  p.print(" ");
  p.printOperand(o.operand(0));
  p.print(
    ` on ${grid instanceof SymbolRefAttr ? p.attributeText(grid) : "@?"}`,
  );
  const dynamic: Value[] = o.operandValues.slice(1);
  const elided = ["grid"];
  for (const [keyword, kind] of spec.clauses) {
    const a = o.getAttr(keyword);
    elided.push(keyword);
    if (a === undefined) continue;
    if (kind === "unit") {
      if (a instanceof UnitAttr) p.print(` ${keyword}`);
    } else if (kind === "axes") {
      const axes = numbers(a);
      if (axes.length > 0) p.print(` ${keyword} = [${axes.join(", ")}]`);
    } else if (kind === "dynamic") {
      p.print(` ${keyword} = `);
      printDynamicIndexList(p, dynamic, numbers(a), "[", "]");
    } else if (kind === "reduction") {
      const m = a instanceof DialectAttr ? /<(.*)>$/.exec(a.text) : null;
      if (m && m[1] !== "sum") p.print(` ${keyword} =  ${m[1]}`);
    } else if (a instanceof IntegerAttr) p.print(` ${keyword} = ${a.value}`);
  }
  printAttrDict(p, o, elided);
  p.print(" : ");
  if (spec.functional) p.printFunctionalType(o.operandTypes, o.resultTypes);
  else
    p.print(
      `${p.typeText(o.operand(0).type)} -> ${p.typeText(o.result(0).type)}`,
    );
}

function collective(mnemonic: string, spec: CollectiveSpec): OpDef {
  const attributes: Record<string, { optional?: boolean }> = {
    grid: {},
    grid_axes: {},
  };
  for (const [keyword, kind] of spec.clauses)
    attributes[keyword] = { optional: kind === "unit" || kind === "reduction" };
  const dynamic = spec.clauses.some(([, k]) => k === "dynamic");
  return op(`shard.${mnemonic}`, {
    traits: [Trait.Pure],
    operands: [
      { name: "input" },
      ...(dynamic ? [{ name: "dynamic", arity: "variadic" as const }] : []),
    ],
    results: [{ name: "result" }],
    attributes,
    parse: (p, s) => parseCollective(p, s, spec),
    print: (p, o) => printCollective(p, o, spec),
    resultNames: () => [mnemonic],
  });
}

const axes: Clause = ["grid_axes", "axes"];

export const shardDialect: Dialect = {
  name: "shard",
  ops: [
    op("shard.grid", {
      traits: [Trait.Symbol],
      attributes: { sym_name: {}, shape: {} },
      parse: parseGrid,
      print: printGrid,
    }),
    op("shard.sharding", {
      traits: [Trait.Pure, Trait.AttrSizedOperandSegments],
      operands: [
        { name: "dynamic_sharded_dims_offsets", arity: "variadic" },
        { name: "dynamic_halo_sizes", arity: "variadic" },
      ],
      results: [{ name: "result" }],
      attributes: {
        grid: {},
        split_axes: {},
        static_halo_sizes: {},
        static_sharded_dims_offsets: {},
        operandSegmentSizes: {},
      },
      parse: parseSharding,
      print: printSharding,
      resultNames: () => ["sharding"],
    }),
    op("shard.shard", {
      traits: [Trait.Pure],
      operands: [{ name: "src" }, { name: "sharding" }],
      results: [{ name: "result" }],
      attributes: { annotate_for_users: { optional: true } },
      parse(p, s) {
        const src = p.parseOperand();
        p.parseKeyword("to");
        const sharding = p.parseOperand();
        if (p.parseOptionalKeyword("annotate_for_users"))
          s.addAttribute("annotate_for_users", p.ctx.unit());
        p.parseOptionalAttrDict(s);
        const t = p.parseColonType();
        s.resultTypes = [t];
        s.operands = [
          p.resolveOperand(src, t),
          p.resolveOperand(
            sharding,
            p.ctx.dialectType("shard", "shard.sharding"),
          ),
        ];
      },
      print(p, o) {
        p.print(" ");
        p.printOperand(o.operand(0));
        p.print(" to ");
        p.printOperand(o.operand(1));
        if (o.getAttr("annotate_for_users") instanceof UnitAttr)
          p.print(" annotate_for_users");
        printAttrDict(p, o, ["annotate_for_users"]);
        p.print(` : ${p.typeText(o.result(0).type)}`);
      },
      resultNames: () => ["sharding_annotated"],
    }),
    collective("broadcast", {
      clauses: [axes, ["root", "dynamic"]],
      functional: true,
    }),
    collective("gather", {
      clauses: [axes, ["gather_axis", "index"], ["root", "dynamic"]],
      functional: true,
    }),
    collective("scatter", {
      clauses: [axes, ["scatter_axis", "index"], ["root", "dynamic"]],
      functional: true,
    }),
    collective("reduce", {
      clauses: [axes, ["reduction", "reduction"], ["root", "dynamic"]],
      functional: true,
    }),
    collective("recv", {
      clauses: [axes, ["source", "dynamic"]],
      functional: true,
    }),
    collective("send", {
      clauses: [axes, ["destination", "dynamic"]],
      functional: true,
    }),
    collective("shift", {
      clauses: [
        axes,
        ["shift_axis", "index"],
        ["offset", "i64"],
        ["rotate", "unit"],
      ],
      functional: false,
    }),
    collective("all_reduce", {
      clauses: [axes, ["reduction", "reduction"]],
      functional: false,
    }),
    collective("all_gather", {
      clauses: [axes, ["gather_axis", "index"]],
      functional: false,
    }),
    collective("all_slice", {
      clauses: [axes, ["slice_axis", "index"]],
      functional: false,
    }),
    collective("all_to_all", {
      clauses: [axes, ["split_axis", "index"], ["concat_axis", "index"]],
      functional: false,
    }),
    collective("reduce_scatter", {
      clauses: [axes, ["reduction", "reduction"], ["scatter_axis", "index"]],
      functional: false,
    }),
  ],
};
