// A growable array of 32-bit words in raw memory, for compiled programs and
// for the range lists of classes. Like everything a helper allocates, it
// lives until the next edict_args (../memory.ts) frees the whole heap, so
// nothing is ever freed one by one and a grown array leaves its old block
// behind.

export class Words {
  ptr: usize;
  length: i32 = 0;
  capacity: i32;

  constructor(capacity: i32) {
    this.capacity = capacity < 4 ? 4 : capacity;
    this.ptr = __alloc(<usize>this.capacity << 2);
  }

  @inline get(i: i32): u32 {
    return load<u32>(this.ptr + (<usize>i << 2));
  }

  /**
   * Stores only inside the array: after the compiler gave up on a program
   * that is too large, its patches of operands it never emitted land
   * nowhere instead of out of bounds.
   */
  @inline set(i: i32, v: u32): void {
    if (<u32>i < <u32>this.length) store<u32>(this.ptr + (<usize>i << 2), v);
  }

  push(v: u32): void {
    if (this.length == this.capacity) this.reserve(this.length + 1);
    store<u32>(this.ptr + (<usize>this.length << 2), v);
    this.length++;
  }

  pushPair(lo: u32, hi: u32): void {
    this.push(lo);
    this.push(hi);
  }

  pushAll(other: Words): void {
    this.reserve(this.length + other.length);
    memory.copy(this.ptr + (<usize>this.length << 2), other.ptr, <usize>other.length << 2);
    this.length += other.length;
  }

  /** Makes room for `count` words in all (at least doubling, so pushes stay amortized O(1)). */
  reserve(count: i32): void {
    if (count <= this.capacity) return;
    let capacity = this.capacity << 1;
    if (capacity < count) capacity = count;
    this.ptr = __realloc(this.ptr, <usize>capacity << 2);
    this.capacity = capacity;
  }
}
