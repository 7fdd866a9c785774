// SSA names while parsing: how an operand use is written (`%12#1`) and the names each region
// defines, keyed by number for `%12` so that the common names are found without slicing the text.
import type { Value } from "../../engine/ir/value.ts";
import type { SourceFile, Span } from "../../engine/support/source.ts";

/**
 * An SSA name as the scopes key it: its number for `%12` (most names in a large module, found
 * without slicing the text), else its text.
 */
export type NameKey = number | string;

/** `%name#number` as written: one object per operand use, its name and span made only when needed. */
export class ValueUse {
  key: NameKey;
  number = 0;
  private file: SourceFile;
  private start: number;
  private end: number;
  constructor(key: NameKey, file: SourceFile, start: number, end: number) {
    this.key = key;
    this.file = file;
    this.start = start;
    this.end = end;
  }
  /** Makes this object another use (parsers that hold a use only until it is resolved reuse one). */
  reset(key: NameKey, file: SourceFile, start: number, end: number): void {
    this.key = key;
    this.number = 0;
    this.file = file;
    this.start = start;
    this.end = end;
  }
  get name(): string {
    return typeof this.key === "string" ? this.key : this.file.text.slice(this.start, this.end);
  }
  get span(): Span {
    return { file: this.file, start: this.start, end: this.end };
  }
}

/**
 * The SSA names defined in one region. Numbered names (`%0`, `%123`: most of a large module) live
 * in an array indexed by their number; the rest in a Map.
 */
export class ValueNames {
  private readonly named = new Map<string, Value[]>();
  private readonly numbered: (Value[] | undefined)[] = [];
  /** The key of the name `text[start, end)` (`%` included). */
  static keyAt(text: string, start: number, end: number): NameKey {
    const n = end - start;
    if (n < 2 || n > 9) return text.slice(start, end);
    let v = 0;
    for (let i = start + 1; i < end; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || (i === start + 1 && c === 0 && n > 2)) return text.slice(start, end);
      v = v * 10 + c;
    }
    return v;
  }
  static key(name: string): NameKey {
    return ValueNames.keyAt(name, 0, name.length);
  }
  get(key: NameKey): Value[] | undefined {
    return typeof key === "number" ? this.numbered[key] : this.named.get(key);
  }
  set(key: NameKey, values: Value[]): void {
    if (typeof key === "string") this.named.set(key, values);
    else {
      // Grow densely (no holes), so the array stays a fast packed array.
      while (this.numbered.length < key) this.numbered.push(undefined);
      this.numbered[key] = values;
    }
  }
  delete(key: NameKey): void {
    if (typeof key === "string") this.named.delete(key);
    else if (key < this.numbered.length) this.numbered[key] = undefined;
  }
  *all(): IterableIterator<Value[]> {
    yield* this.named.values();
    for (const v of this.numbered) if (v !== undefined) yield v;
  }
}
