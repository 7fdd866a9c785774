// Polynomials with natural coefficients over numbered variables, enough to compare interpretations:
// sums, products, composition, and the absolute-positiveness test on a shifted domain.

/** Monomial key: sorted `var^exp` factors joined by `*`; `""` is the constant monomial. */
export type Poly = Map<string, number>;

export function constant(c: number): Poly {
  return c === 0 ? new Map() : new Map([["", c]]);
}

export function variable(v: number): Poly {
  return new Map([[`${v}^1`, 1]]);
}

export function add(a: Poly, b: Poly, scale = 1): Poly {
  const out = new Map(a);
  for (const [m, c] of b) {
    const n = (out.get(m) ?? 0) + scale * c;
    if (n === 0) out.delete(m);
    else out.set(m, n);
  }
  return out;
}

function parse(m: string): Map<number, number> {
  const out = new Map<number, number>();
  if (m === "") return out;
  for (const f of m.split("*")) {
    const [v, e] = f.split("^");
    out.set(Number(v), Number(e));
  }
  return out;
}

function key(factors: Map<number, number>): string {
  return [...factors]
    .filter(([, e]) => e > 0)
    .sort((x, y) => x[0] - y[0])
    .map(([v, e]) => `${v}^${e}`)
    .join("*");
}

function mulMonomial(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  const fa = parse(a);
  for (const [v, e] of parse(b)) fa.set(v, (fa.get(v) ?? 0) + e);
  return key(fa);
}

export function mul(a: Poly, b: Poly): Poly {
  const out: Poly = new Map();
  for (const [ma, ca] of a)
    for (const [mb, cb] of b) {
      const m = mulMonomial(ma, mb);
      out.set(m, (out.get(m) ?? 0) + ca * cb);
    }
  for (const [m, c] of out) if (c === 0) out.delete(m);
  return out;
}

export function power(a: Poly, e: number): Poly {
  let out = constant(1);
  for (let i = 0; i < e; i++) out = mul(out, a);
  return out;
}

/** p with every variable x replaced by x + shift (to move the domain N≥shift onto N). */
export function shift(p: Poly, by: number): Poly {
  if (by === 0) return p;
  let out: Poly = new Map();
  for (const [m, c] of p) {
    let term = constant(c);
    for (const [v, e] of parse(m)) term = mul(term, power(add(variable(v), constant(by)), e));
    out = add(out, term);
  }
  return out;
}

/** Whether p > 0 (strict) or p ≥ 0 for all arguments ≥ domainMin, by absolute positiveness. */
export function positive(p: Poly, domainMin: number, strict: boolean): boolean {
  const q = shift(p, domainMin);
  for (const c of q.values()) if (c < 0) return false;
  return strict ? (q.get("") ?? 0) > 0 : true;
}
