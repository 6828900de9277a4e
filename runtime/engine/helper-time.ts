// The host side of the time helpers (wasm/assembly/time.ts): parsing and
// printing timestamps and durations, and the timestamp accessors, run
// inside the bundle; the interpreter runs runtime/lib/time.ts
// (compiler/interpret/builtins/time-twins.ts). What stays here: the error
// messages (they quote the argument) and IANA zone names, which need the
// zone database only the host has (Intl, runtime/lib/zone.ts): the host
// turns such a name into the zone's UTC offset at that instant and the
// helper computes the fields at that offset, as for a fixed offset.

import { ianaOffsetSeconds } from "../lib/zone.js";
import { memoizeString } from "../lib/memo.js";
import type { HelperMemory } from "./helpers.js";
import type { Impl } from "./library.js";
import { Duration, Err, INT64_MIN, Timestamp } from "./values.js";

// Timestamps cross as seconds (i64) and nanoseconds (i32): their
// nanoseconds since the epoch exceed i64 (wasm/assembly/time.ts).
export interface TimeHelperExports {
  /** Seconds since the epoch, or -2^63 when invalid. */
  edict_time_parse_timestamp(ptr: number, len: number): bigint;
  /** The nanoseconds of the second edict_time_parse_timestamp returned. */
  edict_time_fraction(): number;
  /** Nanoseconds; -2^63 is invalid when edict_time_invalid() says so. */
  edict_time_parse_duration(ptr: number, len: number): bigint;
  edict_time_invalid(): number;
  /** Address of [length i32, ASCII bytes]. */
  edict_time_format_timestamp(seconds: bigint, nanos: number): number;
  edict_time_format_duration(nanos: bigint): number;
  /** Seconds east of UTC, or ZONE_NAMED / ZONE_INVALID. */
  edict_time_offset(ptr: number, len: number): number;
  /** Address of nine i32: year, month, day, hours, minutes, seconds, millis, day of week, day of year. */
  edict_time_fields(seconds: bigint, nanos: number, offsetSeconds: number): number;
}

const ZONE_NAMED = 0x7fffffff;
const ZONE_INVALID = -0x80000000;

const PARSE_TIMESTAMP = ["edict_time_parse_timestamp", "edict_time_fraction"];
const NS = 1_000_000_000n;
const PARSE_DURATION = ["edict_time_parse_duration", "edict_time_invalid"];

/**
 * The accessor overloads, as [field, add, zoned]: the index of their field
 * in edict_time_fields' record, what to add (CEL's month and day of month
 * are 0-based), and whether a time zone argument follows.
 */
const ACCESSORS: Record<string, [number, number, boolean]> = {};

/**
 * HELPER_EXPORTS of the time overloads, and of the two pseudo-ids
 * INPUT_TIMESTAMP and INPUT_DURATION: input conversion parses with the
 * helpers too, so codegen keeps the parsers in a bundle whose inputs hold
 * such types (compiler/codegen/time-inputs.ts).
 */
export const INPUT_TIMESTAMP = "input timestamp";
export const INPUT_DURATION = "input duration";
export const TIME_HELPER_EXPORTS: Record<string, string[]> = {
  string_to_timestamp: PARSE_TIMESTAMP,
  string_to_duration: PARSE_DURATION,
  timestamp_to_string: ["edict_time_format_timestamp"],
  duration_to_string: ["edict_time_format_duration"],
  [INPUT_TIMESTAMP]: PARSE_TIMESTAMP,
  [INPUT_DURATION]: PARSE_DURATION,
};
for (const [name, field, add] of [
  ["year", 0, 0],
  ["month", 1, -1],
  ["day_of_year", 8, 0],
  ["day_of_month", 2, -1],
  ["day_of_month_1_based", 2, 0],
  ["day_of_week", 7, 0],
  ["hours", 3, 0],
  ["minutes", 4, 0],
  ["seconds", 5, 0],
  ["milliseconds", 6, 0],
] as const) {
  const id = `timestamp_to_${name}`;
  const zoned = name === "seconds" ? `${id}_tz` : `${id}_with_tz`;
  ACCESSORS[id] = [field, add, false];
  ACCESSORS[zoned] = [field, add, true];
  TIME_HELPER_EXPORTS[id] = ["edict_time_fields"];
  TIME_HELPER_EXPORTS[zoned] = ["edict_time_fields", "edict_time_offset"];
}

/** Parsers of input strings: nanoseconds or null, as runtime/lib/time.ts parseTimestamp and parseDuration. */
export interface TimeParsers {
  timestamp(s: string): bigint | null;
  duration(s: string): bigint | null;
}

export class TimeHelper {
  /**
   * Memoized: an input's timestamps and durations repeat across the
   * evaluations of a rollout (a per-receiver interval), and a lookup costs
   * less than a call into the bundle.
   */
  readonly parsers: TimeParsers = {
    timestamp: memoizeString((s) => {
      const seconds = this.memory.call1(this.exports.edict_time_parse_timestamp, s);
      return seconds === INT64_MIN ? null : seconds * NS + BigInt(this.exports.edict_time_fraction());
    }),
    duration: memoizeString((s) => {
      const n = this.memory.call1(this.exports.edict_time_parse_duration, s);
      return n === INT64_MIN && this.exports.edict_time_invalid() === 1 ? null : n;
    }),
  };

  constructor(
    private readonly exports: TimeHelperExports,
    private readonly memory: HelperMemory,
  ) {}

  /** The implementation of overload `id`, or undefined when the time helpers do not serve it. */
  implementation(id: string): Impl | undefined {
    switch (id) {
      case "string_to_timestamp":
        return ([s]) => {
          const n = this.parsers.timestamp(s as string);
          return n === null ? new Err(`cannot convert ${JSON.stringify(s)} to timestamp`) : new Timestamp(n);
        };
      case "string_to_duration":
        return ([s]) => {
          const n = this.parsers.duration(s as string);
          return n === null ? new Err(`cannot convert ${JSON.stringify(s)} to duration`) : new Duration(n);
        };
      case "timestamp_to_string":
        return ([t]) => {
          const nanos = (t as Timestamp).nanos;
          return this.text(() => this.exports.edict_time_format_timestamp(nanos / NS, Number(nanos % NS)));
        };
      case "duration_to_string":
        return ([d]) => this.text(() => this.exports.edict_time_format_duration((d as Duration).nanos));
    }
    if (!Object.hasOwn(ACCESSORS, id)) return undefined;
    const [field, add, zoned] = ACCESSORS[id]!;
    if (!zoned) return ([t]) => BigInt(this.field((t as Timestamp).nanos, 0, field) + add);
    return ([t, tz]) => {
      const nanos = (t as Timestamp).nanos;
      const offset = this.offset(tz as string, nanos);
      return offset === null ? new Err(`unknown time zone ${JSON.stringify(tz)}`) : BigInt(this.field(nanos, offset, field) + add);
    };
  }

  /** Seconds east of UTC of zone `tz` at `nanos`, as runtime/lib/zone.ts zoneOffsetSeconds; null for an unknown zone or a malformed offset. */
  private offset(tz: string, nanos: bigint): number | null {
    const offset = this.memory.call1(this.exports.edict_time_offset, tz);
    if (offset === ZONE_NAMED) return ianaOffsetSeconds(tz, nanos);
    return offset === ZONE_INVALID ? null : offset;
  }

  private field(nanos: bigint, offsetSeconds: number, field: number): number {
    this.memory.reserve(0);
    const r = this.exports.edict_time_fields(nanos / NS, Number(nanos % NS), offsetSeconds);
    this.memory.settle();
    return this.memory.words[(r >>> 2) + field]!;
  }

  /** The ASCII text a formatting helper returns. */
  private text(helper: () => number): string {
    this.memory.reserve(0);
    const r = helper();
    this.memory.settle();
    const length = this.memory.words[r >>> 2]!;
    return String.fromCharCode(...this.memory.bytes.subarray(r + 4, r + 4 + length));
  }
}
