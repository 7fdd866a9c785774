// The table of stable diagnostic codes: every diagnostic prr prints carries one of these.

export const Codes = {
  // 1xxx: MLIR text
  PRR1001: "unexpected character",
  PRR1002: "unterminated string or comment",
  PRR1003: "expected token",
  PRR1004: "undefined value",
  PRR1005: "value redefined",
  PRR1006: "type mismatch",
  PRR1007: "undefined alias",
  PRR1008: "undefined block",
  PRR1009: "unregistered operation",
  PRR1010: "invalid literal",
  PRR1011: "invalid type",
  PRR1012: "invalid attribute",
  PRR1013: "malformed custom operation",
  PRR1014: "nesting too deep",
  PRR1015: "invalid dense elements",
  // 2xxx: verification
  PRR2001: "operation verifier failed",
  PRR2002: "dominance violated",
  PRR2003: "region or block structure invalid",
  PRR2004: "operand or result count invalid",
  PRR2005: "missing or invalid attribute",
  PRR2006: "terminator invalid",
  PRR2007: "symbol invalid",
  // 3xxx: the .prr rule language
  PRR3001: "rule syntax error",
  PRR3002: "rule semantic error",
  // 4xxx: --verify-diagnostics and tests
  PRR4001: "expected diagnostic not produced",
  PRR4002: "unexpected diagnostic",
  PRR4003: "check failed",
  // 5xxx: term rewriting systems (ARI and COPS formats, `prr check --trs`)
  PRR5001: "TRS syntax error",
  PRR5002: "unsupported TRS format",
  PRR5003: "ill-formed term",
  PRR5004: "ill-formed rule",
  PRR5005: "duplicate declaration",
  PRR5006: "nesting too deep",
  // 9xxx: the command line and the environment
  PRR9001: "usage error",
  PRR9002: "cannot read or write file",
  PRR9003: "internal error",
} as const;

export type Code = keyof typeof Codes;
