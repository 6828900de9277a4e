// Semantic Versioning 2.0 (semver.org) precedence and npm-style ranges.
// Versions are strict: MAJOR.MINOR.PATCH, no leading zeros, no "v" prefix;
// build metadata (+...) is ignored. Ranges follow npm's grammar, except that
// a prerelease version is compared by plain precedence and never excluded
// (spec section 8): 1.3.0-beta satisfies ">=1.2.0".

export interface SemVer {
  /** MAJOR, MINOR, PATCH as decimal strings (no size limit, no leading zeros). */
  core: [string, string, string];
  /** Prerelease identifiers; empty for a release. */
  prerelease: string[];
}

// Character loops rather than JS regular expressions, so that the code ports
// to AssemblyScript as it is.

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A numeric identifier: digits without a leading zero (0 itself is fine). */
function isNumeric(s: string): boolean {
  return isAllDigits(s) && (s.length === 1 || s[0] !== "0");
}

/** An identifier: one or more of [0-9A-Za-z-]. */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
    if (!ok) return false;
  }
  return true;
}

/** Parses a strict SemVer 2.0 version, or returns null. */
export function parseSemVer(text: string): SemVer | null {
  const plus = text.indexOf("+");
  let main = text;
  if (plus >= 0) {
    const build = text.slice(plus + 1).split(".");
    if (!build.every(isIdentifier)) return null;
    main = text.slice(0, plus);
  }
  const dash = main.indexOf("-");
  const coreText = dash >= 0 ? main.slice(0, dash) : main;
  const core = coreText.split(".");
  if (core.length !== 3 || !core.every(isNumeric)) return null;
  let prerelease: string[] = [];
  if (dash >= 0) {
    prerelease = main.slice(dash + 1).split(".");
    for (const id of prerelease) {
      if (!isIdentifier(id)) return null;
      if (isAllDigits(id) && !isNumeric(id)) return null;
    }
  }
  return { core: core as [string, string, string], prerelease };
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifier(a: string, b: string): number {
  const an = isAllDigits(a);
  const bn = isAllDigits(b);
  if (an && bn) return compareNumeric(a, b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer 2.0 precedence of two parsed versions: -1, 0 or 1. */
export function compareSemVer(a: SemVer, b: SemVer): -1 | 0 | 1 {
  for (let i = 0; i < 3; i++) {
    const c = compareNumeric(a.core[i]!, b.core[i]!);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  // A release ranks above any of its prereleases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    if (a.prerelease.length === b.prerelease.length) return 0;
    return a.prerelease.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(a.prerelease[i]!, b.prerelease[i]!);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  if (a.prerelease.length === b.prerelease.length) return 0;
  return a.prerelease.length < b.prerelease.length ? -1 : 1;
}

/** `semver.compare(a, b)`: -1, 0 or 1 by SemVer precedence, or an error. */
export function semverCompare(a: string, b: string): -1 | 0 | 1 | { error: string } {
  const va = parseSemVer(a);
  if (va === null) return { error: `semver.compare: invalid version "${a}"` };
  const vb = parseSemVer(b);
  if (vb === null) return { error: `semver.compare: invalid version "${b}"` };
  return compareSemVer(va, vb);
}

type Operator = "<" | "<=" | ">" | ">=" | "=";
interface Comparator {
  op: Operator;
  version: SemVer;
}
/** A conjunction of comparators; an empty list matches every version. */
type ComparatorSet = Comparator[];

/** A partial version from a range: missing or wildcard parts are null. */
interface Partial {
  parts: (string | null)[];
  prerelease: string[];
}

const isWildcard = (s: string): boolean => s === "x" || s === "X" || s === "*";

function parsePartial(text: string): Partial | null {
  const plus = text.indexOf("+");
  const main = plus >= 0 ? text.slice(0, plus) : text;
  const dash = main.indexOf("-");
  const coreText = dash >= 0 ? main.slice(0, dash) : main;
  const pieces = coreText.split(".");
  if (pieces.length > 3 || pieces.some((p) => p === "")) return null;
  const parts: (string | null)[] = [null, null, null];
  let wild = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (isWildcard(p)) wild = true;
    else if (wild || !isNumeric(p)) return null;
    else parts[i] = p;
  }
  let prerelease: string[] = [];
  if (dash >= 0) {
    if (parts[2] === null) return null;
    const full = parseSemVer(`${parts[0]}.${parts[1]}.${parts[2]}${main.slice(dash)}`);
    if (full === null) return null;
    prerelease = full.prerelease;
  }
  return { parts, prerelease };
}

function increment(n: string): string {
  return (BigInt(n) + 1n).toString();
}

function version(major: string, minor: string, patch: string, prerelease: string[] = []): SemVer {
  return { core: [major, minor, patch], prerelease };
}

/** The least version of a line: x.y.z-0 sorts below every x.y.z prerelease. */
function floorOf(major: string, minor: string, patch: string): SemVer {
  return version(major, minor, patch, ["0"]);
}

/** Lowest version the partial covers. */
function lowest(p: Partial): SemVer {
  return version(p.parts[0] ?? "0", p.parts[1] ?? "0", p.parts[2] ?? "0", p.prerelease);
}

/** Exclusive upper bound of the versions the partial covers (null: exact). */
function aboveAll(p: Partial): SemVer | null {
  const [major, minor, patch] = p.parts;
  if (major === null || major === undefined) return null;
  if (minor === null || minor === undefined) return floorOf(increment(major), "0", "0");
  if (patch === null || patch === undefined) return floorOf(major, increment(minor), "0");
  return null;
}

function desugarPrimitive(op: Operator, p: Partial): ComparatorSet | null {
  const anyMajor = p.parts[0] === null;
  const upper = aboveAll(p);
  switch (op) {
    case "=":
      if (anyMajor) return [];
      return upper === null ? [{ op: "=", version: lowest(p) }] : [{ op: ">=", version: lowest(p) }, { op: "<", version: upper }];
    case ">=":
      return anyMajor ? [] : [{ op: ">=", version: lowest(p) }];
    case "<":
      return anyMajor ? [{ op: "<", version: floorOf("0", "0", "0") }] : [{ op: "<", version: upper === null ? lowest(p) : floorOf(...(lowest(p).core)) }];
    case ">":
      if (anyMajor) return [{ op: "<", version: floorOf("0", "0", "0") }];
      return upper === null ? [{ op: ">", version: lowest(p) }] : [{ op: ">=", version: upper }];
    case "<=":
      if (anyMajor) return [];
      return upper === null ? [{ op: "<=", version: lowest(p) }] : [{ op: "<", version: upper }];
  }
}

function desugarTilde(p: Partial): ComparatorSet {
  const [major, minor] = p.parts;
  if (major === null || major === undefined) return [];
  const upper = minor === null || minor === undefined ? floorOf(increment(major), "0", "0") : floorOf(major, increment(minor), "0");
  return [{ op: ">=", version: lowest(p) }, { op: "<", version: upper }];
}

function desugarCaret(p: Partial): ComparatorSet {
  const [major, minor, patch] = p.parts;
  if (major === null || major === undefined) return [];
  let upper: SemVer;
  if (major !== "0" || minor === null || minor === undefined) upper = floorOf(increment(major), "0", "0");
  else if (minor !== "0" || patch === null || patch === undefined) upper = floorOf("0", increment(minor), "0");
  else upper = floorOf("0", "0", increment(patch));
  return [{ op: ">=", version: lowest(p) }, { op: "<", version: upper }];
}

/** Range operators, longest first so that "<=" is not read as "<". */
const OPERATORS = ["<=", ">=", "~>", "<", ">", "=", "~", "^"];

function parseSimple(token: string): ComparatorSet | null {
  const op = OPERATORS.find((o) => token.startsWith(o)) ?? "";
  const partial = parsePartial(token.slice(op.length));
  if (partial === null) return null;
  if (op === "~" || op === "~>") return desugarTilde(partial);
  if (op === "^") return desugarCaret(partial);
  return desugarPrimitive(op === "" ? "=" : (op as Operator), partial);
}

/** Splits on runs of spaces and tabs, dropping empty pieces. */
function splitOnBlanks(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || text[i] === " " || text[i] === "\t";
    if (blank && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return out;
}

function parseRange(text: string): ComparatorSet | null {
  const raw = splitOnBlanks(text);
  // Glue a lone operator to the version after it (">= 1.2.3").
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (OPERATORS.includes(t) && i + 1 < raw.length) tokens.push(t + raw[++i]!);
    else tokens.push(t);
  }
  if (tokens.length === 3 && tokens[1] === "-") {
    const from = parsePartial(tokens[0]!);
    const to = parsePartial(tokens[2]!);
    if (from === null || to === null) return null;
    const lower = desugarPrimitive(">=", from);
    const upper = desugarPrimitive("<=", to);
    return lower === null || upper === null ? null : [...lower, ...upper];
  }
  const set: ComparatorSet = [];
  for (const token of tokens) {
    const comparators = parseSimple(token);
    if (comparators === null) return null;
    set.push(...comparators);
  }
  return set;
}

function holds(v: SemVer, c: Comparator): boolean {
  const r = compareSemVer(v, c.version);
  switch (c.op) {
    case "<":
      return r < 0;
    case "<=":
      return r <= 0;
    case ">":
      return r > 0;
    case ">=":
      return r >= 0;
    case "=":
      return r === 0;
  }
}

/**
 * `semver.satisfies(v, range)`: whether version `v` lies in the npm-style
 * range (`>=2.5.0`, `<3`, `^1.2`, `~1.2.3`, `1.x`, `*`, `1.2.3 - 2.3`,
 * space = and, `||` = or). An error for an invalid version or range.
 */
export function semverSatisfies(v: string, range: string): boolean | { error: string } {
  const version = parseSemVer(v);
  if (version === null) return { error: `semver.satisfies: invalid version "${v}"` };
  const sets: ComparatorSet[] = [];
  for (const alternative of range.split("||")) {
    const set = parseRange(alternative);
    if (set === null) return { error: `semver.satisfies: invalid range "${range}"` };
    sets.push(set);
  }
  return sets.some((set) => set.every((c) => holds(version, c)));
}
