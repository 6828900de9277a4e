// `net.host`, `net.port` and `net.isLoopback` inside the bundle. The
// reference interpreter runs runtime/lib/net.ts; this is a second
// implementation of the same rules (spec section 8), compared with it by
// test/wasm/net-helpers.test.ts. The host side is runtime/engine/helpers.ts.
//
// The argument arrives as UTF-8 (a lone surrogate as U+FFFD) and is read
// as bytes, never decoded: every character the rules look for is ASCII,
// and no byte of a multi-byte sequence is ASCII. Only trimming looks at
// non-ASCII characters (the whitespace String.prototype.trim removes).
//
// Strings come back as code-unit offsets into the host's own string, not as
// text: a lone surrogate and the U+FFFD it travelled as are both one code
// unit, and neither is whitespace or a character the rules look for, so the
// offsets are those net.ts finds. The host slices its string with them and
// lower-cases the slice with JavaScript's toLowerCase, as net.ts does: lone
// surrogates and non-ASCII case mappings come out exactly as in the
// interpreter, and no Unicode case tables are needed here.
//
// edict_net_split returns the address of a record of six i32 (16-aligned):
//   [schemeStart, schemeEnd, hostStart, hostEnd, portStart, portEnd]
// in code units, where [schemeStart, schemeEnd) is the scheme as written
// (empty without `://`), [hostStart, hostEnd) the host without brackets,
// and [portStart, portEnd) the text after the host's colon; portStart and
// portEnd are -1 when there is no such colon (net.ts's `port: null`).

/** Results of edict_net_port besides a port number 0-65535. */
const INVALID_PORT = -1;
const NO_PORT = -2;

const HASH = 35;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const QUESTION = 63;
const AT = 64;
const OPEN = 91;
const CLOSE = 93;

/** What String.prototype.trim removes: WhiteSpace and LineTerminator of ECMA-262 (Zs as of Unicode 17). */
function isTrimmed(c: i32): bool {
  if (c < 0x80) return (c >= 9 && c <= 13) || c == 32;
  return (
    c == 0xa0 ||
    c == 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c == 0x2028 ||
    c == 0x2029 ||
    c == 0x202f ||
    c == 0x205f ||
    c == 0x3000 ||
    c == 0xfeff
  );
}

function byteAt(p: usize, i: i32): i32 {
  return <i32>load<u8>(p + <usize>i);
}

/** The code point whose (well-formed) UTF-8 sequence starts at byte i; astral ones as 0x10000, which none of the rules tells apart. */
function codePointAt(p: usize, i: i32): i32 {
  const b = byteAt(p, i);
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (byteAt(p, i + 1) & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((byteAt(p, i + 1) & 0x3f) << 6) | (byteAt(p, i + 2) & 0x3f);
  return 0x10000;
}

function isContinuation(b: i32): bool {
  return (b & 0xc0) == 0x80;
}

/** UTF-16 code units of the bytes before byte `to` (a character boundary): 2 per 4-byte sequence, else 1 per character. */
function units(p: usize, to: i32): i32 {
  let n = 0;
  for (let i = 0; i < to; i++) {
    const b = byteAt(p, i);
    if (!isContinuation(b)) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** First index of byte `c` in [from, to), or -1. */
function find(p: usize, c: i32, from: i32, to: i32): i32 {
  for (let i = from; i < to; i++) if (byteAt(p, i) == c) return i;
  return -1;
}

/** First index of `::` in [from, to) (the one String.prototype.split("::") cuts at), or -1. */
function findDoubleColon(p: usize, from: i32, to: i32): i32 {
  for (let i = from; i + 1 < to; i++) if (byteAt(p, i) == COLON && byteAt(p, i + 1) == COLON) return i;
  return -1;
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

/** Lower-cases A-Z only. */
function lowerAscii(c: i32): i32 {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether bytes [from, to) lower-cased are `word` (lower-case ASCII). Of
 * all characters only U+0130 and U+212A lower-case to strings holding ASCII
 * ("i̇" and "k"), which are in none of the words compared with, so this is
 * JavaScript's `s.toLowerCase() === word`.
 */
function equalsLower(p: usize, from: i32, to: i32, word: string): bool {
  if (to - from != word.length) return false;
  for (let i = 0; i < word.length; i++) if (lowerAscii(byteAt(p, from + i)) != <i32>word.charCodeAt(i)) return false;
  return true;
}

/** net.ts's splitEndpoint(s.trim()), in bytes. */
class Endpoint {
  schemeStart: i32 = 0;
  schemeEnd: i32 = 0;
  hostStart: i32 = 0;
  hostEnd: i32 = 0;
  portStart: i32 = -1;
  portEnd: i32 = -1;

  parse(p: usize, len: i32): void {
    let start = 0;
    let end = len;
    while (start < end) {
      const b = byteAt(p, start);
      if (!isTrimmed(codePointAt(p, start))) break;
      start += b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    }
    while (end > start) {
      let lead = end - 1;
      while (isContinuation(byteAt(p, lead))) lead--;
      if (!isTrimmed(codePointAt(p, lead))) break;
      end = lead;
    }
    this.schemeStart = start;
    this.schemeEnd = start;
    let rest = start;
    for (let i = start; i + 2 < end; i++) {
      if (byteAt(p, i) == COLON && byteAt(p, i + 1) == SLASH && byteAt(p, i + 2) == SLASH) {
        this.schemeEnd = i;
        rest = i + 3;
        break;
      }
    }
    // The authority ends at the path, query or fragment.
    let stop = rest;
    while (stop < end) {
      const c = byteAt(p, stop);
      if (c == SLASH || c == QUESTION || c == HASH) break;
      stop++;
    }
    let from = rest;
    for (let i = stop - 1; i >= rest; i--) {
      if (byteAt(p, i) == AT) {
        from = i + 1;
        break;
      }
    }
    if (from < stop && byteAt(p, from) == OPEN) {
      const close = find(p, CLOSE, from, stop);
      if (close < 0) {
        this.hostStart = this.hostEnd = from;
        return;
      }
      this.hostStart = from + 1;
      this.hostEnd = close;
      if (close + 1 < stop && byteAt(p, close + 1) == COLON) {
        this.portStart = close + 2;
        this.portEnd = stop;
      }
      return;
    }
    this.hostStart = from;
    this.hostEnd = stop;
    const firstColon = find(p, COLON, from, stop);
    // No colon, or several and no brackets (a bare IPv6 address): no port.
    if (firstColon < 0 || find(p, COLON, firstColon + 1, stop) >= 0) return;
    this.hostEnd = firstColon;
    this.portStart = firstColon + 1;
    this.portEnd = stop;
  }
}

function splitEndpoint(p: usize, len: i32): Endpoint {
  const e = new Endpoint();
  e.parse(p, len);
  return e;
}

/** The record of code-unit offsets described above, for the UTF-8 endpoint at ptr. */
export function edict_net_split(ptr: usize, len: i32): usize {
  const e = splitEndpoint(ptr, len);
  const r = __alloc(24);
  store<i32>(r, units(ptr, e.schemeStart));
  store<i32>(r, units(ptr, e.schemeEnd), 4);
  store<i32>(r, units(ptr, e.hostStart), 8);
  store<i32>(r, units(ptr, e.hostEnd), 12);
  store<i32>(r, e.portStart < 0 ? -1 : units(ptr, e.portStart), 16);
  store<i32>(r, e.portStart < 0 ? -1 : units(ptr, e.portEnd), 20);
  return r;
}

/**
 * `net.port(s)`: the explicit port (0-65535), else the scheme's default
 * (http 80, https 443, any case); INVALID_PORT when the text after the
 * colon is not a port, NO_PORT when there is neither. The host asks
 * edict_net_split for the texts its error messages quote.
 */
export function edict_net_port(ptr: usize, len: i32): i32 {
  const e = splitEndpoint(ptr, len);
  if (e.portStart >= 0) {
    const n = e.portEnd - e.portStart;
    if (n == 0 || n > 5) return INVALID_PORT;
    let v = 0;
    for (let i = e.portStart; i < e.portEnd; i++) {
      const c = byteAt(ptr, i);
      if (!isDigit(c)) return INVALID_PORT;
      v = v * 10 + (c - 48);
    }
    return v > 65535 ? INVALID_PORT : v;
  }
  if (equalsLower(ptr, e.schemeStart, e.schemeEnd, "http")) return 80;
  if (equalsLower(ptr, e.schemeStart, e.schemeEnd, "https")) return 443;
  return NO_PORT;
}

/** The four bytes of a strict dotted quad (no leading zeros) in [from, to), packed big-endian, or -1. */
function parseIPv4(p: usize, from: i32, to: i32): i64 {
  let bytes: i64 = 0;
  let parts = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && byteAt(p, i) != DOT) continue;
    // The part [start, i): 1-3 digits, no leading zero, at most 255; four parts.
    const n = i - start;
    if (n == 0 || n > 3 || ++parts > 4 || (n > 1 && byteAt(p, start) == 48)) return -1;
    let v = 0;
    for (let j = start; j < i; j++) {
      const c = byteAt(p, j);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - 48);
    }
    if (v > 255) return -1;
    bytes = (bytes << 8) | v;
    start = i + 1;
  }
  return parts == 4 ? bytes : -1;
}

/** 1-4 hex digits (what parseInt(c, 16) reads digit by digit), or -1. */
function hexGroup(p: usize, from: i32, to: i32): i32 {
  if (to == from || to - from > 4) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = lowerAscii(byteAt(p, i));
    let d = -1;
    if (isDigit(c)) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

/**
 * The `:`-separated groups of [from, to) stored as i32 at `out`; returns
 * their count or -1. A trailing dotted quad, when allowed, is two groups.
 * More than eight groups is -1 at once: no address has them.
 */
function parseGroups(p: usize, from: i32, to: i32, allowIPv4: bool, out: usize): i32 {
  if (from == to) return 0;
  let n = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && byteAt(p, i) != COLON) continue;
    if (allowIPv4 && i == to && find(p, DOT, start, i) >= 0) {
      const v4 = parseIPv4(p, start, i);
      if (v4 < 0 || n + 2 > 8) return -1;
      store<i32>(out + (<usize>n << 2), <i32>(v4 >> 16));
      store<i32>(out + (<usize>n << 2), <i32>(v4 & 0xffff), 4);
      n += 2;
    } else {
      const g = hexGroup(p, start, i);
      if (g < 0 || n + 1 > 8) return -1;
      store<i32>(out + (<usize>n << 2), g);
      n++;
    }
    start = i + 1;
  }
  return n;
}

/** Stores the eight groups of an IPv6 address in [from, to) at `out` (room for 16 i32); false when it is not one. */
function parseIPv6(p: usize, from: i32, to: i32, out: usize): bool {
  const gap = findDoubleColon(p, from, to);
  if (gap < 0) return parseGroups(p, from, to, true, out) == 8;
  if (findDoubleColon(p, gap + 2, to) >= 0) return false;
  const head = parseGroups(p, from, gap, false, out);
  if (head < 0) return false;
  const tail = parseGroups(p, gap + 2, to, true, out + 32);
  if (tail < 0 || head + tail > 7) return false;
  for (let i = head; i < 8 - tail; i++) store<i32>(out + (<usize>i << 2), 0);
  for (let i = 0; i < tail; i++) store<i32>(out + (<usize>(8 - tail + i) << 2), load<i32>(out + 32 + (<usize>i << 2)));
  return true;
}

/**
 * `net.isLoopback(host)`: 1 for "localhost" (any case, optional trailing
 * dot), 127.0.0.0/8, ::1 in any spelling and ::ffff:127.x.y.z (with or
 * without brackets), else 0. A non-ASCII character makes it 0: whatever
 * JavaScript's toLowerCase makes of one, a character remains that no
 * accepted spelling holds (U+0130 becomes "i̇", U+212A "k", every other
 * non-ASCII character stays non-ASCII).
 */
export function edict_net_is_loopback(ptr: usize, len: i32): i32 {
  for (let i = 0; i < len; i++) if (byteAt(ptr, i) >= 0x80) return 0;
  let from = 0;
  let to = len;
  // "[" alone is not stripped (it does not end with "]"); "[]" leaves "".
  if (len > 1 && byteAt(ptr, 0) == OPEN && byteAt(ptr, len - 1) == CLOSE) {
    from = 1;
    to = len - 1;
  }
  if (equalsLower(ptr, from, to, "localhost") || equalsLower(ptr, from, to, "localhost.")) return 1;
  const v4 = parseIPv4(ptr, from, to);
  if (v4 >= 0) return v4 >> 24 == 127 ? 1 : 0;
  const g = __alloc(64);
  if (!parseIPv6(ptr, from, to, g)) return 0;
  let zeros = 0;
  while (zeros < 7 && load<i32>(g + (<usize>zeros << 2)) == 0) zeros++;
  if (zeros == 7) return load<i32>(g, 28) == 1 ? 1 : 0;
  return zeros >= 5 && load<i32>(g, 20) == 0xffff && load<i32>(g, 24) >> 8 == 127 ? 1 : 0;
}
