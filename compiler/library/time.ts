// Timestamp and duration accessors (CEL standard). Timestamp accessors come
// with and without a time-zone argument (IANA name or "+hh:mm" offset);
// the ids are cel-go's, including its irregular `timestamp_to_seconds_tz`.

import { T } from "../types.js";
import { member, type Overload } from "./overload.js";

/** [function, id stem] for the accessors on timestamps. */
const TIMESTAMP_ACCESSORS: [string, string][] = [
  ["getFullYear", "timestamp_to_year"],
  ["getMonth", "timestamp_to_month"],
  ["getDayOfYear", "timestamp_to_day_of_year"],
  ["getDayOfMonth", "timestamp_to_day_of_month"],
  ["getDate", "timestamp_to_day_of_month_1_based"],
  ["getDayOfWeek", "timestamp_to_day_of_week"],
  ["getHours", "timestamp_to_hours"],
  ["getMinutes", "timestamp_to_minutes"],
  ["getSeconds", "timestamp_to_seconds"],
  ["getMilliseconds", "timestamp_to_milliseconds"],
];

/** cel-go names this one `_tz`, not `_with_tz`. */
function withTzId(stem: string): string {
  return stem === "timestamp_to_seconds" ? "timestamp_to_seconds_tz" : `${stem}_with_tz`;
}

const DURATION_ACCESSORS: [string, string][] = [
  ["getHours", "duration_to_hours"],
  ["getMinutes", "duration_to_minutes"],
  ["getSeconds", "duration_to_seconds"],
  ["getMilliseconds", "duration_to_milliseconds"],
];

export const TIME_OVERLOADS: Overload[] = [
  ...TIMESTAMP_ACCESSORS.flatMap(([fn, stem]) => [
    member(fn, stem, [T.timestamp], T.int),
    member(fn, withTzId(stem), [T.timestamp, T.string], T.int),
  ]),
  ...DURATION_ACCESSORS.map(([fn, id]) => member(fn, id, [T.duration], T.int)),
];
