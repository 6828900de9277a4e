// AssemblyScript helpers that every bundle carries (docs/design/wasm-abi.md,
// "Helpers inside the bundle"). compiler/codegen builds each bundle on top of
// this module, so these functions share the bundle's memory: the runtime
// reserves room for a call's arguments with `edict_args`, writes them there
// as UTF-8 and calls the helper through the instance's exports. Codegen
// drops the exports (and so the code) of helpers a bundle does not call.
// `npm run build:wasm` compiles wasm/assembly into wasm/helpers.ts.

// Bytes 0-63 of memory are the runtime's cells (fuel, value table), then
// the scalar shadow of the value table up to SCALAR_END = 36928
// (runtime/engine/manifest.ts); asc is run with --memoryBase 36928, so
// static data and the heap start above.

export { edict_args } from "./memory";
export { edict_murmur3, edict_rollout_bucket } from "./murmur3";
export { edict_semver_compare, edict_semver_satisfies } from "./semver";
export { edict_net_split, edict_net_port, edict_net_is_loopback } from "./net";
export { edict_regex_compile, edict_regex_search } from "./regex/index";
export {
  edict_string_char_at,
  edict_string_index_of,
  edict_string_ascii_case,
  edict_string_replace,
  edict_string_split,
  edict_string_substring,
  edict_string_trim,
  edict_string_reverse,
  edict_string_quote,
} from "./strings";
export {
  edict_time_parse_timestamp,
  edict_time_fraction,
  edict_time_parse_duration,
  edict_time_invalid,
  edict_time_format_timestamp,
  edict_time_format_duration,
  edict_time_offset,
  edict_time_fields,
} from "./time";
