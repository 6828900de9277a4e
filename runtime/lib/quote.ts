// `strings.quote(s)` / `s.quote()` of CEL's string extension: the string in
// double quotes with the escapes a CEL string literal understands, so that
// the result parses back to `s`.

/** `s` as a double-quoted CEL string literal. */
export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x07:
        out += "\\a";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x0b:
        out += "\\v";
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x22:
        out += '\\"';
        break;
      default:
        if (c >= 0xd800 && c <= 0xdfff) {
          // A well-formed pair is copied; a lone surrogate cannot be
          // UTF-8, and like an invalid byte it becomes U+FFFD.
          const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            out += s[i]! + s[i + 1]!;
            i++;
          } else {
            out += "\ufffd";
          }
        } else {
          out += s[i]!;
        }
    }
  }
  return out + '"';
}
