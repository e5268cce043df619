/**
 * A minimal protobuf wire writer for the few messages the pack writes itself (`./analyzer-info-encoding.ts`,
 * `./not-applicable-encoding.ts`). It writes what google-protobuf's generated `serializeBinaryToWriter`
 * writes for the same calls: fields in the order they are added, strings as UTF-8, varints unsigned;
 * callers add fields in field-number order and leave out proto3 defaults where the generated code does.
 * Input it cannot reproduce exactly raises {@link NotEncodable}, so callers fall back to google-protobuf.
 */

/** A UTF-16 code unit of a surrogate pair standing alone. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Raised when the input is outside what this writer reproduces; the caller then uses google-protobuf. */
export class NotEncodable extends Error {}

/** Collects one message's fields into one growing buffer (no allocation per field). */
export class MessageWriter {
  private buffer = Buffer.allocUnsafe(256);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
  }

  private varint(value: number): void {
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

  /** A length-delimited field (string or sub-message bytes), written even when empty. */
  bytes(field: number, value: Uint8Array): this {
    this.varint(field * 8 + 2);
    this.varint(value.length);
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
    return this;
  }

  /** A string field, written even when empty (repeated strings, map keys, oneof members). */
  string(field: number, value: string): this {
    if (typeof value !== "string" || LONE_SURROGATE.test(value)) {
      // google-protobuf's UTF-8 writer and Buffer's may differ on these: leave them to the SDK.
      throw new NotEncodable("a string that is not well-formed UTF-16");
    }
    const size = Buffer.byteLength(value, "utf8");
    this.varint(field * 8 + 2);
    this.varint(size);
    this.reserve(size);
    this.length += this.buffer.write(value, this.length, size, "utf8");
    return this;
  }

  /** A proto3 string field: left out when empty. */
  optionalString(field: number, value: string | undefined): this {
    return value ? this.string(field, value) : this;
  }

  /** A varint field (enum, bool), written even when zero. */
  number(field: number, value: number): this {
    this.varint(field * 8);
    this.varint(value);
    return this;
  }

  /** A proto3 enum or bool field: left out when zero. */
  optionalNumber(field: number, value: number): this {
    return value === 0 ? this : this.number(field, value);
  }

  double(field: number, value: number): this {
    this.varint(field * 8 + 1);
    this.reserve(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
    return this;
  }

  /** The message's bytes (a copy: the writer's buffer is not handed out). */
  done(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}
