// FileCheck library vs LLVM's FileCheck-22: the same (check, input, options) must pass or fail alike,
// with the same exit status and the same diagnostics (FileCheck run with --dump-input=never).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseFileCheckArgs } from "../tools/cli/commands/test/filecheck-args.ts";
import { checkFile } from "../tools/filecheck/index.ts";
import { llvmTool } from "./support/llvm.ts";

interface Case {
  readonly name: string;
  readonly check: string;
  readonly input: string;
  readonly args?: readonly string[];
}

const fileCheck = llvmTool("FileCheck");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "prr-filecheck-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function ours(c: Case): { status: number; diagnostics: string } {
  const inv = parseFileCheckArgs(["check.txt", ...(c.args ?? [])]);
  const r = checkFile(c.check, "check.txt", c.input, inv.options);
  return { status: r.status, diagnostics: r.diagnostics };
}

function theirs(c: Case): { status: number; diagnostics: string } {
  fs.writeFileSync(path.join(workDir, "check.txt"), c.check);
  const r = spawnSync(fileCheck!, ["check.txt", "--dump-input=never", ...(c.args ?? [])], {
    cwd: workDir,
    input: c.input,
    encoding: "utf8",
  });
  const diagnostics = r.stderr.replace(/^FileCheck command line:.*\n/m, "");
  return { status: r.status ?? -1, diagnostics };
}

const cases: Case[] = [
  // Plain CHECK and the basic report.
  { name: "plain pass", check: "CHECK: foo\n", input: "foo\n" },
  { name: "plain fail", check: "CHECK: foo\n", input: "bar\n" },
  { name: "fuzzy note", check: "CHECK: hello world\n", input: "xyz\nhello wrld\n" },
  { name: "order matters", check: "CHECK: b\nCHECK: a\n", input: "a\nb\n" },
  { name: "no space after colon", check: "CHECK:foo\n", input: "foo\n" },
  { name: "trailing spaces ignored", check: "CHECK: foo   \n", input: "foo\n" },
  { name: "regex metachars are literal", check: "CHECK: a.b(c)*[d]\n", input: "a.b(c)*[d]\n" },
  { name: "regex metachars literal fail", check: "CHECK: a.b\n", input: "axb\n" },
  { name: "whitespace runs match", check: "CHECK: a b  c\n", input: "a \t  b c\n" },
  { name: "strict whitespace", check: "CHECK: a  b\n", input: "a b\n", args: ["--strict-whitespace"] },
  { name: "strict whitespace pass", check: "CHECK: a  b\n", input: "a  b\n", args: ["--strict-whitespace"] },
  { name: "tabs in strict diagnostics", check: "CHECK: q\n", input: "a\tb\tc\n", args: ["--strict-whitespace"] },
  { name: "crlf input", check: "CHECK: a\nCHECK-NEXT: b\n", input: "a\r\nb\r\n" },
  { name: "prefix inside word ignored", check: "XCHECK: nope\nCHECK: b\n", input: "b\n" },
  {
    name: "RUN and COM lines are comments",
    check: "RUN: FileCheck CHECK: nope\nCOM: CHECK: nope\nCHECK: a\n",
    input: "a\n",
  },
  // CHECK-NEXT, CHECK-SAME, CHECK-EMPTY.
  { name: "next pass", check: "CHECK: foo\nCHECK-NEXT: bar\n", input: "foo\nbar\n" },
  { name: "next not adjacent", check: "CHECK: foo\nCHECK-NEXT: baz\n", input: "foo\nbar\nbaz\n" },
  { name: "next same line", check: "CHECK: foo\nCHECK-NEXT: bar\n", input: "foo bar\n" },
  { name: "next missing", check: "CHECK: foo\nCHECK-NEXT: qux\n", input: "foo\nbar\n" },
  { name: "same pass", check: "CHECK: foo\nCHECK-SAME: bar\n", input: "foo bar\n" },
  { name: "same fail", check: "CHECK: foo\nCHECK-SAME: bar\n", input: "foo\nbar\n" },
  { name: "empty pass", check: "CHECK: a\nCHECK-EMPTY:\nCHECK-NEXT: b\n", input: "a\n\nb\n" },
  { name: "empty fail", check: "CHECK: a\nCHECK-EMPTY:\n", input: "a\nx\n\n" },
  { name: "empty at end", check: "CHECK: a\nCHECK-EMPTY:\n", input: "a\n\n" },
  { name: "next first is an error", check: "CHECK-NEXT: a\n", input: "a\n" },
  { name: "empty with text is an error", check: "CHECK: a\nCHECK-EMPTY: b\n", input: "a\n" },
  // CHECK-NOT.
  { name: "not pass", check: "CHECK: a\nCHECK-NOT: x\nCHECK: b\n", input: "a\nb\nx\n" },
  { name: "not fail", check: "CHECK: a\nCHECK-NOT: x\nCHECK: b\n", input: "a\nx\nb\n" },
  { name: "trailing not", check: "CHECK: a\nCHECK-NOT: b\n", input: "a\nb\n" },
  { name: "leading not", check: "CHECK-NOT: z\nCHECK: a\n", input: "z\na\n" },
  { name: "not regex", check: "CHECK: a\nCHECK-NOT: {{[0-9]+}}\nCHECK: b\n", input: "a 1\nc 22\nb\n" },
  // CHECK-DAG and its interplay with CHECK-NOT.
  { name: "dag any order", check: "CHECK-DAG: b\nCHECK-DAG: a\nCHECK: c\n", input: "a\nb\nc\n" },
  { name: "dag missing", check: "CHECK-DAG: a\nCHECK-DAG: q\n", input: "a\nb\n" },
  { name: "dag no overlap", check: "CHECK-DAG: a\nCHECK-DAG: a\n", input: "a\n" },
  { name: "dag two occurrences", check: "CHECK-DAG: a\nCHECK-DAG: a\n", input: "a a\n" },
  { name: "dag not between groups fail", check: "CHECK-DAG: a\nCHECK-NOT: x\nCHECK-DAG: b\n", input: "a\nx\nb\n" },
  { name: "dag not between groups pass", check: "CHECK-DAG: a\nCHECK-NOT: x\nCHECK-DAG: b\n", input: "a\nb\nx\n" },
  { name: "dag before check", check: "CHECK: s\nCHECK-DAG: y\nCHECK-DAG: x\nCHECK: e\n", input: "s\nx\ny\ne\n" },
  { name: "dag must precede check", check: "CHECK-DAG: y\nCHECK: e\n", input: "e\ny\n" },
  { name: "not before dag", check: "CHECK: s\nCHECK-NOT: bad\nCHECK-DAG: x\n", input: "s\nbad\nx\n" },
  { name: "not after dag then check", check: "CHECK-DAG: x\nCHECK-NOT: bad\nCHECK: e\n", input: "x\nbad\ne\n" },
  { name: "next after dag", check: "CHECK: a\nCHECK-DAG: b\nCHECK-NEXT: c\n", input: "a\nb\nc\n" },
  { name: "next after dag fail", check: "CHECK: a\nCHECK-DAG: b\nCHECK-NEXT: c\n", input: "a\nb\nx\nc\n" },
  { name: "same after dag", check: "CHECK: a\nCHECK-DAG: b\nCHECK-SAME: c\n", input: "a\nb c\n" },
  { name: "trailing dags", check: "CHECK: a\nCHECK-DAG: c\nCHECK-DAG: b\n", input: "a\nb\nc\n" },
  { name: "dag overlap skips", check: "CHECK-DAG: {{a.}}\nCHECK-DAG: {{.b}}\n", input: "ab ab\n" },
  // CHECK-LABEL.
  { name: "label blocks", check: "CHECK-LABEL: f1\nCHECK: a\nCHECK-LABEL: f2\nCHECK: b\n", input: "f1\na\nf2\nb\n" },
  { name: "label confines", check: "CHECK-LABEL: f1\nCHECK: b\nCHECK-LABEL: f2\nCHECK: b\n", input: "f1\na\nf2\nb\n" },
  { name: "label missing", check: "CHECK-LABEL: f1\nCHECK: a\nCHECK-LABEL: f9\n", input: "f1\na\nf2\n" },
  {
    name: "failures in two blocks",
    check: "CHECK-LABEL: f1\nCHECK: x\nCHECK-LABEL: f2\nCHECK: y\n",
    input: "f1\na\nf2\nb\n",
  },
  { name: "label with var is an error", check: "CHECK-LABEL: [[X:f]]\n", input: "f\n" },
  {
    name: "dag in label block",
    check: "CHECK-LABEL: f1\nCHECK-DAG: b\nCHECK-DAG: a\nCHECK-LABEL: f2\n",
    input: "f1\na\nb\nf2\n",
  },
  {
    name: "vars cross labels",
    check: "CHECK-LABEL: f1\nCHECK: [[V:[a-z]+]]=\nCHECK-LABEL: f2\nCHECK: use [[V]]\n",
    input: "f1\nqq=\nf2\nuse qq\n",
  },
  // Regexes.
  { name: "dot star", check: "CHECK: func{{.*}}@foo\n", input: "func.func private @foo()\n" },
  { name: "digits", check: "CHECK: x = {{[0-9]+}}\n", input: "x = 42\n" },
  { name: "anchors end", check: "CHECK: foo{{$}}\n", input: "foo bar\n" },
  { name: "anchors end pass", check: "CHECK: foo{{$}}\n", input: "x foo\n" },
  { name: "anchor start", check: "CHECK: {{^}}foo\n", input: " foo\n" },
  { name: "anchor start at search start", check: "CHECK: a\nCHECK-SAME: {{^}} b\n", input: "a b\n" },
  { name: "alternation group", check: "CHECK: x{{a|b}}y\n", input: "xby\n" },
  { name: "leftmost longest", check: "CHECK: x{{a|ab}}\nCHECK-SAME: {{^}}c\n", input: "xabc\n" },
  { name: "posix class", check: "CHECK: {{[[:digit:]]+}}:{{[[:alpha:]_]+}}\n", input: "12:ab_c\n" },
  { name: "backslash escapes are literal", check: "CHECK: {{\\d}}\n", input: "5\n" },
  { name: "backslash d matches d", check: "CHECK: {{\\d}}\n", input: "d\n" },
  { name: "escaped dot", check: "CHECK: {{a\\.b}}\n", input: "a.b\n" },
  { name: "bracket with backslash", check: "CHECK: {{[\\]+}}\n", input: "\\\\\n" },
  { name: "negated bracket", check: "CHECK: {{[^a]+}}X\n", input: "bbX\n" },
  { name: "bounds", check: "CHECK: {{a{2,3}}}b\n", input: "aaab\n" },
  { name: "word boundary", check: "CHECK: {{[[:<:]]cat}}\n", input: "concat cat\n" },
  { name: "regex with spaces", check: "CHECK: {{a  b}}\n", input: "a b\n" },
  { name: "literal braces outside regex", check: "CHECK: a { b }\n", input: "a { b }\n" },
  { name: "invalid regex: repeat", check: "CHECK: {{a**}}\n", input: "a\n" },
  { name: "invalid regex: lazy", check: "CHECK: {{a*?}}\n", input: "a\n" },
  { name: "invalid regex: paren", check: "CHECK: {{(a}}\n", input: "a\n" },
  { name: "invalid regex: bracket", check: "CHECK: {{[a}}\n", input: "a\n" },
  { name: "invalid regex: empty", check: "CHECK: x{{}}y\n", input: "xy\n" },
  { name: "invalid regex: class", check: "CHECK: {{[[:foo:]]}}\n", input: "a\n" },
  { name: "unterminated regex", check: "CHECK: {{abc\n", input: "abc\n" },
  { name: "literal modifier", check: "CHECK{LITERAL}: {{a}} [[b]]\n", input: "{{a}} [[b]]\n" },
  // Variables.
  { name: "string var", check: "CHECK: [[X:[a-z]+]] = 1\nCHECK: use [[X]]\n", input: "foo = 1\nuse foo\n" },
  { name: "string var mismatch", check: "CHECK: [[X:[a-z]+]] = 1\nCHECK: use [[X]]\n", input: "foo = 1\nuse bar\n" },
  {
    name: "ssa capture",
    check: "CHECK: [[V:%.*]] = arith.addi\nCHECK: return [[V]]\n",
    input: "%0 = arith.addi %a, %b\nreturn %0\n",
  },
  {
    name: "ssa capture style",
    check: "CHECK: %[[V:.*]] = arith.addi %[[A:.*]], %[[A]]\nCHECK-NEXT: return %[[V]]\n",
    input: "%0 = arith.addi %x, %x : i32\nreturn %0 : i32\n",
  },
  { name: "same-line backref", check: "CHECK: [[X:[a-z]+]] and [[X]]\n", input: "ab and ab\n" },
  { name: "same-line backref fail", check: "CHECK: [[X:[a-z]+]] and [[X]]\n", input: "ab and cd\n" },
  { name: "var redefinition", check: "CHECK: [[X:a.]]\nCHECK: [[X:b.]]\nCHECK: [[X]]\n", input: "a1\nb2\nb2\n" },
  { name: "var value escaped", check: "CHECK: [[X:.*]];\nCHECK: <[[X]]>\n", input: "a.*(b);\n<a.*(b)>\n" },
  { name: "undefined var", check: "CHECK: [[UNDEF]]\n", input: "x\n" },
  { name: "undefined var in not", check: "CHECK: a\nCHECK-NOT: [[UNDEF]]\nCHECK: b\n", input: "a\nb\n" },
  { name: "triple bracket", check: "CHECK: [[[X:[0-9]+]]]\nCHECK: ([[X]])\n", input: "[42]\n(42)\n" },
  { name: "empty var def", check: "CHECK: a[[E:]]b\nCHECK: c[[E]]d\n", input: "ab\ncd\n" },
  { name: "global var", check: "CHECK: [[$G:[a-z]+]]\nCHECK: [[$G]]\n", input: "zz\nzz\n" },
  { name: "var whitespace error", check: "CHECK: [[X Y:a]]\n", input: "a\n" },
  {
    name: "excluded with var notes",
    check: "CHECK: [[X:[a-z]+]]\nCHECK-NOT: [[X]] [[Y:[0-9]+]]\nCHECK: end\n",
    input: "ab\nab 12\nend\n",
  },
  // Numeric variables.
  { name: "numeric pass", check: "CHECK: n=[[#N:]]\nCHECK: m=[[#N+1]]\n", input: "n=5\nm=6\n" },
  { name: "numeric fail", check: "CHECK: n=[[#N:]]\nCHECK: m=[[#N+1]]\n", input: "n=5\nm=7\n" },
  { name: "numeric use", check: "CHECK: [[#N:]]\nCHECK: [[#N]] [[#N-1]]\n", input: "10\n10 9\n" },
  { name: "numeric hex", check: "CHECK: [[#%x,A:]]\nCHECK: [[#A+1]]\n", input: "ff\n100\n" },
  { name: "numeric constraint", check: "CHECK: [[#N:]]\nCHECK: [[#M:N+2]]\nCHECK: [[#M]]\n", input: "3\n5\n5\n" },
  { name: "numeric same line error", check: "CHECK: [[#N:]] [[#N]]\n", input: "1 1\n" },
  { name: "numeric precision", check: "CHECK: [[#%.3u,N:]]\nCHECK: [[#%.3u,N+1]]\n", input: "007\n008\n" },
  {
    name: "numeric function",
    check: "CHECK: [[#A:]] [[#B:]]\nCHECK: [[#add(A,B)]] [[#max(A,B)]] [[#mul(A,3)]]\n",
    input: "2 5\n7 5 6\n",
  },
  { name: "numeric signed", check: "CHECK: [[#%d,N:]]\nCHECK: [[#N-1]]\n", input: "-4\n-5\n" },
  { name: "numeric undefined", check: "CHECK: [[#Q+1]]\n", input: "1\n" },
  { name: "line var", check: "CHECK: line [[@LINE]]\nCHECK: next [[@LINE+1]]\n", input: "line 1\nnext 3\n" },
  { name: "numeric line var", check: "CHECK: [[#@LINE]]\n", input: "1\n" },
  { name: "invalid var name", check: "CHECK: [[1X]]\n", input: "a\n" },
  { name: "unterminated var", check: "CHECK: [[X\n", input: "a\n" },
  { name: "unbalanced bracket in var", check: "CHECK: [[X:a]b]]\n", input: "a\n" },
  { name: "string/numeric clash", check: "CHECK: [[X:a]]\nCHECK: [[#X:]]\n", input: "a\n1\n" },
  { name: "groups after alternation", check: "CHECK: {{x|y}} [[V:[0-9]+]] [[V]]\n", input: "y 12 12\n" },
  {
    name: "backref beyond nine",
    check: "CHECK: [[A:.]][[B:.]][[C:.]][[D:.]][[E:.]][[F:.]][[G:.]][[H:.]][[I:.]][[J:.]][[K:.]]-[[K]][[A]]\n",
    input: "abcdefghijk-ka\n",
  },
  { name: "numeric bad format", check: "CHECK: [[#%q,N:]]\n", input: "1\n" },
  { name: "numeric format conflict", check: "CHECK: [[#%x,A:]] [[#%u,B:]]\nCHECK: [[#A+B]]\n", input: "a 1\n11\n" },
  { name: "numeric overflow", check: "CHECK: [[#N:]]\nCHECK: [[#N-5]]\n", input: "1\n2\n" },
  { name: "numeric div by zero", check: "CHECK: [[#N:]]\nCHECK: [[#div(N,0)]]\n", input: "1\n2\n" },
  { name: "numeric bad operand", check: "CHECK: [[#N+]]\n", input: "1\n" },
  { name: "numeric unsupported op", check: "CHECK: [[#N:]]\nCHECK: [[#N*2]]\n", input: "1\n2\n" },
  { name: "numeric alternate hex", check: "CHECK: [[#%#x,N:]]\nCHECK: [[#%#x,N+1]]\n", input: "0xf\n0x10\n" },
  { name: "numeric upper hex", check: "CHECK: [[#%X,N:]]\nCHECK: [[#N+1]]\n", input: "FF\n100\n" },
  // Buffer edges and odd input.
  { name: "input without final newline", check: "CHECK: a\nCHECK-NEXT: b\n", input: "a\nb" },
  { name: "check file without final newline", check: "CHECK: a\nCHECK: b", input: "a\nb\n" },
  { name: "non-ascii line drops caret", check: "CHECK: hallo\n", input: "h\u00e9llo w\n" },
  { name: "case sensitive", check: "CHECK: Foo\n", input: "foo\n" },
  { name: "only dags and nots", check: "CHECK-DAG: b\nCHECK-NOT: a\n", input: "b\na\n" },
  { name: "label then not", check: "CHECK-LABEL: f\nCHECK-NOT: x\nCHECK-LABEL: g\n", input: "f\nx\ng\n" },
  {
    name: "next at end of label block",
    check: "CHECK-LABEL: f\nCHECK: a\nCHECK-NEXT: b\nCHECK-LABEL: g\n",
    input: "f\na\ng\nb\n",
  },
  // CHECK-COUNT.
  { name: "count pass", check: "CHECK-COUNT-3: x\n", input: "x\nx\nx\n" },
  { name: "count fail", check: "CHECK-COUNT-3: x\n", input: "x\nx\n" },
  { name: "count then next", check: "CHECK-COUNT-2: x\nCHECK-NEXT: y\n", input: "x x\ny\n" },
  { name: "count bad", check: "CHECK-COUNT-0: x\n", input: "x\n" },
  // Prefixes and options.
  { name: "custom prefix", check: "FOO: a\nCHECK: nope\n", input: "a\n", args: ["--check-prefix=FOO"] },
  { name: "two prefixes", check: "A: a\nB: b\n", input: "a\nb\n", args: ["--check-prefixes=A,B"] },
  { name: "unused prefix", check: "A: a\n", input: "a\n", args: ["--check-prefixes=A,B"] },
  {
    name: "unused prefix allowed",
    check: "A: a\n",
    input: "a\n",
    args: ["--check-prefixes=A,B", "--allow-unused-prefixes"],
  },
  { name: "no prefix found", check: "FOO: a\n", input: "a\n" },
  {
    name: "prefix repeated option",
    check: "A: a\nB-NEXT: b\n",
    input: "a\nb\n",
    args: ["--check-prefix", "A", "--check-prefix", "B"],
  },
  { name: "bad prefix", check: "A: a\n", input: "a\n", args: ["--check-prefix=A.B"] },
  { name: "duplicate prefix", check: "A: a\n", input: "a\n", args: ["--check-prefixes=A,A"] },
  { name: "empty pattern", check: "CHECK:\n", input: "a\n" },
  { name: "empty not pattern", check: "CHECK: a\nCHECK-NOT:   \n", input: "a\n" },
  { name: "misspelled", check: "CHECK: a\nCHECK_NEXT: b\n", input: "a\nb\n" },
  { name: "bad not combo", check: "CHECK: a\nCHECK-NOT-NEXT: b\n", input: "a\nb\n" },
  { name: "full lines fail", check: "CHECK: foo\n", input: "foo bar\n", args: ["--match-full-lines"] },
  { name: "full lines pass", check: "CHECK: foo\n", input: "  foo  \n", args: ["--match-full-lines"] },
  { name: "full lines regex", check: "CHECK: {{.*}}oo\n", input: "foo\n", args: ["--match-full-lines"] },
  { name: "full lines not", check: "CHECK: a\nCHECK-NOT: b\n", input: "a\nxbx\n", args: ["--match-full-lines"] },
  { name: "implicit check not", check: "CHECK: a\n", input: "a\nerror: bad\n", args: ["--implicit-check-not=error"] },
  { name: "implicit check not pass", check: "CHECK: a\n", input: "a\nfine\n", args: ["--implicit-check-not", "error"] },
  { name: "implicit check not only", check: "", input: "fine\n", args: ["--implicit-check-not=error"] },
  { name: "empty input", check: "CHECK: a\n", input: "" },
  { name: "empty input allowed", check: "CHECK-NOT: a\n", input: "", args: ["--allow-empty"] },
  { name: "empty input allowed fail", check: "CHECK: a\n", input: "", args: ["--allow-empty"] },
  {
    name: "full lines strict",
    check: "CHECK: foo\n",
    input: " foo\n",
    args: ["--match-full-lines", "--strict-whitespace"],
  },
  {
    name: "full lines strict pass",
    check: "CHECK:foo \n",
    input: "foo \n",
    args: ["--match-full-lines", "--strict-whitespace"],
  },
  {
    name: "implicit check not regex",
    check: "CHECK: a\n",
    input: "a\nwarning: 3\n",
    args: ["--implicit-check-not={{warning|error}}"],
  },
  { name: "comment prefixes", check: "NOTE: CHECK: nope\nCHECK: a\n", input: "a\n", args: ["--comment-prefixes=NOTE"] },
  {
    name: "dag defines var used later",
    check: "CHECK-DAG: y=[[Y:[0-9]+]]\nCHECK-DAG: x=[[X:[0-9]+]]\nCHECK: sum [[X]] [[Y]]\n",
    input: "x=1\ny=2\nsum 1 2\n",
  },
  { name: "dag numeric var", check: "CHECK-DAG: [[#N:]] items\nCHECK: next [[#N+1]]\n", input: "4 items\nnext 5\n" },
  { name: "count literal", check: "CHECK-COUNT-2{LITERAL}: [[x]]\n", input: "[[x]] [[x]]\n" },
  {
    name: "not with var defined earlier",
    check: "CHECK: def [[V:[a-z]+]]\nCHECK-NOT: use [[V]]\nCHECK: end\n",
    input: "def q\nuse q\nend\n",
  },
  // MLIR-shaped tests.
  {
    name: "mlir function",
    check: [
      "// CHECK-LABEL: func.func @add(",
      "// CHECK-SAME:    %[[A:.*]]: i32, %[[B:.*]]: i32) -> i32 {",
      "// CHECK-NEXT:    %[[S:.*]] = arith.addi %[[A]], %[[B]] : i32",
      "// CHECK-NEXT:    return %[[S]] : i32",
      "// CHECK-NEXT:  }",
      "",
    ].join("\n"),
    input:
      "module {\n  func.func @add(%arg0: i32, %arg1: i32) -> i32 {\n    %0 = arith.addi %arg0, %arg1 : i32\n    return %0 : i32\n  }\n}\n",
  },
  {
    name: "mlir function swapped operands",
    check: [
      "// CHECK-LABEL: func.func @add(",
      "// CHECK-SAME:    %[[A:.*]]: i32, %[[B:.*]]: i32) -> i32 {",
      "// CHECK-NEXT:    %[[S:.*]] = arith.addi %[[A]], %[[B]] : i32",
      "",
    ].join("\n"),
    input: "func.func @add(%arg0: i32, %arg1: i32) -> i32 {\n  %0 = arith.addi %arg1, %arg0 : i32\n}\n",
  },
  {
    name: "mlir dense nested brackets",
    check: "// CHECK: arith.constant dense<{{\\[\\[}}1, 2], [3, 4]]> : tensor<2x2xi32>\n",
    input: "%cst = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>\n",
  },
];

if (!fileCheck) {
  console.log(
    "FileCheck-22 not found: skipping the FileCheck oracle comparisons (set PRR_REQUIRE_LLVM=1 to fail instead)",
  );
}

(fileCheck ? describe : describe.skip)("filecheck against FileCheck-22", () => {
  it.each(cases)("$name", (c) => {
    const want = theirs(c);
    const got = ours(c);
    expect({ status: got.status, diagnostics: got.diagnostics }).toEqual(want);
  });

  it("agrees on random directive/input combinations", () => {
    const word = fc.constantFrom("a", "b", "c", "ab", "{{a|b}}", "{{[bc]+}}", "[[X:.]]", "[[X]]", "{{^}}a", "b{{$}}");
    const directive = fc.constantFrom(
      "CHECK",
      "CHECK-NEXT",
      "CHECK-SAME",
      "CHECK-NOT",
      "CHECK-DAG",
      "CHECK-LABEL",
      "CHECK-EMPTY",
    );
    const checkLine = fc
      .tuple(directive, fc.array(word, { minLength: 1, maxLength: 2 }))
      .map(([d, ws]) => (d === "CHECK-EMPTY" ? `${d}:` : `${d}: ${ws.join(" ")}`));
    const inputLine = fc
      .array(fc.constantFrom("a", "b", "c", "ab", "ba", " "), { maxLength: 4 })
      .map((xs) => xs.join(""));
    fc.assert(
      fc.property(
        fc.array(checkLine, { minLength: 1, maxLength: 4 }),
        fc.array(inputLine, { minLength: 1, maxLength: 5 }),
        (checks, lines) => {
          const c: Case = { name: "random", check: `${checks.join("\n")}\n`, input: `${lines.join("\n")}\n` };
          const want = theirs(c);
          const got = ours(c);
          expect({ status: got.status, diagnostics: got.diagnostics }).toEqual(want);
        },
      ),
      { numRuns: 150, seed: 22 },
    );
  });
});

describe("filecheck library", () => {
  it("reports pass/fail without the oracle", () => {
    expect(checkFile("CHECK: a\n", "t", "a\n", { checkPrefixes: [] }).ok).toBe(true);
    const r = checkFile("CHECK: b\n", "t", "a\n", { checkPrefixes: [] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContain("t:1:8: error: CHECK: expected string not found in input");
    expect(r.diagnostics).toContain("<stdin>:1:1: note: scanning from here");
  });
});

describe("llvmTool", () => {
  it("returns undefined for a missing tool, and throws when PRR_REQUIRE_LLVM=1", () => {
    try {
      vi.stubEnv("PRR_REQUIRE_LLVM", "");
      expect(llvmTool("prr-no-such-tool")).toBeUndefined();
      vi.stubEnv("PRR_REQUIRE_LLVM", "1");
      expect(() => llvmTool("prr-no-such-tool")).toThrow(/PRR_REQUIRE_LLVM=1/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.runIf(fileCheck !== undefined)("finds LLVM 22's FileCheck by either name", () => {
    expect(spawnSync(llvmTool("FileCheck-22")!, ["--version"], { encoding: "utf8" }).stdout).toMatch(
      /LLVM version 22\./,
    );
    expect(llvmTool("FileCheck")).toBe(fileCheck);
  });
});
