// The JavaScript twins of the library overloads that bundles run in their
// AssemblyScript helpers (runtime/engine/helpers.ts, HELPER_EXPORTS). The
// reference interpreter uses these; `edict/runtime` does not carry them, so
// its size does not include the regex engine, semver, net, the string
// extension or time parsing (string-twins.ts and time-twins.ts, spread in
// below), and the differential tests compare two independent implementations.

import type { Impl } from "../../../runtime/engine/library.js";
import { Err, type Value } from "../../../runtime/engine/values.js";
import { compileRegexCached, regexSearch } from "../../../runtime/lib/regex/index.js";
import { instructionCount } from "../../../runtime/lib/regex/program.js";
import { memoizeString } from "../../../runtime/lib/memo.js";
import { rolloutBucket } from "../../../runtime/lib/murmur3.js";
import { netHost, netIsLoopback, netPort } from "../../../runtime/lib/net.js";
import { semverCompare, semverSatisfies } from "../../../runtime/lib/semver.js";
import { STRING_TWINS } from "./string-twins.js";
import { TIME_TWINS } from "./time-twins.js";

function matches(s: string, pattern: string): Value {
  const compiled = compileRegexCached(pattern);
  if (!compiled.ok) return new Err(`invalid regular expression ${JSON.stringify(pattern)}: ${compiled.error}`);
  return regexSearch(compiled.program, s);
}

/** Instructions of a pattern's program (0 when it does not compile): the size in the work term of `matches`. */
export function regexProgramSize(pattern: string): number {
  const compiled = compileRegexCached(pattern);
  return compiled.ok ? instructionCount(compiled.program.code) : 0;
}

// Pure and called once per endpoint per agent on rollouts, where endpoints repeat.
const cachedHost = memoizeString(netHost);
const cachedIsLoopback = memoizeString(netIsLoopback);

export const HELPER_TWINS: Readonly<Record<string, Impl>> = {
  matches_string: ([s, p]) => matches(s as string, p as string),
  matches: ([s, p]) => matches(s as string, p as string),
  semver_compare_string_string: ([a, b]) => {
    const r = semverCompare(a as string, b as string);
    return typeof r === "number" ? BigInt(r) : new Err(r.error);
  },
  semver_satisfies_string_string: ([v, range]) => {
    const r = semverSatisfies(v as string, range as string);
    return typeof r === "boolean" ? r : new Err(r.error);
  },
  rollout_bucket_string_string: ([key, salt]) => rolloutBucket(key as string, salt as string),
  net_host_string: ([s]) => cachedHost(s as string),
  net_port_string: ([s]) => {
    const p = netPort(s as string);
    return typeof p === "number" ? BigInt(p) : new Err(p.error);
  },
  net_is_loopback_string: ([s]) => cachedIsLoopback(s as string),
  ...STRING_TWINS,
  ...TIME_TWINS,
};
