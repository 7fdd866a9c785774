// The .prr language front end: syntax errors at their spans, every semantic error of a file at
// once with its code, and the features of the language exercised end to end.
import { describe, expect, it } from "vitest";
import { compile, rewrite } from "./harness.ts";
import { builtinRegistry } from "../../engine/rewrite/builtins.ts";

const fn = (body: string, args = "%x: i32, %y: i32", ret = "i32") => `func.func @f(${args}) -> ${ret} {\n${body}\n}\n`;

describe("syntax errors", () => {
  it("points at the offending token with PRR3001", () => {
    const r = compile("ruleset a {\n  rule r: arith.addi(x, => x\n}\n");
    expect(r.errors[0]).toMatch(/^t\.prr:2:25: error: expected an expression, found '=>' \[PRR3001\]/);
  });
  it("reports a stray character", () => {
    const r = compile("ruleset a { rule r: arith.addi(x, y) => x $ }");
    expect(r.errors.some((e) => e.includes("unexpected character '$'"))).toBe(true);
  });
  it("reports several syntax errors of one file", () => {
    const r = compile("ruleset a {\n  rule r: arith.addi(x, => x\n  rule 3: x => y\n}\n");
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(2);
  });
});

describe("semantic errors, all at once", () => {
  const bad = `ruleset s {
  rule a: arith.addii(x, y) => x
  rule b: arith.addi(x, y) => z
  rule c: arith.addi(x) => x
  rule d: arith.cmpi(x, y) {predicat = p} => x
  rule e: arith.addi(x, y) where frob(x) => x
  rule f: tosa.add(x, y) => tosa.sub(x, y)
  rule g: arith.addi(x, y) => arith.constant(1)
}`;
  const r = compile(bad);
  const codes = r.diagnostics.map((d) => d.code);
  it("unknown op, with a suggestion", () => {
    expect(r.errors.find((e) => e.includes("PRR3003"))).toMatch(/t\.prr:2:11: error: unknown op 'arith\.addii'; did you mean 'arith\.addi'\?/);
  });
  it("unbound name", () => expect(r.errors.find((e) => e.includes("PRR3004"))).toMatch(/'z' is not bound/));
  it("operand count", () => expect(r.errors.find((e) => e.includes("PRR3006"))).toMatch(/'arith\.addi' takes 2 operands, but the pattern gives 1/));
  it("unknown attribute, with a suggestion", () => expect(r.errors.find((e) => e.includes("PRR3007"))).toMatch(/has no attribute 'predicat'; did you mean 'predicate'/));
  it("unknown function", () => expect(codes).toContain("PRR3009"));
  it("result types that cannot be inferred", () => expect(r.errors.find((e) => e.includes("PRR3008"))).toMatch(/'tosa\.sub'/));
  it("every rule's error is reported", () => expect(new Set(codes).size).toBeGreaterThanOrEqual(6));
  it("duplicate rules and rule sets", () => {
    const d = compile("ruleset s { rule a: arith.addi(x, 0) => x rule a: arith.addi(x, 0) => x }\nruleset s { }");
    expect(d.diagnostics.filter((x) => x.code === "PRR3010").length).toBe(2);
  });
  it("a value used as an attribute", () => {
    const d = compile("ruleset s { rule a: arith.addi(x, y) => arith.constant(x) : i32 }");
    expect(d.errors[0]).toMatch(/PRR3005|is a value/);
  });
});

describe("matching", () => {
  it("matches Commutative ops in either operand order", () => {
    const prr = "ruleset s { rule a: arith.addi(x, 0) => x }";
    const out = rewrite(prr, "s", fn("%c = arith.constant 0 : i32\n%r = arith.addi %c, %x : i32\nreturn %r : i32")).out;
    expect(out).toContain("return %arg0");
  });
  it("a name bound twice is the same SSA value", () => {
    const prr = "ruleset s { rule a: arith.subi(x, x) : t => arith.constant(0) : t }";
    expect(rewrite(prr, "s", fn("%r = arith.subi %x, %y : i32\nreturn %r : i32")).out).toContain("arith.subi");
    expect(rewrite(prr, "s", fn("%r = arith.subi %x, %x : i32\nreturn %r : i32")).out).toContain("arith.constant 0 : i32");
  });
  it("binds shape variables and constrains by them", () => {
    const prr = `ruleset s {
  rule sq: tosa.transpose(x : tensor<NxNxE>) {perms = p} : tensor<NxNxE> where is_identity_perm(p) => x
}`;
    const mlir = `func.func @f(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = tosa.transpose %x {perms = array<i32: 0, 1>} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}`;
    expect(rewrite(prr, "s", mlir).out).toContain("return %arg0");
  });
  it("matches variadic operands and single-op region bodies", () => {
    const prr = `ruleset s {
  rule mul_to_add: linalg.map(a, b, o) ^(x, y, _) { arith.mulf(x, y) } : t
      => linalg.map(a, b, o) ^(p, q, r) { arith.addf(p, q) } : t
}`;
    const mlir = `func.func @f(%a: tensor<4xf32>, %b: tensor<4xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.map { arith.mulf } ins(%a, %b : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>)
  return %0 : tensor<4xf32>
}`;
    const r = rewrite(prr, "s", mlir);
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/linalg\.map \{ arith\.addf \}/);
  });
  it("guards with attribute arithmetic and builtins", () => {
    const prr = `ruleset s {
  rule muli_pow2: arith.muli(x, arith.constant(c)) : t where is_pow2(c), c > 1 => arith.shli(x, arith.constant(log2(c)) : t)
}`;
    const r = rewrite(prr, "s", fn("%c = arith.constant 8 : i32\n%r = arith.muli %x, %c : i32\nreturn %r : i32"));
    expect(r.out).toMatch(/arith\.constant 3 : i32[^]*arith\.shli %arg0/);
    expect(rewrite(prr, "s", fn("%c = arith.constant 6 : i32\n%r = arith.muli %x, %c : i32\nreturn %r : i32")).out).toContain("arith.muli");
  });
  it("respects priorities: the higher one wins", () => {
    const prr = `ruleset s {
  rule low: arith.addi(x, y) : t => arith.subi(x, y) : t
  rule high priority 5: arith.addi(x, y) : t => arith.muli(x, y) : t
}`;
    expect(rewrite(prr, "s", fn("%r = arith.addi %x, %y : i32\nreturn %r : i32")).out).toContain("arith.muli");
  });
});

describe("rewrites", () => {
  it("let, replace and erase of matched ops", () => {
    const prr = `ruleset s {
  rule r: arith.addi(m@arith.muli(x, y), z) : t => {
    let s = arith.subi(x, y)
    replace m with s
    arith.addi(s, z)
  }
}`;
    const r = rewrite(prr, "s", fn("%0 = arith.muli %x, %y : i32\n%r = arith.addi %0, %x : i32\nreturn %r : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/%0 = arith\.subi %arg0, %arg1[^]*%1 = arith\.addi %0, %arg0/);
    expect(r.out).not.toContain("muli");
  });
  it("builds ops from MLIR templates with holes", () => {
    const prr = `ruleset s {
  rule r: arith.addi(x, y) : t => mlir """
    %0 = arith.muli $x, $y : $t
    %1 = arith.subi %0, $y : $t
  """
}`;
    const r = rewrite(prr, "s", fn("%r = arith.addi %x, %y : i32\nreturn %r : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/arith\.muli %arg0, %arg1 : i32\n\s*%1 = arith\.subi %0, %arg1 : i32\n\s*return %1/);
  });
  it("calls native rewrites registered in TypeScript", () => {
    const natives = builtinRegistry().defineRewrite("swap_sub", {
      arity: [2, 2],
      doc: "subi(b, a)",
      fn: (rw, [a, b]) => {
        if (a?.kind !== "value" || b?.kind !== "value") return undefined;
        return rw.create("arith.subi", { operands: [b.value, a.value], resultTypes: [a.value.type] }).results;
      },
    });
    const prr = "ruleset s { rule r: arith.addi(x, y) => native swap_sub(x, y) }";
    expect(rewrite(prr, "s", fn("%r = arith.addi %x, %y : i32\nreturn %r : i32"), natives).out).toContain("arith.subi %arg1, %arg0");
  });
  it("folds ops through their folders with constants materialized and uniqued", () => {
    const prr = "ruleset s { rule nothing: arith.divui(x, y) where false => x }";
    const r = rewrite(prr, "s", fn("%a = arith.constant 1 : i32\n%b = arith.constant 1 : i32\n%r = arith.addi %a, %b : i32\n%s = arith.addi %r, %x : i32\nreturn %s : i32"));
    // Two equal constants become one, hoisted to the top; the dead ones are erased.
    expect(r.out.match(/arith\.constant 1 : i32/g)?.length).toBe(1);
  });
});

describe("convergence control", () => {
  it("a rule that succeeds without changing anything is an error naming it", () => {
    const prr = "ruleset s { rule idle: n@arith.addi(x, y) => n }";
    const r = rewrite(prr, "s", fn("%r = arith.addi %x, %y : i32\nreturn %r : i32"));
    expect(r.problems[0]).toMatch(/rule 'idle' matched 'arith\.addi' and reported success without changing the IR \[PRR3020\]/);
  });
  it("an exhausted budget reports the rules of the cycle", () => {
    const prr = `ruleset s {
  budget rewrites 50
  rule there: arith.addi(x, y) : t => arith.subi(x, y) : t
  rule back: arith.subi(x, y) : t => arith.addi(x, y) : t
}`;
    const r = rewrite(prr, "s", fn("%r = arith.addi %x, %y : i32\nreturn %r : i32"));
    expect(r.problems[0]).toMatch(/did not converge within 50 rewrites: rules '(there|back)' -> '(there|back)' rewrite in a cycle \[PRR3021\]/);
  });
  it("conversion sets report the illegal ops that remain", () => {
    const prr = `conversion no-sub {
  illegal op arith.subi
  rule r: arith.subi(x, 0) => x
}`;
    const r = rewrite(prr, "no-sub", fn("%r = arith.subi %x, %y : i32\nreturn %r : i32"));
    expect(r.problems[0]).toMatch(/failed to legalize operation 'arith\.subi' that was explicitly marked illegal/);
  });
});

describe("the AST cache", () => {
  it("reads back exactly what the parser produced, spans and big integers included", async () => {
    const { parsePrrCached } = await import("../../grammar/prr/ast-cache.ts");
    const { parsePrr } = await import("../../grammar/prr/parse.ts");
    const { SourceFile } = await import("../../engine/support/source.ts");
    const text = `ruleset cache-${Date.now()}-${Math.random()} {\n  // c\n  rule r: arith.addi(x, 123456789012345678901234567890) : t => arith.constant(-7) : t\n}\n`;
    const file = new SourceFile("c.prr", text);
    const first = parsePrrCached(file);
    const second = parsePrrCached(file);
    const plain = (x: unknown) => JSON.stringify(x, (k, v) => (k === "span" ? [v.start, v.end, v.file === file] : typeof v === "bigint" ? `${v}n` : v));
    expect(plain(second.ast)).toBe(plain(parsePrr(file).ast));
    expect(plain(first.ast)).toBe(plain(second.ast));
  });
});

describe("the grammar", () => {
  it("passes Chevrotain's validations (ambiguities, left recursion), which runs skip for speed", async () => {
    const { PrrParser } = await import("../../grammar/prr/parser.ts");
    const { Lexer } = await import("../../grammar/prr/chevrotain.ts");
    const { allTokens } = await import("../../grammar/prr/tokens.ts");
    process.env.PRR_VALIDATE_GRAMMAR = "1";
    try {
      expect(() => new PrrParser()).not.toThrow();
      expect(new Lexer(allTokens, { positionTracking: "onlyOffset" }).lexerDefinitionErrors).toEqual([]);
    } finally {
      delete process.env.PRR_VALIDATE_GRAMMAR;
    }
  });
});

describe("more of the language", () => {
  it("matches multi-result ops and replaces all their results with a tuple", () => {
    const prr = `ruleset s {
  rule r: arith.addui_extended(x, 0) : (t, b) => (x, arith.constant(false) : b)
}`;
    const r = rewrite(prr, "s", fn("%c = arith.constant 0 : i32\n%s, %o = arith.addui_extended %x, %c : i32, i1\n%e = arith.extui %o : i1 to i32\n%r = arith.addi %s, %e : i32\nreturn %r : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/%false = arith\.constant false[^]*arith\.extui %false[^]*arith\.addi %arg0/);
  });
  it("selects one result of a multi-result op with #", () => {
    const prr = `ruleset s {
  rule r: arith.extui(arith.addui_extended(x, 0)#1) : t => arith.constant(0) : t
}`;
    const r = rewrite(prr, "s", fn("%c = arith.constant 0 : i32\n%s, %o = arith.addui_extended %x, %c : i32, i1\n%e = arith.extui %o : i1 to i32\n%r = arith.addi %s, %e : i32\nreturn %r : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/arith\.addi %sum, %c0_i32/);
  });
  it("builds loops from MLIR templates", () => {
    const prr = `ruleset s {
  rule unroll_sum: arith.muli(x, arith.constant(4)) : t => mlir """
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c1 = arith.constant 1 : index
    %zero = arith.constant 0 : $t
    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %zero) -> ($t) {
      %n = arith.addi %acc, $x : $t
      scf.yield %n : $t
    }
  """
}`;
    const r = rewrite(prr, "s", fn("%c = arith.constant 4 : i32\n%r = arith.muli %x, %c : i32\nreturn %r : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/scf\.for %arg2 = %c0 to %c4 step %c1 iter_args\(%arg3 = %c0_i32\) -> \(i32\) \{\n\s*%1 = arith\.addi %arg3, %arg0 : i32/);
  });
  it("matches the single-op bodies of linalg.generic and linalg.reduce", () => {
    const prr = `ruleset s {
  rule g: linalg.generic(a, b, o) ^(x, y, _) { arith.subf(x, y) } : t where rank(t) == 2 => o
  rule red: linalg.reduce(a, o) ^(x, acc) { arith.addf(x, acc) } : t => o
}`;
    const mlir = `#m = affine_map<(d0, d1) -> (d0, d1)>
func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %o: tensor<2x3xf32>, %i: tensor<2xf32>) -> (tensor<2x3xf32>, tensor<2xf32>) {
  %0 = linalg.generic {indexing_maps = [#m, #m, #m], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<2x3xf32>, tensor<2x3xf32>) outs(%o : tensor<2x3xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %d = arith.subf %x, %y : f32
    linalg.yield %d : f32
  } -> tensor<2x3xf32>
  %1 = linalg.reduce ins(%a : tensor<2x3xf32>) outs(%i : tensor<2xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %0, %1 : tensor<2x3xf32>, tensor<2xf32>
}`;
    const r = rewrite(prr, "s", mlir);
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/return %arg2, %arg3/);
  });
});

describe("template expression holes", () => {
  it("prints ${expr} holes: attribute arithmetic inside MLIR text", () => {
    const prr = `ruleset s {
  rule r: arith.addi(arith.addi(x, arith.constant(c0)), arith.constant(c1)) : t => mlir """
    %k = arith.constant \${c0 + c1} : $t
    %r = arith.addi $x, %k : $t
  """
}`;
    const r = rewrite(prr, "s", fn("%a = arith.constant 3 : i32\n%b = arith.constant 4 : i32\n%0 = arith.addi %x, %a : i32\n%1 = arith.addi %0, %b : i32\nreturn %1 : i32"));
    expect(r.problems).toEqual([]);
    expect(r.out).toMatch(/arith\.constant 7 : i32[^]*arith\.addi %arg0, %c7_i32/);
  });
  it("reports a malformed ${...} hole at its span", () => {
    const c = compile('ruleset s {\n  rule r: arith.addi(x, y) : t => mlir """ %0 = arith.constant ${1 +} : $t """\n}\n');
    expect(c.errors[0]).toMatch(/^t\.prr:2:\d+: error: in a template hole: expected an expression/);
  });
});
