import { describe, expect, it } from "vitest";
import { LIBRARY, overloadById, overloadsOf, FUNCTION_NAMESPACES } from "../../compiler/library/index.js";
import { matchOverloads } from "../../compiler/check/overloads.js";
import { T, typeToString, type Type } from "../../compiler/types.js";

function signature(id: string): string {
  const o = overloadById(id);
  if (!o) return "missing";
  const params = o.params.map(typeToString).join(", ");
  return `${o.member ? "member " : ""}${o.function}(${params}${o.variadic ? ", ..." : ""}) -> ${typeToString(o.result)}`;
}

describe("library table", () => {
  it("has unique ids", () => {
    expect(new Set(LIBRARY.map((o) => o.id)).size).toBe(LIBRARY.length);
  });

  it.each([
    ["add_int64", "_+_(int, int) -> int"],
    ["add_list", "_+_(list<A>, list<A>) -> list<A>"],
    ["add_timestamp_duration", "_+_(timestamp, duration) -> timestamp"],
    ["less_int64_double", "_<_(int, double) -> bool"],
    ["greater_equals_uint64_int64", "_>=_(uint, int) -> bool"],
    ["size_string", "size(string) -> int"],
    ["string_size", "member size(string) -> int"],
    ["contains_string", "member contains(string, string) -> bool"],
    ["int64_to_string", "string(int) -> string"],
    ["string_to_timestamp", "timestamp(string) -> timestamp"],
    ["timestamp_to_year_with_tz", "member getFullYear(timestamp, string) -> int"],
    ["timestamp_to_seconds_tz", "member getSeconds(timestamp, string) -> int"],
    ["in_map", "_in_(K, map<K, V>) -> bool"],
    ["type", "type(A) -> type<A>"],
    ["optional_orValue_value", "member orValue(optional<V>, V) -> V"],
    ["string_index_of_string_int", "member indexOf(string, string, int) -> int"],
    ["list_join_string", "member join(list<string>, string) -> string"],
    ["math_@max_int_double", "math.greatest(int, double) -> dyn"],
    ["math_@min_list_uint", "math.least(list<uint>) -> uint"],
    ["math_@max_int_n", "math.greatest(int, int, int, ...) -> int"],
    ["math_bitShiftLeft_uint_int", "math.bitShiftLeft(uint, int) -> uint"],
    ["math_sqrt_int", "math.sqrt(int) -> double"],
    ["net_host_string", "net.host(string) -> string"],
    ["semver_compare_string_string", "semver.compare(string, string) -> int"],
    ["rollout_bucket_string_string", "rollout.bucket(string, string) -> double"],
    ["sum_list_int64", "sum(list<int>) -> int"],
    ["strings_quote", "strings.quote(string) -> string"],
  ])("%s is %s", (id, expected) => {
    expect(signature(id)).toBe(expected);
  });

  it("declares all 36 heterogeneous and homogeneous numeric comparisons", () => {
    for (const fn of ["_<_", "_<=_", "_>_", "_>=_"]) {
      const numeric = overloadsOf(fn).filter((o) => o.params.every((p) => ["int", "uint", "double"].includes(p.kind)));
      expect(numeric).toHaveLength(9);
    }
  });

  it("knows the function namespaces", () => {
    for (const ns of ["math", "net", "semver", "rollout", "optional", "strings"]) expect(FUNCTION_NAMESPACES.has(ns)).toBe(true);
  });
});

/** An overload's parameters with type parameters made concrete. */
function instantiate(t: Type): Type {
  switch (t.kind) {
    case "param":
      return t.name === "K" ? T.string : T.int;
    case "list":
      return T.list(instantiate(t.elem));
    case "map":
      return T.map(instantiate(t.key), instantiate(t.value));
    case "optional":
      return T.optional(instantiate(t.inner));
    default:
      return t;
  }
}

describe("library table and overload resolution agree", () => {
  const concrete = LIBRARY.filter((o) => !o.params.some((p) => p.kind === "dyn" || (p.kind === "list" && p.elem.kind === "dyn")));
  it.each(concrete.map((o) => [o.id, o] as const))("%s is the one overload its own argument types select", (_id, o) => {
    const args = o.params.map(instantiate);
    const candidates = overloadsOf(o.function).filter((x) => x.member === o.member);
    expect(matchOverloads(candidates, args).map((m) => m.overload.id)).toEqual([o.id]);
  });
});
