// The capture group names seen so far, to reject a duplicate. A name is a
// slice [from, to) of the pattern's code points; an open-addressing hash
// set of slices keeps a pattern with thousands of named groups linear.

export class NameSet {
  /** Slots of two i32: from + 1 (0 = empty) and to. */
  slots: usize;
  capacity: i32 = 16;
  count: i32 = 0;

  constructor(private chars: usize) {
    this.slots = NameSet.emptySlots(this.capacity);
  }

  static emptySlots(capacity: i32): usize {
    const slots = __alloc(<usize>capacity << 3);
    memory.fill(slots, 0, <usize>capacity << 3);
    return slots;
  }

  /** Adds the name chars[from, to); false when it was already there. */
  add(from: i32, to: i32): bool {
    if (2 * (this.count + 1) > this.capacity) this.grow();
    const mask = this.capacity - 1;
    for (let i = this.hash(from, to) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots + (<usize>i << 3);
      const start = load<i32>(slot) - 1;
      if (start < 0) {
        store<i32>(slot, from + 1);
        store<i32>(slot, to, 4);
        this.count++;
        return true;
      }
      if (this.equal(start, load<i32>(slot, 4), from, to)) return false;
    }
    return false; // not reached: the table always has an empty slot
  }

  private hash(from: i32, to: i32): i32 {
    let h: u32 = 0x811c9dc5;
    for (let k = from; k < to; k++) h = (h ^ load<u32>(this.chars + (<usize>k << 2))) * 0x01000193;
    return <i32>(h & 0x7fffffff);
  }

  private equal(a: i32, aEnd: i32, b: i32, bEnd: i32): bool {
    if (aEnd - a != bEnd - b) return false;
    for (let k = 0; k < aEnd - a; k++) {
      if (load<i32>(this.chars + (<usize>(a + k) << 2)) != load<i32>(this.chars + (<usize>(b + k) << 2))) return false;
    }
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const oldCapacity = this.capacity;
    this.capacity = oldCapacity << 1;
    this.slots = NameSet.emptySlots(this.capacity);
    this.count = 0;
    for (let i = 0; i < oldCapacity; i++) {
      const from = load<i32>(old + (<usize>i << 3)) - 1;
      if (from >= 0) this.add(from, load<i32>(old + (<usize>i << 3), 4));
    }
  }
}
