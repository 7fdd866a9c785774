// Strongly connected components (Tarjan) of a graph restricted to some nodes, keeping only the
// components that contain a cycle: the ones an infinite chain can stay in.

export function sccs(nodes: readonly number[], edges: readonly (readonly number[])[]): number[][] {
  const inside = new Set(nodes);
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges[v] ?? []) {
      if (!inside.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: number[] = [];
    for (let w = -1; w !== v;) {
      w = stack.pop()!;
      onStack.delete(w);
      comp.push(w);
    }
    const cyclic = comp.length > 1 || (edges[v] ?? []).includes(v);
    if (cyclic) out.push(comp.sort((a, b) => a - b));
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}
