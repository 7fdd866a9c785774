// The build's last step: bundles the `prr` CLI (tools/cli/prr.ts) into dist/tools/cli/prr.js with
// one chunk per command, loaded on demand, replacing tsc's copy of that file. Node resolves and
// compiles ~110 modules one by one for `prr run`, a fixed ~0.1 s per run that the bundle avoids.
// Packages stay external. Without esbuild the build keeps tsc's output and says so.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

/** The project root: dist/tools/build/ is three levels below it. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

async function bundle(): Promise<void> {
  let esbuild: Esbuild;
  try {
    const name = "esbuild";
    esbuild = (await import(name)) as Esbuild;
  } catch {
    console.log("bundle-cli: esbuild is not installed; dist/tools/cli/prr.js stays unbundled");
    return;
  }
  const out = path.join(root, "dist", "tools", "cli");
  fs.rmSync(path.join(out, "chunks"), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { prr: path.join(root, "tools", "cli", "prr.ts") },
    outdir: out,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

bundle().catch((e: unknown) => {
  // The unbundled output works: a failed bundle is reported, not fatal.
  console.log(`bundle-cli: bundling failed (${(e as Error).message}); dist/tools/cli/prr.js stays unbundled`);
});
