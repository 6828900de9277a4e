// UTC offsets of time zones. IANA names go through Intl.DateTimeFormat, the
// one zone database every target host (Node, browsers, Deno, workerd)
// carries; fixed offsets follow cel-go: "[+-]HH:MM" (a name containing ':'
// is always read as an offset).

import { daysFromCivil as daysSinceEpoch } from "./civil.js";

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Seconds east of UTC for a fixed offset like "+05:30", or null. */
export function parseFixedOffset(tz: string): number | null {
  const sign = tz[0] === "-" || tz[0] === "+" ? tz[0] : "";
  const colon = tz.indexOf(":");
  const hourText = tz.slice(sign.length, colon);
  const minuteText = tz.slice(colon + 1);
  if (hourText.length < 1 || hourText.length > 2 || minuteText.length !== 2) return null;
  const hours = decimal(hourText);
  const minutes = decimal(minuteText);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return null;
  const seconds = hours * 3600 + minutes * 60;
  return sign === "-" ? -seconds : seconds;
}

/** Value of a string of ASCII digits, or -1. */
function decimal(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Seconds east of UTC of zone `tz` at the instant `nanos` (Unix epoch
 * nanoseconds), or null for an unknown zone. "UTC" and "" are UTC;
 * "Local" is refused, since a policy must not depend on the host's zone.
 */
export function zoneOffsetSeconds(tz: string, nanos: bigint): number | null {
  return tz.includes(":") ? parseFixedOffset(tz) : ianaOffsetSeconds(tz, nanos);
}

/**
 * zoneOffsetSeconds of a zone name without a colon. The runtime needs only
 * this part: bundles read fixed offsets in their helper
 * (wasm/assembly/time.ts edict_time_offset).
 */
export function ianaOffsetSeconds(tz: string, nanos: bigint): number | null {
  if (tz === "" || tz === "UTC") return 0;
  if (tz === "Local") return null;
  const f = formatterFor(tz);
  if (f === null) return null;
  const floorMillis = nanos >= 0n ? nanos / 1_000_000n : -((-nanos + 999_999n) / 1_000_000n);
  // Whole seconds keep the offset arithmetic exact (zones never change
  // within a second).
  const epochSeconds = Math.floor(Number(floorMillis) / 1000);
  const parts = f.formatToParts(new Date(epochSeconds * 1000));
  const field = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const eraPart = parts.find((p) => p.type === "era")?.value ?? "AD";
  let year = field("year");
  if (eraPart.startsWith("B")) year = 1 - year;
  const localSeconds =
    daysSinceEpoch(year, field("month"), field("day")) * 86400 +
    field("hour") * 3600 +
    field("minute") * 60 +
    field("second");
  const offset = localSeconds - epochSeconds;
  return Number.isFinite(offset) ? offset : null;
}
