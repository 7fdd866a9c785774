// The conformance report printed by the suite: one line per file, then the failures with their causes,
// the files skipped in custom form and why, and the share of files whose default text matches mlir-opt-22's.
import { forms, modes, type FileResult } from "./roundtrip.ts";
import { unregisteredOp } from "./prr-opt.ts";

function cell(r: FileResult, form: (typeof forms)[number]): string {
  if (form === "custom" && r.customSkipped !== undefined) return "skipped";
  return modes
    .map((m) => {
      const v = r.verdicts.get(`${form}/${m}`);
      return v === undefined ? "-" : v.ok ? "ok" : "FAIL";
    })
    .join("/");
}

export function sameTextShare(results: readonly FileResult[]): { equal: number; of: number } {
  const judged = results.filter((r) => r.sameText !== undefined);
  return { equal: judged.filter((r) => r.sameText!.equal).length, of: judged.length };
}

export function formatReport(results: readonly FileResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = [
    "conformance: prr opt round trip judged by mlir-opt-22 (verdicts: default/print-generic)",
    `${"file".padEnd(width)}  custom     generic    same text as mlir-opt`,
  ];
  for (const r of results) {
    const same = r.sameText === undefined ? "-" : r.sameText.equal ? "yes" : "no";
    lines.push(`${r.name.padEnd(width)}  ${cell(r, "custom").padEnd(9)}  ${cell(r, "generic").padEnd(9)}  ${same}`);
  }
  const checks = results.flatMap((r) => [...r.verdicts.entries()].map(([key, v]) => ({ name: r.name, key, v })));
  const failed = checks.filter((c) => !c.v.ok);
  const skipped = results.filter((r) => r.customSkipped !== undefined);
  lines.push(
    "",
    `files ${results.length}: custom form tried on ${results.length - skipped.length}, skipped on ${skipped.length}; ` +
      `checks ${checks.length}: ${checks.length - failed.length} pass, ${failed.length} fail`,
  );
  const unstable = results.filter((r) => !r.oracleCustomRoundTrips).map((r) => r.name);
  if (unstable.length > 0)
    lines.push(
      `mlir-opt-22's own default print does not read back as the original for ${unstable.length}: ${unstable.join(", ")}`,
    );
  if (failed.length > 0) {
    lines.push("", "failures:");
    for (const c of failed) {
      const r = results.find((x) => x.name === c.name)!;
      const oracle = c.key.endsWith("/default")
        ? r.oracleCustomRoundTrips
          ? ""
          : " [mlir-opt-22's own default print does not round trip this file either]"
        : r.oracleFixedPoint
          ? ""
          : " [mlir-opt-22's own generic print is not a fixed point for this file]";
      lines.push(`  ${c.name} [${c.key}]: ${(c.v as { cause: string }).cause}${oracle}`);
    }
  }
  if (skipped.length > 0) {
    const byDialect = new Map<string, number>();
    for (const r of skipped) {
      const dialect = unregisteredOp(r.customSkipped!)?.split(".")[0] ?? "?";
      byDialect.set(dialect, (byDialect.get(dialect) ?? 0) + 1);
    }
    const counts = [...byDialect].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}`);
    lines.push(
      "",
      `custom form skipped on ${skipped.length} files, by dialect of the first op prr does not register: ${counts.join(", ")}`,
    );
    for (const r of skipped)
      lines.push(`  ${r.name}: ${r.customSkipped!.replace(/^.*?\.mlir:(\d+:\d+): error: /, "$1: ")}`);
  }
  const differs = results.filter((r) => r.sameText !== undefined && !r.sameText.equal);
  const share = sameTextShare(results);
  lines.push(
    "",
    `default output equals mlir-opt-22's default output on ${share.equal}/${share.of} files ` +
      `(${share.of === 0 ? "n/a" : `${((100 * share.equal) / share.of).toFixed(1)}%`}) of those prr registers`,
  );
  for (const r of differs) lines.push(`  ${r.name}: ${(r.sameText as { difference: string }).difference}`);
  return lines.join("\n");
}
