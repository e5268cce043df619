/**
 * The pack's incoming Configure request (`ConfigureAnalyzerRequest`), read straight from wire bytes like the
 * resource requests (`./request-messages.ts`): the policy config map sorted by policy name, each entry's
 * enforcement level and properties.
 */
import {
  bounds,
  Decoded,
  DecodedMap,
  type DecodedStruct,
  once,
  readMapEntries,
  struct,
  sub,
} from "./decoded-message";
import { WIRE, type WireReader } from "./wire-reader";

/** `PolicyConfig`: enforcement level and properties. */
export class DecodedPolicyConfig extends Decoded {
  private enforcementLevel = 0;
  private properties: DecodedStruct | undefined;

  constructor(reader: WireReader, wire: Buffer, start: number, end: number) {
    super(wire, start, end);
    const seen = { bits: 0 };
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
