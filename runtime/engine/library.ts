// Library overloads by id (the ids of compiler/library), implemented over
// runtime values. A bundle's call sites name overload ids; loading a bundle
// whose ids are not all here fails with a clear error.

import { OPERATORS } from "./lib-ops.js";
import { STANDARD } from "./lib-std.js";
import { STRINGS } from "./lib-strings.js";
import { MORE } from "./lib-more.js";
import type { Timestamp, Value } from "./values.js";

export interface LibraryContext {
  now: Timestamp;
}

export type Impl = (args: Value[], ctx: LibraryContext) => Value;

const TABLE: Record<string, Impl> = { ...OPERATORS, ...STANDARD, ...STRINGS, ...MORE };

export function implementation(id: string): Impl | undefined {
  return Object.prototype.hasOwnProperty.call(TABLE, id) ? TABLE[id] : undefined;
}
