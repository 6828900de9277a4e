// The module under construction: host imports, the fuel helper, the
// constant pool and library call sites (both shared by every policy of the
// bundle), and a builder per generated function (locals, scopes, labels).

import binaryen from "binaryen";
import { FUEL } from "../fuel.js";
import { CelError, type CelValue } from "../values.js";
import type { Binding } from "../ir/nodes.js";
import { CURRENT_RULE, FUEL_BUDGET, FUEL_NEXT_TICK, FUEL_USED, RANGE_DIRECT, RANGE_LENGTH, RANGE_SECOND, TABLE_FLOOR, TABLE_TOP, type CallSite, type TypeCheck } from "../../runtime/engine/manifest.js";
import { encodeConst } from "./manifest.js";
import { base64Decode } from "../../runtime/lib/base64.js";
import { HELPERS_WASM_BASE64 } from "../../wasm/helpers.js";

/** The AssemblyScript helpers (wasm/assembly), decoded once: every bundle is built on top of them. */
let helperBytes: Uint8Array | undefined;
const FEATURES =
  binaryen.Features.MutableGlobals | binaryen.Features.SignExt | binaryen.Features.NontrappingFPToInt | binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt;
/** The helpers module pruned to a set of exports, by that set (a handful of distinct sets occur). */
const prunedHelpers = new Map<string, Uint8Array>();

/**
 * The helpers module keeping only `exports` (and what they reach), as
 * bytes: reading the full module (28 KB, the regex engine included) and
 * emitting it again cost every bundle ~30 ms, most of which call no helper.
 */
function helpersFor(exports: ReadonlySet<string>): Uint8Array {
  const key = [...exports].sort().join(",");
  let bytes = prunedHelpers.get(key);
  if (bytes === undefined) {
    const m = binaryen.readBinary((helperBytes ??= base64Decode(HELPERS_WASM_BASE64)!));
    try {
      m.setFeatures(FEATURES);
      for (let i = m.getNumExports() - 1; i >= 0; i--) {
        const { name } = binaryen.getExportInfo(m.getExportByIndex(i));
        if (name.startsWith("edict_") && !exports.has(name)) m.removeExport(name);
      }
      m.runPasses(["remove-unused-module-elements"]);
      bytes = m.emitBinary();
    } finally {
      m.dispose();
    }
    prunedHelpers.set(key, bytes);
  }
  return bytes;
}

export const i32 = binaryen.i32;
export const f64 = binaryen.f64;
export const i64 = binaryen.i64;
const none = binaryen.none;

/** Handles 0 and 1 are false and true; constants follow; per-evaluation values after them; errors are negative. */
export const CONST_BASE = 2;

/** Host functions, module "edict": name -> [params, result]. Listed in the manifest. */
export const HOST_IMPORTS: Record<string, [number[], number]> = {
  out_of_fuel: [[], none],
  tick: [[], none],
  now: [[], i32],
  select: [[i32, i32, i32], i32],
  has: [[i32, i32], i32],
  index: [[i32, i32, i32], i32],
  arg: [[i32], none],
  call: [[i32], i32],
  call1: [[i32, i32], i32],
  call2: [[i32, i32, i32], i32],
  list_new: [[], i32],
  list_add: [[i32, i32, i32], i32],
  map_new: [[], i32],
  map_add: [[i32, i32, i32, i32], i32],
  map_put: [[i32, i32, i32], none],
  map_merge: [[i32, i32], i32],
  range: [[i32, i32, i32], i32],
  pin: [[i32], i32],
  range_pair: [[i32, i32], i32],
  range_one: [[i32, i32], i32],
  pred_error: [[i32], i32],
  logic_error: [[i32, i32], i32],
  cond_error: [[i32], i32],
  clause_error: [[i32, i32], i32],
  opt_check: [[i32, i32], i32],
  opt_value: [[i32], i32],
  opt_wrap: [[i32], i32],
  opt_flat: [[i32, i32], i32],
  concat: [[i32], i32],
  fire: [[i32, i32], none],
  rule_end: [[i32], none],
  rule_error: [[i32, i32], none],
  output: [[i32, i32], none],
  output_error: [[i32, i32], none],
  expired: [[i32], i32],
  check: [[i32, i32], i32],
  box_int: [[i64], i32],
  box_uint: [[i64], i32],
  box_double: [[f64], i32],
  unbox_i64: [[i32, i32], i64],
  unbox_double: [[i32], f64],
  box_duration: [[i64], i32],
};

export class ModuleBuilder {
  /**
   * The bundle starts as the helpers module (its memory, exported
   * "memory", and its `edict_*` functions) and the generated code is added
   * to it: the merge is done by building on top, so nothing is renamed.
   */
  readonly m: binaryen.Module;
  /** The helpers' functions: asc already optimised them, so the optimiser's function passes skip them. */
  readonly helperFunctions: ReadonlySet<string>;
  readonly consts: unknown[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly sites: CallSite[] = [];
  readonly checks: TypeCheck[] = [];
  private readonly siteIndex = new Map<string, number>();
  private labels = 0;

  /** `metered` false leaves out every charge (bench only: measures what metering costs). */
  /** `helperExports`: the helper exports the bundle may call (HELPER_EXPORTS of its overloads); the rest of the helpers is left out. */
  constructor(
    readonly metered: boolean,
    helperExports: ReadonlySet<string>,
  ) {
    const m = (this.m = binaryen.readBinary(helpersFor(helperExports)));
    this.helperFunctions = functionNames(m);
    m.setFeatures(FEATURES);
    for (const [name, [params, result]] of Object.entries(HOST_IMPORTS)) {
      m.addFunctionImport(`h_${name}`, "edict", name, binaryen.createType(params), result);
    }
    // fuel(k): used += k; past the budget -> host throws; crossing a clock mark -> host checks the deadline.
    const cell = (offset: number) => m.f64.load(offset, 8, m.i32.const(0));
    m.addFunction(
      "fuel",
      binaryen.createType([f64]),
      none,
      [f64],
      m.block(null, [
        m.local.set(1, m.f64.add(cell(FUEL_USED), m.local.get(0, f64))),
        m.f64.store(FUEL_USED, 8, m.i32.const(0), m.local.get(1, f64)),
        m.if(m.f64.gt(m.local.get(1, f64), cell(FUEL_BUDGET)), m.block(null, [m.call("h_out_of_fuel", [], none), m.unreachable()])),
        m.if(m.f64.ge(m.local.get(1, f64), cell(FUEL_NEXT_TICK)), m.call("h_tick", [], none)),
      ]),
    );
    // release(mark): drop the values made since `mark`, never below the pinned floor.
    const cell32 = (offset: number) => m.i32.load(offset, 4, m.i32.const(0));
    m.addFunction(
      "release",
      binaryen.createType([i32]),
      none,
      [],
      m.if(
        m.i32.gt_s(cell32(TABLE_TOP), m.local.get(0, i32)),
        m.i32.store(TABLE_TOP, 4, m.i32.const(0), m.select(m.i32.gt_s(m.local.get(0, i32), cell32(TABLE_FLOOR)), m.local.get(0, i32), cell32(TABLE_FLOOR))),
      ),
    );
    void FUEL;
  }

  /** The value table's live end, to release back to after an iteration. */
  mark(): number {
    return this.m.i32.load(TABLE_TOP, 4, this.m.i32.const(0));
  }

  release(mark: number): number {
    return this.m.call("release", [mark], none);
  }

  /**
   * A range over the value of local `source` (`forName`: the for clause's
   * variable name handle, or -1 in a comprehension): the call, to be
   * guarded by the caller, and after the guard the statements that keep its
   * length and RANGE_DIRECT flag in locals.
   */
  range(source: number, forName: number, pairs: boolean): number {
    return this.host("range", [source, forName, this.m.i32.const(pairs ? 1 : 0)]);
  }

  /** Statements after a successful `range`: the length and RANGE_DIRECT flag into locals. */
  rangeState(count: number, direct: number): number[] {
    const m = this.m;
    return [m.local.set(count, m.i32.load(RANGE_LENGTH, 4, m.i32.const(0))), m.local.set(direct, m.i32.load(RANGE_DIRECT, 4, m.i32.const(0)))];
  }

  /** Binds iteration `i` of range handle `r` to local `first` (and `second` for pairs): read from the table when direct, else asked of the host. */
  rangeBindings(r: number, i: number, direct: number, first: number, second: number | null): number {
    const m = this.m;
    const get = (l: number) => m.local.get(l, i32);
    if (second === null) {
      return m.local.set(first, m.if(get(direct), m.i32.add(m.i32.add(get(r), m.i32.const(1)), get(i)), this.host("range_one", [get(r), get(i)])));
    }
    // A binaryen expression may appear once in a tree, hence a fresh r + 2i for each binding.
    const pairAt = (offset: number) => m.i32.add(m.i32.add(get(r), m.i32.shl(get(i), m.i32.const(1))), m.i32.const(offset));
    return m.if(
      get(direct),
      m.block(null, [m.local.set(first, pairAt(1)), m.local.set(second, pairAt(2))]),
      m.block(null, [m.local.set(first, this.host("range_pair", [get(r), get(i)])), m.local.set(second, m.i32.load(RANGE_SECOND, 4, m.i32.const(0)))]),
    );
  }

  /** Records which rule is being evaluated (-1: none), for the host to name it if the evaluation aborts. */
  setRule(index: number): number {
    return this.m.i32.store(CURRENT_RULE, 4, this.m.i32.const(0), this.m.i32.const(index));
  }


  host(name: keyof typeof HOST_IMPORTS, args: number[]): number {
    return this.m.call(`h_${name}`, args, HOST_IMPORTS[name]![1]);
  }

  charge(units: number): number {
    if (!this.metered) return this.m.nop();
    return this.m.call("fuel", [this.m.f64.const(units)], none);
  }

  /** The handle of a constant (bools are the fixed handles 0 and 1). */
  constHandle(v: CelValue): number {
    if (v === true || v === false) return this.m.i32.const(v ? 1 : 0);
    const h = CONST_BASE + this.constIndexOf(v);
    // An error is a value only as a negative handle (docs/design/wasm-abi.md), constant or not.
    return this.m.i32.const(v instanceof CelError ? -h : h);
  }

  private constIndexOf(v: CelValue): number {
    const encoded = encodeConst(v);
    const key = JSON.stringify(encoded);
    let index = this.constIndex.get(key);
    if (index === undefined) {
      index = this.consts.length;
      this.consts.push(encoded);
      this.constIndex.set(key, index);
    }
    return index;
  }

  site(site: CallSite): number {
    const key = JSON.stringify(site);
    let index = this.siteIndex.get(key);
    if (index === undefined) {
      index = this.sites.length;
      this.sites.push(site);
      this.siteIndex.set(key, index);
    }
    return index;
  }

  /** The negative handle of a constant error: what a failing inline operation returns. */
  constError(message: string): number {
    return this.constHandle(new CelError(message));
  }

  /** The index of a run-time type check in the manifest. */
  check(check: TypeCheck): number {
    this.checks.push(check);
    return this.checks.length - 1;
  }

  label(stem: string): string {
    return `${stem}${this.labels++}`;
  }
}

/** Locals of one generated function, and the local of each IR variable (compiler/ir/nodes.ts Binding) bound in it. */
export class FunctionBuilder {
  readonly vars: number[] = [];
  private readonly bound = new Map<Binding, number>();

  constructor(
    readonly mb: ModuleBuilder,
    readonly paramCount: number,
  ) {}

  local(type: number = i32): number {
    this.vars.push(type);
    return this.paramCount + this.vars.length - 1;
  }

  bind(binding: Binding, local: number): void {
    this.bound.set(binding, local);
  }

  lookup(binding: Binding): number {
    const local = this.bound.get(binding);
    if (local === undefined) throw new Error(`wasm backend: variable '${binding.name}' used outside its scope (this is a bug)`);
    return local;
  }
}

function functionNames(m: binaryen.Module): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < m.getNumFunctions(); i++) names.add(binaryen.getFunctionInfo(m.getFunctionByIndex(i)).name);
  return names;
}
