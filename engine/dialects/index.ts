// The dialects prr registers, and a Context factory with all of them.
import { DialectRegistry } from "./registry.ts";
import { Context } from "../ir/context.ts";
import { builtinDialect } from "./builtin.ts";
import { funcDialect } from "./func.ts";

export function defaultRegistry(): DialectRegistry {
  return new DialectRegistry().register(builtinDialect).register(funcDialect);
}

let shared: DialectRegistry | undefined;

/** A fresh context with every prr dialect registered. */
export function createContext(options: { allowUnregistered?: boolean } = {}): Context {
  shared ??= defaultRegistry();
  const ctx = new Context(shared);
  ctx.allowUnregistered = options.allowUnregistered ?? false;
  return ctx;
}
