// The fixed ASCII classes of RE2: Perl's \d \s \w and the POSIX [:name:]
// classes, as normalized ranges. Looked up by name through Maps: a pattern's
// text must never find an inherited property such as `constructor`.

import type { Ranges } from "./ranges.js";

const PERL_CLASSES: { [letter: string]: Ranges } = {
  d: [0x30, 0x39],
  // RE2's \s is [\t\n\f\r ]: no \v.
  s: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20],
  w: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
};

const POSIX_CLASSES: { [name: string]: Ranges } = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

const PERL = new Map(Object.entries(PERL_CLASSES));
const POSIX = new Map(Object.entries(POSIX_CLASSES));

/** The ranges of \d, \s or \w for "d", "s", "w"; undefined for any other text. */
export function perlClass(letter: string): Ranges | undefined {
  return PERL.get(letter);
}

/** The ranges of [:name:]; undefined for an unknown name (`constructor` included). */
export function posixClass(name: string): Ranges | undefined {
  return POSIX.get(name);
}
