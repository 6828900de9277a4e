// Standard base64 (RFC 4648 section 4, alphabet A-Z a-z 0-9 + /) without
// atob/btoa, which work on Latin-1 strings and are absent from some hosts.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Value of each alphabet character by char code, -1 elsewhere. */
const DECODE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Padded standard base64 of `bytes`. */
export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + "=";
  }
  return out;
}

/**
 * Decodes padded or unpadded standard base64; null on any other character
 * (whitespace included), on a wrong length or on misplaced padding. Unused
 * trailing bits are ignored, as Go's and Node's decoders do.
 */
export function base64Decode(s: string): Uint8Array | null {
  let end = s.length;
  if (end % 4 === 0 && end > 0) {
    if (s.charCodeAt(end - 1) === 61) end--;
    if (s.charCodeAt(end - 1) === 61) end--;
  }
  const rest = end % 4;
  if (rest === 1) return null;
  if (end !== s.length && (rest === 0 || s.length - end !== 4 - rest)) return null;
  const out = new Uint8Array(Math.floor(end / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return out;
}
