// `cse`: common subexpression elimination as MLIR's CSE pass does it: an op without side effects
// that repeats an earlier op visible from it (same name, operands, attributes, result types) is
// replaced by that op. Scopes follow region nesting; blocks of a CFG region get their own scope.
import type { Operation, Block } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";
import type { NativePass, PassResult } from "./pass.ts";

class Scopes {
  private readonly ids = new Map<Value, number>();
  private readonly stack: Map<string, Operation>[] = [];

  push(): void {
    this.stack.push(new Map());
  }
  pop(): void {
    this.stack.pop();
  }
  id(v: Value): number {
    let n = this.ids.get(v);
    if (n === undefined) this.ids.set(v, (n = this.ids.size));
    return n;
  }
  key(op: Operation): string {
    let k = `${op.name}(`;
    for (const o of op.operands) k += `${this.id(o.value)},`;
    k += `)${op.props.key}${op.attrs.key}`;
    for (const r of op.results) k += `:${r.type.key}`;
    return k;
  }
  find(key: string): Operation | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const hit = this.stack[i]!.get(key);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  add(key: string, op: Operation): void {
    this.stack[this.stack.length - 1]!.set(key, op);
  }
}

function eligible(op: Operation): boolean {
  return (op.hasTrait("Pure") || op.hasTrait("ConstantLike")) && op.regions.length === 0 && op.results.length > 0 && !op.hasTrait("Terminator");
}

export function cse(module: Operation): PassResult {
  let changed = false;
  for (const region of module.regions) for (const b of region.blocks) changed = cseBlock(new Scopes(), b) || changed;
  return { changed, problems: [] };
}

/** CSE over one block and the regions nested in it, with the given scopes. */
function cseBlock(scopes: Scopes, block: Block): boolean {
  let changed = false;
  scopes.push();
  for (let op = block.first; op !== null; ) {
    const next = op.next;
    if (eligible(op)) {
      const key = scopes.key(op);
      const prev = scopes.find(key);
      if (prev !== undefined) {
        op.replaceAllUsesWith(prev.results);
        op.erase();
        changed = true;
        op = next;
        continue;
      }
      scopes.add(key, op);
    }
    for (const region of op.regions) {
      const inner = op.hasTrait("IsolatedFromAbove") ? new Scopes() : scopes;
      for (const b of region.blocks) changed = cseBlock(inner, b) || changed;
    }
    op = next;
  }
  scopes.pop();
  return changed;
}

export const csePass: NativePass = {
  name: "cse",
  summary: "eliminate common subexpressions (MLIR's -cse)",
  run: cse,
};
