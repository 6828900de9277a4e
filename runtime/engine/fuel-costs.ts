// The fuel of library calls that both engines charge around each call (the
// "size" and "work" terms of docs/fuel.md), and the clock interval. Kept in
// the runtime because the runtime cannot import the compiler;
// compiler/fuel.ts builds its table from these numbers, so there is still
// one cost model.
//
// Calibration (docs/fuel.md, "Why these numbers"): one unit is about one
// nanosecond of a bundle's evaluation on the reference machine, so the
// default budget of 10,000,000 units stays well under the 50 ms deadline on
// hosts whose clock is frozen during synchronous code.

/** Units per evaluated expression node, iteration, rule, template and output. */
export const STEP_FUEL = 50;

/** A string's size term: per started 16 bytes of UTF-8 (a bytes value: of its bytes). */
export const BYTES_PER_CHUNK = 16;
export const FUEL_PER_CHUNK = 50;

/** A list's or map's size term: per element (top level only). */
export const FUEL_PER_ELEMENT = 50;

/**
 * The work term of `matches`: the Pike VM's time is bounded by the text's
 * length times the program's size, so it costs per started 16 bytes of
 * text and per instruction of the compiled pattern (instructions, not
 * words: see instructionCount in runtime/lib/regex/program.ts).
 */
export const FUEL_PER_CHUNK_AND_REGEX_INSTRUCTION = 200;

/** The deadline is tested whenever the fuel used crosses a multiple of this. */
export const CLOCK_INTERVAL = 32768;

export function bytesFuel(n: number): number {
  return Math.ceil(n / BYTES_PER_CHUNK) * FUEL_PER_CHUNK;
}

export function elementsFuel(n: number): number {
  return n * FUEL_PER_ELEMENT;
}

export function regexWorkFuel(textBytes: number, instructions: number): number {
  return Math.ceil(textBytes / BYTES_PER_CHUNK) * instructions * FUEL_PER_CHUNK_AND_REGEX_INSTRUCTION;
}
