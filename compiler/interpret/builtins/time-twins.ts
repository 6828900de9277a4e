// The JavaScript twins of the time overloads that bundles run in their
// AssemblyScript helpers (wasm/assembly/time.ts, host side
// runtime/engine/helper-time.ts): parsing and printing timestamps and
// durations, and the timestamp accessors. The reference interpreter uses
// these, over runtime/lib/time.ts; `edict/runtime` keeps only the parts of
// time.ts it needs elsewhere (the `now` option, `expires`, rendering
// results) and, for IANA zone names, zone.ts's Intl lookup.

import type { Impl } from "../../../runtime/engine/library.js";
import type { TimeParsers } from "../../../runtime/engine/helper-time.js";
import { Duration, Err, Timestamp, type Value } from "../../../runtime/engine/values.js";
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp, timestampFields, type TimestampFields } from "../../../runtime/lib/time.js";

/** Input conversion's parsers in JavaScript (the benches convert inputs outside a bundle). */
export const JS_TIME_PARSERS: TimeParsers = { timestamp: parseTimestamp, duration: parseDuration };

const ACCESSORS: [string, (f: TimestampFields) => number][] = [
  ["timestamp_to_year", (f) => f.year],
  ["timestamp_to_month", (f) => f.month - 1],
  ["timestamp_to_day_of_year", (f) => f.dayOfYear],
  ["timestamp_to_day_of_month", (f) => f.day - 1],
  ["timestamp_to_day_of_month_1_based", (f) => f.day],
  ["timestamp_to_day_of_week", (f) => f.dayOfWeek],
  ["timestamp_to_hours", (f) => f.hours],
  ["timestamp_to_minutes", (f) => f.minutes],
  ["timestamp_to_seconds", (f) => f.seconds],
  ["timestamp_to_milliseconds", (f) => f.millis],
];

export const TIME_TWINS: Record<string, Impl> = {
  string_to_timestamp: ([v]) => {
    const n = parseTimestamp(v as string);
    return n === null ? new Err(`cannot convert ${JSON.stringify(v)} to timestamp`) : new Timestamp(n);
  },
  string_to_duration: ([v]) => {
    const n = parseDuration(v as string);
    return n === null ? new Err(`cannot convert ${JSON.stringify(v)} to duration`) : new Duration(n);
  },
  timestamp_to_string: ([v]) => formatTimestamp((v as Timestamp).nanos),
  duration_to_string: ([v]) => formatDuration((v as Duration).nanos),
};
for (const [id, pick] of ACCESSORS) {
  const get = (t: Value | undefined, tz?: Value): Value => {
    const fields = timestampFields((t as Timestamp).nanos, tz as string | undefined);
    return fields === null ? new Err(`unknown time zone ${JSON.stringify(tz)}`) : BigInt(pick(fields));
  };
  TIME_TWINS[id] = ([t]) => get(t);
  TIME_TWINS[id === "timestamp_to_seconds" ? "timestamp_to_seconds_tz" : `${id}_with_tz`] = ([t, tz]) => get(t, tz);
}
