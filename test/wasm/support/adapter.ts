// The interpreter's library as the Wasm tests use it: the builtins registry
// itself (compiler/interpret/builtins/registry.ts), which adapts the
// runtime's library to the interpreter's values.
export { toCelValue as toCel, toRuntimeValue as toRuntime, getBuiltin as runtimeLibrary } from "../../../compiler/interpret/builtins/registry.js";
