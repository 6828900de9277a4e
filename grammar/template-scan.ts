// Lexing of `message` templates: "text ${expr} more $$".
//
// A template is only recognised right after the `message` keyword (the
// previous token), because only there may a string contain holes whose
// expressions hold string literals of their own: `"${m["k"]}"`. Everywhere
// else a quote starts an ordinary CEL string, so `"${"` stays a valid CEL
// string. The scanner only finds the extent and the parts; decoding escapes
// and parsing holes happens when the AST is built (grammar/template.ts), so
// that each problem gets its own precise span.

import type { CustomPatternMatcherReturn, IToken } from "chevrotain";

export type TemplatePiece =
  /** Raw source text between holes (escapes and `$$` not yet decoded). */
  | { kind: "text"; start: number; end: number }
  /** `start`/`end` delimit the expression text; `open` is the offset of `${`. */
  | { kind: "hole"; open: number; start: number; end: number; closed: boolean };

export interface TemplatePayload {
  quote: string;
  pieces: TemplatePiece[];
  /** False when the closing quote is missing. */
  terminated: boolean;
}

export function scanTemplate(
  text: string,
  offset: number,
  tokens: IToken[],
): CustomPatternMatcherReturn | null {
  const previous = tokens[tokens.length - 1];
  if (previous === undefined || previous.tokenType.name !== "Message") return null;
  // `policy message "..."` and `policy a.message "..."` name a policy: the string is its description.
  // (`policy` counts as the header keyword only where a declaration can start: first, or opening a line.)
  const beforePrevious = tokens[tokens.length - 2];
  if (beforePrevious?.tokenType.name === "Dot") return null;
  if (beforePrevious?.tokenType.name === "Policy") {
    const earlier = tokens[tokens.length - 3];
    if (earlier === undefined || /[\n\r]/.test(text.slice(earlier.startOffset + earlier.image.length, beforePrevious.startOffset))) {
      return null;
    }
  }
  const c = text[offset];
  if (c !== '"' && c !== "'") return null;
  const quote = text.startsWith(c.repeat(3), offset) ? c.repeat(3) : c;
  const multiline = quote.length === 3;
  const pieces: TemplatePiece[] = [];
  let i = offset + quote.length;
  let textStart = i;
  let terminated = false;
  const flushText = (end: number): void => {
    if (end > textStart) pieces.push({ kind: "text", start: textStart, end });
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (!multiline && (ch === "\n" || ch === "\r")) break;
    if (text.startsWith(quote, i)) {
      flushText(i);
      i += quote.length;
      terminated = true;
      break;
    }
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === undefined || (!multiline && (next === "\n" || next === "\r"))) {
        i += 1;
        continue;
      }
      i += 2;
      continue;
    }
    if (ch === "$" && text[i + 1] === "$") {
      i += 2;
      continue;
    }
    if (ch === "$" && text[i + 1] === "{") {
      flushText(i);
      const hole = scanHole(text, i, multiline);
      pieces.push(hole);
      if (!hole.closed) {
        // Swallow the rest of the line so the stray quote is not reported again.
        i = multiline ? text.length : lineEnd(text, i);
        textStart = i;
        break;
      }
      i = hole.end + 1;
      textStart = i;
      continue;
    }
    i += 1;
  }
  if (!terminated) flushText(i);
  const match = [text.slice(offset, i)] as CustomPatternMatcherReturn;
  const payload: TemplatePayload = { quote, pieces, terminated };
  match.payload = payload;
  return match;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i += 1;
  return i;
}

/** Finds the `}` closing the hole opened at `open` (the `$`), skipping nested braces and strings. */
function scanHole(text: string, open: number, multiline: boolean): TemplatePiece & { kind: "hole" } {
  const start = open + 2;
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (!multiline && (ch === "\n" || ch === "\r")) break;
    if (ch === "{") depth += 1;
    else if (ch === "}") {
      if (depth === 0) return { kind: "hole", open, start, end: i, closed: true };
      depth -= 1;
    } else if (ch === '"' || ch === "'") {
      const end = skipStringLiteral(text, i, multiline);
      if (end < 0) break;
      i = end;
      continue;
    }
    i += 1;
  }
  // Unclosed: the hole runs to the end of the line (or of the text).
  return { kind: "hole", open, start, end: i, closed: false };
}

/** Returns the offset after the string literal starting at `i`, or -1 when it does not close on this line. */
function skipStringLiteral(text: string, i: number, multiline: boolean): number {
  const c = text[i]!;
  const before = text[i - 1];
  const raw = before === "r" || before === "R";
  const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
  let j = i + quote.length;
  while (j < text.length) {
    if (text.startsWith(quote, j)) return j + quote.length;
    const ch = text[j]!;
    if ((ch === "\n" || ch === "\r") && (quote.length === 1 || !multiline)) return -1;
    j += ch === "\\" && !raw ? 2 : 1;
  }
  return -1;
}
