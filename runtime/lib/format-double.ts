// `string(double)` as CEL renders it: the shortest decimal that reads back
// as the same double, laid out like Go's strconv.FormatFloat(d, 'g', -1, 64)
// (cel-go converts with fmt's %g, which is the same): plain notation when
// the decimal exponent is in [-4, 6), otherwise d.ddde±XX with at least two
// exponent digits: 123456 -> "123456", 1234567 -> "1.234567e+06",
// 0.0001 -> "0.0001", 0.00001 -> "1e-05". NaN, +Inf, -Inf as Go spells them.

/** The CEL `string()` rendering of a double. */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "+Inf";
  if (d === -Infinity) return "-Inf";
  if (d === 0) return Object.is(d, -0) ? "-0" : "0";
  const negative = d < 0;
  // toExponential() without an argument yields the shortest round-trip
  // digits (ECMA-262 Number::toString's digit selection), e.g. "1.5e+2".
  const [mantissa, expText] = Math.abs(d).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= EXPONENT_THRESHOLD) {
    const frac = digits.length > 1 ? "." + digits.slice(1) : "";
    const absExp = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${absExp < 10 ? "0" : ""}${absExp}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Go's %g with shortest precision switches to exponent form at 1e6. */
const EXPONENT_THRESHOLD = 6;
