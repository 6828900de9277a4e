// Unicode data the pattern parser needs: \p{...} classes and case-folding
// orbits. Both are derived once, lazily, from the host's own Unicode tables
// (JS property escapes and toUpperCase/toLowerCase) and cached. Only the
// parser uses them; a compiled program carries explicit ranges, so the VM
// (and its AssemblyScript port) needs no Unicode data at all.

import { normalizeRanges, rangesContain, type Ranges } from "./ranges.js";

/** General categories RE2 accepts after \p. */
const CATEGORIES = new Set([
  "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
  "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps",
  "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
]);

const classCache = new Map<string, Ranges | null>();

function isScriptName(name: string): boolean {
  if (name.length === 0 || name.length > 40) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!ok) return false;
  }
  return true;
}

/** Scans every code point against a host property escape. */
function rangesOfProperty(property: string): Ranges | null {
  let re: RegExp;
  try {
    re = new RegExp(`^\\p{${property}}$`, "u");
  } catch {
    return null;
  }
  const out: Ranges = [];
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const inside = cp <= 0x10ffff && re.test(String.fromCodePoint(cp));
    if (inside && start < 0) start = cp;
    else if (!inside && start >= 0) {
      out.push(start, cp - 1);
      start = -1;
    }
  }
  return out;
}

/**
 * Ranges of a Unicode class name as RE2 spells it after \p: "Any", a
 * general category ("L", "Lu", "Nd", ...) or a script ("Greek", "Latin",
 * "Han"). Null for an unknown name.
 */
export function unicodeClass(name: string): Ranges | null {
  if (name === "Any") return [0, 0x10ffff];
  let cached = classCache.get(name);
  if (cached !== undefined) return cached;
  if (CATEGORIES.has(name)) cached = rangesOfProperty(`General_Category=${name}`);
  else if (isScriptName(name)) cached = rangesOfProperty(`Script=${name}`);
  else cached = null;
  classCache.set(name, cached);
  return cached;
}

/** Code point -> the other members of its case-folding orbit. */
let foldOrbits: Map<number, number[]> | null = null;

/** Every cased code point lies below U+20000 (Adlam, Medefaidrin, ... included). */
const CASED_LIMIT = 0x20000;

function singleCodePoint(s: string): number | null {
  const cp = s.codePointAt(0)!;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : null;
}

/**
 * Groups code points that simple case folding equates, keyed by
 * lower(upper(c)). U+0131 (dotless i) is left out: it folds to "i" only
 * under the Turkic rules, which RE2 does not apply.
 */
function buildFoldOrbits(): Map<number, number[]> {
  const byKey = new Map<number, number[]>();
  for (let cp = 0; cp < CASED_LIMIT; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (cp === 0x131) continue;
    const s = String.fromCodePoint(cp);
    const upper = s.toUpperCase();
    const lower = s.toLowerCase();
    if (upper === s && lower === s) continue;
    let key = singleCodePoint(upper) !== null ? singleCodePoint(upper.toLowerCase()) : null;
    if (key === null) key = singleCodePoint(lower);
    if (key === null || key === 0x131) continue;
    let orbit = byKey.get(key);
    if (orbit === undefined) byKey.set(key, (orbit = [key]));
    if (!orbit.includes(cp)) orbit.push(cp);
  }
  const orbits = new Map<number, number[]>();
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    for (const m of members) orbits.set(m, members.filter((x) => x !== m));
  }
  return orbits;
}

function orbits(): Map<number, number[]> {
  if (foldOrbits === null) foldOrbits = buildFoldOrbits();
  return foldOrbits;
}

/** `cp` and every code point case folding equates with it. */
export function foldCodePoint(cp: number): number[] {
  return [cp, ...(orbits().get(cp) ?? [])];
}

/** Adds the case-folding orbit of every member to normalized ranges. */
export function foldRanges(r: Ranges): Ranges {
  const extra: Ranges = [];
  const count = r.length / 2;
  const all = orbits();
  // Whichever is fewer: the members that may be cased, or all the orbits
  // (a class of a few letters, e.g. (?i)[a], need not scan thousands).
  let members = 0;
  for (let i = 0; i < r.length && members <= all.size; i += 2) {
    if (r[i]! < CASED_LIMIT) members += Math.min(r[i + 1]!, CASED_LIMIT - 1) - r[i]! + 1;
  }
  if (members <= all.size) {
    for (let i = 0; i < r.length; i += 2) {
      for (let cp = r[i]!; cp <= Math.min(r[i + 1]!, CASED_LIMIT - 1); cp++) {
        for (const o of all.get(cp) ?? []) extra.push(o, o);
      }
    }
  } else {
    for (const [cp, others] of all) {
      if (rangesContain(r, 0, count, cp)) for (const o of others) extra.push(o, o);
    }
  }
  return extra.length === 0 ? r : normalizeRanges([...r, ...extra]);
}
