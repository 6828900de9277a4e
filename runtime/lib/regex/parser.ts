// Recursive-descent parser for RE2 syntax (github.com/google/re2/wiki/Syntax),
// producing the flag-resolved tree of ast.ts. What RE2 rejects — lookaround,
// backreferences, possessive and nested repetition operators, \Z, \C —
// fails here with a message that says so.

import type { RegexNode } from "./ast.js";
import { Assertion } from "./program.js";
import { negateRanges, normalizeRanges, type Ranges } from "./ranges.js";
import { foldCodePoint, foldRanges, unicodeClass } from "./unicode.js";
import { perlClass, posixClass } from "./perl-classes.js";
import { readEscapeChar } from "./escapes.js";
import { formatRegexError, MAX_REPEAT, RegexError } from "./messages.js";

export { MAX_REPEAT };
/** Group nesting limit (Go's regexp/syntax uses the same). */
export const MAX_NESTING = 1000;

interface Flags {
  caseInsensitive: boolean;
  multiLine: boolean;
  dotNewline: boolean;
  ungreedy: boolean;
}

/** Its message is the whole text compileRegex returns (messages.ts). */
export class RegexSyntaxError extends Error {}

const cp = (s: string): number => s.codePointAt(0)!;

export function parseRegex(pattern: string): RegexNode {
  return new Parser(pattern).parseAll();
}

class Parser {
  private readonly chars: number[];
  private pos = 0;
  private depth = 0;
  private flags: Flags = { caseInsensitive: false, multiLine: false, dotNewline: false, ungreedy: false };
  private readonly names = new Set<string>();
  /** A cache for `indexOfBracket`: its answer for searches starting anywhere in (bracketFrom, bracketAt] (none yet). */
  private bracketFrom = Infinity;
  private bracketAt = -1;

  constructor(private readonly pattern: string) {
    // A lone surrogate reads as U+FFFD, as in texts (vm.ts) and as the
    // AssemblyScript port sees it after UTF-8 encoding (README.md).
    this.chars = Array.from(pattern, (c) => {
      const code = c.codePointAt(0)!;
      return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
    });
  }

  parseAll(): RegexNode {
    const node = this.parseAlternation();
    if (this.pos < this.chars.length) this.fail(RegexError.UnexpectedParen, this.pos);
    return node;
  }

  /** `from`, `to`: the code points the message quotes (messages.ts). */
  private fail(code: number, at: number, from = -1, to = -1): never {
    throw new RegexSyntaxError(formatRegexError(code, this.pattern, at, from, to));
  }

  private peek(offset = 0): number {
    return this.pos + offset < this.chars.length ? this.chars[this.pos + offset]! : -1;
  }

  private lookingAt(text: string): boolean {
    const codes = Array.from(text, cp);
    return codes.every((c, i) => this.peek(i) === c);
  }

  /** Code points [from, to) of the pattern as a string, built in slices: a name may be longer than an argument list can be. */
  private text(from: number, to: number): string {
    let s = "";
    for (let i = from; i < to; i += 4096) s += String.fromCodePoint(...this.chars.slice(i, Math.min(to, i + 4096)));
    return s;
  }

  /**
   * indexOf("]", from) for `[:` inside a class. Scanning afresh at every
   * `[:` would be quadratic over `[[:[:[:...`; a search starting where the
   * previous one scanned has the same answer, so it is remembered (the
   * AssemblyScript port's Cursor.indexOfBracket does the same).
   */
  private indexOfBracket(from: number): number {
    if (from > this.bracketFrom && (this.bracketAt < 0 || from <= this.bracketAt)) return this.bracketAt;
    this.bracketFrom = from - 1;
    this.bracketAt = this.chars.indexOf(cp("]"), from);
    return this.bracketAt;
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

  /** \d \D \s \S \w \W \pX \p{Name} \PX \P{^Name}, or null (nothing consumed). */
  private parseEscapeClass(start: number): Ranges | null {
    const c = this.peek();
    const letter = c >= 0 ? String.fromCodePoint(c) : "";
    const perl = letter.length === 1 ? perlClass(letter.toLowerCase()) : undefined;
    if (perl !== undefined) {
      this.pos++;
      return letter === letter.toUpperCase() ? negateRanges(perl) : perl;
    }
    if (c !== cp("p") && c !== cp("P")) return null;
    this.pos++;
    let negated = c === cp("P");
    let name: string;
    // Code points [nameStart, nameEnd) of the pattern spell the name (for the message).
    let nameStart: number;
    let nameEnd: number;
    if (this.peek() === cp("{")) {
      const close = this.chars.indexOf(cp("}"), this.pos);
      if (close < 0) this.fail(RegexError.ClassRange, start);
      nameStart = this.pos + 1;
      nameEnd = close;
      name = this.text(nameStart, close);
      this.pos = close + 1;
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.slice(1);
        nameStart++;
      }
    } else {
      if (this.peek() < 0) this.fail(RegexError.Escape, start);
      nameStart = this.pos;
      nameEnd = this.pos + 1;
      name = String.fromCodePoint(this.chars[this.pos++]!);
    }
    let ranges = unicodeClass(name);
    if (ranges === null) this.fail(RegexError.UnknownClass, start, nameStart, nameEnd);
    if (this.flags.caseInsensitive) ranges = foldRanges(ranges);
    return negated ? negateRanges(ranges) : ranges;
  }

  /** A single-character escape (escapes.ts); the backslash is already consumed. */
  private parseEscapeChar(start: number): number {
    const r = readEscapeChar(this.chars, this.pos);
    if ("error" in r) return this.fail(r.error, start);
    this.pos = r.end;
    return r.value;
  }

  /** A bracket class after `[`; returns its normalized ranges (negation applied last, after folding). */
  private parseClass(start: number): Ranges {
    let negated = false;
    if (this.peek() === cp("^")) {
      negated = true;
      this.pos++;
    }
    const ranges: Ranges = [];
    let first = true;
    while (this.peek() !== cp("]") || first) {
      if (this.pos >= this.chars.length) this.fail(RegexError.MissingBracket, start);
      first = false;
      const itemStart = this.pos;
      if (this.lookingAt("[:")) {
        // [:name:] or [:^name:] up to the next `]`; anything else is literal text.
        const close = this.indexOfBracket(this.pos + 2);
        if (close > this.pos + 2 && this.chars[close - 1] === cp(":")) {
          const negatedPosix = this.chars[this.pos + 2] === cp("^");
          const posix = posixClass(this.text(this.pos + (negatedPosix ? 3 : 2), close - 1));
          if (posix === undefined) this.fail(RegexError.ClassRange, itemStart);
          ranges.push(...(negatedPosix ? negateRanges(posix) : posix));
          this.pos = close + 1;
          continue;
        }
      }
      if (this.peek() === cp("\\")) {
        this.pos++;
        const cls = this.parseEscapeClass(itemStart);
        if (cls !== null) {
          ranges.push(...cls);
          continue;
        }
        this.pos--;
      }
      const lo = this.parseClassChar(itemStart);
      let hi = lo;
      if (this.peek() === cp("-") && this.peek(1) !== cp("]") && this.peek(1) >= 0) {
        this.pos++;
        hi = this.parseClassChar(itemStart);
        if (hi < lo) this.fail(RegexError.ClassRange, itemStart);
      }
      ranges.push(lo, hi);
    }
    this.pos++;
    let result = normalizeRanges(ranges);
    if (this.flags.caseInsensitive) result = foldRanges(result);
    return negated ? negateRanges(result) : result;
  }

  private parseClassChar(start: number): number {
    const c = this.chars[this.pos++];
    if (c === undefined) this.fail(RegexError.MissingBracket, start);
    if (c !== cp("\\")) return c;
    if (this.peek() === cp("b")) this.fail(RegexError.Escape, start);
    return this.parseEscapeChar(start);
  }
}
