// Sets of code points as sorted, disjoint, non-adjacent inclusive ranges
// flattened into one array [lo0, hi0, lo1, hi1, ...]: the form a CLASS
// instruction carries, so the VM can binary-search it.

export type Ranges = number[];

export const MAX_CODE_POINT = 0x10ffff;

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(r: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i]!, r[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) {
      if (hi > out[last]!) out[last] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

/** The complement of normalized ranges within [0, U+10FFFF]. */
export function negateRanges(r: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i]! > next) out.push(next, r[i]! - 1);
    next = r[i + 1]! + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

/** Whether normalized ranges contain `cp` (binary search). */
export function rangesContain(r: ArrayLike<number>, start: number, count: number, cp: number): boolean {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const base = start + mid * 2;
    if (cp < r[base]!) hi = mid - 1;
    else if (cp > r[base + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}
