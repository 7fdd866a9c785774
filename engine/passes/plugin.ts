// Plugins: JavaScript modules that register native passes, native constraints and native rewrites
// by name (`prr lower --plugin ./my-plugin.js`). A plugin exports `register(api)`.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { PassRegistry } from "./pass.ts";
import type { NativeRegistry } from "../rewrite/natives.ts";

export interface PluginApi {
  /** Native passes, usable in pipelines by name. */
  readonly passes: PassRegistry;
  /** Native constraints (`where f(x)`) and rewrites (`=> native f(x)`), usable from rules. */
  readonly natives: NativeRegistry;
}

/** Loads a plugin module and lets it register; returns an error message if it cannot. */
export async function loadPlugin(file: string, cwd: string, api: PluginApi): Promise<string | undefined> {
  let mod: { register?: unknown };
  try {
    mod = (await import(pathToFileURL(path.resolve(cwd, file)).href)) as { register?: unknown };
  } catch (e) {
    return `cannot load plugin '${file}': ${(e as Error).message}`;
  }
  if (typeof mod.register !== "function") return `plugin '${file}' does not export a function 'register(api)'`;
  try {
    await (mod.register as (api: PluginApi) => unknown)(api);
  } catch (e) {
    return `plugin '${file}' failed to register: ${(e as Error).message}`;
  }
  return undefined;
}
