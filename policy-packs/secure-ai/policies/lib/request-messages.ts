/**
 * The pack's incoming Analyze, AnalyzeStack and Remediate requests, read straight from wire bytes
 * (Configure: `./configure-messages.ts`).
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
import {
  bounds,
  Decoded,
  DecodedMap,
  type DecodedStruct,
  once,
  type SeenFields,
  readMapEntries,
  stringField,
  struct,
  sub,
} from "./decoded-message";
import { WIRE, type WireReader } from "./wire-reader";

/** `AnalyzerResourceOptions.CustomTimeouts`. */
export class DecodedCustomTimeouts extends Decoded {
  private create = 0;
  private update = 0;
  private remove = 0;
  private read = 0;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = { bits: 0 };
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
    const seen = { bits: 0 };
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

/** Fields 1-6, shared by AnalyzeRequest, AnalyzerResource and (1-4) AnalyzerProviderResource. */
abstract class DecodedResourceFields extends Decoded {
  protected type = "";
  protected properties: DecodedStruct | undefined;
  protected urn = "";
  protected name = "";
  protected options: DecodedOptions | undefined;
  protected provider: DecodedProvider | undefined;

  /** Reads one of fields 1-6; false for any other field. */
  protected readCommon(reader: WireReader, field: number, wireType: number, seen: SeenFields): boolean {
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
    const seen = { bits: 0 };
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
    const seen = { bits: 0 };
    while (!reader.done) {
      const { field, wireType } = reader.tag();
      if (!this.readCommon(reader, field, wireType, seen)) {
        reader.skip(wireType);
      }
    }
  }
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
    const seen = { bits: 0 };
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
