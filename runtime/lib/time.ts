// Timestamps and durations as bigint nanoseconds. Timestamps count from the
// Unix epoch; the calendar is the proleptic Gregorian one, computed with
// integer civil-date arithmetic, or with Date for whole seconds only (its
// milliseconds would lose the nanoseconds). Text forms follow cel-go: timestamps parse like Go's
// time.Parse(RFC3339) and print like RFC3339Nano (UTC, trailing zeros of the
// fraction trimmed); durations parse like Go's time.ParseDuration and print
// as decimal seconds ("1.5s", "3600s") — exactly, where cel-go goes through a
// float64 and can lose digits past the 15th significant one.
//
// Bundles parse, print and compute the accessors' fields with their own
// port of these rules (wasm/assembly/time.ts): the reference interpreter
// runs this file (compiler/interpret/builtins/time-twins.ts), and
// `edict/runtime` keeps only parseTimestamp (the `now` option, `expires`)
// and the printers (rendering results, message holes, `string.format`).

import { daysFromCivil, civilFromDays, isLeapYear, daysInMonth } from "./civil.js";
import { zoneOffsetSeconds } from "./zone.js";

export const NANOS_PER_SECOND = 1_000_000_000n;
const NANOS_PER_DAY = 86_400n * NANOS_PER_SECOND;

/** 0001-01-01T00:00:00Z, the earliest CEL timestamp. */
export const MIN_TIMESTAMP = -62_135_596_800n * NANOS_PER_SECOND;
/** 9999-12-31T23:59:59.999999999Z, the latest CEL timestamp. */
export const MAX_TIMESTAMP = 253_402_300_799n * NANOS_PER_SECOND + 999_999_999n;

/** Go's int64 duration range, which cel-go's durations inherit. */
export const MIN_DURATION = -(2n ** 63n);
export const MAX_DURATION = 2n ** 63n - 1n;

/** True when `nanos` lies in CEL's timestamp range (years 1 to 9999). */
export function isTimestampInRange(nanos: bigint): boolean {
  return nanos >= MIN_TIMESTAMP && nanos <= MAX_TIMESTAMP;
}

/** True when `nanos` fits a Go int64 duration. */
export function isDurationInRange(nanos: bigint): boolean {
  return nanos >= MIN_DURATION && nanos <= MAX_DURATION;
}

function digitsAt(s: string, start: number, count: number): number {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses an RFC 3339 timestamp `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)`; null when
 * malformed, when a field is out of range (Feb 30, hour 24, second 60) or
 * when the instant lies outside years 1 to 9999 UTC. Fraction digits past
 * the ninth are truncated, as Go does.
 */
export function parseTimestamp(s: string): bigint | null {
  if (s.length < 20) return null;
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":") return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  let i = 19;
  let fraction = 0n;
  if (s[i] === "." && i + 1 < s.length && isDigit(s, i + 1)) {
    let digits = "";
    i++;
    while (i < s.length && isDigit(s, i)) {
      if (digits.length < 9) digits += s[i];
      i++;
    }
    fraction = BigInt(digits.padEnd(9, "0"));
  }
  let offsetSeconds = 0;
  const zone = s.slice(i);
  if (zone !== "Z") {
    if (zone.length !== 6 || (zone[0] !== "+" && zone[0] !== "-") || zone[3] !== ":") return null;
    const oh = digitsAt(zone, 1, 2);
    const om = digitsAt(zone, 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetSeconds = (zone[0] === "-" ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const days = daysFromCivil(year, month, day);
  const seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  const nanos = BigInt(seconds) * NANOS_PER_SECOND + fraction;
  return isTimestampInRange(nanos) ? nanos : null;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Floor division and non-negative remainder for bigints. */
function floorDivMod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

/** Nine-digit fraction without trailing zeros, with its dot; "" for zero. */
function fractionText(nanos: bigint): string {
  if (nanos === 0n) return "";
  const digits = nanos.toString().padStart(9, "0");
  let end = digits.length;
  while (digits[end - 1] === "0") end--;
  return "." + digits.slice(0, end);
}

/**
 * CEL `string(timestamp)`: `YYYY-MM-DDTHH:MM:SS[.fraction]Z` in UTC, the
 * fraction only when non-zero and without trailing zeros (Go's
 * RFC3339Nano), e.g. "2009-02-13T23:31:30Z", "2009-02-13T23:31:30.5Z".
 * Meant for instants in CEL's range (years 1 to 9999); callers check
 * `isTimestampInRange` first.
 */
export function formatTimestamp(nanos: bigint): string {
  const [seconds, fraction] = floorDivMod(nanos, NANOS_PER_SECOND);
  // Whole seconds are exact as Date milliseconds, and toISOString writes
  // years 0 to 9999 with four digits: "YYYY-MM-DDTHH:MM:SS.000Z".
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 19) + fractionText(fraction) + "Z";
}

/** Nanoseconds per duration unit, as Go's time.ParseDuration names them. */
const DURATION_UNITS: { [unit: string]: bigint } = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n, // micro sign
  "\u03bcs": 1_000n, // Greek small letter mu
  ms: 1_000_000n,
  s: NANOS_PER_SECOND,
  m: 60n * NANOS_PER_SECOND,
  h: 3600n * NANOS_PER_SECOND,
};

/**
 * Parses a Go duration string: an optional sign, then one or more
 * `<decimal><unit>` parts ("1h30m", "1.5s", "-2h", ".5ms"), or "0" alone.
 * Null when malformed or outside the int64 nanosecond range. Fractions are
 * truncated to whole nanoseconds.
 */
export function parseDuration(s: string): bigint | null {
  let i = 0;
  let negative = false;
  if (s[0] === "-" || s[0] === "+") {
    negative = s[0] === "-";
    i = 1;
  }
  if (s.slice(i) === "0") return 0n;
  if (i === s.length) return null;
  let total = 0n;
  while (i < s.length) {
    const intStart = i;
    while (i < s.length && isDigit(s, i)) i++;
    const intDigits = s.slice(intStart, i);
    let fracDigits = "";
    let hasDot = false;
    if (s[i] === ".") {
      hasDot = true;
      const fracStart = ++i;
      while (i < s.length && isDigit(s, i)) i++;
      fracDigits = s.slice(fracStart, i);
    }
    if (intDigits === "" && fracDigits === "") return null;
    if (!hasDot && intDigits === "") return null;
    const unitStart = i;
    while (i < s.length && s[i] !== "." && !isDigit(s, i)) i++;
    const unitName = s.slice(unitStart, i);
    // Own properties only: "constructor" and the like are no units.
    if (!Object.hasOwn(DURATION_UNITS, unitName)) return null;
    const unit = DURATION_UNITS[unitName]!;
    let part = BigInt(intDigits === "" ? "0" : intDigits) * unit;
    if (fracDigits !== "") part += (BigInt(fracDigits) * unit) / 10n ** BigInt(fracDigits.length);
    total += part;
    if (total > MAX_DURATION + 1n) return null;
  }
  const result = negative ? -total : total;
  return isDurationInRange(result) ? result : null;
}

/**
 * CEL `string(duration)`: decimal seconds with a fraction only when
 * non-zero, trailing zeros trimmed, and the suffix "s": "1.5s", "3600s",
 * "-0.25s", "0s".
 */
export function formatDuration(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const seconds = abs / NANOS_PER_SECOND;
  const fraction = abs % NANOS_PER_SECOND;
  return `${negative ? "-" : ""}${seconds}${fractionText(fraction)}s`;
}

/** Calendar fields of an instant in a time zone (CEL's timestamp accessors). */
export interface TimestampFields {
  year: number;
  /** 1 to 12. */
  month: number;
  /** Day of the month, 1 to 31. */
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
  /** 0 = Sunday. */
  dayOfWeek: number;
  /** 0-based day of the year. */
  dayOfYear: number;
}

/**
 * The calendar fields of the instant `nanos` seen in `tz` (default UTC):
 * an IANA zone name ("America/Los_Angeles"), "UTC", or a fixed offset
 * "+05:30" / "-08:00" / "05:30". Null when the zone is unknown or the offset
 * malformed.
 */
export function timestampFields(nanos: bigint, tz?: string): TimestampFields | null {
  let offset = 0;
  if (tz !== undefined) {
    const zoneOffset = zoneOffsetSeconds(tz, nanos);
    if (zoneOffset === null) return null;
    offset = zoneOffset;
  }
  const local = nanos + BigInt(offset) * NANOS_PER_SECOND;
  const [days, dayNanos] = floorDivMod(local, NANOS_PER_DAY);
  const dayCount = Number(days);
  const { year, month, day } = civilFromDays(dayCount);
  const dayMillis = Number(dayNanos / 1_000_000n);
  const secondOfDay = Math.floor(dayMillis / 1000);
  return {
    year,
    month,
    day,
    hours: Math.floor(secondOfDay / 3600),
    minutes: Math.floor(secondOfDay / 60) % 60,
    seconds: secondOfDay % 60,
    millis: dayMillis % 1000,
    // 1970-01-01 (day 0) was a Thursday (4).
    dayOfWeek: (((dayCount + 4) % 7) + 7) % 7,
    dayOfYear: dayCount - daysFromCivil(year, 1, 1),
  };
}

export { isLeapYear, daysInMonth };
