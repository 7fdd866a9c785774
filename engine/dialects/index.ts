// The dialects prr registers, and a Context factory with all of them.
import { DialectRegistry } from "./registry.ts";
import { Context } from "../ir/context.ts";
import { builtinDialect } from "./builtin.ts";
import { funcDialect } from "./func.ts";
import { scfDialect } from "./scf.ts";
import { affineDialect } from "./affine.ts";
import { vectorDialect } from "./vector.ts";
import { tosaDialect } from "./tosa.ts";
import { shardDialect } from "./shard.ts";
import { tensorDialect } from "./tensor.ts";
import { memrefDialect } from "./memref.ts";
import { bufferizationDialect } from "./bufferization.ts";
import { linalgDialect } from "./linalg.ts";
import { arithDialect } from "./arith.ts";
import { mathDialect } from "./math.ts";
import { cfDialect } from "./cf.ts";

export function defaultRegistry(): DialectRegistry {
  return new DialectRegistry().register(builtinDialect).register(funcDialect).register(scfDialect).register(affineDialect).register(vectorDialect).register(tosaDialect).register(shardDialect)
    .register(tensorDialect)
    .register(memrefDialect)
    .register(bufferizationDialect)
    .register(linalgDialect)
    .register(arithDialect)
    .register(mathDialect)
    .register(cfDialect);
}

let shared: DialectRegistry | undefined;

/** A fresh context with every prr dialect registered. */
export function createContext(options: { allowUnregistered?: boolean } = {}): Context {
  shared ??= defaultRegistry();
  const ctx = new Context(shared);
  ctx.allowUnregistered = options.allowUnregistered ?? false;
  return ctx;
}
