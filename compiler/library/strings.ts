// CEL's string extension (cel-go ext/strings.go, the functions the spec
// names). `format` takes its arguments as one list, as in CEL.

import { T } from "../types.js";
import { global, member, type Overload } from "./overload.js";

const s = T.string;
const i = T.int;

export const STRING_OVERLOADS: Overload[] = [
  member("charAt", "string_char_at_int", [s, i], s),
  member("indexOf", "string_index_of_string", [s, s], i),
  member("indexOf", "string_index_of_string_int", [s, s, i], i),
  member("lastIndexOf", "string_last_index_of_string", [s, s], i),
  member("lastIndexOf", "string_last_index_of_string_int", [s, s, i], i),
  member("lowerAscii", "string_lower_ascii", [s], s),
  member("upperAscii", "string_upper_ascii", [s], s),
  member("replace", "string_replace_string_string", [s, s, s], s),
  member("replace", "string_replace_string_string_int", [s, s, s, i], s),
  member("split", "string_split_string", [s, s], T.list(s)),
  member("split", "string_split_string_int", [s, s, i], T.list(s)),
  member("substring", "string_substring_int", [s, i], s),
  member("substring", "string_substring_int_int", [s, i, i], s),
  member("trim", "string_trim", [s], s),
  member("join", "list_join", [T.list(s)], s),
  member("join", "list_join_string", [T.list(s), s], s),
  member("format", "string_format", [s, T.list(T.dyn)], s),
  member("reverse", "string_reverse", [s], s),
  global("strings.quote", "strings_quote", [s], s),
];
