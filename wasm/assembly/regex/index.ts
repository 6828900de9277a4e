// RE2-syntax regular expressions inside the bundle: an AssemblyScript port
// of runtime/lib/regex (parser, compiler, Pike VM) that must produce the
// same program words, the same errors and the same match results; the
// JavaScript version remains the reference interpreter's, and
// test/wasm/regex-helpers.test.ts compares the two. The host side is
// runtime/engine/helper-regex.ts.
//
// edict_regex_compile returns a record of i32 words at a 16-aligned address:
//   [0, n, k, -1, ...n program words]            on success (k instructions)
//   [code, at, from, to]                          on error (errors.ts)
// where `at` is the code-point index the message points at and [from, to)
// the code points it quotes (-1 when unused). TOO_LARGE has no position.

import { TOO_LARGE } from "./errors";
import { Compiler } from "./compiler";
import { Parser } from "./parser";
import { OP_ANY, OP_ANY_NOT_NEWLINE, OP_CLASS, OP_MATCH, OP_SPLIT } from "./program";
import { search } from "./vm";

function record(status: i32, a: i32, b: i32, c: i32, words: i32): usize {
  const r = __alloc(16 + (<usize>words << 2));
  store<i32>(r, status);
  store<i32>(r, a, 4);
  store<i32>(r, b, 8);
  store<i32>(r, c, 12);
  return r;
}

/**
 * Instructions in a program: what the work term of `matches` charges for
 * (docs/fuel.md), independent of how many ranges a class holds. Counted
 * here so that the host needs no knowledge of the instruction set.
 */
function instructionCount(code: usize, words: i32): i32 {
  let n = 0;
  let pc = 0;
  while (pc < words) {
    const op = load<u32>(code + (<usize>pc << 2));
    if (op == OP_MATCH || op == OP_ANY || op == OP_ANY_NOT_NEWLINE) pc += 1;
    else if (op == OP_SPLIT) pc += 3;
    else if (op == OP_CLASS) pc += 2 + 2 * <i32>load<u32>(code + (<usize>(pc + 1) << 2));
    else pc += 2; // CHAR, JMP, ASSERT
    n++;
  }
  return n;
}

/** Compiles the UTF-8 pattern at patternPtr; returns the result record described above. */
export function edict_regex_compile(patternPtr: usize, patternLen: i32): usize {
  const parser = new Parser(patternPtr, patternLen);
  const root = parser.parseAll();
  if (root === null) return record(parser.error, parser.errorAt, parser.errorFrom, parser.errorTo, 0);
  const compiler = new Compiler();
  compiler.emitNode(root);
  compiler.emit1(OP_MATCH);
  if (compiler.tooLarge) return record(TOO_LARGE, -1, -1, -1, 0);
  const code = compiler.code;
  const r = record(0, code.length, instructionCount(code.ptr, code.length), -1, code.length);
  memory.copy(r + 16, code.ptr, <usize>code.length << 2);
  return r;
}

/** 1 if the program (`words` u32 at programPtr, from edict_regex_compile) matches anywhere in the UTF-8 text, else 0. */
export function edict_regex_search(programPtr: usize, words: i32, textPtr: usize, textLen: i32): i32 {
  return search(programPtr, words, textPtr, textLen) ? 1 : 0;
}
