// CEL optional values (cel-go's optional library). `optMap` and `optFlatMap`
// are macros (see macros.ts). Selecting a field of an optional
// (`opt.f`) yields an optional; the checker handles that, as cel-go's does.

import { T } from "../types.js";
import { K, V, global, member, type Overload } from "./overload.js";
import { OP } from "./operators.js";

const optV = T.optional(V);

export const OPTIONAL_OVERLOADS: Overload[] = [
  global("optional.of", "optional_of", [V], optV),
  global("optional.ofNonZeroValue", "optional_ofNonZeroValue", [V], optV),
  global("optional.none", "optional_none", [], optV),
  member("value", "optional_value", [optV], V),
  member("hasValue", "optional_hasValue", [optV], T.bool),
  member("or", "optional_or_optional", [optV, optV], optV),
  member("orValue", "optional_orValue_value", [optV, V], V),
  // `x.?f`: the second argument is the field name.
  global(OP.optSelect, "select_optional_field", [T.dyn, T.string], optV),
  global(OP.optIndex, "list_optindex_optional_int", [T.list(V), T.int], optV),
  global(OP.optIndex, "optional_list_optindex_optional_int", [T.optional(T.list(V)), T.int], optV),
  global(OP.optIndex, "map_optindex_optional_value", [T.map(K, V), K], optV),
  global(OP.optIndex, "optional_map_optindex_optional_value", [T.optional(T.map(K, V)), K], optV),
  global(OP.index, "optional_list_index_int", [T.optional(T.list(V)), T.int], optV),
  global(OP.index, "optional_map_index_value", [T.optional(T.map(K, V)), K], optV),
];
