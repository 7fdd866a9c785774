// The ohm-js grammar of the Confluence Competition's ARI format (first-order TRS flavour):
// `(format TRS)`, `(fun f n)`, `(rule l r)`, S-expression terms, `;` comments.
import * as ohm from "ohm-js";

export const ariGrammarSource = String.raw`
TrsAri {
  Problem = Format Decl*

  // Reads only the format declaration, so other formats are rejected before their body is parsed.
  Head = Format any*

  Format = "(" kw<"format"> ident ident* ")"

  Decl = Fun | Rule

  Fun = "(" kw<"fun"> ident number ")"

  Rule = "(" kw<"rule"> Term Term ")"

  Term = ident               -- atom
       | "(" ident Term+ ")"  -- app

  kw<word> = word ~idchar

  ident (an identifier) = "|" (~"|" any)* "|"  -- quoted
        | idchar+              -- plain

  idchar = ~("(" | ")" | ";" | "|" | space) any

  number (a number) = digit+ ~idchar

  space += comment

  comment = ";" (~"\n" any)*
}
`;

export const ariGrammar: ohm.Grammar = ohm.grammar(ariGrammarSource);
