// Sets of code points as sorted, disjoint, non-adjacent inclusive ranges
// [lo0, hi0, lo1, hi1, ...] (runtime/lib/regex/ranges.ts): the form a CLASS
// instruction carries. The results must equal the JavaScript functions'
// word for word, since programs are compared exactly.

import { Words } from "./words";

export const MAX_CODE_POINT: u32 = 0x10ffff;

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(r: Words): Words {
  const n = r.length >> 1;
  // A pair packed as lo << 21 | hi (code points fit in 21 bits) sorts by lo, then hi,
  // the order of the JavaScript comparator.
  const keys = __alloc(<usize>n << 3);
  for (let i = 0; i < n; i++) {
    store<u64>(keys + (<usize>i << 3), (<u64>r.get(2 * i) << 21) | <u64>r.get(2 * i + 1));
  }
  heapSort(keys, n);
  const out = new Words(r.length);
  for (let i = 0; i < n; i++) {
    const key = load<u64>(keys + (<usize>i << 3));
    const lo = <u32>(key >> 21);
    const hi = <u32>(key & 0x1fffff);
    const last = out.length - 1;
    if (last > 0 && lo <= out.get(last) + 1) {
      if (hi > out.get(last)) out.set(last, hi);
    } else {
      out.pushPair(lo, hi);
    }
  }
  return out;
}

/** In-place heap sort of `n` u64 keys at `p`: O(n log n) whatever the input, no recursion, no extra memory. */
function heapSort(p: usize, n: i32): void {
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(p, i, n);
  for (let end = n - 1; end > 0; end--) {
    const top = load<u64>(p);
    store<u64>(p, load<u64>(p + (<usize>end << 3)));
    store<u64>(p + (<usize>end << 3), top);
    siftDown(p, 0, end);
  }
}

function siftDown(p: usize, i: i32, n: i32): void {
  const value = load<u64>(p + (<usize>i << 3));
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && load<u64>(p + (<usize>(child + 1) << 3)) > load<u64>(p + (<usize>child << 3))) child++;
    const c = load<u64>(p + (<usize>child << 3));
    if (c <= value) break;
    store<u64>(p + (<usize>i << 3), c);
    i = child;
  }
  store<u64>(p + (<usize>i << 3), value);
}

/** The complement of normalized ranges within [0, U+10FFFF]. */
export function negateRanges(r: Words): Words {
  const out = new Words(r.length + 2);
  let next: u32 = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r.get(i) > next) out.pushPair(next, r.get(i) - 1);
    next = r.get(i + 1) + 1;
  }
  if (next <= MAX_CODE_POINT) out.pushPair(next, MAX_CODE_POINT);
  return out;
}

/** Whether the `count` ranges at `p` (u32 pairs, normalized) contain `cp` (binary search). */
export function rangesContain(p: usize, count: i32, cp: u32): bool {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const base = p + (<usize>mid << 3);
    if (cp < load<u32>(base)) hi = mid - 1;
    else if (cp > load<u32>(base, 4)) lo = mid + 1;
    else return true;
  }
  return false;
}
