// Decoding of the UTF-8 the host writes (TextEncoder: always well formed,
// lone surrogates already turned into U+FFFD). Malformed bytes cannot come
// from the host, but still decode as U+FFFD one byte wide, so every step
// advances and no loop can stall.

/** Packs a decoded code point (low 21 bits) with its byte width (bits 24-26). */
@inline export function decoded(cp: u32, width: u32): u32 {
  return cp | (width << 24);
}

@inline export function codePointOf(d: u32): i32 {
  return <i32>(d & 0x1fffff);
}

@inline export function widthOf(d: u32): i32 {
  return <i32>(d >>> 24);
}

/** The code point starting at `p` (before `end`), packed with its width by `decoded`. */
export function decodeAt(p: usize, end: usize): u32 {
  const b0 = <u32>load<u8>(p);
  if (b0 < 0x80) return decoded(b0, 1);
  const left = end - p;
  if (b0 >= 0xc2 && b0 < 0xe0 && left >= 2) {
    return decoded(((b0 & 0x1f) << 6) | (<u32>load<u8>(p, 1) & 0x3f), 2);
  }
  if (b0 >= 0xe0 && b0 < 0xf0 && left >= 3) {
    return decoded(((b0 & 0x0f) << 12) | ((<u32>load<u8>(p, 1) & 0x3f) << 6) | (<u32>load<u8>(p, 2) & 0x3f), 3);
  }
  if (b0 >= 0xf0 && b0 < 0xf5 && left >= 4) {
    const cp =
      ((b0 & 0x07) << 18) | ((<u32>load<u8>(p, 1) & 0x3f) << 12) | ((<u32>load<u8>(p, 2) & 0x3f) << 6) | (<u32>load<u8>(p, 3) & 0x3f);
    return decoded(cp > 0x10ffff ? 0xfffd : cp, 4);
  }
  return decoded(0xfffd, 1);
}

/** Writes the UTF-8 form of `cp` at `out` (room for 4 bytes); returns its length. */
export function encodeAt(cp: u32, out: usize): i32 {
  if (cp < 0x80) {
    store<u8>(out, <u8>cp);
    return 1;
  }
  if (cp < 0x800) {
    store<u8>(out, <u8>(0xc0 | (cp >> 6)));
    store<u8>(out, <u8>(0x80 | (cp & 0x3f)), 1);
    return 2;
  }
  if (cp < 0x10000) {
    store<u8>(out, <u8>(0xe0 | (cp >> 12)));
    store<u8>(out, <u8>(0x80 | ((cp >> 6) & 0x3f)), 1);
    store<u8>(out, <u8>(0x80 | (cp & 0x3f)), 2);
    return 3;
  }
  store<u8>(out, <u8>(0xf0 | (cp >> 18)));
  store<u8>(out, <u8>(0x80 | ((cp >> 12) & 0x3f)), 1);
  store<u8>(out, <u8>(0x80 | ((cp >> 6) & 0x3f)), 2);
  store<u8>(out, <u8>(0x80 | (cp & 0x3f)), 3);
  return 4;
}
