// Recursive-descent parser for RE2 syntax, a port of
// runtime/lib/regex/parser.ts that must build the same tree and fail with
// the same error at the same place for every pattern. Bracket classes and
// class escapes are in classes.ts, single-character escapes in escapes.ts.
// Where the JavaScript code throws, these functions record the error on the
// cursor and return null; every caller checks `error` before going on.

import { ALTERNATE, ANY, ASSERT, CHAR, CLASS, classNode, CONCAT, leaf, Node, NodeList, repeatNode } from "./ast";
import { parseClass, parseEscapeClass } from "./classes";
import {
  ATOMIC_GROUP, COMMENT, DUPLICATE_NAME, GROUP_FLAGS, GROUP_NAME_CHAR, INVALID_REPEAT_COUNT, LOOKAROUND,
  MISSING_PAREN, MISSING_REPEAT_ARGUMENT, NAMED_GROUP, NESTED_REPETITION, NESTING, POSSESSIVE, UNEXPECTED_PAREN,
} from "./errors";
import { isAsciiWordChar, parseEscapeChar } from "./escapes";
import { BEGIN_LINE, BEGIN_TEXT, END_LINE, END_TEXT, NOT_WORD_BOUNDARY, WORD_BOUNDARY } from "./program";
import { Cursor, DOT_NEWLINE, FOLD, MULTI_LINE, UNGREEDY } from "./state";
import { foldRanges } from "./unicode";
import { Words } from "./words";

/** RE2 rejects a counted repetition above 1000. */
const MAX_REPEAT: i32 = 1000;
/** Group nesting limit. */
const MAX_NESTING: i32 = 1000;
/** parseInteger: no integer here. */
const NO_INTEGER: i32 = -2;
/** parseInteger: more than eight digits, too large whatever they are. */
const HUGE: i32 = i32.MAX_VALUE;

export class Parser extends Cursor {
  /** Bounds read by the last successful parseRepeatOperator. */
  private repeatMin: i32 = 0;
  private repeatMax: i32 = 0;

  /** The whole pattern, or null on error. */
  parseAll(): Node | null {
    const node = this.parseAlternation();
    if (this.error) return null;
    if (this.pos < this.length) {
      this.fail(UNEXPECTED_PAREN, this.pos);
      return null;
    }
    return node;
  }

  private parseAlternation(): Node | null {
    const items = new NodeList();
    for (;;) {
      const item = this.parseConcat();
      if (item === null) return null;
      items.add(item);
      if (this.peek() != 0x7c) break; // |
      this.pos++;
    }
    return items.build(ALTERNATE);
  }

  /**
   * Items that compile to nothing (node.silent) are left out: the compiler
   * would visit them for every copy of an enclosing repetition, with no word
   * to show for it. The last item is held back until the next one arrives,
   * so that a repetition after an empty `\Q\E` can still apply to it.
   */
  private parseConcat(): Node | null {
    const items = new NodeList();
    let last: Node | null = null;
    while (this.pos < this.length && this.peek() != 0x7c && this.peek() != 0x29) {
      let atom: Node | null;
      if (this.lookingAt2(0x5c, 0x51)) { // \Q
        // Every code point up to \E (or the end), a backslash included, is a
        // literal item of its own, as RE2 pushes them one by one: a repetition
        // after \E applies to the last quoted character (\Qab\E* is ab*). With
        // nothing quoted it applies to the item before \Q (a\Q\E* is a*); with
        // no item before either, parseAtom rejects it (\Q\E*), as RE2 does.
        this.pos += 2;
        while (this.pos < this.length && !this.lookingAt2(0x5c, 0x45)) {
          if (last !== null && !last.silent) items.add(last);
          last = this.literal(this.at(this.pos++));
        }
        if (this.pos < this.length) this.pos += 2;
        if (last === null) continue;
        atom = last;
      } else {
        atom = this.parseAtom();
        if (this.error) return null;
        if (atom === null) continue; // a flag group such as (?i)
        if (last !== null && !last.silent) items.add(last);
      }
      last = this.parseRepeats(atom);
      if (last === null) return null;
    }
    if (last !== null && !last.silent) items.add(last);
    return items.build(CONCAT);
  }

  /** Applies the repetition operator after an atom (at most one: RE2 rejects `a**`). */
  private parseRepeats(atom: Node): Node | null {
    const start = this.pos;
    if (!this.parseRepeatOperator()) return this.error ? null : atom;
    const min = this.repeatMin;
    const max = this.repeatMax;
    let greedy = true;
    if (this.peek() == 0x3f) {
      this.pos++;
      greedy = false;
    }
    if (this.flags & UNGREEDY) greedy = !greedy;
    const afterStart = this.pos;
    if (this.parseRepeatOperator()) {
      this.fail(this.at(afterStart) == 0x2b ? POSSESSIVE : NESTED_REPETITION, start);
      return null;
    }
    if (this.error) return null;
    return repeatNode(atom, min, max, greedy);
  }

  /** Reads `*`, `+`, `?` or a valid `{n}`, `{n,}`, `{n,m}` into repeatMin/Max; false (and nothing consumed) otherwise. */
  private parseRepeatOperator(): bool {
    const c = this.peek();
    if (c == 0x2a || c == 0x2b || c == 0x3f) {
      this.pos++;
      this.repeatMin = c == 0x2b ? 1 : 0;
      this.repeatMax = c == 0x3f ? 1 : -1;
      return true;
    }
    if (c != 0x7b) return false;
    const start = this.pos;
    this.pos++;
    const min = this.parseInteger();
    if (min == NO_INTEGER) {
      this.pos = start;
      return false;
    }
    let max = min;
    if (this.peek() == 0x2c) {
      this.pos++;
      max = this.peek() == 0x7d ? -1 : this.parseInteger();
      if (max == NO_INTEGER) {
        this.pos = start;
        return false;
      }
    }
    if (this.peek() != 0x7d) {
      this.pos = start;
      return false;
    }
    this.pos++;
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
      this.fail(INVALID_REPEAT_COUNT, start);
      return false;
    }
    this.repeatMin = min;
    this.repeatMax = max;
    return true;
  }

  /** Digits of a repeat count, read as Go does: a leading zero makes the braces literal (NO_INTEGER). */
  private parseInteger(): i32 {
    const start = this.pos;
    while (this.peek() >= 0x30 && this.peek() <= 0x39) this.pos++;
    const digits = this.pos - start;
    if (digits == 0 || (digits > 1 && this.at(start) == 0x30)) return NO_INTEGER;
    if (digits > 8) return HUGE;
    let value = 0;
    for (let i = start; i < this.pos; i++) value = value * 10 + (this.at(i) - 0x30);
    return value;
  }

  /** One atom, or null for a flag group like `(?i)` that only changes state (or on error). */
  private parseAtom(): Node | null {
    const start = this.pos;
    const c = this.at(this.pos++);
    switch (c) {
      case 0x28: // (
        return this.parseGroup(start);
      case 0x5b: { // [
        const ranges = parseClass(this, start);
        return ranges === null ? null : classNode(ranges);
      }
      case 0x2e: // .
        return leaf(ANY, this.flags & DOT_NEWLINE ? 1 : 0);
      case 0x5e: // ^
        return leaf(ASSERT, this.flags & MULTI_LINE ? BEGIN_LINE : BEGIN_TEXT);
      case 0x24: // $
        return leaf(ASSERT, this.flags & MULTI_LINE ? END_LINE : END_TEXT);
      case 0x5c: // \
        return this.parseEscapeAtom(start);
      case 0x2a: // *
      case 0x2b: // +
      case 0x3f: // ?
        this.fail(MISSING_REPEAT_ARGUMENT, start);
        return null;
      case 0x7b: { // {: literal unless it reads as a repetition
        this.pos = start;
        if (this.parseRepeatOperator()) this.fail(MISSING_REPEAT_ARGUMENT, start);
        if (this.error) return null;
        this.pos = start + 1;
        return this.literal(c);
      }
    }
    return this.literal(c);
  }

  /** A literal; under (?i) the class of its case-folding orbit when that has other members. */
  private literal(c: i32): Node {
    if (this.flags & FOLD) {
      // foldRanges([c, c]) adds exactly c's orbit: the same set (normalized) as
      // the JavaScript parser's foldCodePoint, and [c, c] when the orbit is c alone.
      const single = new Words(2);
      single.pushPair(c, c);
      const folded = foldRanges(single);
      if (folded.length > 2 || folded.get(0) != <u32>c || folded.get(1) != <u32>c) {
        const n = new Node(CLASS);
        n.ranges = folded;
        return n;
      }
    }
    return leaf(CHAR, c);
  }

  private parseGroup(start: i32): Node | null {
    if (this.peek() == 0x3f) { // ?
      if (this.lookingAt2(0x3f, 0x3d) || this.lookingAt2(0x3f, 0x21) || this.lookingAt3(0x3f, 0x3c, 0x3d) || this.lookingAt3(0x3f, 0x3c, 0x21)) {
        this.fail(LOOKAROUND, start); // ?= ?! ?<= ?<!
        return null;
      }
      const pNamed = this.lookingAt3(0x3f, 0x50, 0x3c); // ?P<
      if (pNamed || this.lookingAt2(0x3f, 0x3c)) { // ?<
        this.pos += pNamed ? 3 : 2;
        this.parseGroupName(start);
        if (this.error) return null;
        return this.parseGroupBody(start, this.flags);
      }
      this.pos++;
      return this.parseFlagGroup(start);
    }
    return this.parseGroupBody(start, this.flags);
  }

  private parseGroupName(start: i32): void {
    const nameStart = this.pos;
    while (this.pos < this.length && this.peek() != 0x3e) { // >
      if (!isAsciiWordChar(this.peek())) {
        this.fail(GROUP_NAME_CHAR, start);
        return;
      }
      this.pos++;
    }
    if (this.peek() != 0x3e || this.pos == nameStart) {
      this.fail(NAMED_GROUP, start);
      return;
    }
    if (!this.names.add(nameStart, this.pos)) {
      this.fail(DUPLICATE_NAME, start, nameStart, this.pos);
      return;
    }
    this.pos++;
  }

  /** After `(?`: flags, then `)` (set them for the rest of the group) or `:` (a group with them). */
  private parseFlagGroup(start: i32): Node | null {
    let flags = this.flags;
    let negated = false;
    let sawFlag = false;
    let anyFlag = false;
    for (;;) {
      const c = this.at(this.pos++);
      if (c < 0) {
        this.fail(MISSING_PAREN, start);
        return null;
      }
      const bit = c == 0x69 ? FOLD : c == 0x6d ? MULTI_LINE : c == 0x73 ? DOT_NEWLINE : c == 0x55 ? UNGREEDY : 0; // i m s U
      if (bit != 0) {
        flags = negated ? flags & ~bit : flags | bit;
        sawFlag = anyFlag = true;
      } else if (c == 0x2d && !negated) { // -
        negated = true;
        sawFlag = false;
      } else if ((c == 0x29 || c == 0x3a) && (sawFlag || !negated) && (anyFlag || c == 0x3a)) { // ) :
        if (c == 0x3a) return this.parseGroupBody(start, flags);
        this.flags = flags;
        return null;
      } else {
        this.fail(c == 0x3e ? ATOMIC_GROUP : c == 0x23 ? COMMENT : GROUP_FLAGS, start); // > #
        return null;
      }
    }
    return null; // not reached: the loop ends the pattern or returns
  }

  private parseGroupBody(start: i32, flags: i32): Node | null {
    if (++this.depth > MAX_NESTING) {
      this.fail(NESTING, start);
      return null;
    }
    const saved = this.flags;
    this.flags = flags;
    const node = this.parseAlternation();
    if (node === null) return null;
    if (this.peek() != 0x29) {
      this.fail(MISSING_PAREN, start);
      return null;
    }
    this.pos++;
    this.flags = saved;
    this.depth--;
    return node;
  }

  private parseEscapeAtom(start: i32): Node | null {
    const c = this.peek();
    let assertion = -1;
    if (c == 0x41) assertion = BEGIN_TEXT; // A
    else if (c == 0x7a) assertion = END_TEXT; // z
    else if (c == 0x62) assertion = WORD_BOUNDARY; // b
    else if (c == 0x42) assertion = NOT_WORD_BOUNDARY; // B
    if (assertion >= 0) {
      this.pos++;
      return leaf(ASSERT, assertion);
    }
    // \Q...\E never gets here: parseConcat reads it.
    const ranges = parseEscapeClass(this, start);
    if (this.error) return null;
    if (ranges !== null) return classNode(ranges);
    const value = parseEscapeChar(this, start);
    if (this.error) return null;
    return this.literal(value);
  }
}
