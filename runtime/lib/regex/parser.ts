// Recursive-descent parser for RE2 syntax (github.com/google/re2/wiki/Syntax),
// producing the flag-resolved tree of ast.ts. What RE2 rejects — lookaround,
// backreferences, possessive and nested repetition operators, \Z, \C —
// fails here with a message that says so.

import type { RegexNode } from "./ast.js";
import { Assertion } from "./program.js";
import { normalizeRanges, type Ranges } from "./ranges.js";
import { foldCodePoint } from "./unicode.js";
import { MAX_REPEAT, RegexError } from "./messages.js";
import { ClassParser } from "./class-parser.js";
import { cp, RegexSyntaxError, type Flags } from "./cursor.js";

export { MAX_REPEAT, RegexSyntaxError };
/** Group nesting limit (Go's regexp/syntax uses the same). */
export const MAX_NESTING = 1000;

export function parseRegex(pattern: string): RegexNode {
  return new Parser(pattern).parseAll();
}

class Parser extends ClassParser {
  private depth = 0;
  private readonly names = new Set<string>();

  parseAll(): RegexNode {
    const node = this.parseAlternation();
    if (this.pos < this.chars.length) this.fail(RegexError.UnexpectedParen, this.pos);
    return node;
  }

  private parseAlternation(): RegexNode {
    const items = [this.parseConcat()];
    while (this.peek() === cp("|")) {
      this.pos++;
      items.push(this.parseConcat());
    }
    return items.length === 1 ? items[0]! : { kind: "alternate", items };
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.chars.length && this.peek() !== cp("|") && this.peek() !== cp(")")) {
      if (this.lookingAt("\\Q")) {
        this.parseQuoted(items);
        continue;
      }
      const atom = this.parseAtom();
      if (atom !== null) items.push(this.parseRepeats(atom));
    }
    if (items.length === 0) return { kind: "empty" };
    return items.length === 1 ? items[0]! : { kind: "concat", items };
  }

  /**
   * `\Q...\E`: every code point up to `\E` (or the end of the pattern) is a
   * literal, a backslash included, and each is an item of the enclosing
   * concatenation, as RE2 pushes them one by one. So a repetition operator
   * after `\E` applies to the last quoted character only (`\Qab\E*` is
   * `ab*`); with nothing quoted it applies to the item before `\Q`
   * (`a\Q\E*` is `a*`), and with no item before either, parseAtom then
   * rejects the operator as missing its argument (`\Q\E*`), as RE2 does.
   */
  private parseQuoted(items: RegexNode[]): void {
    this.pos += 2;
    while (this.pos < this.chars.length && !this.lookingAt("\\E")) items.push(this.literal(this.chars[this.pos++]!));
    if (this.pos < this.chars.length) this.pos += 2;
    if (items.length > 0) items.push(this.parseRepeats(items.pop()!));
  }

  /** Applies the repetition operators after an atom (at most one: RE2 rejects `a**`). */
  private parseRepeats(atom: RegexNode): RegexNode {
    const start = this.pos;
    const bounds = this.parseRepeatOperator();
    if (bounds === null) return atom;
    let greedy = true;
    if (this.peek() === cp("?")) {
      this.pos++;
      greedy = false;
    }
    if (this.flags.ungreedy) greedy = !greedy;
    const afterStart = this.pos;
    if (this.parseRepeatOperator() !== null) {
      this.fail(
        this.chars[afterStart] === cp("+") ? RegexError.Possessive : RegexError.NestedRepetition,
        start,
      );
    }
    return { kind: "repeat", node: atom, min: bounds[0], max: bounds[1], greedy };
  }

  /** Reads `*`, `+`, `?` or a valid `{n}`, `{n,}`, `{n,m}`; null (and no input consumed) otherwise. */
  private parseRepeatOperator(): [number, number] | null {
    const c = this.peek();
    if (c === cp("*")) return this.pos++, [0, -1];
    if (c === cp("+")) return this.pos++, [1, -1];
    if (c === cp("?")) return this.pos++, [0, 1];
    if (c !== cp("{")) return null;
    const start = this.pos;
    this.pos++;
    const min = this.parseInteger();
    if (min === null) return (this.pos = start), null;
    let max = min;
    if (this.peek() === cp(",")) {
      this.pos++;
      max = this.peek() === cp("}") ? -1 : (this.parseInteger() ?? -2);
      if (max === -2) return (this.pos = start), null;
    }
    if (this.peek() !== cp("}")) return (this.pos = start), null;
    this.pos++;
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
      this.fail(RegexError.InvalidRepeatCount, start);
    }
    return [min, max];
  }

  /** Digits of a repeat count, as Go reads them: a leading zero makes the braces literal; a huge value is too large. */
  private parseInteger(): number | null {
    const start = this.pos;
    while (this.peek() >= 0x30 && this.peek() <= 0x39) this.pos++;
    const digits = this.pos - start;
    if (digits === 0 || (digits > 1 && this.chars[start] === 0x30)) return null;
    return digits > 8 ? Infinity : Number(this.text(start, this.pos));
  }

  /** One atom, or null for a flag group like `(?i)` that only changes state. */
  private parseAtom(): RegexNode | null {
    const start = this.pos;
    const c = this.chars[this.pos++]!;
    switch (c) {
      case cp("("):
        return this.parseGroup(start);
      case cp("["):
        return this.classNode(this.parseClass(start));
      case cp("."):
        return { kind: "any", newline: this.flags.dotNewline };
      case cp("^"):
        return { kind: "assert", assertion: this.flags.multiLine ? Assertion.BeginLine : Assertion.BeginText };
      case cp("$"):
        return { kind: "assert", assertion: this.flags.multiLine ? Assertion.EndLine : Assertion.EndText };
      case cp("\\"):
        return this.parseEscapeAtom(start);
      case cp("*"):
      case cp("+"):
      case cp("?"):
        return this.fail(RegexError.MissingRepeatArgument, start);
      case cp("{"): {
        this.pos = start;
        if (this.parseRepeatOperator() !== null) this.fail(RegexError.MissingRepeatArgument, start);
        this.pos = start + 1;
        return this.literal(c);
      }
      default:
        return this.literal(c);
    }
  }

  private literal(c: number): RegexNode {
    if (this.flags.caseInsensitive) {
      const orbit = foldCodePoint(c);
      if (orbit.length > 1) return { kind: "class", ranges: normalizeRanges(orbit.flatMap((x) => [x, x])) };
    }
    return { kind: "char", cp: c };
  }

  private classNode(ranges: Ranges): RegexNode {
    if (ranges.length === 2 && ranges[0] === ranges[1]) return { kind: "char", cp: ranges[0]! };
    return { kind: "class", ranges };
  }

  private parseGroup(start: number): RegexNode | null {
    if (this.peek() === cp("?")) {
      if (this.lookingAt("?=") || this.lookingAt("?!") || this.lookingAt("?<=") || this.lookingAt("?<!")) {
        this.fail(RegexError.Lookaround, start);
      }
      if (this.lookingAt("?P<") || this.lookingAt("?<")) {
        this.pos += this.lookingAt("?P<") ? 3 : 2;
        this.parseGroupName(start);
        return this.parseGroupBody(start, this.flags);
      }
      this.pos++;
      return this.parseFlagGroup(start);
    }
    return this.parseGroupBody(start, this.flags);
  }

  private parseGroupName(start: number): void {
    const nameStart = this.pos;
    while (this.pos < this.chars.length && this.peek() !== cp(">")) {
      const c = this.peek();
      const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
      if (!word) this.fail(RegexError.GroupNameChar, start);
      this.pos++;
    }
    if (this.peek() !== cp(">") || this.pos === nameStart) this.fail(RegexError.NamedGroup, start);
    const name = this.text(nameStart, this.pos);
    if (this.names.has(name)) this.fail(RegexError.DuplicateName, start, nameStart, this.pos);
    this.names.add(name);
    this.pos++;
  }

  /** After `(?`: flags, then `)` (set them for the rest of the group) or `:` (a group with them). */
  private parseFlagGroup(start: number): RegexNode | null {
    const flags = { ...this.flags };
    let negated = false;
    let sawFlag = false;
    let anyFlag = false;
    for (;;) {
      const c = this.chars[this.pos++];
      if (c === undefined) this.fail(RegexError.MissingParen, start);
      const letter = String.fromCodePoint(c);
      if (letter === "i" || letter === "m" || letter === "s" || letter === "U") {
        if (letter === "i") flags.caseInsensitive = !negated;
        if (letter === "m") flags.multiLine = !negated;
        if (letter === "s") flags.dotNewline = !negated;
        if (letter === "U") flags.ungreedy = !negated;
        sawFlag = anyFlag = true;
      } else if (letter === "-" && !negated) {
        negated = true;
        sawFlag = false;
      } else if ((letter === ")" || letter === ":") && (sawFlag || !negated) && (anyFlag || letter === ":")) {
        if (letter === ":") return this.parseGroupBody(start, flags);
        this.flags = flags;
        return null;
      } else {
        this.fail(letter === ">" ? RegexError.AtomicGroup : letter === "#" ? RegexError.Comment : RegexError.GroupFlags, start);
      }
    }
  }

  private parseGroupBody(start: number, flags: Flags): RegexNode {
    if (++this.depth > MAX_NESTING) this.fail(RegexError.Nesting, start);
    const saved = this.flags;
    this.flags = { ...flags };
    const node = this.parseAlternation();
    if (this.peek() !== cp(")")) this.fail(RegexError.MissingParen, start);
    this.pos++;
    this.flags = saved;
    this.depth--;
    return node;
  }

  private parseEscapeAtom(start: number): RegexNode {
    const c = this.peek();
    if (c === cp("A")) return this.pos++, { kind: "assert", assertion: Assertion.BeginText };
    if (c === cp("z")) return this.pos++, { kind: "assert", assertion: Assertion.EndText };
    if (c === cp("b")) return this.pos++, { kind: "assert", assertion: Assertion.WordBoundary };
    if (c === cp("B")) return this.pos++, { kind: "assert", assertion: Assertion.NotWordBoundary };
    // \Q...\E never gets here: parseConcat reads it (parseQuoted).
    const ranges = this.parseEscapeClass(start);
    if (ranges !== null) return this.classNode(ranges);
    return this.literal(this.parseEscapeChar(start));
  }

}
