// Where the printer puts spaces: decided once per format, statically, exactly as MLIR's
// OpFormatGen does (shouldEmitSpaceBefore, genLiteralPrinter, genSpacePrinter).
import type { Element } from "./elements.ts";

/** An element with its statically computed leading space, as OpFormatGen emits it. */
export interface Printed {
  readonly el: Element;
  readonly space: boolean;
  readonly then?: readonly Printed[];
  readonly else?: readonly Printed[];
}

function shouldEmitSpaceBefore(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value[0]!);
  return !"<>(){}[],".includes(value[0]!);
}

/** Walks elements in order carrying OpFormatGen's two flags, as its generated code does at compile time. */
export class Spacer {
  shouldEmitSpace = true;
  lastWasPunctuation = false;

  layout(elements: readonly Element[], skip?: Element): Printed[] {
    const out: Printed[] = [];
    for (const el of elements) if (el !== skip) out.push(this.one(el));
    return out;
  }

  private one(el: Element): Printed {
    switch (el.k) {
      case "literal": {
        const space = this.shouldEmitSpace && shouldEmitSpaceBefore(el.text, this.lastWasPunctuation);
        this.shouldEmitSpace = el.text.length !== 1 || !"<({[".includes(el.text);
        this.lastWasPunctuation = el.text[0] !== "_" && !/[A-Za-z]/.test(el.text[0]!);
        return { el, space };
      }
      case "space":
        if (el.text === "\\n") return { el, space: false };
        this.lastWasPunctuation = el.text === "";
        this.shouldEmitSpace = false;
        return { el, space: el.text === " " };
      case "optional": {
        const then = this.layout(el.then, el.elidedAnchor);
        const els = this.layout(el.else, el.elidedAnchor);
        return { el, space: false, then, else: els };
      }
      case "attr-dict":
      case "prop-dict":
        this.lastWasPunctuation = false;
        return { el, space: false };
      default: {
        const space = this.shouldEmitSpace || !this.lastWasPunctuation;
        this.lastWasPunctuation = false;
        this.shouldEmitSpace = true;
        return { el, space };
      }
    }
  }
}
