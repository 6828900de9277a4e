import { describe, expect, it } from "vitest";
import { call, dur, expectError, ts } from "./support.js";

type Fields = Record<string, bigint>;
const ACCESSORS: [string, string][] = [
  ["year", "timestamp_to_year"],
  ["month", "timestamp_to_month"],
  ["date", "timestamp_to_day_of_month_1_based"],
  ["dayOfMonth", "timestamp_to_day_of_month"],
  ["dayOfWeek", "timestamp_to_day_of_week"],
  ["dayOfYear", "timestamp_to_day_of_year"],
  ["hours", "timestamp_to_hours"],
  ["minutes", "timestamp_to_minutes"],
  ["seconds", "timestamp_to_seconds"],
  ["millis", "timestamp_to_milliseconds"],
];
const withTz = (id: string) => (id === "timestamp_to_seconds" ? "timestamp_to_seconds_tz" : `${id}_with_tz`);

function fields(text: string, tz?: string): Fields {
  const out: Fields = {};
  for (const [name, id] of ACCESSORS) {
    const v = tz === undefined ? call(id, ts(text)) : call(withTz(id), ts(text), tz);
    out[name] = v as bigint;
  }
  return out;
}

describe("timestamp accessors in UTC", () => {
  it("use 0-based months, day of month and day of year, 1-based getDate, Sunday = 0", () => {
    expect(fields("2009-02-13T23:31:30.123456789Z")).toEqual({
      year: 2009n, month: 1n, date: 13n, dayOfMonth: 12n, dayOfWeek: 5n, dayOfYear: 43n,
      hours: 23n, minutes: 31n, seconds: 30n, millis: 123n,
    });
  });

  it("handle instants before the epoch", () => {
    expect(fields("1969-12-31T23:59:59.999Z")).toEqual({
      year: 1969n, month: 11n, date: 31n, dayOfMonth: 30n, dayOfWeek: 3n, dayOfYear: 364n,
      hours: 23n, minutes: 59n, seconds: 59n, millis: 999n,
    });
  });

  it("handle the ends of the range and leap years", () => {
    expect(fields("0001-01-01T00:00:00Z")).toMatchObject({ year: 1n, month: 0n, date: 1n, dayOfWeek: 1n, dayOfYear: 0n });
    expect(fields("9999-12-31T23:59:59.999999999Z")).toMatchObject({ year: 9999n, month: 11n, date: 31n, dayOfWeek: 5n, dayOfYear: 364n, millis: 999n });
    expect(fields("2024-12-31T00:00:00Z")).toMatchObject({ dayOfYear: 365n });
    expect(fields("2024-02-29T00:00:00Z")).toMatchObject({ month: 1n, date: 29n, dayOfYear: 59n });
  });

  it("give the same fields with the explicit zone UTC", () => {
    expect(fields("2009-02-13T23:31:30.123Z", "UTC")).toEqual(fields("2009-02-13T23:31:30.123Z"));
  });
});

describe("timestamp accessors with a time zone", () => {
  it("accept IANA names", () => {
    expect(fields("2009-02-13T23:31:30Z", "Australia/Sydney")).toMatchObject({ year: 2009n, date: 14n, dayOfWeek: 6n, hours: 10n, minutes: 31n });
    // Daylight saving time in Los Angeles: UTC-7 in July, UTC-8 in January.
    expect(fields("2026-07-01T12:00:00Z", "America/Los_Angeles")).toMatchObject({ hours: 5n });
    expect(fields("2026-01-01T12:00:00Z", "America/Los_Angeles")).toMatchObject({ hours: 4n });
    expect(fields("2026-01-01T02:00:00Z", "America/New_York")).toMatchObject({ year: 2025n, month: 11n, date: 31n, hours: 21n, dayOfYear: 364n });
  });

  it("accept fixed offsets", () => {
    expect(fields("2009-02-13T23:31:30Z", "+05:30")).toMatchObject({ date: 14n, hours: 5n, minutes: 1n });
    expect(fields("2009-02-13T23:31:30Z", "-08:00")).toMatchObject({ date: 13n, hours: 15n, minutes: 31n });
    expect(fields("2026-01-01T00:30:00Z", "-01:00")).toMatchObject({ year: 2025n, month: 11n, date: 31n, hours: 23n });
  });

  it("report an unknown zone as an error value", () => {
    expectError(call("timestamp_to_hours_with_tz", ts("2026-01-01T00:00:00Z"), "Mars/Olympus_Mons"));
    expectError(call("timestamp_to_seconds_tz", ts("2026-01-01T00:00:00Z"), "+25:00"));
    expectError(call("timestamp_to_minutes_with_tz", ts("2026-01-01T00:00:00Z"), "+05:60"));
  });

  it("treat the empty zone name as UTC (Go's time.LoadLocation(\"\"), which cel-go calls)", () => {
    expect(call("timestamp_to_hours_with_tz", ts("2026-01-01T03:00:00Z"), "")).toBe(3n);
  });
});

describe("duration accessors", () => {
  it("give totals truncated toward zero", () => {
    expect(call("duration_to_hours", dur("10000s"))).toBe(2n);
    expect(call("duration_to_minutes", dur("3730s"))).toBe(62n);
    expect(call("duration_to_seconds", dur("3730.9s"))).toBe(3730n);
    expect(call("duration_to_hours", dur("-1.5h"))).toBe(-1n);
    expect(call("duration_to_minutes", dur("-90s"))).toBe(-1n);
    expect(call("duration_to_seconds", dur("-1.5s"))).toBe(-1n);
    expect(call("duration_to_milliseconds", dur("0.9999s"))).toBe(999n);
  });

  it("getMilliseconds of a duration is its millisecond component, as the CEL conformance suite requires", () => {
    // cel-spec timestamps/duration_converters/get_milliseconds:
    // duration('123.321456789s').getMilliseconds() == 321.
    expect(call("duration_to_milliseconds", dur("123.321456789s"))).toBe(321n);
    expect(call("duration_to_milliseconds", dur("1.5s"))).toBe(500n);
  });
});
