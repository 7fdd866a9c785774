// Chevrotain, loaded from its single-file bundle. The package's export map points at ~60 modules
// (and lodash-es) whose loading costs about 0.7 s of every start-up; the bundle shipped in the same
// package is the same code in one file. Types still come from the package itself.
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Chevrotain from "chevrotain";

const api = createRequire(import.meta.url).resolve("chevrotain");
const bundle = path.join(path.dirname(api), "..", "chevrotain.mjs");
const chevrotain = (await import(pathToFileURL(bundle).href)) as typeof Chevrotain;

export const createToken: typeof Chevrotain.createToken = chevrotain.createToken;
export const Lexer: typeof Chevrotain.Lexer = chevrotain.Lexer;
export const CstParser: typeof Chevrotain.CstParser = chevrotain.CstParser;
