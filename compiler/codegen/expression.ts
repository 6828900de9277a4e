// A lone checked expression as a one-output bundle, for the CEL conformance
// suite run through the Wasm backend (test/wasm/support/conformance-engine.ts).
// Every variable becomes an input of type dyn; the output is `result`.

import type { PolicyFile } from "../ast.js";
import type { CheckedExpr, CheckedPolicy } from "../check/checked.js";
import { T } from "../types.js";
import { generateBundle } from "./index.js";

const SPAN = { start: 0, end: 0 };

export function generateExpressionBundle(checked: CheckedExpr, variables: readonly string[]): Uint8Array {
  const ast: PolicyFile = { file: "<expression>", name: { name: "expression", span: SPAN }, description: null, decls: [], span: SPAN };
  const policy: CheckedPolicy = {
    ast,
    source: "",
    name: "expression",
    description: "",
    inputs: variables.map((name) => ({ name, type: T.dyn, usedType: T.dyn, nullable: true })),
    types: new Map(),
    exprTypes: checked.exprTypes,
    resolutions: checked.resolutions,
    references: checked.references,
    consts: new Map(),
    lets: new Map(),
    fns: new Map(),
    checkedResults: new Map(),
    outputs: [{ kind: "output", id: -1, span: SPAN, name: { name: "result", span: SPAN }, value: checked.expr }],
    rules: [],
  };
  return generateBundle([policy]);
}
