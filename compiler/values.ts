// CEL values as the reference interpreter (and the conformance runner, and
// const folding) represent them in JavaScript. The representation is chosen
// for exactness, not speed: the interpreter is the semantic oracle.
//
//   null_type  -> null
//   bool       -> boolean
//   int        -> bigint (always within int64; operations check overflow)
//   uint       -> CelUint (bigint within uint64)
//   double     -> number
//   string     -> string (JS UTF-16; code-point semantics are the library's job)
//   bytes      -> Uint8Array
//   list       -> CelList (readonly array)
//   map        -> CelMap (insertion order kept; iteration sorts keys, see spec 5)
//   timestamp  -> CelTimestamp (nanoseconds since the Unix epoch, bigint)
//   duration   -> CelDuration (nanoseconds, bigint)
//   optional   -> CelOptional
//   type       -> CelTypeValue
//   error      -> CelError (errors are values until a rule or output sees them)

export class CelUint {
  constructor(readonly value: bigint) {}
}

export class CelTimestamp {
  constructor(readonly nanos: bigint) {}
}

export class CelDuration {
  constructor(readonly nanos: bigint) {}
}

export class CelOptional {
  /** `undefined` means `optional.none()`. */
  constructor(readonly value: CelValue | undefined) {}
  get hasValue(): boolean {
    return this.value !== undefined;
  }
}

export class CelTypeValue {
  /** CEL's type name: "int", "list", "map", "google.protobuf.Timestamp", "type", ... */
  constructor(readonly name: string) {}
}

export class CelError {
  constructor(readonly message: string) {}
}

export class CelList {
  constructor(readonly items: readonly CelValue[]) {}
  get size(): number {
    return this.items.length;
  }
}

/** A map key: only these CEL types may be keys. */
export type CelKey = boolean | bigint | CelUint | string;

/**
 * Maps keep entries keyed by a canonical string (type tag + value) so that
 * `1` and `1u` are different keys, as in CEL, while lookups stay O(1).
 * Cross-type numeric lookups (`m[1.0]` finding key `1`) are the
 * interpreter's job: it tries the equal keys of the other numeric types.
 */
export class CelMap {
  private readonly byKey = new Map<string, { key: CelKey; value: CelValue }>();

  static keyId(key: CelKey): string {
    if (typeof key === "string") return "s" + key;
    if (typeof key === "bigint") return "i" + key.toString();
    if (typeof key === "boolean") return key ? "bt" : "bf";
    return "u" + key.value.toString();
  }

  get size(): number {
    return this.byKey.size;
  }

  has(key: CelKey): boolean {
    return this.byKey.has(CelMap.keyId(key));
  }

  get(key: CelKey): CelValue | undefined {
    return this.byKey.get(CelMap.keyId(key))?.value;
  }

  /** Returns false when the key was already present (CEL map literals reject duplicates). */
  set(key: CelKey, value: CelValue): boolean {
    const id = CelMap.keyId(key);
    const fresh = !this.byKey.has(id);
    this.byKey.set(id, { key, value });
    return fresh;
  }

  /** Entries in insertion order. */
  entries(): IterableIterator<{ key: CelKey; value: CelValue }> {
    return this.byKey.values();
  }
}

export type CelValue =
  | null
  | boolean
  | bigint
  | CelUint
  | number
  | string
  | Uint8Array
  | CelList
  | CelMap
  | CelTimestamp
  | CelDuration
  | CelOptional
  | CelTypeValue
  | CelError;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

export function isError(v: CelValue): v is CelError {
  return v instanceof CelError;
}
