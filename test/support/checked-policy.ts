// Source text -> checked policy for tests of the later stages (interpreter,
// Wasm backend): a `policy NAME` header is added when the text has none,
// and any parse or check error throws with its messages.

import { checkPolicy } from "../../compiler/check/index.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import { parsePolicy } from "../../grammar/index.js";

export function checkedPolicy(source: string, name = "test.p"): CheckedPolicy {
  const text = source.trimStart().startsWith("policy") ? source : `policy ${name}\n${source}`;
  const parsed = parsePolicy("test.edict", text);
  if (!parsed.ast || parsed.diagnostics.some((d) => d.severity === "error")) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  const { checked, diagnostics } = checkPolicy(parsed.ast, text);
  if (!checked) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return checked;
}
