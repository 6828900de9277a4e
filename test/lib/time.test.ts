import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatTimestamp,
  MAX_TIMESTAMP,
  MIN_TIMESTAMP,
  parseDuration,
  parseTimestamp,
  timestampFields,
} from "../../runtime/lib/time.js";
import { civilFromDays, daysFromCivil } from "../../runtime/lib/civil.js";
import { runs } from "../support/runs.js";

const S = 1_000_000_000n;

describe("parseTimestamp", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 0n],
    ["2009-02-13T23:31:30Z", 1_234_567_890n * S],
    ["2009-02-13T23:31:20.123456789Z", 1_234_567_880n * S + 123_456_789n],
    ["2009-02-13T23:31:30.5Z", 1_234_567_890n * S + 500_000_000n],
    ["2009-02-14T01:31:30+02:00", 1_234_567_890n * S],
    ["2009-02-13T15:31:30-08:00", 1_234_567_890n * S],
    ["2009-02-13T23:31:30.1234567891234Z", 1_234_567_890n * S + 123_456_789n],
    ["0001-01-01T00:00:00Z", MIN_TIMESTAMP],
    ["9999-12-31T23:59:59.999999999Z", MAX_TIMESTAMP],
    ["1969-12-31T23:59:59.999999999Z", -1n],
    ["2000-02-29T00:00:00Z", 951_782_400n * S],
  ])("%s", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    "0000-01-01T00:00:00Z", // before year 1
    "10000-01-01T00:00:00Z",
    "9999-12-31T23:59:59-01:00", // after 9999 in UTC
    "0001-01-01T00:00:00+00:01", // before year 1 in UTC
    "2009-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2009-13-01T00:00:00Z",
    "2009-00-01T00:00:00Z",
    "2009-01-32T00:00:00Z",
    "2009-01-01T24:00:00Z",
    "2009-01-01T23:60:00Z",
    "2009-01-01T23:59:60Z",
    "2009-01-01 00:00:00Z",
    "2009-01-01T00:00:00",
    "2009-01-01T00:00:00.Z",
    "2009-01-01T00:00:00+0100",
    "2009-01-01T00:00:00+24:00",
    "2009-1-01T00:00:00Z",
    "2009-01-01T00:00:00ZZ",
    "",
  ])("rejects %s", (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe("formatTimestamp", () => {
  it.each([
    [0n, "1970-01-01T00:00:00Z"],
    [1_234_567_890n * S, "2009-02-13T23:31:30Z"],
    [1_234_567_890n * S + 500_000_000n, "2009-02-13T23:31:30.5Z"],
    [1_234_567_890n * S + 120_000_000n, "2009-02-13T23:31:30.12Z"],
    [1_234_567_890n * S + 1n, "2009-02-13T23:31:30.000000001Z"],
    [-1n, "1969-12-31T23:59:59.999999999Z"],
    [MIN_TIMESTAMP, "0001-01-01T00:00:00Z"],
    [MAX_TIMESTAMP, "9999-12-31T23:59:59.999999999Z"],
  ])("%s", (nanos, expected) => {
    expect(formatTimestamp(nanos)).toBe(expected);
  });

  it("parse(format(x)) == x over the whole range", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MIN_TIMESTAMP, max: MAX_TIMESTAMP }), (nanos) => {
        expect(parseTimestamp(formatTimestamp(nanos))).toBe(nanos);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("agrees with Date on millisecond instants", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
        const expected = iso.replace(/\.000Z$/, "Z").replace(/(\.\d*?)0+Z$/, "$1Z");
        expect(formatTimestamp(BigInt(ms) * 1_000_000n)).toBe(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe("civil dates", () => {
  it("days <-> date round trip and match Date.UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const d = new Date(days * 86_400_000);
        expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]).toEqual([year, month, day]);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe("parseDuration", () => {
  it.each([
    ["0", 0n],
    ["-0", 0n],
    ["+0", 0n],
    ["0s", 0n],
    ["60s", 60n * S],
    ["1h30m", 5400n * S],
    ["250ms", 250_000_000n],
    ["1.5s", 1_500_000_000n],
    [".5s", 500_000_000n],
    ["5.s", 5n * S],
    ["-2h", -7200n * S],
    ["+2h", 7200n * S],
    ["1us", 1000n],
    ["1\u00b5s", 1000n],
    ["1\u03bcs", 1000n],
    ["7ns", 7n],
    ["1h1m1s1ms1us1ns", 3661n * S + 1_001_001n],
    ["1000000s", 1_000_000n * S],
    ["0.000000001s", 1n],
    ["0.0000000019s", 1n],
    ["2562047h47m16.854775807s", 2n ** 63n - 1n],
    ["-2562047h47m16.854775808s", -(2n ** 63n)],
  ])("%s", (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(["", "s", "1", "-", "1x", "1hm", ".s", "1..5s", "1s ", " 1s", "--1s", "1.5", "2562047h47m16.854775808s", "320000000000s"])(
    "rejects %j",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe("formatDuration", () => {
  it.each([
    [0n, "0s"],
    [1_500_000_000n, "1.5s"],
    [3600n * S, "3600s"],
    [1_000_000n * S, "1000000s"],
    [-250_000_000n, "-0.25s"],
    [1n, "0.000000001s"],
    [-(2n ** 63n), "-9223372036.854775808s"],
  ])("%s", (nanos, expected) => {
    expect(formatDuration(nanos)).toBe(expected);
  });

  it("round-trips through parseDuration", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (nanos) => {
        expect(parseDuration(formatDuration(nanos))).toBe(nanos);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe("timestampFields", () => {
  const t = 1_234_567_890n * S; // 2009-02-13T23:31:30Z, a Friday

  it("in UTC (cel-spec timestamp_selectors)", () => {
    expect(timestampFields(t)).toEqual({
      year: 2009, month: 2, day: 13, hours: 23, minutes: 31, seconds: 30, millis: 0, dayOfWeek: 5, dayOfYear: 43,
    });
    expect(timestampFields(1_234_567_880n * S + 123_456_789n)?.millis).toBe(123);
  });

  it("in named and fixed zones (cel-spec timestamp_selectors_tz)", () => {
    expect(timestampFields(t, "Australia/Sydney")?.day).toBe(14);
    expect(timestampFields(t, "US/Central")?.day).toBe(13);
    expect(timestampFields(t, "US/Central")?.dayOfYear).toBe(43);
    expect(timestampFields(t, "+11:00")?.day).toBe(14);
    const early = parseTimestamp("2009-02-13T02:00:00Z")!;
    expect(timestampFields(early, "-02:30")?.day).toBe(12);
    expect(timestampFields(early, "America/St_Johns")?.day).toBe(12);
    expect(timestampFields(t, "UTC")?.dayOfWeek).toBe(5);
    expect(timestampFields(t, "-09:30")?.year).toBe(2009);
    expect(timestampFields(t, "02:00")?.hours).toBe(1);
    expect(timestampFields(t, "Asia/Kathmandu")?.minutes).toBe(16);
    expect(timestampFields(t, "-00:00")?.seconds).toBe(30);
  });

  it("follows daylight saving time", () => {
    expect(timestampFields(parseTimestamp("2026-07-01T12:00:00Z")!, "America/Los_Angeles")?.hours).toBe(5);
    expect(timestampFields(parseTimestamp("2026-01-01T12:00:00Z")!, "America/Los_Angeles")?.hours).toBe(4);
  });

  it("keeps nanosecond precision and the range edges", () => {
    expect(timestampFields(MIN_TIMESTAMP)).toMatchObject({ year: 1, month: 1, day: 1, dayOfWeek: 1, dayOfYear: 0 });
    expect(timestampFields(MAX_TIMESTAMP)).toMatchObject({ year: 9999, month: 12, day: 31, millis: 999, dayOfYear: 364 });
    expect(timestampFields(-1n)).toMatchObject({ year: 1969, hours: 23, seconds: 59, millis: 999, dayOfWeek: 3 });
    expect(timestampFields(MIN_TIMESTAMP, "-08:00")).toMatchObject({ year: 0, month: 12, day: 31 });
  });

  it("returns null for unknown zones and bad offsets", () => {
    for (const tz of ["Mars/Olympus", "Local", "+25:00", "+05:60", "5:3", "x:00", "America/Los Angeles"]) {
      expect(timestampFields(t, tz)).toBeNull();
    }
  });

  it("matches Intl for random instants and zones", () => {
    const zones = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Adelaide", "Pacific/Chatham"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), fc.constantFrom(...zones), (sec, zone) => {
        const parts = new Intl.DateTimeFormat("en-US", {
          timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
          hour: "numeric", minute: "numeric", second: "numeric",
        }).formatToParts(new Date(sec * 1000));
        const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
        expect(timestampFields(BigInt(sec) * S, zone)).toMatchObject({
          year: get("year"), month: get("month"), day: get("day"), hours: get("hour"), minutes: get("minute"), seconds: get("second"),
        });
      }),
      { numRuns: runs(300) },
    );
  });
});
