// The ohm-js grammar of the older COPS/TPDB format: `(VAR x y)`, `(SIG (f 2))`,
// `(RULES f(x) -> x ...)`, `(COMMENT ...)`; conditional rules are recognised so they can be rejected.
import * as ohm from "ohm-js";

export const copsGrammarSource = String.raw`
TrsCops {
  Problem = Section*

  Section = "(" kw<"VAR"> ident* ")"               -- var
          | "(" kw<"SIG"> SigEntry* ")"            -- sig
          | "(" kw<"RULES"> Rule* ")"              -- rules
          | "(" kw<"COMMENT"> commentItem* ")"     -- comment
          | "(" kw<"CONDITIONTYPE"> ident* ")"     -- conditiontype
          | "(" ident Any* ")"                     -- other

  SigEntry = "(" ident number ")"

  Rule = Term "->" Term Condition?

  Condition = "|" ListOf<Equation, ",">

  Equation = Term ("==" | "->*" | "->") Term

  Term = ident "(" ListOf<Term, ","> ")"  -- app
       | ident                            -- atom

  Any = "(" Any* ")"  -- list
      | ident         -- ident
      | ","           -- comma

  commentItem = "(" commentItem* ")"  -- list
              | ~")" any              -- char

  kw<word> = word ~idchar

  ident (an identifier) = (~"->" ~"==" idchar)+

  idchar = ~("(" | ")" | "," | "|" | "\"" | space) any

  number (a number) = digit+ ~idchar
}
`;

export const copsGrammar: ohm.Grammar = ohm.grammar(copsGrammarSource);
