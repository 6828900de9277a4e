// Library overloads by id (the ids of compiler/library), implemented over
// runtime values. A bundle's call sites name overload ids; loading a bundle
// whose ids are not all here fails with a clear error.

import { OPERATORS } from "./lib-ops.js";
import { STANDARD } from "./lib-std.js";
import { STRINGS } from "./lib-strings.js";
import { MORE } from "./lib-more.js";
import type { Timestamp, Value } from "./values.js";
import { regexWorkFuel } from "./fuel-costs.js";
import { compileRegexCached } from "../lib/regex/index.js";
import { utf8Length } from "../lib/utf8.js";

export interface LibraryContext {
  now: Timestamp;
}

export type Impl = (args: Value[], ctx: LibraryContext) => Value;

const TABLE: Record<string, Impl> = { ...OPERATORS, ...STANDARD, ...STRINGS, ...MORE };

export function implementation(id: string): Impl | undefined {
  return Object.prototype.hasOwnProperty.call(TABLE, id) ? TABLE[id] : undefined;
}

/** Overloads with a work term besides their size terms (docs/fuel.md): the regex matchers. */
const REGEX_MATCHERS = new Set(["matches", "matches_string"]);

export function hasWorkFuel(id: string): boolean {
  return REGEX_MATCHERS.has(id);
}

/**
 * The work term of a call to `id` with `args`, charged after the size terms
 * of the arguments and before the call. An invalid pattern costs nothing
 * more (the call returns its error without matching).
 */
export function workFuel(id: string, args: readonly unknown[]): number {
  if (!REGEX_MATCHERS.has(id)) return 0;
  const [text, pattern] = args;
  if (typeof text !== "string" || typeof pattern !== "string") return 0;
  const compiled = compileRegexCached(pattern);
  return compiled.ok ? regexWorkFuel(utf8Length(text), compiled.program.code.length) : 0;
}
