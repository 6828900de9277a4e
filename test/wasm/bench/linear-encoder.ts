// Design C of docs/design/input-abi.md, prototyped for measurement only:
// schema-directed encoding of the used parts of the input into a linear
// memory buffer, with strings interned in a table kept across evaluations
// (a repeated string is written once, then referred to by its id).
// Layout: tag byte, then i64 / f64 / u32 string id / u32 count + items.

import type { TypeDesc } from "../../../runtime/engine/type-desc.js";

export class LinearEncoder {
  private buffer = new ArrayBuffer(1 << 16);
  private view = new DataView(this.buffer);
  private at = 0;
  readonly strings = new Map<string, number>();
  readonly stringBytes: Uint8Array[] = [];
  private readonly utf8 = new TextEncoder();

  reset(): void {
    this.at = 0;
  }

  get size(): number {
    return this.at;
  }

  private room(n: number): void {
    if (this.at + n <= this.buffer.byteLength) return;
    const bigger = new ArrayBuffer(this.buffer.byteLength * 2);
    new Uint8Array(bigger).set(new Uint8Array(this.buffer));
    this.buffer = bigger;
    this.view = new DataView(bigger);
  }

  private intern(s: string): number {
    let id = this.strings.get(s);
    if (id === undefined) {
      id = this.stringBytes.length;
      this.stringBytes.push(this.utf8.encode(s));
      this.strings.set(s, id);
    }
    return id;
  }

  /** Returns false when the value does not fit (the real design would report the path, as convert.ts does). */
  encode(json: unknown, type: TypeDesc): boolean {
    this.room(16);
    if (typeof type === "string") {
      switch (type) {
        case "bool":
          if (typeof json !== "boolean") return false;
          this.view.setUint8(this.at++, json ? 1 : 0);
          return true;
        case "int":
          if (typeof json !== "number" || !Number.isInteger(json)) return false;
          this.view.setUint8(this.at++, 2);
          this.view.setBigInt64(this.at, BigInt(json), true);
          this.at += 8;
          return true;
        case "double":
          if (typeof json !== "number") return false;
          this.view.setUint8(this.at++, 3);
          this.view.setFloat64(this.at, json, true);
          this.at += 8;
          return true;
        case "string":
        case "duration":
        case "timestamp":
          if (typeof json !== "string") return false;
          this.view.setUint8(this.at++, 4);
          this.view.setUint32(this.at, this.intern(json), true);
          this.at += 4;
          return true;
        default:
          return this.dyn(json);
      }
    }
    switch (type[0]) {
      case "list": {
        if (!Array.isArray(json)) return false;
        this.view.setUint8(this.at++, 5);
        this.view.setUint32(this.at, json.length, true);
        this.at += 4;
        for (const item of json) if (!this.encode(item, type[1])) return false;
        return true;
      }
      case "map": {
        if (typeof json !== "object" || json === null) return false;
        const keys = Object.keys(json);
        this.view.setUint8(this.at++, 6);
        this.view.setUint32(this.at, keys.length, true);
        this.at += 4;
        for (const k of keys) {
          this.room(8);
          this.view.setUint32(this.at, this.intern(k), true);
          this.at += 4;
          if (!this.encode((json as Record<string, unknown>)[k], type[2])) return false;
        }
        return true;
      }
      case "rec": {
        if (typeof json !== "object" || json === null) return false;
        this.view.setUint8(this.at++, 7);
        for (const [name, optional, t] of type[2]) {
          const v = (json as Record<string, unknown>)[name];
          this.room(1);
          if (v === undefined || v === null) {
            if (!optional) return false;
            this.view.setUint8(this.at++, 0xff);
            continue;
          }
          if (!this.encode(v, t)) return false;
        }
        return true;
      }
      case "opt":
        return json === null || json === undefined ? (this.view.setUint8(this.at++, 0xfe), true) : this.encode(json, type[1]);
      default:
        return false;
    }
  }

  private dyn(json: unknown): boolean {
    if (typeof json === "boolean") return this.encode(json, "bool");
    if (typeof json === "number") return this.encode(json, "double");
    if (typeof json === "string") return this.encode(json, "string");
    if (Array.isArray(json)) return this.encode(json, ["list", "dyn"]);
    if (json === null) return (this.view.setUint8(this.at++, 8), true);
    return this.encode(json, ["map", "string", "dyn"]);
  }
}
