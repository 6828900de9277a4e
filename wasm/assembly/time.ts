// Timestamps and durations inside the bundle: RFC 3339 and Go-duration
// parsing, their CEL text forms, and the calendar fields of an instant at a
// UTC offset. The reference interpreter runs runtime/lib/time.ts; this is a
// second implementation of the same rules, compared with it by
// test/wasm/time-helpers.test.ts. The host side is
// runtime/engine/helper-time.ts (IANA zone names stay there: only the host
// has a zone database, so the host turns a name into an offset first).
//
// Durations are i64 nanoseconds (BigInt on the host). Timestamps are not:
// 9999-12-31 is 2.5e20 ns from the epoch, past i64, so they cross as i64
// seconds and i32 nanoseconds (host: nanos / 1e9 and nanos % 1e9, the
// remainder negative before the epoch; this side floors). Arguments arrive as
// UTF-8 and are read as bytes: every character a valid timestamp holds is
// ASCII and no byte of a multi-byte sequence is, so a non-ASCII character
// makes a string invalid here exactly when it does in time.ts (where
// offsets count UTF-16 units); the two micro signs of duration units are
// matched by their UTF-8 bytes.

const NANOS_PER_SECOND: i64 = 1_000_000_000;
/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (then up to .999999999), CEL's timestamp range. */
const MIN_SECONDS: i64 = -62_135_596_800;
const MAX_SECONDS: i64 = 253_402_300_799;
/** 2^63, the magnitude of the most negative duration. */
const DURATION_LIMIT: u64 = 0x8000_0000_0000_0000;

/** A parse failure: no timestamp's seconds are i64.MIN_VALUE; for durations, where it is valid, `edict_time_invalid` tells. */
const INVALID: i64 = i64.MIN_VALUE;
let lastInvalid = false;
/** The nanoseconds of the second the last `edict_time_parse_timestamp` returned. */
let lastFraction: i32 = 0;

function floorDiv(a: i64, b: i64): i64 {
  const q = a / b;
  return a % b < 0 ? q - 1 : q;
}

function floorMod(a: i64, b: i64): i64 {
  const r = a % b;
  return r < 0 ? r + b : r;
}

// Civil dates <-> days since 1970-01-01, as runtime/lib/civil.ts: counting
// years from March puts the leap day last, and the calendar repeats every
// 400 years (146097 days); 719468 is the days from 0000-03-01 to 1970-01-01.

function isLeapYear(year: i32): bool {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

function daysInMonth(year: i32, month: i32): i32 {
  if (month == 2) return isLeapYear(year) ? 29 : 28;
  return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

function daysFromCivil(year: i32, month: i32, day: i32): i64 {
  const y: i64 = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch: i64 = month > 2 ? month - 3 : month + 9;
  const dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
  const dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Year, month (1-12) and day of civil day `days`, set by `civilFromDays`. */
let civilYear: i32 = 0;
let civilMonth: i32 = 0;
let civilDay: i32 = 0;

function civilFromDays(days: i64): void {
  const z = days + 719_468;
  const era = floorDiv(z, 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const monthFromMarch = (5 * dayOfYear + 2) / 153;
  civilDay = <i32>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
  civilMonth = <i32>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
  civilYear = <i32>(yearOfEra + era * 400) + (civilMonth <= 2 ? 1 : 0);
}

function byteAt(p: usize, i: i32): i32 {
  return <i32>load<u8>(p + <usize>i);
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

/** The value of `count` ASCII digits at byte `start`, or -1. */
function digitsAt(p: usize, start: i32, count: i32): i32 {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = byteAt(p, i);
    if (!isDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)` as time.ts parseTimestamp reads it:
 * fields in range, fraction digits past the ninth ignored, the instant in
 * years 1 to 9999 UTC. Returns the seconds since the epoch (the
 * nanoseconds of that second: `edict_time_fraction`), or INVALID.
 */
export function edict_time_parse_timestamp(p: usize, len: i32): i64 {
  if (len < 20) return INVALID;
  if (byteAt(p, 4) != 45 || byteAt(p, 7) != 45 || byteAt(p, 10) != 84 || byteAt(p, 13) != 58 || byteAt(p, 16) != 58) return INVALID;
  const year = digitsAt(p, 0, 4);
  const month = digitsAt(p, 5, 2);
  const day = digitsAt(p, 8, 2);
  const hour = digitsAt(p, 11, 2);
  const minute = digitsAt(p, 14, 2);
  const second = digitsAt(p, 17, 2);
  if (year < 0 || month < 1 || month > 12 || hour < 0 || hour > 23) return INVALID;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return INVALID;
  if (day < 1 || day > daysInMonth(year, month)) return INVALID;
  let i = 19;
  let fraction = 0;
  if (byteAt(p, i) == 46 && i + 1 < len && isDigit(byteAt(p, i + 1))) {
    let scale = 100_000_000;
    i++;
    while (i < len && isDigit(byteAt(p, i))) {
      fraction += (byteAt(p, i) - 48) * scale;
      scale /= 10;
      i++;
    }
  }
  let offsetSeconds = 0;
  const rest = len - i;
  if (!(rest == 1 && byteAt(p, i) == 90)) {
    const sign = byteAt(p, i);
    if (rest != 6 || (sign != 43 && sign != 45) || byteAt(p, i + 3) != 58) return INVALID;
    const oh = digitsAt(p, i + 1, 2);
    const om = digitsAt(p, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return INVALID;
    offsetSeconds = (sign == 45 ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  lastFraction = fraction;
  return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS ? seconds : INVALID;
}

/** The nanoseconds (0 to 999999999) of the second the last `edict_time_parse_timestamp` returned. */
export function edict_time_fraction(): i32 {
  return lastFraction;
}

/** Seconds and nanoseconds of a timestamp as the host passes them, floored: `floorSeconds` and `floorNanos`. */
let floorSeconds: i64 = 0;
let floorNanos: i32 = 0;

function floorInstant(seconds: i64, nanos: i32): void {
  floorSeconds = nanos < 0 ? seconds - 1 : seconds;
  floorNanos = nanos < 0 ? nanos + 1_000_000_000 : nanos;
}

/** Nanoseconds per unit of the unit at bytes [start, end), 0 for none (Go's ns us µs μs ms s m h). */
function unitAt(p: usize, start: i32, end: i32): u64 {
  const n = end - start;
  const a = n > 0 ? byteAt(p, start) : 0;
  const b = n > 1 ? byteAt(p, start + 1) : 0;
  if (n == 1) return a == 115 ? 1_000_000_000 : a == 109 ? 60_000_000_000 : a == 104 ? 3_600_000_000_000 : 0;
  if (n == 2 && b == 115) return a == 110 ? 1 : a == 117 ? 1_000 : a == 109 ? 1_000_000 : 0;
  // U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU, then "s".
  if (n == 3 && byteAt(p, start + 2) == 115 && ((a == 0xc2 && b == 0xb5) || (a == 0xce && b == 0xbc))) return 1_000;
  return 0;
}

function invalidDuration(): i64 {
  lastInvalid = true;
  return INVALID;
}

/**
 * A Go duration as time.ts parseDuration reads it: a sign, then
 * `<decimal><unit>` parts, or "0" alone; fractions truncated to whole
 * nanoseconds; the sum within int64. Returns the nanoseconds; when it
 * returns INVALID, `edict_time_invalid` says whether that meant failure.
 */
export function edict_time_parse_duration(p: usize, len: i32): i64 {
  lastInvalid = false;
  let i = 0;
  let negative = false;
  if (len > 0 && (byteAt(p, 0) == 45 || byteAt(p, 0) == 43)) {
    negative = byteAt(p, 0) == 45;
    i = 1;
  }
  if (len - i == 1 && byteAt(p, i) == 48) return 0;
  if (i == len) return invalidDuration();
  let total: u64 = 0;
  while (i < len) {
    // Past 2^63 the part, hence the sum, is too large whatever the unit: `whole` saturates there.
    let whole: u64 = 0;
    let wholeDigits = 0;
    while (i < len && isDigit(byteAt(p, i))) {
      whole = whole > DURATION_LIMIT / 10 ? DURATION_LIMIT + 1 : whole * 10 + <u64>(byteAt(p, i) - 48);
      wholeDigits++;
      i++;
    }
    let fracStart = i;
    let fracEnd = i;
    let hasDot = false;
    if (i < len && byteAt(p, i) == 46) {
      hasDot = true;
      fracStart = ++i;
      while (i < len && isDigit(byteAt(p, i))) i++;
      fracEnd = i;
    }
    if (wholeDigits == 0 && fracEnd == fracStart) return invalidDuration();
    if (!hasDot && wholeDigits == 0) return invalidDuration();
    const unitStart = i;
    while (i < len && byteAt(p, i) != 46 && !isDigit(byteAt(p, i))) i++;
    const unit = unitAt(p, unitStart, i);
    if (unit == 0) return invalidDuration();
    if (whole > DURATION_LIMIT / unit) return invalidDuration();
    // floor(0.d1d2...dn * unit), exactly: floor((d + floor(x)) / 10) = floor((d + x) / 10), digit by digit from the last.
    let fraction: u64 = 0;
    for (let k = fracEnd - 1; k >= fracStart; k--) fraction = (<u64>(byteAt(p, k) - 48) * unit + fraction) / 10;
    const part = whole * unit + fraction;
    if (part > DURATION_LIMIT - total) return invalidDuration();
    total += part;
  }
  if (negative) return <i64>(0 - total);
  return total == DURATION_LIMIT ? invalidDuration() : <i64>total;
}

/** Whether the last `edict_time_parse_duration` that returned INVALID (i64.MIN_VALUE) failed. */
export function edict_time_invalid(): i32 {
  return lastInvalid ? 1 : 0;
}

/** A text result: an i32 length, then that many ASCII bytes. */
let out: usize = 0;
let outLength = 0;

function put(c: i32): void {
  store<u8>(out + 4 + <usize>outLength, <u8>c);
  outLength++;
}

/** `v` in decimal, zero-padded to `width` digits. */
function putDigits(v: u64, width: i32): void {
  let n = 1;
  for (let t = v / 10; t > 0; t /= 10) n++;
  for (let k = n; k < width; k++) put(48);
  const end = out + 4 + <usize>(outLength + n);
  for (let k: usize = 1; k <= <usize>n; k++) {
    store<u8>(end - k, <u8>(v % 10) + 48);
    v /= 10;
  }
  outLength += n;
}

/** The nine-digit fraction without trailing zeros, after a dot; nothing for zero. */
function putFraction(nanos: u64): void {
  if (nanos == 0) return;
  put(46);
  let digits = 9;
  while (nanos % 10 == 0) {
    nanos /= 10;
    digits--;
  }
  putDigits(nanos, digits);
}

function startText(): void {
  out = heap.alloc(64);
  outLength = 0;
}

function endText(): usize {
  store<i32>(out, outLength);
  return out;
}

/** CEL `string(timestamp)`: `YYYY-MM-DDTHH:MM:SS[.fraction]Z` in UTC (Go's RFC3339Nano), for an instant in range. */
export function edict_time_format_timestamp(seconds: i64, nanos: i32): usize {
  floorInstant(seconds, nanos);
  const secondOfDay = floorMod(floorSeconds, 86_400);
  civilFromDays(floorDiv(floorSeconds, 86_400));
  startText();
  putDigits(civilYear, 4);
  put(45);
  putDigits(civilMonth, 2);
  put(45);
  putDigits(civilDay, 2);
  put(84);
  putDigits(secondOfDay / 3600, 2);
  put(58);
  putDigits((secondOfDay / 60) % 60, 2);
  put(58);
  putDigits(secondOfDay % 60, 2);
  putFraction(floorNanos);
  put(90);
  return endText();
}

/** CEL `string(duration)`: decimal seconds, the fraction only when non-zero and without trailing zeros, then "s". */
export function edict_time_format_duration(nanos: i64): usize {
  // As u64, the magnitude of i64.MIN_VALUE (2^63) is exact.
  const abs: u64 = nanos < 0 ? 0 - <u64>nanos : <u64>nanos;
  startText();
  if (nanos < 0) put(45);
  putDigits(abs / <u64>NANOS_PER_SECOND, 1);
  putFraction(abs % <u64>NANOS_PER_SECOND);
  put(115);
  return endText();
}

/** What `edict_time_offset` returns for a zone name the host must look up, and for a malformed fixed offset. */
const ZONE_NAMED: i32 = i32.MAX_VALUE;
const ZONE_INVALID: i32 = i32.MIN_VALUE;

/**
 * Seconds east of UTC of a time zone argument as runtime/lib/zone.ts reads
 * it: "" and "UTC" are 0, a name with a colon is a fixed offset
 * `[+-]H:MM` or `[+-]HH:MM` (else ZONE_INVALID), anything else is an IANA
 * name (ZONE_NAMED).
 */
export function edict_time_offset(p: usize, len: i32): i32 {
  if (len == 0 || (len == 3 && byteAt(p, 0) == 85 && byteAt(p, 1) == 84 && byteAt(p, 2) == 67)) return 0;
  let colon = -1;
  for (let i = 0; i < len && colon < 0; i++) if (byteAt(p, i) == 58) colon = i;
  if (colon < 0) return ZONE_NAMED;
  const sign = byteAt(p, 0);
  const signed = sign == 43 || sign == 45;
  const hourStart = signed ? 1 : 0;
  const hourDigits = colon - hourStart;
  if (hourDigits < 1 || hourDigits > 2 || len - colon - 1 != 2) return ZONE_INVALID;
  const hours = digitsAt(p, hourStart, hourDigits);
  const minutes = digitsAt(p, colon + 1, 2);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return ZONE_INVALID;
  const seconds = hours * 3600 + minutes * 60;
  return sign == 45 ? -seconds : seconds;
}

/**
 * The calendar fields of an instant at `offsetSeconds` east of UTC, as
 * time.ts timestampFields computes them. Returns the address of nine i32:
 * [year, month 1-12, day 1-31, hours, minutes, seconds, milliseconds,
 * day of week (0 = Sunday), day of year (0-based)].
 */
export function edict_time_fields(seconds: i64, nanos: i32, offsetSeconds: i32): usize {
  floorInstant(seconds, nanos);
  const local = floorSeconds + offsetSeconds;
  const days = floorDiv(local, 86_400);
  const secondOfDay = <i32>floorMod(local, 86_400);
  civilFromDays(days);
  const r = heap.alloc(36);
  store<i32>(r, civilYear);
  store<i32>(r, civilMonth, 4);
  store<i32>(r, civilDay, 8);
  store<i32>(r, secondOfDay / 3600, 12);
  store<i32>(r, (secondOfDay / 60) % 60, 16);
  store<i32>(r, secondOfDay % 60, 20);
  store<i32>(r, floorNanos / 1_000_000, 24);
  // 1970-01-01 (day 0) was a Thursday (4).
  store<i32>(r, <i32>floorMod(days + 4, 7), 28);
  store<i32>(r, <i32>(days - daysFromCivil(civilYear, 1, 1)), 32);
  return r;
}
