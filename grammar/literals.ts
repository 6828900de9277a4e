// Decoding of literal tokens into values, following the CEL grammar:
// escapes \a \b \f \n \r \t \v \\ \' \" \` \?, octal \[0-3][0-7][0-7],
// \xHH / \XHH, \uHHHH, \UHHHHHHHH. In strings every escape is a code point
// (so "\xff" is U+00FF); in bytes \x and octal are single bytes and
// everything else is UTF-8. Raw literals (r"...") take the text verbatim.
// Each problem is reported with the span of the offending escape.

import type { LiteralValue } from "../compiler/ast.js";
import type { Span } from "../compiler/diagnostics.js";

export interface LiteralProblem {
  code: string;
  message: string;
  span: Span;
  help?: string;
}

const INT_MAX = (1n << 63n) - 1n;
const UINT_MAX = (1n << 64n) - 1n;

function parseDigits(text: string): bigint {
  return text.startsWith("0x") ? BigInt(text) : BigInt(text);
}

export function decodeInt(text: string, negative: boolean, span: Span, problems: LiteralProblem[]): LiteralValue {
  const magnitude = parseDigits(text);
  const value = negative ? -magnitude : magnitude;
  if (value > INT_MAX || value < -INT_MAX - 1n) {
    problems.push({
      code: "E0005",
      message: `integer literal ${negative ? "-" : ""}${text} is out of range for int (64-bit signed)`,
      span,
      help: "int literals must lie between -9223372036854775808 and 9223372036854775807; add a 'u' suffix for uint",
    });
    return { type: "int", value: 0n };
  }
  return { type: "int", value };
}

export function decodeUint(text: string, span: Span, problems: LiteralProblem[]): LiteralValue {
  const value = parseDigits(text.slice(0, -1));
  if (value > UINT_MAX) {
    problems.push({
      code: "E0005",
      message: `integer literal ${text} is out of range for uint (64-bit unsigned)`,
      span,
    });
    return { type: "uint", value: 0n };
  }
  return { type: "uint", value };
}

export function decodeDouble(text: string, negative: boolean, span: Span, problems: LiteralProblem[]): LiteralValue {
  const magnitude = Number(text);
  if (!Number.isFinite(magnitude)) {
    problems.push({ code: "E0005", message: `double literal ${text} is out of range`, span });
    return { type: "double", value: 0 };
  }
  return { type: "double", value: negative ? -magnitude : magnitude };
}

/** Splits a string or bytes token into its prefix flags, quote and body offsets. */
export function quotedParts(image: string): { bytes: boolean; raw: boolean; quote: string; bodyStart: number; bodyEnd: number } {
  let i = 0;
  let bytes = false;
  let raw = false;
  if (image[i] === "b" || image[i] === "B") {
    bytes = true;
    i += 1;
  }
  if (image[i] === "r" || image[i] === "R") {
    raw = true;
    i += 1;
  }
  const q = image[i]!;
  const quote = image.startsWith(q.repeat(3), i) ? q.repeat(3) : q;
  return { bytes, raw, quote, bodyStart: i + quote.length, bodyEnd: image.length - quote.length };
}

/** Decodes a StringLiteral or BytesLiteral token starting at file offset `start`. */
export function decodeQuoted(image: string, start: number, problems: LiteralProblem[]): LiteralValue {
  const { bytes, raw, bodyStart, bodyEnd } = quotedParts(image);
  const sink = bytes ? new ByteSink() : new StringSink();
  if (raw) sink.text(image.slice(bodyStart, bodyEnd));
  else decodeEscapes(image, bodyStart, bodyEnd, start, sink, problems);
  return sink instanceof ByteSink ? { type: "bytes", value: sink.result() } : { type: "string", value: sink.result() };
}

export interface Sink {
  text(s: string): void;
  codePoint(cp: number): void;
  /** \x and octal escapes: a byte in bytes literals, a code point in strings. */
  byteEscape(b: number): void;
}

export class StringSink implements Sink {
  private parts: string[] = [];
  text(s: string): void {
    this.parts.push(s);
  }
  codePoint(cp: number): void {
    this.parts.push(String.fromCodePoint(cp));
  }
  byteEscape(b: number): void {
    this.parts.push(String.fromCodePoint(b));
  }
  result(): string {
    return this.parts.join("");
  }
}

const utf8 = new TextEncoder();

export class ByteSink implements Sink {
  private bytes: number[] = [];
  text(s: string): void {
    for (const b of utf8.encode(s)) this.bytes.push(b);
  }
  codePoint(cp: number): void {
    this.text(String.fromCodePoint(cp));
  }
  byteEscape(b: number): void {
    this.bytes.push(b);
  }
  result(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const simpleEscapes: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  "\\": 92,
  "'": 39,
  '"': 34,
  "`": 96,
  "?": 63,
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Decodes `text[from, to)` (cooked, i.e. not raw) into `sink`; `base` is the
 * file offset of `text[0]`. Also used for message template text.
 */
export function decodeEscapes(
  text: string,
  from: number,
  to: number,
  base: number,
  sink: Sink,
  problems: LiteralProblem[],
  onDollar?: (index: number) => number,
): void {
  let runStart = from;
  let i = from;
  const flush = (end: number): void => {
    if (end > runStart) sink.text(text.slice(runStart, end));
  };
  while (i < to) {
    const ch = text[i]!;
    if (ch === "$" && onDollar) {
      flush(i);
      i = onDollar(i);
      runStart = i;
      continue;
    }
    if (ch !== "\\") {
      i += 1;
      continue;
    }
    flush(i);
    const kind = text[i + 1];
    const escapeAt = (length: number): Span => ({ start: base + i, end: base + Math.min(i + length, to) });
    if (kind !== undefined && kind in simpleEscapes) {
      sink.codePoint(simpleEscapes[kind]!);
      i += 2;
    } else if (kind === "x" || kind === "X") {
      const digits = text.slice(i + 2, i + 4);
      if (digits.length === 2 && i + 4 <= to && HEX.test(digits)) sink.byteEscape(parseInt(digits, 16));
      else problems.push({ code: "E0004", message: `invalid escape '\\${kind}${digits.replace(/[^0-9a-fA-F].*$/, "")}': \\x needs two hex digits`, span: escapeAt(2) });
      i += 2 + (HEX.test(digits) && digits.length === 2 ? 2 : 0);
    } else if (kind === "u" || kind === "U") {
      const n = kind === "u" ? 4 : 8;
      const digits = text.slice(i + 2, i + 2 + n);
      if (digits.length === n && i + 2 + n <= to && HEX.test(digits)) {
        const cp = parseInt(digits, 16);
        if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
          problems.push({
            code: "E0004",
            message: `invalid unicode code point '\\${kind}${digits}'${cp > 0x10ffff ? " (above U+10FFFF)" : " (a surrogate)"}`,
            span: escapeAt(2 + n),
          });
        } else sink.codePoint(cp);
        i += 2 + n;
      } else {
        problems.push({ code: "E0004", message: `invalid escape: \\${kind} needs ${n} hex digits`, span: escapeAt(2) });
        i += 2;
      }
    } else if (kind !== undefined && kind >= "0" && kind <= "3") {
      const digits = text.slice(i + 1, i + 4);
      if (digits.length === 3 && i + 4 <= to && /^[0-3][0-7][0-7]$/.test(digits)) {
        sink.byteEscape(parseInt(digits, 8));
        i += 4;
      } else {
        problems.push({ code: "E0004", message: `invalid octal escape: '\\' followed by a digit needs three octal digits (\\000 to \\377)`, span: escapeAt(2) });
        i += 2;
      }
    } else {
      const shown = kind === undefined ? "\\" : kind === "\n" ? "\\ at the end of a line" : `\\${String.fromCodePoint(text.codePointAt(i + 1)!)}`;
      problems.push({
        code: "E0004",
        message: `invalid escape sequence '${shown}'`,
        span: escapeAt(kind === undefined ? 1 : 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length),
        help: "valid escapes: \\a \\b \\f \\n \\r \\t \\v \\\\ \\' \\\" \\` \\?, \\xHH, \\uHHHH, \\UHHHHHHHH, octal \\000",
      });
      i += kind === undefined ? 1 : 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length;
    }
    runStart = i;
  }
  flush(to);
}
