/**
 * A minimal protobuf wire reader for the requests the pack decodes itself (`./request-messages.ts`). It reads
 * what google-protobuf's generated `deserializeBinaryFromReader` reads for the same bytes, and raises
 * {@link NotDecodable} for anything it would not read the same way (a wire type that does not match the
 * field, a string that is not well-formed UTF-8, a varint too long for the field, a group, bytes cut
 * short), so that the caller hands the request to google-protobuf instead.
 */
import { isUtf8 } from "node:buffer";

/** Raised when the bytes are outside what this reader reproduces; the caller then uses google-protobuf. */
export class NotDecodable extends Error {}

/** Protobuf wire types used by the pack's requests. */
export const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

/** Reads fields from `buffer[start, end)`. */
export class WireReader {
  private position: number;

  constructor(
    readonly buffer: Buffer,
    start = 0,
    readonly end = buffer.length,
  ) {
    this.position = start;
  }

  /** Where the next field starts. */
  get offset(): number {
    return this.position;
  }

  /** Whether every field has been read. */
  get done(): boolean {
    return this.position >= this.end;
  }

  /** An unsigned varint up to 2^53 (longer or larger ones are not decodable here). */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let count = 0; count < 8; count += 1) {
      if (this.position >= this.end) {
        throw new NotDecodable("varint cut short");
      }
      const byte = this.buffer[this.position++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        return value;
      }
      scale *= 0x80;
    }
    throw new NotDecodable("varint longer than 8 bytes");
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wireType: number } {
    const tag = this.varint();
    return { field: Math.floor(tag / 8), wireType: tag % 8 };
  }

  /** A `bool` field as google-protobuf reads it (any non-zero 32-bit value is true). */
  bool(): boolean {
    const value = this.varint();
    if (value > 0xffffffff) {
      throw new NotDecodable("bool wider than 32 bits");
    }
    return value !== 0;
  }

  /** A non-negative `int32` enum value (negative ones are left to google-protobuf). */
  enumValue(): number {
    const value = this.varint();
    if (value > 0x7fffffff) {
      throw new NotDecodable("enum value outside int32");
    }
    return value;
  }

  /** A `double` field. */
  double(): number {
    if (this.position + 8 > this.end) {
      throw new NotDecodable("double cut short");
    }
    const value = this.buffer.readDoubleLE(this.position);
    this.position += 8;
    return value;
  }

  /** The bounds of a length-delimited field's contents; the reader moves past them. */
  span(): { start: number; end: number } {
    const length = this.varint();
    const start = this.position;
    const end = start + length;
    if (end > this.end) {
      throw new NotDecodable("length-delimited field cut short");
    }
    this.position = end;
    return { start, end };
  }

  /** A `string` field (well-formed UTF-8 only). */
  string(): string {
    const { start, end } = this.span();
    if (end - start === 0) {
      return "";
    }
    const buffer = this.buffer;
    let ascii = true;
    for (let index = start; index < end; index += 1) {
      if (buffer[index]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return buffer.toString("latin1", start, end);
    }
    if (!isUtf8(buffer.subarray(start, end))) {
      throw new NotDecodable("string that is not well-formed UTF-8");
    }
    return buffer.toString("utf8", start, end);
  }

  /** A reader over a length-delimited field's contents. */
  message(): WireReader {
    const { start, end } = this.span();
    return new WireReader(this.buffer, start, end);
  }

  /** Skips a field google-protobuf does not know, as its `skipField` does. */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.fixed64:
        this.advance(8);
        return;
      case WIRE.lengthDelimited:
        this.span();
        return;
      case WIRE.fixed32:
        this.advance(4);
        return;
      default:
        throw new NotDecodable(`wire type ${wireType}`);
    }
  }

  /** Fails unless the field has the wire type its declaration gives it. */
  expect(wireType: number, expected: number): void {
    if (wireType !== expected) {
      throw new NotDecodable(`wire type ${wireType} where ${expected} is declared`);
    }
  }

  private advance(bytes: number): void {
    if (this.position + bytes > this.end) {
      throw new NotDecodable("fixed-width field cut short");
    }
    this.position += bytes;
  }
}
