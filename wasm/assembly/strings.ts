// CEL's string extension inside the bundle: charAt, indexOf, lastIndexOf,
// lowerAscii, upperAscii, replace, split, substring, trim, reverse and
// strings.quote. The reference interpreter runs the JavaScript twins
// (compiler/interpret/builtins/string-twins.ts); this is a second
// implementation over UTF-8, compared with them by
// test/wasm/string-helpers.test.ts. The host side is
// runtime/engine/helper-strings.ts.
//
// Arguments arrive as well-formed UTF-8 (a lone surrogate as U+FFFD, which
// the twins also read it as). Positions are code points, as in cel-go: a
// position is the number of UTF-8 sequences before it. Searching compares
// bytes: a well-formed needle starts with a lead byte, so a byte match is a
// match of whole code points.
//
// Results come back three ways, so the host decodes as little as it can:
// - numbers (indexOf, lastIndexOf) as the return value;
// - slices of the first argument (charAt, substring, trim, split's parts)
//   as code-unit offsets into the host's own (well-formed) string: a
//   record of i32 [start, end) pairs, split's preceded by their count;
// - new text (lowerAscii, upperAscii, replace, reverse, quote) as a record
//   [byteLength: i32, utf16Length: i32, ...UTF-8 bytes], the UTF-16 length
//   telling the host when the text is ASCII (both lengths equal).
// A result of -2 - k says that the k-th int argument is out of range (-1 is
// indexOf's "not found"); the host words the error.

import { decodeAt, codePointOf, widthOf } from "./regex/utf8";

/** The first and the second int argument out of range. */
const FIRST_OUT_OF_RANGE = -2;
const SECOND_OUT_OF_RANGE = -3;
/** indexOf's `from` and substring's `end` meaning "the code-point length" (the host maps negative positions to -1). */
const AT_END = -2;

function byteAt(p: usize, i: i32): i32 {
  return <i32>load<u8>(p + <usize>i);
}

/** Bytes of the UTF-8 sequence led by byte b. */
function widthOfLead(b: i32): i32 {
  return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/** UTF-16 code units of the bytes [from, to) (character boundaries): 2 per 4-byte sequence, else 1 per character. */
function unitsIn(p: usize, from: i32, to: i32): i32 {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = byteAt(p, i);
    if ((b & 0xc0) != 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

function codePoints(p: usize, len: i32): i32 {
  let n = 0;
  for (let i = 0; i < len; i++) if ((byteAt(p, i) & 0xc0) != 0x80) n++;
  return n;
}

/** Byte offset of the code point `k` code points after byte `from` (len when that is the end), or -1 past the end. */
function skip(p: usize, len: i32, from: i32, k: i32): i32 {
  let i = from;
  for (let n = 0; n < k; n++) {
    if (i >= len) return -1;
    i += widthOfLead(byteAt(p, i));
  }
  return i;
}

function matchAt(p: usize, i: i32, q: usize, qLen: i32): bool {
  for (let j = 0; j < qLen; j++) if (byteAt(p, i + j) != byteAt(q, j)) return false;
  return true;
}

/** First byte offset ≥ from where `q` occurs in [from, len), or -1. */
function find(p: usize, len: i32, from: i32, q: usize, qLen: i32): i32 {
  for (let i = from; i + qLen <= len; i++) if (matchAt(p, i, q, qLen)) return i;
  return -1;
}

/** The slice record of bytes [from, to) of the string at p. */
function slice(p: usize, from: i32, to: i32): i32 {
  const r = __alloc(8);
  const start = unitsIn(p, 0, from);
  store<i32>(r, start);
  store<i32>(r, start + unitsIn(p, from, to), 4);
  return <i32>r;
}

/** A text record with room for `room` bytes; finish it with `endText`. */
function startText(room: i32): usize {
  return __alloc(8 + <usize>room);
}

/** Records the `len` bytes written after the header and their UTF-16 length; returns the record. */
function endText(r: usize, len: i32): i32 {
  store<i32>(r, len);
  store<i32>(r, unitsIn(r + 8, 0, len), 4);
  return <i32>r;
}

/** `s.charAt(k)`: the code point at k, "" at the end. */
export function edict_string_char_at(p: usize, len: i32, k: i32): i32 {
  const at = k < 0 ? -1 : skip(p, len, 0, k);
  if (at < 0) return FIRST_OUT_OF_RANGE;
  return slice(p, at, at == len ? len : at + widthOfLead(byteAt(p, at)));
}

/**
 * `s.indexOf(t, from)` (`last` 0) and `s.lastIndexOf(t, from)` (`last` 1):
 * the code-point position of the first match at or after `from`, or of the
 * last match starting at or before it (a match must fit: an empty `t`
 * matches everywhere up to the end); -1 when there is none.
 */
export function edict_string_index_of(p: usize, len: i32, q: usize, qLen: i32, from: i32, last: i32): i32 {
  if (from == AT_END) from = codePoints(p, len);
  const start = from < 0 ? -1 : skip(p, len, 0, from);
  if (start < 0) return FIRST_OUT_OF_RANGE;
  if (!last) {
    let k = from;
    for (let i = start; i + qLen <= len; i += widthOfLead(byteAt(p, i)), k++) {
      if (matchAt(p, i, q, qLen)) return k;
      if (i == len) break;
    }
    return -1;
  }
  let found = -1;
  for (let i = 0, k = 0; k <= from && i + qLen <= len; k++) {
    if (matchAt(p, i, q, qLen)) found = k;
    if (i == len) break;
    i += widthOfLead(byteAt(p, i));
  }
  return found;
}

/** `s.lowerAscii()` (`upper` 0) and `s.upperAscii()` (`upper` 1): only A-Z, a-z change. */
export function edict_string_ascii_case(p: usize, len: i32, upper: i32): i32 {
  const r = startText(len);
  const from = upper ? 97 : 65;
  for (let i = 0; i < len; i++) {
    const b = byteAt(p, i);
    store<u8>(r + 8 + <usize>i, <u8>(b >= from && b < from + 26 ? b ^ 0x20 : b));
  }
  return endText(r, len);
}

/**
 * Writes `s.replace(old, new, limit)` at `out` when `write`, and returns its
 * length in bytes: the first `limit` matches of `old` (all when limit < 0),
 * left to right without overlap, become `new`. An empty `old` matches
 * before every code point and at the end (Go's strings.Replace).
 */
function replaceInto(p: usize, len: i32, o: usize, oLen: i32, n: usize, nLen: i32, limit: i32, out: usize, write: bool): i32 {
  let w = 0;
  let done = 0;
  let i = 0;
  while (i <= len) {
    const more = limit < 0 || done < limit;
    if (more && (oLen == 0 || (i + oLen <= len && matchAt(p, i, o, oLen)))) {
      if (write) memory.copy(out + <usize>w, n, <usize>nLen);
      w += nLen;
      done++;
      i += oLen;
      if (oLen > 0) continue;
    } else if (!more || i + oLen > len) {
      // Nothing more can match: the rest is copied as it is.
      if (write) memory.copy(out + <usize>w, p + <usize>i, <usize>(len - i));
      return w + len - i;
    }
    if (i == len) break;
    // Past one code point after an empty match, one byte otherwise (no match starts at a continuation byte).
    const step = oLen == 0 ? widthOfLead(byteAt(p, i)) : 1;
    if (write) memory.copy(out + <usize>w, p + <usize>i, <usize>step);
    w += step;
    i += step;
  }
  return w;
}

export function edict_string_replace(p: usize, len: i32, o: usize, oLen: i32, n: usize, nLen: i32, limit: i32): i32 {
  const size = replaceInto(p, len, o, oLen, n, nLen, limit, 0, false);
  const r = startText(size);
  replaceInto(p, len, o, oLen, n, nLen, limit, r + 8, true);
  return endText(r, size);
}

/**
 * The parts of `s.split(sep, limit)` as byte offsets: stores [start, end)
 * pairs at `out` when `write`, returns their count. limit 0 has no parts;
 * with a positive limit the last part is the rest of the string. An empty
 * separator splits between code points (the empty string has no parts).
 */
function splitInto(p: usize, len: i32, sep: usize, sepLen: i32, limit: i32, out: usize, write: bool): i32 {
  if (limit == 0) return 0;
  let n = 0;
  let pos = 0;
  while (limit < 0 || n < limit - 1) {
    let end: i32;
    if (sepLen == 0) {
      if (pos >= len) return n;
      end = pos + widthOfLead(byteAt(p, pos));
    } else {
      end = find(p, len, pos, sep, sepLen);
      if (end < 0) break;
    }
    if (write) {
      store<i32>(out + (<usize>n << 3), pos);
      store<i32>(out + (<usize>n << 3), end, 4);
    }
    n++;
    pos = end + sepLen;
  }
  if (sepLen == 0 && pos >= len) return n;
  if (write) {
    store<i32>(out + (<usize>n << 3), pos);
    store<i32>(out + (<usize>n << 3), len, 4);
  }
  return n + 1;
}

/** The record [count, ...[start, end) pairs in code units] of `s.split(sep, limit)`. */
export function edict_string_split(p: usize, len: i32, sep: usize, sepLen: i32, limit: i32): i32 {
  const count = splitInto(p, len, sep, sepLen, limit, 0, false);
  const r = __alloc(8 + (<usize>count << 3));
  store<i32>(r, count);
  const pairs = r + 8;
  splitInto(p, len, sep, sepLen, limit, pairs, true);
  // Byte offsets to code units, walking the string once: the offsets only grow.
  let byte = 0;
  let units = 0;
  for (let k = 0; k < count << 1; k++) {
    const at = pairs + (<usize>k << 2);
    const b = load<i32>(at);
    units += unitsIn(p, byte, b);
    byte = b;
    store<i32>(at, units);
  }
  return <i32>r;
}

/** `s.substring(start, end)` (end AT_END: the code-point length). */
export function edict_string_substring(p: usize, len: i32, start: i32, end: i32): i32 {
  const from = start < 0 ? -1 : skip(p, len, 0, start);
  if (from < 0) return FIRST_OUT_OF_RANGE;
  if (end == AT_END) return slice(p, from, len);
  const to = end < start ? -1 : skip(p, len, from, end - start);
  return to < 0 ? SECOND_OUT_OF_RANGE : slice(p, from, to);
}

/** Go's unicode.IsSpace, which cel-go's trim uses (not JavaScript's trim: U+FEFF is not space, U+0085 is). */
function isSpace(c: i32): bool {
  if (c < 0x80) return (c >= 9 && c <= 13) || c == 32;
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/** `s.trim()`: without the leading and trailing white space. */
export function edict_string_trim(p: usize, len: i32): i32 {
  const end = p + <usize>len;
  let from = 0;
  while (from < len) {
    const d = decodeAt(p + <usize>from, end);
    if (!isSpace(codePointOf(d))) break;
    from += widthOf(d);
  }
  let to = len;
  while (to > from) {
    let lead = to - 1;
    while ((byteAt(p, lead) & 0xc0) == 0x80) lead--;
    if (!isSpace(codePointOf(decodeAt(p + <usize>lead, end)))) break;
    to = lead;
  }
  return slice(p, from, to);
}

/** `s.reverse()`: the code points in reverse order. */
export function edict_string_reverse(p: usize, len: i32): i32 {
  const r = startText(len);
  let i = 0;
  while (i < len) {
    const w = widthOfLead(byteAt(p, i));
    memory.copy(r + 8 + <usize>(len - i - w), p + <usize>i, <usize>w);
    i += w;
  }
  return endText(r, len);
}

/** The escape letter of byte b in a quoted string, or 0 when b stands for itself. */
function escapeOf(b: i32): i32 {
  switch (b) {
    case 0x07:
      return 97; // a
    case 0x08:
      return 98; // b
    case 0x0c:
      return 102; // f
    case 0x0a:
      return 110; // n
    case 0x0d:
      return 114; // r
    case 0x09:
      return 116; // t
    case 0x0b:
      return 118; // v
    case 0x5c:
    case 0x22:
      return b;
  }
  return 0;
}

/** `strings.quote(s)`: `s` in double quotes with the escapes a CEL string literal reads back (cel-go's set); everything else as it is. */
export function edict_string_quote(p: usize, len: i32): i32 {
  const r = startText(2 * len + 2);
  const out = r + 8;
  let w = 0;
  store<u8>(out, 0x22);
  w++;
  for (let i = 0; i < len; i++) {
    const b = byteAt(p, i);
    const e = escapeOf(b);
    if (e != 0) {
      store<u8>(out + <usize>w, 0x5c);
      w++;
    }
    store<u8>(out + <usize>w, <u8>(e != 0 ? e : b));
    w++;
  }
  store<u8>(out + <usize>w, 0x22);
  return endText(r, w + 1);
}
