// CEL's standard functions other than operators: size, the string
// predicates, and the type conversions (from every source type CEL allows).

import { T } from "../types.js";
import { A, K, V, global, member, type Overload } from "./overload.js";

function size(): Overload[] {
  return [
    global("size", "size_string", [T.string], T.int),
    global("size", "size_bytes", [T.bytes], T.int),
    global("size", "size_list", [T.list(A)], T.int),
    global("size", "size_map", [T.map(K, V)], T.int),
    member("size", "string_size", [T.string], T.int),
    member("size", "bytes_size", [T.bytes], T.int),
    member("size", "list_size", [T.list(A)], T.int),
    member("size", "map_size", [T.map(K, V)], T.int),
  ];
}

function stringPredicates(): Overload[] {
  return [
    member("contains", "contains_string", [T.string, T.string], T.bool),
    member("startsWith", "starts_with_string", [T.string, T.string], T.bool),
    member("endsWith", "ends_with_string", [T.string, T.string], T.bool),
    member("matches", "matches_string", [T.string, T.string], T.bool),
    global("matches", "matches", [T.string, T.string], T.bool),
  ];
}

function conversions(): Overload[] {
  return [
    global("int", "int64_to_int64", [T.int], T.int),
    global("int", "uint64_to_int64", [T.uint], T.int),
    global("int", "double_to_int64", [T.double], T.int),
    global("int", "string_to_int64", [T.string], T.int),
    global("int", "timestamp_to_int64", [T.timestamp], T.int),
    global("int", "duration_to_int64", [T.duration], T.int),

    global("uint", "uint64_to_uint64", [T.uint], T.uint),
    global("uint", "int64_to_uint64", [T.int], T.uint),
    global("uint", "double_to_uint64", [T.double], T.uint),
    global("uint", "string_to_uint64", [T.string], T.uint),

    global("double", "double_to_double", [T.double], T.double),
    global("double", "int64_to_double", [T.int], T.double),
    global("double", "uint64_to_double", [T.uint], T.double),
    global("double", "string_to_double", [T.string], T.double),

    global("bool", "bool_to_bool", [T.bool], T.bool),
    global("bool", "string_to_bool", [T.string], T.bool),

    global("string", "string_to_string", [T.string], T.string),
    global("string", "bool_to_string", [T.bool], T.string),
    global("string", "int64_to_string", [T.int], T.string),
    global("string", "uint64_to_string", [T.uint], T.string),
    global("string", "double_to_string", [T.double], T.string),
    global("string", "bytes_to_string", [T.bytes], T.string),
    global("string", "timestamp_to_string", [T.timestamp], T.string),
    global("string", "duration_to_string", [T.duration], T.string),

    global("bytes", "bytes_to_bytes", [T.bytes], T.bytes),
    global("bytes", "string_to_bytes", [T.string], T.bytes),

    global("timestamp", "timestamp_to_timestamp", [T.timestamp], T.timestamp),
    global("timestamp", "string_to_timestamp", [T.string], T.timestamp),
    global("timestamp", "int64_to_timestamp", [T.int], T.timestamp),

    global("duration", "duration_to_duration", [T.duration], T.duration),
    global("duration", "string_to_duration", [T.string], T.duration),

    global("dyn", "to_dyn", [A], T.dyn),
    global("type", "type", [A], T.type(A)),
  ];
}

export const STANDARD_OVERLOADS: Overload[] = [...size(), ...stringPredicates(), ...conversions()];
