// Number formatting as the C runtime prints it: `%g` (std::ostream's default, precision 6) with
// exact round-half-even on the binary value, `nan`/`inf`, and integers in decimal.

/** Formats `x` as C's `%.<precision>g`. */
export function formatG(x: number, precision = 6): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const negative = x < 0;
  const a = negative ? -x : x;
  let [digits, exp] = roundedDigits(a, precision);
  let s: string;
  if (exp < -4 || exp >= precision) {
    const frac = digits.slice(1).replace(/0+$/, "");
    const e = Math.abs(exp);
    s = `${digits[0]}${frac ? `.${frac}` : ""}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp >= 0) {
    const int = digits.slice(0, exp + 1);
    const frac = digits.slice(exp + 1).replace(/0+$/, "");
    s = frac ? `${int}.${frac}` : int;
  } else {
    digits = `${"0".repeat(-exp - 1)}${digits}`.replace(/0+$/, "");
    s = `0.${digits}`;
  }
  return negative ? `-${s}` : s;
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
