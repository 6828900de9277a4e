// Timestamps and durations run in the bundle's AssemblyScript helper
// (wasm/assembly/time.ts, host side runtime/engine/helper-time.ts) and in
// the interpreter's JavaScript (runtime/lib/time.ts): on random RFC 3339
// and Go-duration strings (valid, at the edges of the ranges, leap days,
// fractions of every length, offsets, junk), on random instants and
// durations printed back, on the accessors with UTC, fixed offsets and
// IANA zones, and at the input boundary, both engines must give the same
// decision — results, error messages, JSON paths, fuel.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as entry from "../../compiler/interpret/entry.js";
import { generateBundle } from "../../compiler/codegen/index.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp } from "../../runtime/lib/time.js";
import { loadBundle, type Bundle } from "../../runtime/index.js";
import { checksumSection } from "../../runtime/engine/manifest.js";
import { runs } from "../support/runs.js";
import { check, interpreterBuiltins, load, NOW } from "./support/harness.js";

const PARSE_TIMESTAMP = "input s: string\noutput r = string(timestamp(s))";
const PARSE_DURATION = "input s: string\noutput r = string(duration(s))";
/** Every accessor, in a time zone and in UTC. */
const ACCESSORS = ["getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes", "getSeconds", "getMilliseconds"];
const FIELDS_TZ = `input t: timestamp\ninput tz: string\noutput r = [${ACCESSORS.map((a) => `t.${a}(tz)`).join(", ")}]`;
const FIELDS_UTC = `input t: timestamp\noutput r = [${ACCESSORS.map((a) => `t.${a}()`).join(", ")}]`;
/** An instant from whole seconds plus nanoseconds (negative ones too), printed. */
const FORMAT_TIMESTAMP = 'input s: int\ninput n: int\noutput r = string(timestamp(s) + duration(string(n) + "ns"))';
const FORMAT_DURATION = 'input d: int\noutput r = string(duration(string(d) + "ns"))';
/** Timestamps and durations converted at the input boundary, nested so that errors carry paths. */
const BOUNDARY = [
  "type C = { ds: list<duration>, ts: map<string, timestamp>, o?: duration }",
  "input t: timestamp",
  "input d: duration",
  "input c: C",
  "output r = [t, d, c.ds, c.ts, has(c.o) ? c.o : duration(\"0s\")]",
].join("\n");

const MIN_SECONDS = -62_135_596_800n;
const MAX_SECONDS = 253_402_300_799n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const digits = (n: number, max = 10 ** n - 1) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
const year = fc.oneof(
  { weight: 4, arbitrary: digits(4) },
  fc.constantFrom("0000", "0001", "9999", "1970", "1969", "2000", "1900", "2100", "2400", "2024", "0004", "0100", "0400"),
);
const month = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, "0")) }, fc.constantFrom("00", "13", "1", "99"));
const day = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, "0")) }, fc.constantFrom("29", "30", "31", "00", "32"));
const hour = fc.oneof({ weight: 6, arbitrary: digits(2, 23) }, fc.constantFrom("24", "99", "2"));
const sixty = fc.oneof({ weight: 6, arbitrary: digits(2, 59) }, fc.constantFrom("60", "99", "5"));
/** No fraction, or a dot with 0 to 13 digits. */
const fraction = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  fc.integer({ min: 0, max: 13 }).chain((n) => (n === 0 ? fc.constant(".") : digits(n, Math.min(10 ** n - 1, Number.MAX_SAFE_INTEGER)).map((d) => `.${d}`))),
  fc.constantFrom(".999999999", ".000000001", ".9999999999", ".1234567891234", ".5"),
);
const offset = fc.oneof(
  { weight: 4, arbitrary: fc.constant("Z") },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom("+", "-"), digits(2, 23), digits(2, 59)).map(([s, h, m]) => `${s}${h}:${m}`) },
  fc.constantFrom("z", "", "+24:00", "-00:60", "+0530", "+05:30:00", "+5:30", "UTC", "Z ", " Z", "+05:3\u0661", "-00:01", "+00:01", "\u00e9"),
);
const special = fc.constantFrom("\ud800", "\ud83d\ude00", "é", "\u00b5", "\u03bc", "\uff11", "\u0661", " ", "t", "T", ":", "-", "+", ".");
/** RFC 3339 strings built from fields, some out of range, with the odd character swapped for another. */
const timestampText = fc
  .tuple(year, month, day, hour, sixty, sixty, fraction, offset, fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.tuple(fc.nat(40), special)))
  .map(([y, mo, d, h, mi, s, f, z, swap]) => {
    const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`;
    if (swap === null) return text;
    const [at, c] = swap;
    return text.slice(0, at) + c + text.slice(at + 1);
  });

const units = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h") },
  fc.constantFrom("", "d", "S", "H", "sec", "constructor", "toString", "__proto__", "\u00b5", "\ud800s", "n s", "mss"),
);
const bigDigits = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }).map(String) },
  fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String),
  fc.constantFrom("", "0", "00", "9223372036854775807", "9223372036854775808", "2562047", "153722867", "9223372036854"),
);
const part = fc
  .tuple(bigDigits, fc.option(fc.oneof(digits(1), digits(3), digits(9), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String), fc.constant("")), { freq: 3 }), units)
  .map(([i, f, u]) => `${i}${f === null ? "" : `.${f}`}${u}`);
const durationText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom("", "", "-", "+"), fc.array(part, { minLength: 1, maxLength: 4 })).map(([sign, parts]) => sign + parts.join("")) },
  fc.constantFrom(
    "0", "-0", "+0", "", "-", "+", ".s", "1.s", ".5s", "1h30m", "1.5s", "-1.5h", "2562047h47m16.854775807s", "-2562047h47m16.854775808s",
    "2562047h47m16.854775808s", "9223372036854775807ns", "-9223372036854775808ns", "9223372036854775808ns", "0.0000000001s", "1..5s", "1s ",
  ),
  fc.string({ unit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("1", "0", "9", ".", "s", "m", "h", "n", "u", "-", "+") }, special), maxLength: 12 }),
);
const zone = fc.constantFrom(
  "UTC", "", "+05:30", "-08:00", "05:30", "+5:30", "-0:45", "+23:59", "-23:59", "24:00", "+00:60", "-00:00", "+1:2", "+05:3x", ":", "+:30", "\uff10\uff15:30",
  "America/Los_Angeles", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/St_Johns", "Local", "Mars/Olympus", "utc",
);
const seconds = fc.oneof({ weight: 5, arbitrary: fc.bigInt({ min: MIN_SECONDS, max: MAX_SECONDS }) }, fc.constantFrom(MIN_SECONDS, MAX_SECONDS, 0n, -1n, 951_782_400n, 4_107_542_400n));
const nanos = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 999_999_999 }) }, fc.constantFrom(0, 1, 999_999_999, 500_000_000, -1, -999_999_999, 1_000_000_000));
/** An instant in range, as an RFC 3339 input string. */
const instant = fc.tuple(seconds, fc.integer({ min: 0, max: 999_999_999 })).map(([s, n]) => formatTimestamp(s * 1_000_000_000n + BigInt(n)));

/** Evaluates `input` on both engines and expects equal decisions; returns the bundle's. */
function agree(bundle: Bundle, checked: CheckedPolicy[], input: Record<string, unknown>, builtins: Awaited<ReturnType<typeof interpreterBuiltins>>) {
  const decisions = Object.values(bundle.evaluate(input, { now: NOW }).policies);
  decisions.forEach((wasm, k) => {
    const interpreted = entry.interpretPolicy(checked[k]!, input, { now: NOW, clock: () => 0, builtins, hash: wasm.hash });
    expect(wasm, JSON.stringify(input, (_, v) => (typeof v === "bigint" ? `${v}n` : v))).toEqual(interpreted);
  });
  return decisions;
}

describe("time helpers in the bundle", () => {
  it("parse and print random timestamp and duration strings as the interpreter does", async () => {
    const { bundle, checked } = await load([PARSE_TIMESTAMP, PARSE_DURATION]);
    const builtins = await interpreterBuiltins();
    const seen = { timestamps: 0, durations: 0, fractions: 0, offsets: 0 };
    fc.assert(
      fc.property(timestampText, durationText, (t, d) => {
        // Each string goes through both parsers.
        const [ts] = agree(bundle, checked, { s: t }, builtins);
        const [, du] = agree(bundle, checked, { s: d }, builtins);
        if (ts!.error === null) {
          seen.timestamps++;
          if ((ts!.outputs.r as string).includes(".")) seen.fractions++;
          if (!t.endsWith("Z")) seen.offsets++;
        } else expect(ts!.error.message).toContain(`cannot convert ${JSON.stringify(t)} to timestamp`);
        if (du!.error === null) seen.durations++;
        else expect(du!.error.message).toContain(`cannot convert ${JSON.stringify(d)} to duration`);
      }),
      { numRuns: runs(3000) },
    );
    // Both valid and invalid strings are generated in numbers.
    const total = runs(3000);
    expect(seen.timestamps).toBeGreaterThan(total / 10);
    expect(seen.timestamps).toBeLessThan(total * 0.9);
    expect(seen.fractions).toBeGreaterThan(total / 20);
    expect(seen.offsets).toBeGreaterThan(total / 20);
    expect(seen.durations).toBeGreaterThan(total / 10);
    expect(seen.durations).toBeLessThan(total * 0.9);
  });

  it("print random instants and durations as the interpreter does", async () => {
    const { bundle, checked } = await load([FORMAT_TIMESTAMP, FORMAT_DURATION]);
    const builtins = await interpreterBuiltins();
    const duration = fc.oneof(
      { weight: 4, arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }) },
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.constantFrom(INT64_MIN, INT64_MAX, 0n, 1n, -1n, 1_000_000_000n, -500_000_000n),
    );
    fc.assert(
      fc.property(seconds, nanos, duration, (s, n, d) => {
        // Ints travel as BigInt: JSON numbers would lose digits past 2^53.
        const [ts, du] = agree(bundle, checked, { s, n, d }, builtins).map((x) => x!);
        if (ts.error === null) expect(ts.outputs.r).toBe(formatTimestamp(s * 1_000_000_000n + BigInt(n)));
        expect(du.outputs.r).toBe(formatDuration(d));
      }),
      { numRuns: runs(3000) },
    );
  });

  it("print durations beyond 2^53 nanoseconds, to both ends of int64, as the interpreter does", async () => {
    const builtins = await interpreterBuiltins();
    const values = [INT64_MIN, INT64_MIN + 1n, INT64_MAX, INT64_MAX - 1n, 2n ** 53n + 1n, -(2n ** 60n) - 7n, 9_007_199_254_740_993_000n];
    const sources = values.map((d) => `output r = [string(duration("${d}ns")), string(duration("${d < 0n ? "-" : ""}0.${(d < 0n ? -d : d).toString().padStart(30, "0")}s"))]`);
    const { bundle, checked } = await load(sources);
    const decisions = agree(bundle, checked, {}, builtins);
    decisions.forEach((d, k) => expect((d!.outputs.r as string[])[0]).toBe(formatDuration(values[k]!)));
  });

  it("compute the accessors in UTC, at fixed offsets and in IANA zones as the interpreter does", async () => {
    // The first use of a zone builds its Intl formatter, which can outlast the default time limit on a loaded machine.
    const { bundle, checked } = await load([FIELDS_TZ, FIELDS_UTC], { timeoutMs: 60_000 });
    const builtins = await interpreterBuiltins();
    let zoneErrors = 0;
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const [zoned] = agree(bundle, checked, { t, tz }, builtins);
        if (zoned!.error !== null) {
          zoneErrors++;
          expect(zoned!.error.message).toContain(`unknown time zone ${JSON.stringify(tz)}`);
        }
      }),
      { numRuns: runs(2000) },
    );
    expect(zoneErrors).toBeGreaterThan(0);
    expect(zoneErrors).toBeLessThan(runs(2000) / 2);
  });

  it("give the accessors' known answers", async () => {
    const { bundle } = await load(FIELDS_TZ);
    const at = (t: string, tz: string) => Object.values(bundle.evaluate({ t, tz }, { now: NOW }).policies)[0]!.outputs.r;
    // Friday 2009-02-13T23:31:30.123Z; 44th day (0-based 43); in +05:30 already Saturday the 14th.
    expect(at("2009-02-13T23:31:30.123456789Z", "UTC")).toEqual([2009, 1, 43, 12, 13, 5, 23, 31, 30, 123]);
    expect(at("2009-02-13T23:31:30.123456789Z", "+05:30")).toEqual([2009, 1, 44, 13, 14, 6, 5, 1, 30, 123]);
    expect(at("2009-02-13T23:31:30.123456789Z", "America/Los_Angeles")).toEqual([2009, 1, 43, 12, 13, 5, 15, 31, 30, 123]);
    // Leap day, and the last instant before and at the epoch's both sides.
    expect(at("2024-02-29T12:00:00Z", "-13:00")).toEqual([2024, 1, 58, 27, 28, 3, 23, 0, 0, 0]);
    expect(at("1969-12-31T23:59:59.999Z", "")).toEqual([1969, 11, 364, 30, 31, 3, 23, 59, 59, 999]);
    expect(at("0001-01-01T00:00:00Z", "UTC")).toEqual([1, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(at("9999-12-31T23:59:59.999999999Z", "UTC")).toEqual([9999, 11, 364, 30, 31, 5, 23, 59, 59, 999]);
  });

  it("convert timestamps and durations at the input boundary as the interpreter does, messages and paths included", async () => {
    const { bundle, checked } = await load(BOUNDARY);
    const builtins = await interpreterBuiltins();
    const seen = { ok: 0, invalid: 0, nested: 0 };
    const mostlyValid = <T>(valid: fc.Arbitrary<T>, any: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, any);
    const validDuration = fc.constantFrom("1h30m", "60s", "1m", "-1.5s", "0", "2562047h47m16.854775807s");
    fc.assert(
      fc.property(
        mostlyValid(instant, timestampText),
        mostlyValid(validDuration, durationText),
        fc.array(mostlyValid(validDuration, durationText), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b c", "\u00e9"), mostlyValid(instant, timestampText), { maxKeys: 2 }),
        fc.option(mostlyValid(validDuration, durationText)),
        (t, d, ds, ts, o) => {
          const input = { t, d, c: o === null ? { ds, ts } : { ds, ts, o } };
          const [decision] = agree(bundle, checked, input, builtins);
          const error = decision!.error;
          if (error === null) seen.ok++;
          else {
            expect(error.code).toBe("input_invalid");
            seen.invalid++;
            if (error.message.startsWith("c.")) seen.nested++;
          }
        },
      ),
      { numRuns: runs(2000) },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
    expect(seen.nested).toBeGreaterThan(0);
  });

  it("give what the JavaScript functions give on hand-picked strings", async () => {
    const { bundle } = await load([PARSE_TIMESTAMP, PARSE_DURATION]);
    const timestamps = ["2009-02-13T23:31:30Z", "2009-02-13T23:31:30.5+01:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59.9999999999-00:00", "9999-12-31T23:59:59-00:01", "2023-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2009-02-13T23:31:30.Z", "2009-02-13t23:31:30Z"];
    for (const s of timestamps) {
      const r = Object.values(bundle.evaluate({ s }, { now: NOW }).policies)[0]!;
      const n = parseTimestamp(s);
      if (n === null) expect(r.error?.message, s).toContain("to timestamp");
      else expect(r.outputs.r, s).toBe(formatTimestamp(n));
    }
    const durations = ["1h30m", "1.5s", "-2562047h47m16.854775808s", "2562047h47m16.854775808s", ".5ms", "1\u00b5s", "1\u03bcs", "1us", "5.s", "1constructor", "0", "-0", "", "1", "1.0000000009s"];
    for (const s of durations) {
      const r = Object.values(bundle.evaluate({ s }, { now: NOW }).policies)[1]!;
      const n = parseDuration(s);
      if (n === null) expect(r.error?.message, s).toContain("to duration");
      else expect(r.outputs.r, s).toBe(formatDuration(n));
    }
  });

  it("a bundle that lacks the timestamp parser is refused at load, not at its first evaluation", async () => {
    const bytes = generateBundle([check("input s: string\noutput r = s")]);
    const tail = checksumSection(new Uint8Array(0)).length;
    const body = bytes.slice(0, bytes.length - tail);
    // Rename the export in place (same length), then seal the body with a fresh checksum.
    const name = new TextEncoder().encode("edict_time_parse_timestamp");
    const at = body.findIndex((_, i) => name.every((b, j) => body[i + j] === b));
    expect(at).toBeGreaterThan(0);
    body[at + name.length - 1] = "q".charCodeAt(0);
    const broken = new Uint8Array([...body, ...checksumSection(body)]);
    await expect(loadBundle(broken)).rejects.toThrow(/corrupted Edict bundle: .*edict_time_parse_timestamp/);
  });

  it("a bundle carries only the time helpers it needs (every bundle: the timestamp parser, for `now` and `expires`)", () => {
    const exports = (source: string) =>
      WebAssembly.Module.exports(new WebAssembly.Module(generateBundle([check(source)]) as unknown as BufferSource))
        .map((e) => e.name)
        .filter((n) => n.startsWith("edict_time_"))
        .sort();
    const parser = ["edict_time_fraction", "edict_time_parse_timestamp"];
    expect(exports("input s: string\noutput r = s.size()")).toEqual(parser);
    // A message hole prints with the library's JavaScript (the runtime keeps it for results): no helper.
    expect(exports('input d: int\ndeny x { when d > 1 message "${d}" }')).toEqual(parser);
    expect(exports("input d: duration\noutput r = d")).toEqual(["edict_time_fraction", "edict_time_invalid", "edict_time_parse_duration", "edict_time_parse_timestamp"]);
    expect(exports("input c: { xs: list<timestamp> }\noutput r = c")).toEqual(parser);
    expect(exports("input t: timestamp\noutput r = t.getHours()")).toEqual(["edict_time_fields", ...parser]);
    expect(exports("input t: int\noutput r = string(timestamp(t))")).toEqual(["edict_time_format_timestamp", ...parser]);
  });
});
