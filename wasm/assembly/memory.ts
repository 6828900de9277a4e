// The argument protocol of the helpers (docs/design/wasm-abi.md, "Helpers
// inside the bundle"). Before each helper call the host asks for room for
// the call's arguments with `edict_args`, which first frees everything the
// previous call allocated: helpers are built with AssemblyScript's stub
// runtime (a bump allocator), so a call may allocate freely and nothing
// outlives it. Consequently no helper keeps heap objects in globals.

/** Frees every helper allocation and returns `size` bytes (16-byte aligned) for the next call's arguments. */
export function edict_args(size: i32): usize {
  __reset();
  return __alloc(<usize>size);
}
