// Bad input: mutated corpus files (byte flips, truncation, token deletion and duplication, inserted
// punctuation) must make `prr opt` succeed or print file:line:col diagnostics, never crash or hang.
// PRR_FUZZ_RUNS sets the number of cases (default 10,000), PRR_FUZZ_SEED replays a run,
// PRR_FUZZ_CASE_MS bounds one case (default 2,000 ms).
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { corpusAbsence, corpusMlirFiles } from "../conformance/corpus.ts";
import type { FuzzMessage, FuzzOptions } from "./fuzz-worker.ts";

const runs = Number(process.env.PRR_FUZZ_RUNS ?? 10_000);
// CI replays one fixed seed (a landing must not depend on luck); local runs explore new seeds.
const seed = Number(process.env.PRR_FUZZ_SEED ?? (process.env.CI ? 20261122 : Date.now() % 2 ** 31));
const caseMs = Number(process.env.PRR_FUZZ_CASE_MS ?? 2_000);
// A worker silent this long is hung inside one case (far beyond the per-case bound, which it checks itself).
const hangMs = Math.max(30_000, 5 * caseMs);

const absent = corpusAbsence();
if (absent !== undefined) console.log(`fuzz suite skipped: ${absent}`);

// The worker runs TypeScript through tsx's ESM API, as vitest runs this file.
const bootstrap = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.module, workerData.parent));
`;

/** The URL of tsx's ESM API (its `import` export; the CommonJS one cannot register hooks in a worker). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const exports = JSON.parse(fs.readFileSync(manifest, "utf8")).exports as Record<
    string,
    { import: { default: string } }
  >;
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

interface Outcome {
  readonly cases: number;
  readonly succeeded?: number;
  readonly failure?: string;
}

function runWorker(options: FuzzOptions): Promise<Outcome> {
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: {
      tsx: tsxEsmApi(),
      module: fileURLToPath(new URL("./fuzz-worker.ts", import.meta.url)),
      parent: import.meta.url,
      fuzz: options,
    },
  });
  return new Promise((resolve) => {
    let current = "no case started yet";
    let done = 0;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(o);
    };
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish({ cases: done, failure: `hang: no progress for ${hangMs} ms in case ${current}` }),
        hangMs,
      );
    };
    watch();
    worker.on("message", (m: FuzzMessage) => {
      watch();
      if (m.type === "start") current = m.description;
      else if (m.type === "end") done++;
      else finish(m);
    });
    worker.on("error", (e) => finish({ cases: done, failure: `the fuzz worker failed: ${e.stack ?? e.message}` }));
    worker.on("exit", (code) =>
      finish({ cases: done, failure: `the fuzz worker exited (${code}) during case ${current}` }),
    );
  });
}

describe.skipIf(absent !== undefined)("fuzz: prr opt on mutated corpus files", () => {
  it(`ends every case in success or diagnostics (${runs} cases)`, async () => {
    const files = corpusMlirFiles();
    const started = performance.now();
    const outcome = await runWorker({ files, runs, seed, caseMs });
    const seconds = (performance.now() - started) / 1000;
    const succeeded = outcome.succeeded ?? 0;
    console.log(
      `fuzz: ${outcome.cases} cases in ${seconds.toFixed(1)} s over ${files.length} corpus files (seed ${seed}): ` +
        `${succeeded} printed, ${outcome.cases - succeeded} diagnosed`,
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.cases).toBeGreaterThanOrEqual(runs);
  }, 900_000);
});
