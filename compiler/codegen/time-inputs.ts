// Input conversion parses timestamps and durations with the bundle's time
// helpers (runtime/engine/helper-time.ts), so a bundle must keep those
// parsers when a policy's inputs hold such types, even if no call site
// calls them: this names the pseudo-overloads that keep them. Every bundle
// keeps the timestamp parser: the runtime reads the `now` option and rules'
// `expires` with it (edict/runtime carries no RFC 3339 parser of its own).

import type { CheckedPolicy } from "../check/checked.js";
import type { TypeDesc } from "../../runtime/engine/type-desc.js";
import { INPUT_DURATION, INPUT_TIMESTAMP } from "../../runtime/engine/helper-time.js";
import { typeDesc } from "./manifest.js";

/** INPUT_TIMESTAMP, and INPUT_DURATION when some input's used type holds a duration. */
export function timeInputIds(checked: readonly CheckedPolicy[]): string[] {
  const ids = new Set<string>([INPUT_TIMESTAMP]);
  const walk = (t: TypeDesc): void => {
    if (t === "timestamp") ids.add(INPUT_TIMESTAMP);
    else if (t === "duration") ids.add(INPUT_DURATION);
    else if (Array.isArray(t)) {
      if (t[0] === "rec") for (const field of t[2]) walk(field[2]);
      else for (const inner of t.slice(1)) walk(inner as TypeDesc);
    }
  };
  for (const c of checked) for (const input of c.inputs) walk(typeDesc(input.usedType));
  return [...ids];
}
