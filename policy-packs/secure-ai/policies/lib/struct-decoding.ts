/**
 * `google.protobuf.Struct` read straight from wire bytes into the plain value google-protobuf's
 * `Struct.deserializeBinary(bytes).toJavaScript()` returns, without building a `Value` message per node.
 *
 * Same result, including the order of keys: google-protobuf's map hands its entries out sorted by key
 * (a later entry of the same key replacing the earlier), and `toJavaScript` assigns them in that order.
 * What google-protobuf would read differently, or fail on later, raises {@link NotDecodable}: a value
 * with no kind (its `toJavaScript` throws), a map entry without a value, the key `__proto__` (its map
 * keeps entries as properties of a plain object), a field repeated inside a map entry.
 */
import { NotDecodable, WIRE, type WireReader } from "./wire-reader";

/** A JSON-like value as `toJavaScript` returns it. */
export type PlainValue = null | number | string | boolean | PlainValue[] | { [key: string]: PlainValue };

/** Reads a Struct's fields (the reader spans the Struct's bytes). */
export function readStruct(reader: WireReader): { [key: string]: PlainValue } {
  const entries = new Map<string, PlainValue>();
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field !== 1) {
      reader.skip(wireType);
      continue;
    }
    reader.expect(wireType, WIRE.lengthDelimited);
    const [key, value] = readEntry(reader.message());
    entries.set(key, value);
  }
  const keys = [...entries.keys()].sort();
  const result: { [key: string]: PlainValue } = {};
  for (const key of keys) {
    result[key] = entries.get(key)!;
  }
  return result;
}

/** One `fields` map entry: key (field 1) and Value (field 2). */
function readEntry(reader: WireReader): [string, PlainValue] {
  let key = "";
  let value: PlainValue | undefined;
  let seenKey = false;
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1) {
      reader.expect(wireType, WIRE.lengthDelimited);
      if (seenKey) {
        throw new NotDecodable("map entry with two keys");
      }
      seenKey = true;
      key = reader.string();
    } else if (field === 2) {
      reader.expect(wireType, WIRE.lengthDelimited);
      if (value !== undefined) {
        throw new NotDecodable("map entry with two values");
      }
      value = readValue(reader.message());
    } else {
      reader.skip(wireType);
    }
  }
  if (value === undefined) {
    throw new NotDecodable("map entry without a value");
  }
  if (key === "__proto__") {
    throw new NotDecodable("the key __proto__");
  }
  return [key, value];
}

/** A `Value`: the last kind field read decides, as google-protobuf's oneof setters do. */
export function readValue(reader: WireReader): PlainValue {
  let value: PlainValue | undefined;
  let hasKind = false;
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    switch (field) {
      case 1:
        reader.expect(wireType, WIRE.varint);
        reader.enumValue();
        value = null;
        break;
      case 2:
        reader.expect(wireType, WIRE.fixed64);
        value = reader.double();
        break;
      case 3:
        reader.expect(wireType, WIRE.lengthDelimited);
        value = reader.string();
        break;
      case 4:
        reader.expect(wireType, WIRE.varint);
        value = reader.bool();
        break;
      case 5:
        reader.expect(wireType, WIRE.lengthDelimited);
        value = readStruct(reader.message());
        break;
      case 6:
        reader.expect(wireType, WIRE.lengthDelimited);
        value = readList(reader.message());
        break;
      default:
        reader.skip(wireType);
        continue;
    }
    hasKind = true;
  }
  if (!hasKind) {
    throw new NotDecodable("a Value with no kind");
  }
  return value!;
}

/** A `ListValue`: its repeated `values` (field 1). */
function readList(reader: WireReader): PlainValue[] {
  const values: PlainValue[] = [];
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field !== 1) {
      reader.skip(wireType);
      continue;
    }
    reader.expect(wireType, WIRE.lengthDelimited);
    values.push(readValue(reader.message()));
  }
  return values;
}
