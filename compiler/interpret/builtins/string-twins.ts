// The JavaScript twins of CEL's string extension, which bundles run in their
// AssemblyScript helpers (wasm/assembly/strings.ts, host side
// runtime/engine/helper-strings.ts). The reference interpreter uses these;
// `edict/runtime` does not carry them. Positions are code points, as in
// cel-go.
//
// Decision (docs/language.md, string functions): every string argument is
// read as well-formed text, a lone surrogate as U+FFFD (wellFormed). Bundles
// hand strings to their helpers as UTF-8, where a lone surrogate cannot be
// written, so no other choice lets both engines agree on every input; Go's
// strings, which cel-go works on, turn invalid UTF-8 into U+FFFD the same way.

import type { Impl } from "../../../runtime/engine/library.js";
import { Err, List, type Value } from "../../../runtime/engine/values.js";
import { quoteString } from "../../../runtime/lib/quote.js";
import { wellFormed } from "../../../runtime/lib/utf8.js";

const cps = (s: string) => Array.from(s);
const str = (v: Value | undefined) => wellFormed(v as string);
const num = (v: Value | undefined) => Number(v as bigint);

function indexOf(s: string, sub: string, from: number, last: boolean): Value {
  const a = cps(s);
  const b = cps(sub);
  if (from < 0 || from > a.length) return new Err(`index out of range: ${from}`);
  const matchAt = (k: number) => b.every((c, j) => a[k + j] === c);
  if (last) {
    for (let k = Math.min(from, a.length - b.length); k >= 0; k--) if (matchAt(k)) return BigInt(k);
  } else {
    for (let k = from; k + b.length <= a.length; k++) if (matchAt(k)) return BigInt(k);
  }
  return -1n;
}

function replace(s: string, from: string, to: string, limit: number): string {
  if (limit < 0) {
    if (from !== "") return s.split(from).join(to);
    // An empty pattern matches before every code point and at the end (Go's strings.Replace), not between UTF-16 units.
    limit = Infinity;
  }
  let out = "";
  let rest = s;
  for (let n = 0; n < limit; n++) {
    const at = rest.indexOf(from);
    if (at < 0) break;
    out += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
    if (from === "") {
      if (rest === "") return out;
      const c = cps(rest)[0]!;
      out += c;
      rest = rest.slice(c.length);
    }
  }
  return out + rest;
}

function split(s: string, sep: string, limit: number): Value {
  if (limit === 0) return new List([]);
  const parts = sep === "" ? cps(s) : s.split(sep);
  if (limit < 0 || parts.length <= limit) return new List(parts);
  const head = parts.slice(0, limit - 1);
  head.push(parts.slice(limit - 1).join(sep));
  return new List(head);
}

function substring(s: string, start: number, end: number): Value {
  const a = cps(s);
  if (start < 0 || start > a.length) return new Err(`index out of range: ${start}`);
  if (end < start || end > a.length) return new Err(`index out of range: ${end}`);
  return a.slice(start, end).join("");
}

/** Go's unicode.IsSpace (what cel-go's trim uses): not JS's \s, which also has U+FEFF. */
const SPACE = "[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
const ASCII_SPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, "g");

export const STRING_TWINS: Readonly<Record<string, Impl>> = {
  string_char_at_int: ([s, i]) => {
    const a = cps(str(s));
    const k = num(i);
    if (k < 0 || k > a.length) return new Err(`index out of range: ${k}`);
    return a[k] ?? "";
  },
  string_index_of_string: ([s, t]) => indexOf(str(s), str(t), 0, false),
  string_index_of_string_int: ([s, t, i]) => indexOf(str(s), str(t), num(i), false),
  string_last_index_of_string: ([s, t]) => indexOf(str(s), str(t), cps(str(s)).length, true),
  string_last_index_of_string_int: ([s, t, i]) => indexOf(str(s), str(t), num(i), true),
  string_lower_ascii: ([s]) => str(s).replace(/[A-Z]/g, (c) => c.toLowerCase()),
  string_upper_ascii: ([s]) => str(s).replace(/[a-z]/g, (c) => c.toUpperCase()),
  string_replace_string_string: ([s, a, b]) => replace(str(s), str(a), str(b), -1),
  string_replace_string_string_int: ([s, a, b, n]) => replace(str(s), str(a), str(b), num(n)),
  string_split_string: ([s, sep]) => split(str(s), str(sep), -1),
  string_split_string_int: ([s, sep, n]) => split(str(s), str(sep), num(n)),
  string_substring_int: ([s, i]) => substring(str(s), num(i), cps(str(s)).length),
  string_substring_int_int: ([s, i, j]) => substring(str(s), num(i), num(j)),
  string_trim: ([s]) => str(s).replace(ASCII_SPACE, ""),
  string_reverse: ([s]) => cps(str(s)).reverse().join(""),
  strings_quote: ([s]) => quoteString(str(s)),
};
