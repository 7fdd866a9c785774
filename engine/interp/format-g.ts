// Number formatting as the C runtime prints it: `%g` (std::ostream's default, precision 6) with
// exact round-half-even on the binary value, `nan`/`inf`, and integers in decimal.

/** Exact powers of ten (10^22 is the largest a double holds exactly). */
const pow10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Formats `x` as C's `%.<precision>g`. */
export function formatG(x: number, precision = 6): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const negative = x < 0;
  const a = negative ? -x : x;
  // Integers with at most `precision` digits print as themselves.
  if (precision <= 15 && a < pow10[precision]! && Number.isInteger(a)) return negative ? `-${a}` : `${a}`;
  const fast = scaledText(a, precision);
  if (fast !== undefined) return negative ? `-${fast}` : fast;
  const [digits, exp] = roundedDigits(a, precision);
  let s: string;
  if (exp < -4 || exp >= precision) {
    const frac = trimZeros(digits.slice(1));
    const e = Math.abs(exp);
    s = `${digits[0]}${frac ? `.${frac}` : ""}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp >= 0) {
    const int = digits.slice(0, exp + 1);
    const frac = trimZeros(digits.slice(exp + 1));
    s = frac ? `${int}.${frac}` : int;
  } else {
    s = `0.${trimZeros(`${"0".repeat(-exp - 1)}${digits}`)}`;
  }
  return negative ? `-${s}` : s;
}

function trimZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * The text of a > 0, from its digits n found by scaling `a` into [10^(p-1), 10^p) with one
 * correctly rounded multiplication or division by an exact power of ten (error below 1e-9 of a
 * unit in the last kept digit); undefined when that cannot decide the rounding (near a tie that
 * is not exact, or outside the exact powers). An exact tie (the scaling was exact and left a half)
 * rounds to even, as C does. The decimal n·10^(exp-p+1) has at most 15 significant digits, so the
 * double nearest to it (one correctly rounded division) prints in JavaScript's shortest form as
 * exactly those digits, trailing zeros dropped, as %g drops them.
 */
function scaledText(a: number, precision: number): string | undefined {
  if (precision > 9) return undefined;
  let exp = decimalExponent(a);
  let scaled = scale(a, precision - 1 - exp);
  const low = pow10[precision - 1]!;
  const high = pow10[precision]!;
  if (scaled === undefined) return undefined;
  if (scaled >= high) scaled = scale(a, precision - 1 - ++exp);
  else if (scaled < low) scaled = scale(a, precision - 1 - --exp);
  if (scaled === undefined || scaled < low || scaled >= high) return undefined;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  let n = frac > 0.5 ? floor + 1 : floor;
  if (Math.abs(frac - 0.5) < 1e-9) {
    const k = precision - 1 - exp;
    const exact = k >= 0 ? exactProduct(a, pow10[k]!, scaled) : exactProduct(scaled, pow10[-k]!, a);
    if (frac !== 0.5 || !exact) return undefined;
    n = floor % 2 === 0 ? floor : floor + 1;
  }
  if (n === high) {
    n = low;
    exp++;
  }
  // Fixed notation splits n into integer and fraction digits; exponent notation after the first.
  const k = exp >= -4 && exp < precision ? precision - 1 - exp : precision - 1;
  const body = k <= precision - 1 ? decimal(n, k) : `0.${zeros[k - precision]}${withoutTrailingZeros(n)}`;
  if (exp >= -4 && exp < precision) return body;
  const e = exp < 0 ? -exp : exp;
  return `${body}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
}

/** Whether x·m is exactly the double p (Dekker's product: the rounding error of x·m is zero). */
function exactProduct(x: number, m: number, p: number): boolean {
  const split = 134217729; // 2^27 + 1
  let t = split * x;
  const xh = t - (t - x);
  const xl = x - xh;
  t = split * m;
  const mh = t - (t - m);
  const ml = m - mh;
  return x * m === p && xh * mh - p + xh * ml + xl * mh + xl * ml === 0;
}

const zeros = Array.from({ length: 23 }, (_, i) => "0".repeat(i));

function withoutTrailingZeros(n: number): number {
  while (n % 10 === 0) n /= 10;
  return n;
}

/** The integer n with its last k digits as a fraction (n has more than k digits), trailing zeros dropped. */
function decimal(n: number, k: number): string {
  const unit = pow10[k]!;
  const int = Math.floor(n / unit);
  let frac = n - int * unit;
  if (frac === 0) return `${int}`;
  while (frac % 10 === 0) {
    frac /= 10;
    k--;
  }
  let width = 1;
  while (width < 22 && frac >= pow10[width]!) width++;
  return `${int}.${zeros[k - width]}${frac}`;
}

/** Approximate powers 10^-k, for finding exponents by comparison. */
const inversePow10 = pow10.map((p) => 1 / p);

/** floor(log10(a)) give or take one (scaledText corrects it), by comparisons instead of Math.log10. */
function decimalExponent(a: number): number {
  let exp = 0;
  if (a >= 1) while (exp < 22 && a >= pow10[exp + 1]!) exp++;
  else {
    exp = -1;
    while (exp > -22 && a < inversePow10[-exp]!) exp--;
  }
  return exp;
}

function scale(a: number, k: number): number | undefined {
  if (k >= 0) return k < pow10.length ? a * pow10[k]! : undefined;
  return -k < pow10.length ? a / pow10[-k]! : undefined;
}

/** `precision` significant digits of a > 0 and the decimal exponent, rounded half-to-even exactly. */
function roundedDigits(a: number, precision: number): [string, number] {
  const e = a.toExponential(precision - 1);
  const at = e.indexOf("e");
  let digits = e.slice(0, at).replace(".", "");
  let exp = Number(e.slice(at + 1));
  // JavaScript rounds exact ties away from zero; C rounds them to even. Detect a tie from a longer
  // (exact for these lengths) expansion and round down when the kept digit is even. A tie needs the
  // next digit to be exactly 5 followed by zeros, so a one-digit-longer expansion not ending in 5
  // rules it out cheaply (printing a model's output is otherwise dominated by the long expansion).
  const next = a.toExponential(precision);
  if (next[next.indexOf("e") - 1] !== "5") return [digits, exp];
  const long = a.toExponential(Math.min(100, precision + 30));
  const lat = long.indexOf("e");
  const ld = long.slice(0, lat).replace(".", "");
  if (ld[precision] === "5" && /^0*$/.test(ld.slice(precision + 1)) && Number(long.slice(lat + 1)) === Number(long.slice(lat + 1))) {
    const kept = ld.slice(0, precision);
    if (Number(kept[precision - 1]) % 2 === 0) {
      digits = kept;
      exp = Number(long.slice(lat + 1));
    }
  }
  return [digits, exp];
}
