// The parsed form of a pattern, with flags already applied: (?i) has turned
// letters into classes, (?s) chose the kind of `.`, (?m) the kind of ^ and $.
// Groups leave no node (matching reports no captures).

import type { Ranges } from "./ranges.js";

export type RegexNode =
  | { kind: "empty" }
  | { kind: "char"; cp: number }
  | { kind: "class"; ranges: Ranges }
  | { kind: "any"; newline: boolean }
  | { kind: "assert"; assertion: number }
  | { kind: "concat"; items: RegexNode[] }
  | { kind: "alternate"; items: RegexNode[] }
  /** max -1 means unbounded. */
  | { kind: "repeat"; node: RegexNode; min: number; max: number; greedy: boolean };
