/**
 * What the pack's request readers (`./request-messages.ts`, `./configure-messages.ts`) share: the bytes each
 * decoded message keeps for the methods the generated class answers, the Struct stand-in, a map as
 * google-protobuf's `jspb.Map` hands it out, and the field helpers (a singular field sent twice, a wire type
 * that does not match, raise NotDecodable so the generated deserializer reads the request instead).
 */
import { readStruct, type PlainValue } from "./struct-decoding";
import { NotDecodable, WIRE, WireReader } from "./wire-reader";

/** A generated message class: decodes bytes and has the prototype whose methods are filled in. */
export interface GeneratedClass {
  deserializeBinary(bytes: Uint8Array): object;
  prototype: object;
}

/** The generated classes the decoded messages stand in for (`@pulumi/pulumi/proto/analyzer_pb` + Struct). */
export interface GeneratedClasses {
  AnalyzeRequest: GeneratedClass;
  AnalyzeStackRequest: GeneratedClass;
  AnalyzerResource: GeneratedClass;
  AnalyzerResourceOptions: GeneratedClass & { CustomTimeouts: GeneratedClass };
  AnalyzerProviderResource: GeneratedClass;
  AnalyzerPropertyDependencies: GeneratedClass;
  ConfigureAnalyzerRequest: GeneratedClass;
  PolicyConfig: GeneratedClass;
  Struct: GeneratedClass;
}

/** Bytes of one decoded message, for methods answered by the generated class. */
export abstract class Decoded {
  constructor(
    protected readonly wire: Buffer,
    protected readonly start: number,
    protected readonly end: number,
  ) {}

  /** The generated message for the same bytes (built on first use). */
  generated(generatedClass: GeneratedClass): object {
    const self = this as unknown as { materialized?: object };
    self.materialized ??= generatedClass.deserializeBinary(this.wire.subarray(this.start, this.end));
    return self.materialized;
  }
}

/** The singular fields of one message read so far (field numbers below 31, one bit each). */
export interface SeenFields {
  bits: number;
}

/** Tracks singular fields so a second occurrence hands the request to google-protobuf. */
export function once(seen: SeenFields, field: number): void {
  const bit = 1 << field;
  if (field > 30 || (seen.bits & bit) !== 0) {
    throw new NotDecodable(`field ${field} sent twice`);
  }
  seen.bits |= bit;
}

/** A Struct: `toJavaScript` gives a fresh plain object each call, as the generated one does. */
export class DecodedStruct extends Decoded {
  private first: { [key: string]: PlainValue } | undefined;

  constructor(wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    this.first = readStruct(new WireReader(wire, start, end));
  }

  toJavaScript(): { [key: string]: PlainValue } {
    const value = this.first ?? readStruct(new WireReader(this.wire, this.start, this.end));
    this.first = undefined;
    return value;
  }
}

export function struct(reader: WireReader, wireType: number): DecodedStruct {
  reader.expect(wireType, WIRE.lengthDelimited);
  const { start, end } = reader.span();
  return new DecodedStruct(reader.buffer, start, end);
}

export function stringField(reader: WireReader, wireType: number): string {
  reader.expect(wireType, WIRE.lengthDelimited);
  return reader.string();
}

export function sub(reader: WireReader, wireType: number): WireReader {
  reader.expect(wireType, WIRE.lengthDelimited);
  return reader.message();
}

/** The byte range a sub-reader spans (it has not read anything yet). */
export function bounds(reader: WireReader): [number, number] {
  return [reader.offset, reader.end];
}

/** A read-only map as google-protobuf's `jspb.Map` hands out entries: sorted by key, later keys winning. */
export class DecodedMap<V> {
  private readonly sorted: [string, V][];

  constructor(private readonly byKey: Map<string, V>) {
    this.sorted = [...byKey.keys()].sort().map((key) => [key, byKey.get(key)!]);
  }

  entries(): IterableIterator<[string, V]> {
    return this.sorted.map((entry) => [entry[0], entry[1]] as [string, V])[Symbol.iterator]();
  }
  keys(): IterableIterator<string> {
    return this.sorted.map((entry) => entry[0])[Symbol.iterator]();
  }
  forEach(callback: (value: V, key: string) => void): void {
    for (const [key, value] of this.sorted) {
      callback(value, key);
    }
  }
  get(key: string): V | undefined {
    return this.byKey.get(key);
  }
  has(key: string): boolean {
    return this.byKey.has(key);
  }
  getLength(): number {
    return this.sorted.length;
  }
}

/** Reads map entries (key field 1, message value field 2); an entry without a value is left to the SDK. */
export function readMapEntries<V>(
  reader: WireReader,
  entries: Map<string, V>,
  value: (inner: WireReader) => V,
): void {
  let key = "";
  let entryValue: V | undefined;
  const seen = { bits: 0 };
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1) {
      once(seen, field);
      key = stringField(reader, wireType);
    } else if (field === 2) {
      once(seen, field);
      entryValue = value(sub(reader, wireType));
    } else {
      reader.skip(wireType);
    }
  }
  if (entryValue === undefined || key === "__proto__") {
    throw new NotDecodable("a map entry without a value, or the key __proto__");
  }
  entries.set(key, entryValue);
}
