// The host side of the Wasm ABI (docs/design/wasm-abi.md): the value table
// that handles index, and the imported functions the generated code calls
// for everything that touches a non-bool value. One Host per loaded bundle;
// `reset()` before each policy evaluation keeps the constants and drops the
// rest, so a failed evaluation never leaks into the next.

import { utf8Length } from "../lib/utf8.js";
import type { DecisionError, RuleHit } from "../types.js";
import { hasWorkFuel, implementation, workFuel, type Impl, type LibraryContext } from "./library.js";
import { addEntry, appendItem, CONTAINERS, hasField, indexValue, mergeEntries, selectField } from "./access.js";
import { bytesFuel, CLOCK_INTERVAL, elementsFuel } from "./fuel-costs.js";
import { memoizeString } from "../lib/memo.js";
import {
  SCALAR_SLOTS, SCALAR_TAGS, SCALAR_VALUES, TAG_DOUBLE, TAG_DURATION, TAG_INT, TAG_UINT, type CallSite,
  CURRENT_RULE, FUEL_BUDGET, FUEL_NEXT_TICK, FUEL_USED, RANGE_DIRECT, RANGE_LENGTH, RANGE_SECOND, TABLE_FLOOR, TABLE_TOP, type BundleManifest, type ManifestPolicy,
} from "./manifest.js";
import { decodeConst, toJson } from "./render.js";
import { fits } from "./type-desc.js";
import { argumentMismatch, resultMismatch } from "./mismatch.js";
import {
  CMap, Duration, Err, List, Optional, Timestamp, Uint, asKey, type Key, sortedKeys, typeName, type Value,
} from "./values.js";
import { Abort } from "./abort.js";
import { BundleHelpers, type HelperExports } from "./helpers.js";
import { INPUT_TIMESTAMP, type TimeParsers } from "./helper-time.js";
import { regexImports } from "./helper-regex.js";

export { Abort };

/** Indexes of the i32 cells in an Int32Array over the module's memory. */
const TOP = TABLE_TOP / 4;
const FLOOR = TABLE_FLOOR / 4;
const RANGE_LEN = RANGE_LENGTH / 4;
const RANGE_SECOND_CELL = RANGE_SECOND / 4;
const RANGE_DIRECT_CELL = RANGE_DIRECT / 4;
const RULE = CURRENT_RULE / 4;

/** An iteration snapshot: a list's items, or a map's keys in order with the map. */
interface Range {
  list: readonly Value[] | null;
  keys: readonly Value[];
  map: CMap | null;
  length: number;
}

export type Globals = HelperExports;

/** What one policy evaluation produces, filled in by the imports. */
export interface Progress {
  policy: ManifestPolicy;
  inputs: number[];
  now: Timestamp;
  violations: RuleHit[];
  warnings: RuleHit[];
  grants: number;
  outputs: { [name: string]: unknown };
  error: DecisionError | null;
}

/** The first candidate of a dynamic call site whose parameters the arguments fit, or -1 (plain loops: this runs per call). */
function dispatch(s: CallSite, args: Value[]): number {
  candidates: for (let k = 0; k < s.ids.length; k++) {
    const params = s.params[k]!;
    const n = params.length;
    if (s.variadic[k] ? args.length < n : args.length !== n) continue;
    for (let i = 0; i < args.length; i++) if (!fits(args[i]!, params[i < n ? i : n - 1]!)) continue candidates;
    return k;
  }
  return -1;
}

/** The scalar shadow's tag of a value (manifest.ts SCALAR_*): 0 unless it is a number or a duration. */
function numberTag(v: Value): number {
  return typeof v === "bigint" ? TAG_INT : typeof v === "number" ? TAG_DOUBLE : v instanceof Uint ? TAG_UINT : v instanceof Duration ? TAG_DURATION : 0;
}

/** The 64 bits of an integer-like number (int, uint, duration nanoseconds). */
function numberBits(v: Value): bigint {
  return v instanceof Uint ? v.value : v instanceof Duration ? v.nanos : (v as bigint);
}

export class Host {
  private readonly values: unknown[] = [false, true];
  private readonly base: number;
  private readonly args: Value[] = [];
  /** Handed to every library call; only `now` changes, per evaluation. */
  private readonly context: LibraryContext = { now: new Timestamp(0n) };
  private globals!: Globals;
  /** The fuel cells (FUEL_USED, FUEL_BUDGET, FUEL_NEXT_TICK) of the module's memory. */
  private fuel = new Float64Array(3);
  /** False for bench builds without metering: library calls charge nothing either. */
  private readonly metered: boolean;
  progress!: Progress;
  clock: () => number = () => 0;
  deadline = Infinity;
  timeoutMs = 0;
  /** Each call site's candidate implementations, resolved once at load (helpers inside the bundle first). */
  private siteImpls: (Impl | undefined)[][] = [];
  /** Per call site and candidate: does the overload have a work term (docs/fuel.md)? */
  private siteWork: boolean[][] = [];
  private helpers: BundleHelpers | undefined;
  private readonly regexSize = (pattern: string): number => this.helpers!.regexProgramSize(pattern);
  /** Input conversion's timestamp and duration parsers: the bundle's time helpers (after attach). */
  get timeParsers(): TimeParsers {
    return this.helpers!.time.parsers;
  }

  constructor(
    private readonly manifest: BundleManifest,
    readonly memoryLimitBytes: number,
  ) {
    for (const c of manifest.consts) this.values.push(decodeConst(c));
    this.base = this.values.length;
    this.maxValues = this.base + Math.max(65536, Math.floor(memoryLimitBytes / 8));
    this.metered = manifest.metered !== false;
  }

  attach(globals: Globals): void {
    if (!(globals.memory instanceof WebAssembly.Memory)) throw new Error("corrupted Edict bundle: it does not export its memory");
    this.globals = globals;
    this.viewMemory();
    const helpers = (this.helpers = new BundleHelpers(globals, this.memoryLimitBytes, () => this.viewMemory()));
    // The `now` option is parsed before any policy runs, outside the evaluation's error handling: check its parser at load.
    helpers.require(INPUT_TIMESTAMP);
    const inWasm = helpers.implementations(new Set(this.manifest.sites.flatMap((s) => s.ids)));
    this.siteImpls = this.manifest.sites.map((s) => s.ids.map((id) => inWasm[id] ?? implementation(id)));
    this.siteWork = this.manifest.sites.map((s) => s.ids.map(hasWorkFuel));
  }

  private viewMemory(): void {
    const buffer = this.globals.memory.buffer;
    this.fuel = new Float64Array(buffer, 0, 3);
    this.cells = new Int32Array(buffer, 0, 16);
    this.tags = new Uint8Array(buffer, SCALAR_TAGS, SCALAR_SLOTS);
    this.ints = new BigInt64Array(buffer, SCALAR_VALUES, SCALAR_SLOTS);
    this.doubles = new Float64Array(buffer, SCALAR_VALUES, SCALAR_SLOTS);
    // The constants' slots are written once: nothing overwrites them (per-evaluation handles start at `base`).
    for (let h = 2; h < this.base && h < SCALAR_SLOTS; h++) this.shadow(h, this.values[h] as Value);
  }

  /** The scalar shadow (manifest.ts SCALAR_*): handle h's number kind and value, for generated code to unbox with loads. */
  private tags = new Uint8Array(0);
  private ints = new BigInt64Array(0);
  private doubles = new Float64Array(0);

  private shadow(h: number, v: Value): void {
    const tag = (this.tags[h] = numberTag(v));
    if (tag === TAG_DOUBLE) this.doubles[h] = v as number;
    else if (tag) this.ints[h] = numberBits(v);
  }

  /** The number behind handle h, for generated code whose handle is above the shadow (or, if the checker was wrong, of another kind). */
  private unbox(h: number, tag: number): bigint | number {
    const v = this.get(h);
    if (numberTag(v) === tag) return tag === TAG_DOUBLE ? (v as number) : numberBits(v);
    throw new Abort("internal", `the checker typed a ${typeName(v)} value as a number (this is a bug)`);
  }

  /** Starts the fuel count of one policy evaluation. */
  startFuel(budget: number): void {
    this.budget = budget;
    const f = this.fuel;
    f[FUEL_USED / 8] = 0;
    f[FUEL_BUDGET / 8] = budget;
    f[FUEL_NEXT_TICK / 8] = CLOCK_INTERVAL;
    this.cells[RULE] = -1;
  }

  get fuelUsed(): number {
    return this.fuel[FUEL_USED / 8]!;
  }

  /** The index of the rule being evaluated, or -1. */
  get currentRule(): number {
    return this.cells[RULE]!;
  }

  /**
   * The i32 cells of the module's memory (docs/design/wasm-abi.md): the
   * table's live end (slots at and above it are free; stale values are
   * overwritten, not cleared), the floor below which `release` never goes
   * (lets, kept errors), the last range's length, second binding and
   * RANGE_DIRECT flag, and the current rule.
   */
  private cells = new Int32Array(9);
  /** Handles the table may hold per evaluation before it counts as over the memory limit. */
  private readonly maxValues: number;

  reset(progress: Progress): void {
    // Emptying an empty array still costs; most evaluations leave both empty.
    if (this.args.length > 0) this.args.length = 0;
    if (this.firings.length > 0) this.firings.length = 0;
    this.progress = progress;
    // `now` lives in the first slot after the constants, below the floor, so the
    // policies of one evaluation (which share the instant) put it once.
    const now = this.base;
    if (this.values[now] !== progress.now) {
      this.values[now] = progress.now;
      if (now < SCALAR_SLOTS) this.shadow(now, progress.now);
    }
    this.context.now = progress.now;
    const cells = this.cells;
    cells[TOP] = cells[FLOOR] = now + 1;
  }

  put(v: Value): number {
    if (v === true) return 1;
    if (v === false) return 0;
    const cells = this.cells;
    const h = cells[TOP]!;
    if (h >= this.maxValues) throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded`);
    this.values[h] = v;
    if (h < SCALAR_SLOTS) this.shadow(h, v);
    cells[TOP] = h + 1;
    return v instanceof Err ? -h : h;
  }

  get(h: number): Value {
    return this.values[h < 0 ? -h : h] as Value;
  }

  /** The last output's value (internal: the conformance suite reads values, not JSON). */
  lastOutput: Value = null;

  /** The budget of the running evaluation (also in the module's `budget` global). */
  budget = 0;

  charge(units: number): void {
    if (units === 0 || !this.metered) return;
    const f = this.fuel;
    const used = f[FUEL_USED / 8]! + units;
    f[FUEL_USED / 8] = used;
    if (used > this.budget) this.outOfFuel();
    if (used >= f[FUEL_NEXT_TICK / 8]!) this.tick();
  }

  outOfFuel(): never {
    throw new Abort("fuel_exhausted", `fuel budget of ${this.budget} units exhausted`);
  }

  tick(): void {
    const used = this.fuel[FUEL_USED / 8]!;
    this.fuel[FUEL_NEXT_TICK / 8] = (Math.floor(used / CLOCK_INTERVAL) + 1) * CLOCK_INTERVAL;
    this.checkDeadline();
  }

  checkDeadline(): void {
    if (this.clock() > this.deadline) throw new Abort("timeout", `evaluation passed its deadline of ${this.timeoutMs} ms`);
  }

  /**
   * Size terms of strings already seen: the same ids and endpoints are
   * library arguments again and again. Long strings are measured each time
   * (the cache would keep them alive).
   */
  private readonly knownStringFuel = memoizeString((s) => bytesFuel(utf8Length(s)), 4096);

  private stringFuel(s: string): number {
    return s.length > 256 ? bytesFuel(utf8Length(s)) : this.knownStringFuel(s);
  }

  private sizeFuel(v: Value): number {
    if (typeof v === "string") return this.stringFuel(v);
    if (v instanceof Uint8Array) return bytesFuel(v.length);
    if (v instanceof List || v instanceof CMap) return elementsFuel(v.size);
    return 0;
  }

  /** A library call site: choose the overload, charge the size terms around it (compiler/fuel.ts). */
  private call(site: number, args: Value[]): number {
    const s = this.manifest.sites[site]!;
    const chosen = s.trusted ? 0 : dispatch(s, args);
    if (chosen < 0) return this.put(new Err(`no such overload: ${s.fn}(${args.map(typeName).join(", ")})`));
    const impl = this.siteImpls[site]![chosen];
    if (!impl) return this.put(new Err(`overload '${s.ids[chosen]}' is not implemented`));
    let argFuel = 0;
    for (const a of args) argFuel += this.sizeFuel(a);
    this.charge(argFuel);
    if (this.siteWork[site]![chosen]) this.charge(workFuel(s.ids[chosen]!, args, CONTAINERS, this.regexSize));
    const result = impl(args, this.context);
    // Bools first: predicates are most library calls, and they have no size.
    if (typeof result === "boolean") return result ? 1 : 0;
    if (typeof result === "string" || result instanceof Uint8Array) {
      const bytes = typeof result === "string" ? utf8Length(result) : result.length;
      if (bytes > this.memoryLimitBytes) {
        throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded by a value of ${bytes} bytes`);
      }
      this.charge(bytesFuel(bytes));
    } else if (!(result instanceof Err)) {
      this.charge(this.sizeFuel(result));
    }
    return this.put(result);
  }

  private err(message: string): number {
    return this.put(new Err(message));
  }

  /** The container's own handle, or the error's. */
  private orError(problem: Err | null, container: number): number {
    return problem === null ? container : this.put(problem);
  }

  /**
   * Snapshots a range at handle r and, unless a binding is a bool, puts
   * every binding right after it (RANGE_DIRECT): one host call per loop
   * instead of one per iteration.
   */
  private range(source: number, forName: number, pairs: number): number {
    const v = this.get(source);
    let range: Range;
    if (v instanceof List) range = { list: v.items, keys: [], map: null, length: v.items.length };
    else if (v instanceof CMap) {
      const keys = sortedKeys(v);
      range = { list: null, keys, map: v, length: keys.length };
    }
    else if (forName >= 0) return this.err(`for ${this.get(forName) as string} in ...: cannot iterate over ${typeName(v)}`);
    else return this.err(`expression of type '${typeName(v)}' cannot be the range of a comprehension`);
    const cells = this.cells;
    const h = cells[TOP]!;
    const n = range.length;
    if (h + 1 + (pairs ? 2 * n : n) >= this.maxValues) throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded`);
    const values = this.values;
    values[h] = range;
    cells[RANGE_LEN] = n;
    let k = h + 1;
    let direct = 1;
    const { list, keys, map } = range;
    for (let i = 0; i < n && direct; i++) {
      const first = list ? (pairs ? BigInt(i) : list[i]!) : keys[i]!;
      const second = pairs ? (list ? list[i]! : map!.get(keys[i] as Key)!) : null;
      if (typeof first === "boolean" || typeof second === "boolean") direct = 0;
      if (k < SCALAR_SLOTS) this.shadow(k, first);
      values[k++] = first;
      if (pairs) {
        if (k < SCALAR_SLOTS) this.shadow(k, second);
        values[k++] = second;
      }
    }
    cells[RANGE_DIRECT_CELL] = direct;
    cells[TOP] = direct ? k : h + 1;
    return h;
  }

  private rangeAt(r: number): Range {
    return this.values[r] as Range;
  }

  private notBool(h: number, message: (t: string) => string): number {
    const v = this.get(h);
    return v instanceof Err ? h : this.err(message(typeName(v)));
  }

  private expired(rule: number): number {
    const text = this.progress.policy.rules[rule]!.expires!;
    const at = this.timeParsers.timestamp(text);
    if (at === null) return this.err(`invalid expires timestamp ${JSON.stringify(text)}`);
    return this.progress.now.nanos >= at ? 1 : 0;
  }

  /** A rule's firings are kept aside until the rule ends (normally or by a CEL error), as the interpreter reports them. */
  private readonly firings: string[] = [];

  private ruleEnd(rule: number): void {
    const r = this.progress.policy.rules[rule]!;
    if (this.firings.length === 0) return;
    const hits = this.firings.splice(0).map((message) => ({ rule: r.name, message }));
    if (r.kind === "deny") this.progress.violations.push(...hits);
    else if (r.kind === "warn") this.progress.warnings.push(...hits);
    else this.progress.grants += hits.length;
  }

  imports(): Record<string, (...a: number[]) => number | void> {
    const p = () => this.progress;
    // The regex helpers ask the host for Unicode data; a helper may have grown the memory first.
    const helperBytes = () => {
      const memory = this.helpers!.memory;
      memory.settle();
      return memory.bytes;
    };
    const box = (v: number) => this.put(v);
    return {
      ...(regexImports(helperBytes) as Record<string, (...a: number[]) => number>),
      out_of_fuel: () => this.outOfFuel(),
      tick: () => this.tick(),
      now: () => this.base,
      pin: (h) => {
        const cells = this.cells;
        cells[FLOOR] = Math.max(cells[FLOOR]!, cells[TOP]!);
        return h;
      },
      select: (h, name, optional) => this.put(selectField(this.get(h), this.get(name) as string, optional === 1)),
      has: (h, name) => {
        const found = hasField(this.get(h), this.get(name) as string);
        return found instanceof Err ? this.put(found) : found ? 1 : 0;
      },
      index: (a, b, optional) => this.put(indexValue(this.get(a), this.get(b), optional === 1)),
      arg: (h) => void this.args.push(this.get(h)),
      call: (site) => {
        const argc = this.manifest.sites[site]!.argc;
        return this.call(site, this.args.splice(this.args.length - argc, argc));
      },
      call1: (site, a) => this.call(site, [this.get(a)]),
      call2: (site, a, b) => this.call(site, [this.get(a), this.get(b)]),
      list_new: () => this.put(new List([])),
      list_add: (l, h, optional) => this.orError(appendItem(this.get(l) as List, this.get(h), optional === 1), l),
      map_new: () => this.put(new CMap()),
      map_add: (m, k, v, optional) => this.orError(addEntry(this.get(m) as CMap, this.get(k), this.get(v), optional === 1), m),
      map_put: (m, k, v) => void (this.get(m) as CMap).set(asKey(this.get(k))!, this.get(v)),
      map_merge: (m, v) => this.orError(mergeEntries(this.get(m) as CMap, this.get(v)), m),
      range: (h, name, pairs) => this.range(h, name, pairs),
      range_pair: (r, i) => {
        const range = this.rangeAt(r);
        const first = this.put(range.list ? BigInt(i) : range.keys[i]!);
        this.cells[RANGE_SECOND_CELL] = this.put(range.list ? range.list[i]! : range.map!.get(range.keys[i] as Key)!);
        return first;
      },
      range_one: (r, i) => {
        const range = this.rangeAt(r);
        return this.put(range.list ? range.list[i]! : range.keys[i]!);
      },
      pred_error: (h) => this.notBool(h, (t) => `no such overload: predicate returned ${t}, not bool`),
      logic_error: (h, and) => this.notBool(h, (t) => `no such overload: ${and ? "_&&_" : "_||_"} applied to ${t}`),
      cond_error: (h) => this.notBool(h, (t) => `no such overload: _?_:_ applied to ${t}`),
      clause_error: (h, name) => this.notBool(h, (t) => `${this.get(name) as string} must be a bool, got ${t}`),
      opt_check: (h, name) => {
        const v = this.get(h);
        if (!(v instanceof Optional)) return this.err(`${this.get(name) as string} needs an optional, got ${typeName(v)}`);
        return v.value === undefined ? 0 : 1;
      },
      opt_value: (h) => this.put((this.get(h) as Optional).value!),
      opt_wrap: (h) => this.put(new Optional(this.get(h))),
      opt_flat: (h) => {
        const v = this.get(h);
        return v instanceof Optional ? h : this.err(`optFlatMap body must return an optional, got ${typeName(v)}`);
      },
      concat: (n) => this.put(this.args.splice(this.args.length - n, n).join("")),
      fire: (_rule, msg) => void this.firings.push(this.get(msg) as string),
      rule_end: (rule) => this.ruleEnd(rule),
      rule_error: (rule, e) => {
        this.ruleEnd(rule);
        const r = p().policy.rules[rule]!;
        const message = (this.get(e) as Err).message;
        if (r.kind === "warn") p().warnings.push({ rule: r.name, message: `evaluation error: ${message}` });
        else p().error = { code: "eval_error", message, rule: r.name };
      },
      output: (o, h) => {
        this.lastOutput = this.get(h);
        p().outputs[p().policy.outputs[o]!] = toJson(this.lastOutput);
      },
      output_error: (o, e) => {
        p().error = { code: "eval_error", message: `output ${p().policy.outputs[o]!}: ${(this.get(e) as Err).message}` };
      },
      expired: (rule) => this.expired(rule),
      // i64 arrives as a bigint, f64 as a number: the same function boxes both.
      box_int: box,
      box_uint: (v) => this.put(new Uint(BigInt.asUintN(64, v as unknown as bigint))),
      box_double: box,
      unbox_i64: (h, tag) => this.unbox(h, tag) as unknown as number,
      unbox_double: (h) => this.unbox(h, TAG_DOUBLE) as number,
      box_duration: (v) => this.put(new Duration(v as unknown as bigint)),
      check: (h, index) => {
        const c = this.manifest.checks[index]!;
        const v = this.get(h);
        if (fits(v, c.type, true)) return h;
        return this.err(c.param === null ? resultMismatch(c.fn, c.expected, typeName(v)) : argumentMismatch(c.fn, c.param, c.expected, typeName(v)));
      },
    };
  }
}
