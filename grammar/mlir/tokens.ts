// Token kinds of MLIR's textual format (as small integers: the lexer is a hot path).
export const Tok = {
  eof: 0,
  error: 1,
  bareIdent: 2, // foo, i32, func.func
  percentIdent: 3, // %0, %arg
  caretIdent: 4, // ^bb0
  atIdent: 5, // @sym or @"sym"
  hashIdent: 6, // #map, #arith.fastmath
  bangIdent: 7, // !llvm.ptr
  integer: 8,
  float: 9,
  string: 10,
  lparen: 11,
  rparen: 12,
  lsquare: 13,
  rsquare: 14,
  lbrace: 15,
  rbrace: 16,
  less: 17,
  greater: 18,
  comma: 19,
  colon: 20,
  equal: 21,
  arrow: 22,
  plus: 23,
  minus: 24,
  star: 25,
  question: 26,
  ellipsis: 27,
  fileMetadataBegin: 28, // {-#
  fileMetadataEnd: 29, // #-}
  vbar: 30,
  colonColon: 31,
  questionMark: 32,
  slash: 33,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

export const tokName: Record<number, string> = {
  [Tok.eof]: "end of file",
  [Tok.error]: "invalid token",
  [Tok.bareIdent]: "identifier",
  [Tok.percentIdent]: "SSA value",
  [Tok.caretIdent]: "block label",
  [Tok.atIdent]: "symbol",
  [Tok.hashIdent]: "attribute alias",
  [Tok.bangIdent]: "type alias",
  [Tok.integer]: "integer",
  [Tok.float]: "float",
  [Tok.string]: "string",
  [Tok.lparen]: "'('",
  [Tok.rparen]: "')'",
  [Tok.lsquare]: "'['",
  [Tok.rsquare]: "']'",
  [Tok.lbrace]: "'{'",
  [Tok.rbrace]: "'}'",
  [Tok.less]: "'<'",
  [Tok.greater]: "'>'",
  [Tok.comma]: "','",
  [Tok.colon]: "':'",
  [Tok.equal]: "'='",
  [Tok.arrow]: "'->'",
  [Tok.plus]: "'+'",
  [Tok.minus]: "'-'",
  [Tok.star]: "'*'",
  [Tok.question]: "'?'",
  [Tok.ellipsis]: "'...'",
  [Tok.fileMetadataBegin]: "'{-#'",
  [Tok.fileMetadataEnd]: "'#-}'",
  [Tok.vbar]: "'|'",
  [Tok.colonColon]: "'::'",
  [Tok.slash]: "'/'",
};
