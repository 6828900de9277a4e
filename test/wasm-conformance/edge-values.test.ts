// Values JSON cannot carry (uint64 above 2^53, int64 extremes, NaN, -0.0,
// infinities, non-UTF-8 bytes, timestamp and duration range limits) bound
// to typed inputs and to `dyn` inputs: the Wasm backend must give exactly
// the interpreter's result (value with its type, or the same CEL error).

import { describe, expect, test } from "vitest";
import { T, type Type } from "../../compiler/types.js";
import { CelDuration, CelList, CelMap, CelTimestamp, CelUint, INT64_MAX, INT64_MIN, UINT64_MAX, type CelValue } from "../../compiler/values.js";
import { interpreterEngine, loadFrontEnd, type EngineResult } from "../conformance/engines.js";
import type { ConformanceCase } from "../conformance/load.js";
import { showResult } from "../conformance/run.js";
import { wasmEngine } from "../wasm/support/conformance-engine.js";
import { engine, runTyped } from "./typed-engine.js";

const SECOND = 1_000_000_000n;
// Durations are int64 nanoseconds (docs/language.md, as cel-go): no input, constant or operation makes a larger one.
const MAX_DURATION = INT64_MAX;

const EDGES: { type: Type; values: CelValue[]; exprs: string[] }[] = [
  {
    type: T.uint,
    values: [new CelUint(0n), new CelUint(2n ** 53n + 1n), new CelUint(UINT64_MAX)],
    exprs: ["x", "x + 1u", "x - 1u", "x * 2u", "x / 3u", "x % 7u", "string(x)", "double(x)", "int(x)", "x > 9007199254740992u", "x == 18446744073709551615u", "dyn(x) == 9007199254740993.0", "[x][0]", "{x: 1}[x]"],
  },
  {
    type: T.int,
    values: [INT64_MIN, INT64_MAX, 2n ** 53n + 1n, -1n, 0n],
    exprs: ["x", "x + 1", "x - 1", "-x", "x * 2", "x / -1", "x % 3", "string(x)", "uint(x)", "double(x)", "dyn(x) < 9223372036854775807.0", "math.abs(x)"],
  },
  {
    type: T.double,
    values: [NaN, -0, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 9007199254740993, 0.1],
    exprs: ["x", "x == x", "x < 1.0", "x != x", "string(x)", "int(x)", "uint(x)", "x + 1.0", "1.0 / x", "math.isNaN(x)", "math.isInf(x)", "math.round(x)", "math.sign(x)", "[x] == [x]", "dyn(x) == 0"],
  },
  {
    type: T.bytes,
    values: [new Uint8Array([0xff, 0x00, 0xfe]), new Uint8Array(0), new Uint8Array([0xe2, 0x82, 0xac])],
    exprs: ["x", "size(x)", "string(x)", "x + b'\\x01'", "x == b'\\xff\\x00\\xfe'", "x < b'\\xff'", "base64.encode(x)"],
  },
  {
    type: T.string,
    values: ["", "a\u0000b", "😀é", "\u{10FFFF}"],
    exprs: ["x", "size(x)", "x + '!'", "bytes(x)", "x.reverse()", "x.charAt(0)", "x.substring(1)", "x < 'é'"],
  },
  {
    type: T.timestamp,
    values: [new CelTimestamp(-62_135_596_800n * SECOND), new CelTimestamp(253_402_300_799n * SECOND + 999_999_999n), new CelTimestamp(0n), new CelTimestamp(-1n)],
    exprs: ["x", "string(x)", "int(x)", "x + duration('1s')", "x - duration('1ns')", "x.getFullYear()", "x.getMilliseconds()", "x.getDayOfWeek('-01:30')", "x - timestamp('1970-01-01T00:00:00Z')"],
  },
  {
    type: T.duration,
    values: [new CelDuration(MAX_DURATION), new CelDuration(-MAX_DURATION), new CelDuration(1n), new CelDuration(-1n)],
    exprs: ["x", "string(x)", "int(x)", "x + x", "-x", "x.getSeconds()", "x.getMilliseconds()", "timestamp('2000-01-01T00:00:00Z') + x"],
  },
  {
    type: T.map(T.string, T.list(T.uint)),
    values: [new CelMap(), mapOf({ a: new CelList([new CelUint(UINT64_MAX)]), b: new CelList([]) })],
    exprs: ["x", "size(x)", "x.a[0]", "has(x.a)", "x.all(k, size(x[k]) < 2)", "x.map(k, k + '!')"],
  },
];

function mapOf(entries: Record<string, CelValue>): CelMap {
  const m = new CelMap();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
}

function edgeCase(type: Type, value: CelValue, expr: string, i: number): ConformanceCase {
  return {
    name: `edge/${type.kind}/${i}: ${expr}`,
    section: "edge",
    expr,
    description: "",
    declarations: [{ name: "x", type }],
    bindings: new Map([["x", value]]),
    expected: { kind: "value", value: true },
    disableCheck: false,
  };
}

const show = (r: EngineResult) => `${showResult(r)}${r.kind === "value" ? "" : " " + r.message.replace(/^(eval_error: )?(output result: )?/, "")}`;

describe("edge values through typed and dyn inputs", () => {
  for (const { type, values, exprs } of EDGES) {
    test(`${type.kind}`, async () => {
      const [interpreter, wasm] = [await engine(interpreterEngine), await engine(wasmEngine)];
      const front = await loadFrontEnd();
      if ("unavailable" in front) throw new Error(front.unavailable);
      const differing: string[] = [];
      let values_ = 0;
      for (const expr of exprs) {
        values.forEach((value, i) => {
          const c = edgeCase(type, value, expr, i);
          const want = interpreter.run(c);
          if (want.kind === "crash") differing.push(`${c.name}: interpreter crashed: ${want.message}`);
          if (want.kind === "value") values_++;
          for (const [how, got] of [["typed", runTyped(front, c)], ["dyn", wasm.run(c)]] as const) {
            if (show(got) !== show(want)) differing.push(`${c.name} (${how}): interpreter ${show(want)} | wasm ${show(got)}`);
          }
        });
      }
      expect(differing).toEqual([]);
      expect(values_).toBeGreaterThan(exprs.length);
    });
  }
});
