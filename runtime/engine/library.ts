// Library overloads by id (the ids of compiler/library), implemented over
// runtime values. A bundle's call sites name overload ids; loading a bundle
// whose ids are not all here fails with a clear error.

import { OPERATORS } from "./lib-ops.js";
import { STANDARD } from "./lib-std.js";
import { STRINGS } from "./lib-strings.js";
import { MORE } from "./lib-more.js";
import type { Timestamp, Value } from "./values.js";
import { elementsFuel, regexWorkFuel } from "./fuel-costs.js";
import { utf8Length } from "../lib/utf8.js";

export interface LibraryContext {
  now: Timestamp;
}

export type Impl = (args: Value[], ctx: LibraryContext) => Value;

const TABLE: Record<string, Impl> = { ...OPERATORS, ...STANDARD, ...STRINGS, ...MORE };

export function implementation(id: string): Impl | undefined {
  return Object.hasOwn(TABLE, id) ? TABLE[id] : undefined;
}

/** Overloads with a work term besides their size terms (docs/fuel.md): the regex matchers and deep equality. */
const REGEX_MATCHERS = new Set(["matches", "matches_string"]);
const DEEP_EQUALITY = new Set(["equals", "not_equals", "in_list"]);

export function hasWorkFuel(id: string): boolean {
  return REGEX_MATCHERS.has(id) || DEEP_EQUALITY.has(id);
}

/**
 * Over one engine's value representation: whether a value is a list or a
 * map, and the number of elements and entries below its top level (every
 * level). Each engine passes its own.
 */
export interface Containers {
  is(v: unknown): boolean;
  nested(v: unknown): number;
}

/** Containers of a value representation, given its test and a container's element values (a map's values). */
export function containersOf(is: (v: unknown) => boolean, children: (container: unknown) => readonly unknown[]): Containers {
  const nested = (v: unknown): number => {
    let n = 0;
    for (const child of children(v)) if (is(child)) n += children(child).length + nested(child);
    return n;
  };
  return { is, nested };
}

/**
 * The work term of a call to `id` with `args`, charged after the size terms
 * of the arguments and before the call:
 * - `matches`: the text's 16-byte chunks times the compiled pattern's
 *   instructions (`regexSize`: each engine compiles with its own regex
 *   implementation, to identical programs; 0 for an invalid pattern, which
 *   costs nothing more: the call returns its error);
 * - `==`, `!=` of two lists or two maps: the first one's nested elements
 *   (the size terms count the top level only, equality walks every level);
 * - `x in list` with a list or map `x`: the list's nested elements (each
 *   item is compared with `x` in depth).
 */
export function workFuel(id: string, args: readonly unknown[], containers: Containers, regexSize: (pattern: string) => number): number {
  if (REGEX_MATCHERS.has(id)) {
    const [text, pattern] = args;
    if (typeof text !== "string" || typeof pattern !== "string") return 0;
    const instructions = regexSize(pattern);
    return instructions > 0 ? regexWorkFuel(utf8Length(text), instructions) : 0;
  }
  // Test both sides before walking one: `record == null` is common and must stay O(1).
  if (id === "in_list") return containers.is(args[0]) ? elementsFuel(containers.nested(args[1])) : 0;
  return containers.is(args[0]) && containers.is(args[1]) ? elementsFuel(containers.nested(args[0])) : 0;
}
