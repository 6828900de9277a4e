// Edict's own functions (spec section 8): net, semver, rollout, sum.

import { T } from "../types.js";
import { global, type Overload } from "./overload.js";

const s = T.string;

export const EDICT_OVERLOADS: Overload[] = [
  global("net.host", "net_host_string", [s], s),
  global("net.port", "net_port_string", [s], T.int),
  global("net.isLoopback", "net_is_loopback_string", [s], T.bool),
  global("semver.compare", "semver_compare_string_string", [s, s], T.int),
  global("semver.satisfies", "semver_satisfies_string_string", [s, s], T.bool),
  global("rollout.bucket", "rollout_bucket_string_string", [s, s], T.double),
  global("sum", "sum_list_int64", [T.list(T.int)], T.int),
  global("sum", "sum_list_uint64", [T.list(T.uint)], T.uint),
  global("sum", "sum_list_double", [T.list(T.double)], T.double),
];
