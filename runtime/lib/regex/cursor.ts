// The parser's position in a pattern's code points, and what every part of
// the parser needs to read them and to fail with a message (messages.ts).

import { formatRegexError } from "./messages.js";

export interface Flags {
  caseInsensitive: boolean;
  multiLine: boolean;
  dotNewline: boolean;
  ungreedy: boolean;
}

/** Its message is the whole text compileRegex returns (messages.ts). */
export class RegexSyntaxError extends Error {}

export const cp = (s: string): number => s.codePointAt(0)!;

export abstract class Cursor {
  protected readonly chars: number[];
  protected pos = 0;
  protected flags: Flags = { caseInsensitive: false, multiLine: false, dotNewline: false, ungreedy: false };

  constructor(protected readonly pattern: string) {
    // A lone surrogate reads as U+FFFD, as in texts (vm.ts) and as the
    // AssemblyScript port sees it after UTF-8 encoding (README.md).
    this.chars = Array.from(pattern, (c) => {
      const code = c.codePointAt(0)!;
      return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
    });
  }

  /** `from`, `to`: the code points the message quotes (messages.ts). */
  protected fail(code: number, at: number, from = -1, to = -1): never {
    throw new RegexSyntaxError(formatRegexError(code, this.pattern, at, from, to));
  }

  protected peek(offset = 0): number {
    return this.pos + offset < this.chars.length ? this.chars[this.pos + offset]! : -1;
  }

  protected lookingAt(text: string): boolean {
    const codes = Array.from(text, cp);
    return codes.every((c, i) => this.peek(i) === c);
  }

  /** Code points [from, to) of the pattern as a string, built in slices: a name may be longer than an argument list can be. */
  protected text(from: number, to: number): string {
    let s = "";
    for (let i = from; i < to; i += 4096) s += String.fromCodePoint(...this.chars.slice(i, Math.min(to, i + 4096)));
    return s;
  }
}
