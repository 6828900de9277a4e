// The evaluation input (a JSON object whose key NAME holds input NAME) to the
// policy's input values. `T?` inputs may be absent or null (-> null); every
// other input must be present and fit its used type.

import type { CheckedInput } from "../check/checked.js";
import { DEFAULT_MEMORY_LIMIT_BYTES } from "../../runtime/types.js";
import type { CelValue } from "../values.js";
import { InputError, jsonKind, jsonToCel } from "./json-to-cel.js";

export function convertInputs(inputs: readonly CheckedInput[], input: unknown, memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES): Map<string, CelValue> | InputError {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return new InputError("input", `expected an object whose keys are input names, got ${jsonKind(input)}`);
  }
  const record = input as Record<string, unknown>;
  const values = new Map<string, CelValue>();
  for (const declared of inputs) {
    const raw = Object.prototype.hasOwnProperty.call(record, declared.name) ? record[declared.name] : undefined;
    if (raw === undefined || raw === null) {
      if (declared.nullable) {
        values.set(declared.name, null);
        continue;
      }
      if (raw === undefined) return new InputError(declared.name, "missing required input");
    }
    const value = jsonToCel(raw, declared.usedType, declared.name, { maxStringBytes: memoryLimitBytes });
    if (value instanceof InputError) return value;
    values.set(declared.name, value);
  }
  return values;
}
