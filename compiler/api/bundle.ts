// The one place compile() turns checked policies into bundle bytes. Until
// the Wasm backend (compiler/codegen) lands this returns undefined and
// compile() reports diagnostics only; wiring it is a one-line change.

import type { CheckedPolicy } from "../check/checked.js";

export function bundleFor(checked: readonly CheckedPolicy[]): Uint8Array | undefined {
  void checked;
  return undefined;
}
