// The native passes prr ships, by name; plugins add theirs to a registry of their own.
import { PassRegistry } from "./pass.ts";
import { csePass } from "./cse.ts";

export function defaultPasses(): PassRegistry {
  return new PassRegistry().register(csePass);
}
