// Messages of the run-time checks where a `dyn` value reaches a declared
// type (compiler/check/runtime-checks.ts). Shared by both engines, so the
// decisions they return are identical text.

export function argumentMismatch(fn: string, param: string, expected: string, got: string): string {
  return `argument '${param}' of '${fn}' must be ${expected}, got ${got}`;
}

export function resultMismatch(fn: string, expected: string, got: string): string {
  return `fn '${fn}' is declared to return ${expected}, got ${got}`;
}
