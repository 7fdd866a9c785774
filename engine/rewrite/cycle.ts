// Finds the cycle in a sequence of rule applications: the shortest period p such that the tail of
// the history repeats with period p at least three times. Used to say which rules loop.
import type { Rule } from "./rule.ts";

export function findCycle(history: readonly Rule[]): Rule[] {
  const n = history.length;
  const maxPeriod = Math.min(64, Math.floor(n / 3));
  for (let p = 1; p <= maxPeriod; p++) {
    let periodic = true;
    for (let i = n - 3 * p; i < n - p && periodic; i++) periodic = history[i] === history[i + p];
    if (periodic) {
      const cycle = history.slice(n - p);
      // Distinct rules of one period, in the order they fire.
      return cycle.filter((r, i) => cycle.indexOf(r) === i);
    }
  }
  return [];
}
