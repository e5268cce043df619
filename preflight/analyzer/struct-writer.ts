/**
 * A minimal protobuf wire writer for the requests the client writes itself (see `configure-encoding.ts`),
 * with `google.protobuf.Struct` values written from the JSON values `wire-values.ts` produces.
 *
 * It writes exactly what google-protobuf's generated `serializeBinary` writes after `Struct.fromJavaScript`
 * for the same value (proved byte for byte in tests/preflight/analyzer/struct-writer.test.ts): map entries
 * (Struct fields) in the order of JavaScript's default `sort()` of their keys, as `jspb.Map` writes them;
 * lengths as minimal varints; strings as UTF-8; doubles as IEEE 754 little-endian, with NaN as the one bit
 * pattern google-protobuf writes for every NaN; `null` as `NULL_VALUE`. Input it does not reproduce exactly
 * raises {@link NotEncodable}, so callers fall back to google-protobuf: strings that are not well-formed
 * UTF-16 (its UTF-8 writer drops or mangles lone surrogates differently from Node's), the key `__proto__`
 * (which `jspb.Map` loses), objects that are not plain, and values `Struct.fromJavaScript` rejects.
 */
import { type WireValue } from "./wire-values";

/** A UTF-16 code unit of a surrogate pair standing alone. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The bytes google-protobuf writes for any NaN double (`jspb.utils.splitFloat64`: high 0x7fffffff, low 0xffffffff). */
const NAN_BYTES = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/** Raised when the input is outside what this writer reproduces; the caller then uses google-protobuf. */
export class NotEncodable extends Error {
  override readonly name = "NotEncodable";
}

/**
 * Writes one message into one growing buffer. A sub-message is opened with {@link begin}, which leaves one
 * byte for its length, and closed with {@link end}, which fills the length in (moving the content along in
 * the rare case the length needs more than one byte), so nothing is encoded twice or copied per field.
 */
export class WireWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(initialBytes = 4096) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
  }

  /** An unsigned varint (no tag). */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new NotEncodable(`varint ${value}`);
    }
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  /** A varint field (enum, bool), written even when zero. */
  number(field: number, value: number): void {
    this.varint(field * 8 + VARINT);
    this.varint(value);
  }

  /** A string field, written even when empty. */
  string(field: number, value: string): void {
    if (LONE_SURROGATE.test(value)) {
      throw new NotEncodable("a string that is not well-formed UTF-16");
    }
    this.varint(field * 8 + LENGTH_DELIMITED);
    // At most 3 UTF-8 bytes per UTF-16 code unit; the length prefix goes in front once the size is known.
    const size = value.length < 0x80 / 3 ? undefined : Buffer.byteLength(value, "utf8");
    if (size !== undefined) {
      this.varint(size);
      this.reserve(size);
      this.length += this.buffer.write(value, this.length, size, "utf8");
      return;
    }
    this.reserve(1 + value.length * 3);
    const written = this.buffer.write(value, this.length + 1, "utf8");
    this.buffer[this.length] = written;
    this.length += 1 + written;
  }

  /** A double field (fixed64). */
  double(field: number, value: number): void {
    this.varint(field * 8 + FIXED64);
    this.reserve(8);
    if (Number.isNaN(value)) {
      NAN_BYTES.copy(this.buffer, this.length);
    } else {
      this.buffer.writeDoubleLE(value, this.length);
    }
    this.length += 8;
  }

  /** Opens a length-delimited sub-message as `field`; returns the bookmark to pass to {@link end}. */
  begin(field: number): number {
    this.varint(field * 8 + LENGTH_DELIMITED);
    this.reserve(1);
    this.length += 1;
    return this.length;
  }

  /** Closes the sub-message opened at `bookmark`, writing its length in front of it. */
  end(bookmark: number): void {
    const size = this.length - bookmark;
    if (size < 0x80) {
      this.buffer[bookmark - 1] = size;
      return;
    }
    let extra = 0;
    for (let rest = size; rest >= 0x80; rest = Math.floor(rest / 0x80)) {
      extra++;
    }
    this.reserve(extra);
    this.buffer.copy(this.buffer, bookmark + extra, bookmark, this.length);
    let offset = bookmark - 1;
    let rest = size;
    while (rest >= 0x80) {
      this.buffer[offset++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[offset] = rest;
    this.length += extra;
  }

  /** The message's bytes (a copy, so the writer's buffer is never handed out). */
  done(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

/** Whether `value` is an object `Struct.fromJavaScript` reads as a Struct and this writer reproduces. */
function isPlainObject(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Writes the fields of `Struct.fromJavaScript(object)` (field 1, `map<string, Value>`) into the message
 * being written: the keys a `for...in` loop visits, as `fromJavaScript` reads them, sorted as `jspb.Map`
 * sorts them.
 */
export function writeStructFields(writer: WireWriter, object: unknown): void {
  if (typeof object !== "object" || object === null || Array.isArray(object) || !isPlainObject(object)) {
    throw new NotEncodable("not a plain object");
  }
  const record = object as Record<string, unknown>;
  const keys: string[] = [];
  // for...in, not Object.keys: fromJavaScript also reads inherited enumerable properties.
  for (const key in record) {
    keys.push(key);
  }
  keys.sort();
  for (const key of keys) {
    if (key === "__proto__") {
      throw new NotEncodable("the key __proto__");
    }
    const entry = writer.begin(1);
    writer.string(1, key);
    const value = writer.begin(2);
    writeValue(writer, record[key]);
    writer.end(value);
    writer.end(entry);
  }
}

/** Writes the fields of `Value.fromJavaScript(value)` into the message being written. */
export function writeValue(writer: WireWriter, value: unknown): void {
  switch (typeof value) {
    case "string":
      writer.string(3, value);
      return;
    case "number":
      writer.double(2, value);
      return;
    case "boolean":
      writer.number(4, value ? 1 : 0);
      return;
    case "object":
      break;
    default:
      throw new NotEncodable(`a value of type ${typeof value}`);
  }
  if (value === null) {
    writer.number(1, 0);
  } else if (value instanceof Array) {
    const list = writer.begin(6);
    for (let index = 0; index < value.length; index++) {
      const element = writer.begin(1);
      writeValue(writer, (value as unknown[])[index]);
      writer.end(element);
    }
    writer.end(list);
  } else {
    const struct = writer.begin(5);
    writeStructFields(writer, value);
    writer.end(struct);
  }
}

/** `Struct.fromJavaScript(properties).serializeBinary()`, or {@link NotEncodable}. */
export function encodeStruct(properties: Record<string, WireValue>): Buffer {
  const writer = new WireWriter();
  writeStructFields(writer, properties);
  return writer.done();
}
