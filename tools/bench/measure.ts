// Wall time and peak resident memory of a child process, for the benchmarks: peak RSS from GNU time's
// `%M` when /usr/bin/time exists, else from polling the child's /proc/PID/status VmHWM (a lower bound).
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";

export interface Measurement {
  readonly ms: number;
  /** Peak resident set size in KiB, when it could be measured. */
  readonly peakKiB: number | undefined;
  /** User plus system CPU time in ms, when it could be measured (less sensitive to a busy machine). */
  readonly cpuMs: number | undefined;
  readonly status: number;
  readonly stderr: string;
}

const gnuTime = "/usr/bin/time";
// PRR_BENCH_NO_GNU_TIME=1 forces the /proc fallback (to test it where GNU time exists).
const hasGnuTime = fs.existsSync(gnuTime) && process.env.PRR_BENCH_NO_GNU_TIME !== "1";

/** How peak memory is measured on this machine, for the report. */
export const memorySource = hasGnuTime
  ? "GNU time (%M; CPU %U+%S)"
  : "/proc/PID/status VmHWM polled every 5 ms (CPU time not measured)";

export async function measure(command: string, args: readonly string[], cwd: string): Promise<Measurement> {
  return hasGnuTime ? withGnuTime(command, args, cwd) : withProcPolling(command, args, cwd);
}

function withGnuTime(command: string, args: readonly string[], cwd: string): Measurement {
  const marker = "prr-bench-peak-kib=";
  const started = performance.now();
  const r = spawnSync(gnuTime, ["-f", `${marker}%M %U %S`, command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  const lines = (r.stderr ?? "").split("\n");
  let at = lines.length - 1;
  while (at >= 0 && !lines[at]!.startsWith(marker)) at--;
  if (at < 0) return { ms, peakKiB: undefined, cpuMs: undefined, status: r.status ?? -1, stderr: lines.join("\n") };
  const [peak, user, system] = lines[at]!.slice(marker.length).split(" ").map(Number);
  lines.splice(at, 1);
  return { ms, peakKiB: peak, cpuMs: 1000 * (user! + system!), status: r.status ?? -1, stderr: lines.join("\n") };
}

function vmHwmKiB(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function withProcPolling(command: string, args: readonly string[], cwd: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak: number | undefined;
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const poll = setInterval(() => {
      const kib = child.pid === undefined ? undefined : vmHwmKiB(child.pid);
      if (kib !== undefined) peak = Math.max(peak ?? 0, kib);
    }, 5);
    child.on("error", (e) => {
      clearInterval(poll);
      reject(e);
    });
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, peakKiB: peak, cpuMs: undefined, status: code ?? -1, stderr });
    });
  });
}
