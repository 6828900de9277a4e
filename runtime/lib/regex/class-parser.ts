// Character classes: bracket expressions ([a-z], [^...], [[:alpha:]]) and
// class escapes (\d \s \w, \pL, \p{Greek}) as normalized ranges, case
// folding and negation applied; and single-character escapes.

import { negateRanges, normalizeRanges, type Ranges } from "./ranges.js";
import { foldRanges, unicodeClass } from "./unicode.js";
import { perlClass, posixClass } from "./perl-classes.js";
import { readEscapeChar } from "./escapes.js";
import { RegexError } from "./messages.js";
import { cp, Cursor } from "./cursor.js";

export abstract class ClassParser extends Cursor {
  /** A cache for `indexOfBracket`: its answer for searches starting anywhere in (bracketFrom, bracketAt] (none yet). */
  private bracketFrom = Infinity;
  private bracketAt = -1;

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

  /** \d \D \s \S \w \W \pX \p{Name} \PX \P{^Name}, or null (nothing consumed). */
  protected parseEscapeClass(start: number): Ranges | null {
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
  protected parseEscapeChar(start: number): number {
    const r = readEscapeChar(this.chars, this.pos);
    if ("error" in r) return this.fail(r.error, start);
    this.pos = r.end;
    return r.value;
  }

  /** A bracket class after `[`; returns its normalized ranges (negation applied last, after folding). */
  protected parseClass(start: number): Ranges {
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

  protected parseClassChar(start: number): number {
    const c = this.chars[this.pos++];
    if (c === undefined) this.fail(RegexError.MissingBracket, start);
    if (c !== cp("\\")) return c;
    if (this.peek() === cp("b")) this.fail(RegexError.Escape, start);
    return this.parseEscapeChar(start);
  }
}
