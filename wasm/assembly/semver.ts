// `semver.compare` and `semver.satisfies` inside the bundle. The reference
// interpreter runs runtime/lib/semver.ts; this is a second implementation
// of the same rules (Semantic Versioning 2.0 precedence, npm-style ranges
// with prereleases compared by plain precedence, spec section 8), compared
// with it by test/wasm/semver-helpers.test.ts. Arguments arrive as UTF-8;
// every character a valid version or range token may hold is ASCII, so
// decoding (lone surrogates became U+FFFD on the way) cannot change a
// verdict. Error messages quote the arguments, so the host writes them.

/** Results besides -1/0/1 (compare) and 0/1 (satisfies). */
const INVALID_FIRST = 2;
const INVALID_SECOND = 3;

class SemVer {
  constructor(
    /** MAJOR, MINOR, PATCH as decimal strings (no size limit, no leading zeros). */
    public core: string[],
    /** Prerelease identifiers; empty for a release. */
    public prerelease: string[],
  ) {}
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

function isAllDigits(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** A numeric identifier: digits without a leading zero (0 itself is fine). */
function isNumeric(s: string): bool {
  return isAllDigits(s) && (s.length == 1 || s.charCodeAt(0) != 48);
}

/** An identifier: one or more of [0-9A-Za-z-]. */
function isIdentifier(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45)) return false;
  }
  return true;
}

function parseSemVer(text: string): SemVer | null {
  const plus = text.indexOf("+");
  let main = text;
  if (plus >= 0) {
    const build = text.slice(plus + 1).split(".");
    for (let i = 0; i < build.length; i++) if (!isIdentifier(build[i])) return null;
    main = text.slice(0, plus);
  }
  const dash = main.indexOf("-");
  const core = (dash >= 0 ? main.slice(0, dash) : main).split(".");
  if (core.length != 3) return null;
  for (let i = 0; i < 3; i++) if (!isNumeric(core[i])) return null;
  let prerelease: string[] = [];
  if (dash >= 0) {
    prerelease = main.slice(dash + 1).split(".");
    for (let i = 0; i < prerelease.length; i++) {
      const id = prerelease[i];
      if (!isIdentifier(id) || (isAllDigits(id) && !isNumeric(id))) return null;
    }
  }
  return new SemVer(core, prerelease);
}

/** Compares ASCII strings by code unit, as JavaScript's `<` does. */
function compareText(a: string, b: string): i32 {
  const n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d != 0) return d < 0 ? -1 : 1;
  }
  return a.length == b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareNumeric(a: string, b: string): i32 {
  if (a.length != b.length) return a.length < b.length ? -1 : 1;
  return compareText(a, b);
}

function compareIdentifier(a: string, b: string): i32 {
  const an = isAllDigits(a);
  const bn = isAllDigits(b);
  if (an && bn) return compareNumeric(a, b);
  if (an != bn) return an ? -1 : 1;
  return compareText(a, b);
}

function compareSemVer(a: SemVer, b: SemVer): i32 {
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(a.core[i], b.core[i]);
    if (c != 0) return c;
  }
  const an = a.prerelease.length;
  const bn = b.prerelease.length;
  // A release ranks above any of its prereleases.
  if (an == 0 || bn == 0) return an == bn ? 0 : an == 0 ? 1 : -1;
  const n = min(an, bn);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(a.prerelease[i], b.prerelease[i]);
    if (c != 0) return c;
  }
  return an == bn ? 0 : an < bn ? -1 : 1;
}

const LT = 0;
const LE = 1;
const GT = 2;
const GE = 3;
const EQ = 4;

class Comparator {
  constructor(
    public op: i32,
    public version: SemVer,
  ) {}
}

/** A partial version from a range: missing or wildcard parts are "". */
class Partial {
  constructor(
    public parts: string[],
    public prerelease: string[],
  ) {}
}

function isWildcard(s: string): bool {
  return s == "x" || s == "X" || s == "*";
}

function parsePartial(text: string): Partial | null {
  const plus = text.indexOf("+");
  const main = plus >= 0 ? text.slice(0, plus) : text;
  const dash = main.indexOf("-");
  const pieces = (dash >= 0 ? main.slice(0, dash) : main).split(".");
  if (pieces.length > 3) return null;
  const parts: string[] = ["", "", ""];
  let wild = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.length == 0) return null;
    if (isWildcard(p)) wild = true;
    else if (wild || !isNumeric(p)) return null;
    else parts[i] = p;
  }
  let prerelease: string[] = [];
  if (dash >= 0) {
    if (parts[2].length == 0) return null;
    const full = parseSemVer(parts[0] + "." + parts[1] + "." + parts[2] + main.slice(dash));
    if (full === null) return null;
    prerelease = full.prerelease;
  }
  return new Partial(parts, prerelease);
}

/** Adds one to a decimal string of any length. */
function increment(n: string): string {
  let i = n.length - 1;
  while (i >= 0 && n.charCodeAt(i) == 57) i--;
  const tail = "0".repeat(n.length - 1 - i);
  if (i < 0) return "1" + tail;
  return n.slice(0, i) + String.fromCharCode(n.charCodeAt(i) + 1) + tail;
}

/** The least version of a line: x.y.z-0 sorts below every x.y.z prerelease. */
function floorOf(major: string, minor: string, patch: string): SemVer {
  return new SemVer([major, minor, patch], ["0"]);
}

function orZero(part: string): string {
  return part.length == 0 ? "0" : part;
}

/** Lowest version the partial covers. */
function lowest(p: Partial): SemVer {
  return new SemVer([orZero(p.parts[0]), orZero(p.parts[1]), orZero(p.parts[2])], p.prerelease);
}

/** Exclusive upper bound of the versions the partial covers (null: exact). */
function aboveAll(p: Partial): SemVer | null {
  if (p.parts[0].length == 0) return null;
  if (p.parts[1].length == 0) return floorOf(increment(p.parts[0]), "0", "0");
  if (p.parts[2].length == 0) return floorOf(p.parts[0], increment(p.parts[1]), "0");
  return null;
}

function one(op: i32, v: SemVer): Comparator[] {
  return [new Comparator(op, v)];
}

function two(lowerOp: i32, lower: SemVer, upperOp: i32, upper: SemVer): Comparator[] {
  return [new Comparator(lowerOp, lower), new Comparator(upperOp, upper)];
}

function desugarPrimitive(op: i32, p: Partial): Comparator[] {
  const anyMajor = p.parts[0].length == 0;
  const upper = aboveAll(p);
  if (op == EQ) {
    if (anyMajor) return [];
    return upper === null ? one(EQ, lowest(p)) : two(GE, lowest(p), LT, upper);
  }
  if (op == GE) return anyMajor ? [] : one(GE, lowest(p));
  if (op == LT) {
    if (anyMajor) return one(LT, floorOf("0", "0", "0"));
    const low = lowest(p);
    return one(LT, upper === null ? low : floorOf(low.core[0], low.core[1], low.core[2]));
  }
  if (op == GT) {
    if (anyMajor) return one(LT, floorOf("0", "0", "0"));
    return upper === null ? one(GT, lowest(p)) : one(GE, upper);
  }
  // LE
  if (anyMajor) return [];
  return upper === null ? one(LE, lowest(p)) : one(LT, upper);
}

function desugarTilde(p: Partial): Comparator[] {
  const major = p.parts[0];
  const minor = p.parts[1];
  if (major.length == 0) return [];
  const upper = minor.length == 0 ? floorOf(increment(major), "0", "0") : floorOf(major, increment(minor), "0");
  return two(GE, lowest(p), LT, upper);
}

function desugarCaret(p: Partial): Comparator[] {
  const major = p.parts[0];
  const minor = p.parts[1];
  const patch = p.parts[2];
  if (major.length == 0) return [];
  let upper: SemVer;
  if (major != "0" || minor.length == 0) upper = floorOf(increment(major), "0", "0");
  else if (minor != "0" || patch.length == 0) upper = floorOf("0", increment(minor), "0");
  else upper = floorOf("0", "0", increment(patch));
  return two(GE, lowest(p), LT, upper);
}

/** Range operators, longest first so that "<=" is not read as "<". */
const OPERATORS: string[] = ["<=", ">=", "~>", "<", ">", "=", "~", "^"];

function operatorAt(token: string): string {
  for (let i = 0; i < OPERATORS.length; i++) if (token.startsWith(OPERATORS[i])) return OPERATORS[i];
  return "";
}

function isOperator(token: string): bool {
  for (let i = 0; i < OPERATORS.length; i++) if (token == OPERATORS[i]) return true;
  return false;
}

/** Null for an invalid token. */
function parseSimple(token: string): Comparator[] | null {
  const op = operatorAt(token);
  const partial = parsePartial(token.slice(op.length));
  if (partial === null) return null;
  if (op == "~" || op == "~>") return desugarTilde(partial);
  if (op == "^") return desugarCaret(partial);
  if (op == "<") return desugarPrimitive(LT, partial);
  if (op == "<=") return desugarPrimitive(LE, partial);
  if (op == ">") return desugarPrimitive(GT, partial);
  if (op == ">=") return desugarPrimitive(GE, partial);
  return desugarPrimitive(EQ, partial);
}

/** Splits on runs of spaces and tabs, dropping empty pieces. */
function splitOnBlanks(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i == text.length || text.charCodeAt(i) == 32 || text.charCodeAt(i) == 9;
    if (blank && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return out;
}

/** A conjunction of comparators (empty: every version), or null when invalid. */
function parseRange(text: string): Comparator[] | null {
  const raw = splitOnBlanks(text);
  // Glue a lone operator to the version after it (">= 1.2.3").
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (isOperator(raw[i]) && i + 1 < raw.length) {
      tokens.push(raw[i] + raw[i + 1]);
      i++;
    } else tokens.push(raw[i]);
  }
  if (tokens.length == 3 && tokens[1] == "-") {
    const from = parsePartial(tokens[0]);
    const to = parsePartial(tokens[2]);
    if (from === null || to === null) return null;
    return desugarPrimitive(GE, from).concat(desugarPrimitive(LE, to));
  }
  let set: Comparator[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const comparators = parseSimple(tokens[i]);
    if (comparators === null) return null;
    set = set.concat(comparators);
  }
  return set;
}

function holds(v: SemVer, c: Comparator): bool {
  const r = compareSemVer(v, c.version);
  if (c.op == LT) return r < 0;
  if (c.op == LE) return r <= 0;
  if (c.op == GT) return r > 0;
  if (c.op == GE) return r >= 0;
  return r == 0;
}

function text(ptr: usize, len: i32): string {
  return String.UTF8.decodeUnsafe(ptr, <usize>len);
}

/** `semver.compare(a, b)`: -1, 0, 1; 2 or 3 when the first or second is not a version. */
export function edict_semver_compare(aPtr: usize, aLen: i32, bPtr: usize, bLen: i32): i32 {
  const a = parseSemVer(text(aPtr, aLen));
  if (a === null) return INVALID_FIRST;
  const b = parseSemVer(text(bPtr, bLen));
  if (b === null) return INVALID_SECOND;
  return compareSemVer(a, b);
}

/** `semver.satisfies(v, range)`: 0 or 1; 2 for an invalid version, 3 for an invalid range. */
export function edict_semver_satisfies(vPtr: usize, vLen: i32, rPtr: usize, rLen: i32): i32 {
  const version = parseSemVer(text(vPtr, vLen));
  if (version === null) return INVALID_FIRST;
  const alternatives = text(rPtr, rLen).split("||");
  // Every alternative must parse, even after one is satisfied: an invalid range is an error.
  const sets: Comparator[][] = [];
  for (let i = 0; i < alternatives.length; i++) {
    const set = parseRange(alternatives[i]);
    if (set === null) return INVALID_SECOND;
    sets.push(set);
  }
  for (let i = 0; i < sets.length; i++) {
    let all = true;
    for (let j = 0; j < sets[i].length && all; j++) all = holds(version, sets[i][j]);
    if (all) return 1;
  }
  return 0;
}
