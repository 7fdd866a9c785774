// prettier-plugin-prr: formats .prr rule files with Prettier 3 (`prettier --plugin
// dist/tools/prettier-plugin-prr/index.js`, or `prr fmt`). 100 columns, two-space indent.
import type { Plugin, SupportLanguage } from "prettier";
import type { PrrNode } from "./nodes.ts";
import { prrParser } from "./parser.ts";
import { prrPrinter } from "./printer.ts";

export const languages: SupportLanguage[] = [
  { name: "prr", parsers: ["prr"], extensions: [".prr"], vscodeLanguageIds: ["prr"], tmScope: "source.prr" },
];

export const parsers = { prr: prrParser };

export const printers = { "prr-ast": prrPrinter };

export const defaultOptions = { printWidth: 100, tabWidth: 2, useTabs: false };

const plugin: Plugin<PrrNode> = { languages, parsers, printers, defaultOptions };
export default plugin;
