/**
 * The pack's incoming Analyze, AnalyzeStack, Remediate and Configure requests, read straight from wire bytes.
 *
 * grpc-js hands each request's bytes to the method's `requestDeserialize`; the generated one builds a
 * google-protobuf message and, for the resource's properties, one `Value` message per JSON node, which the
 * SDK then turns back into plain values (`Struct.toJavaScript`). For a stack of a thousand resources that
 * costs more than the policies themselves. These readers produce objects with the generated classes'
 * getters (the ones `@pulumi/policy` and this pack call return what the generated ones return, `toJavaScript`
 * included); any other method decodes the same bytes with the generated class and asks it, so nothing is
 * missing if a later SDK calls more. Fields google-protobuf skips are skipped; bytes it would read
 * differently (see `./wire-reader.ts`, `./struct-decoding.ts`), or a singular field sent twice, make
 * {@link decodingWith} hand the request to the generated deserializer unchanged.
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
abstract class Decoded {
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

/** Tracks singular fields so a second occurrence hands the request to google-protobuf. */
function once(seen: Set<number>, field: number): void {
  if (seen.has(field)) {
    throw new NotDecodable(`field ${field} sent twice`);
  }
  seen.add(field);
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

function struct(reader: WireReader, wireType: number): DecodedStruct {
  reader.expect(wireType, WIRE.lengthDelimited);
  const { start, end } = reader.span();
  return new DecodedStruct(reader.buffer, start, end);
}

function stringField(reader: WireReader, wireType: number): string {
  reader.expect(wireType, WIRE.lengthDelimited);
  return reader.string();
}

function sub(reader: WireReader, wireType: number): WireReader {
  reader.expect(wireType, WIRE.lengthDelimited);
  return reader.message();
}

/** `AnalyzerResourceOptions.CustomTimeouts`. */
export class DecodedCustomTimeouts extends Decoded {
  private create = 0;
  private update = 0;
  private remove = 0;
  private read = 0;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field >= 1 && field <= 4) {
        once(seen, field);
        reader.expect(wireType, WIRE.fixed64);
        const value = reader.double();
        if (field === 1) this.create = value;
        else if (field === 2) this.update = value;
        else if (field === 3) this.remove = value;
        else this.read = value;
      } else {
        reader.skip(wireType);
      }
    }
  }

  getCreate(): number {
    return this.create;
  }
  getUpdate(): number {
    return this.update;
  }
  getDelete(): number {
    return this.remove;
  }
  getRead(): number {
    return this.read;
  }
}

/** `AnalyzerResourceOptions`. */
export class DecodedOptions extends Decoded {
  private protect = false;
  private ignoreChanges: string[] = [];
  private deleteBeforeReplace = false;
  private deleteBeforeReplaceDefined = false;
  private additionalSecretOutputs: string[] = [];
  private aliases: string[] = [];
  private customTimeouts: DecodedCustomTimeouts | undefined;
  private parent = "";

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      switch (field) {
        case 1:
        case 3:
        case 4: {
          once(seen, field);
          reader.expect(wireType, WIRE.varint);
          const value = reader.bool();
          if (field === 1) this.protect = value;
          else if (field === 3) this.deleteBeforeReplace = value;
          else this.deleteBeforeReplaceDefined = value;
          break;
        }
        case 2:
          this.ignoreChanges.push(stringField(reader, wireType));
          break;
        case 5:
          this.additionalSecretOutputs.push(stringField(reader, wireType));
          break;
        case 6:
          this.aliases.push(stringField(reader, wireType));
          break;
        case 7: {
          once(seen, field);
          const inner = sub(reader, wireType);
          this.customTimeouts = new DecodedCustomTimeouts(inner, wire, ...bounds(inner));
          break;
        }
        case 8:
          once(seen, field);
          this.parent = stringField(reader, wireType);
          break;
        default:
          reader.skip(wireType);
      }
    }
  }

  getProtect(): boolean {
    return this.protect;
  }
  getIgnorechangesList(): string[] {
    return this.ignoreChanges;
  }
  getDeletebeforereplace(): boolean {
    return this.deleteBeforeReplace;
  }
  getDeletebeforereplacedefined(): boolean {
    return this.deleteBeforeReplaceDefined;
  }
  getAdditionalsecretoutputsList(): string[] {
    return this.additionalSecretOutputs;
  }
  getAliasesList(): string[] {
    return this.aliases;
  }
  getCustomtimeouts(): DecodedCustomTimeouts | undefined {
    return this.customTimeouts;
  }
  getParent(): string {
    return this.parent;
  }
}

/** The byte range a sub-reader spans (it has not read anything yet). */
function bounds(reader: WireReader): [number, number] {
  return [reader.offset, reader.end];
}

/** Fields 1-6, shared by AnalyzeRequest, AnalyzerResource and (1-4) AnalyzerProviderResource. */
abstract class DecodedResourceFields extends Decoded {
  protected type = "";
  protected properties: DecodedStruct | undefined;
  protected urn = "";
  protected name = "";
  protected options: DecodedOptions | undefined;
  protected provider: DecodedProvider | undefined;

  /** Reads one of fields 1-6; false for any other field. */
  protected readCommon(reader: WireReader, field: number, wireType: number, seen: Set<number>): boolean {
    switch (field) {
      case 1:
        once(seen, field);
        this.type = stringField(reader, wireType);
        return true;
      case 2:
        once(seen, field);
        this.properties = struct(reader, wireType);
        return true;
      case 3:
        once(seen, field);
        this.urn = stringField(reader, wireType);
        return true;
      case 4:
        once(seen, field);
        this.name = stringField(reader, wireType);
        return true;
      case 5: {
        once(seen, field);
        const inner = sub(reader, wireType);
        this.options = new DecodedOptions(inner, this.wire, ...bounds(inner));
        return true;
      }
      case 6: {
        once(seen, field);
        const inner = sub(reader, wireType);
        this.provider = new DecodedProvider(inner, this.wire, ...bounds(inner));
        return true;
      }
      default:
        return false;
    }
  }

  getType(): string {
    return this.type;
  }
  getProperties(): DecodedStruct | undefined {
    return this.properties;
  }
  getUrn(): string {
    return this.urn;
  }
  getName(): string {
    return this.name;
  }
}

/** `AnalyzerProviderResource`: type, properties, urn, name. */
export class DecodedProvider extends DecodedResourceFields {
  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field > 4 || !this.readCommon(reader, field, wireType, seen)) {
        reader.skip(wireType);
      }
    }
  }
}

/** What AnalyzeRequest and AnalyzerResource have beyond a provider's fields: options and provider. */
abstract class DecodedResourceRequest extends DecodedResourceFields {
  getOptions(): DecodedOptions | undefined {
    return this.options;
  }
  getProvider(): DecodedProvider | undefined {
    return this.provider;
  }
}

/** `AnalyzeRequest` (Analyze and Remediate). */
export class DecodedAnalyzeRequest extends DecodedResourceRequest {
  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (!this.readCommon(reader, field, wireType, seen)) {
        reader.skip(wireType);
      }
    }
  }
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
function readMapEntries<V>(
  reader: WireReader,
  entries: Map<string, V>,
  value: (inner: WireReader) => V,
): void {
  let key = "";
  let entryValue: V | undefined;
  const seen = new Set<number>();
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

/** `AnalyzerPropertyDependencies`: its `urns`. */
export class DecodedPropertyDependencies extends Decoded {
  private readonly urns: string[] = [];

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field === 1) {
        this.urns.push(stringField(reader, wireType));
      } else {
        reader.skip(wireType);
      }
    }
  }

  getUrnsList(): string[] {
    return this.urns;
  }
}

/** `AnalyzerResource` (one resource of AnalyzeStack). */
export class DecodedResource extends DecodedResourceRequest {
  private parent = "";
  private readonly dependencies: string[] = [];
  private readonly propertyDependencies = new Map<string, DecodedPropertyDependencies>();
  private propertyDependencyMap: DecodedMap<DecodedPropertyDependencies> | undefined;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (this.readCommon(reader, field, wireType, seen)) {
        continue;
      }
      if (field === 7) {
        once(seen, field);
        this.parent = stringField(reader, wireType);
      } else if (field === 8) {
        this.dependencies.push(stringField(reader, wireType));
      } else if (field === 9) {
        readMapEntries(
          sub(reader, wireType),
          this.propertyDependencies,
          (inner) => new DecodedPropertyDependencies(inner, wire, ...bounds(inner)),
        );
      } else {
        reader.skip(wireType);
      }
    }
  }

  getParent(): string {
    return this.parent;
  }
  getDependenciesList(): string[] {
    return this.dependencies;
  }
  getPropertydependenciesMap(): DecodedMap<DecodedPropertyDependencies> {
    this.propertyDependencyMap ??= new DecodedMap(this.propertyDependencies);
    return this.propertyDependencyMap;
  }
}

/** `AnalyzeStackRequest`: its resources. */
export class DecodedAnalyzeStackRequest extends Decoded {
  private readonly resources: DecodedResource[] = [];

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field === 1) {
        const inner = sub(reader, wireType);
        this.resources.push(new DecodedResource(inner, wire, ...bounds(inner)));
      } else {
        reader.skip(wireType);
      }
    }
  }

  getResourcesList(): DecodedResource[] {
    return this.resources;
  }
}

/** `PolicyConfig`: enforcement level and properties. */
export class DecodedPolicyConfig extends Decoded {
  private enforcementLevel = 0;
  private properties: DecodedStruct | undefined;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = new Set<number>();
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field === 1) {
        once(seen, field);
        reader.expect(wireType, WIRE.varint);
        this.enforcementLevel = reader.enumValue();
      } else if (field === 2) {
        once(seen, field);
        this.properties = struct(reader, wireType);
      } else {
        reader.skip(wireType);
      }
    }
  }

  getEnforcementlevel(): number {
    return this.enforcementLevel;
  }
  getProperties(): DecodedStruct | undefined {
    return this.properties;
  }
}

/** `ConfigureAnalyzerRequest`: the policy config map. */
export class DecodedConfigureRequest extends Decoded {
  private readonly configs = new Map<string, DecodedPolicyConfig>();
  private map: DecodedMap<DecodedPolicyConfig> | undefined;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (field === 1) {
        readMapEntries(
          sub(reader, wireType),
          this.configs,
          (inner) => new DecodedPolicyConfig(inner, wire, ...bounds(inner)),
        );
      } else {
        reader.skip(wireType);
      }
    }
  }

  getPolicyconfigMap(): DecodedMap<DecodedPolicyConfig> {
    this.map ??= new DecodedMap(this.configs);
    return this.map;
  }
}
