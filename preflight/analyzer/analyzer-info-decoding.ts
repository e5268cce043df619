/**
 * Decodes a GetAnalyzerInfo answer (`pulumirpc.AnalyzerInfo`) straight from its protobuf wire bytes into
 * the preflight's {@link AnalyzerInfo}.
 *
 * The secure-ai pack describes some 280 policies, each with a JSON-schema config (`google.protobuf.Struct`):
 * about 600 KB. The generated google-protobuf classes build a message object per Struct value and the
 * preflight then converted every one back to JavaScript, which cost more than the pack took to answer. This
 * reader walks the bytes once and yields exactly what the generated code followed by `toJavaScript()` yields
 * (proved against it in tests/preflight/analyzer/analyzer-info-decoding.test.ts): a singular field given twice
 * keeps the last (messages included, as the generated readers replace rather than merge), map keys given
 * twice keep the last entry, unknown fields are skipped, a Struct value with no kind is an error.
 */
import type { PolicyInfo } from "../model";
import type { AnalyzerInfo, PolicyConfigEntry } from "./client";
import { controlIdsFromTags, examinedTypesFromTags } from "./controls-from-tags";

/** pulumirpc.EnforcementLevel numbers. */
const ENFORCEMENT: Record<number, PolicyConfigEntry["enforcementLevel"]> = {
  0: "advisory",
  1: "mandatory",
  2: "disabled",
  3: "remediate",
};
/** pulumirpc.PolicySeverity numbers. */
const SEVERITY: Record<number, PolicyInfo["severity"]> = {
  0: "unspecified",
  1: "low",
  2: "medium",
  3: "high",
  4: "critical",
};
/** pulumirpc.PolicyType numbers. */
const POLICY_TYPE: Record<number, PolicyInfo["type"]> = { 0: "unknown", 1: "resource", 2: "stack" };

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** A cursor over one message's bytes. */
class WireReader {
  private offset: number;

  constructor(
    private readonly buffer: Buffer,
    start = 0,
    private readonly end = buffer.length,
  ) {
    this.offset = start;
  }

  /** Whether bytes remain. */
  more(): boolean {
    return this.offset < this.end;
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wire: number } {
    const tag = this.varint();
    return { field: Math.floor(tag / 8), wire: tag % 8 };
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let index = 0; index < 10; index++) {
      if (this.offset >= this.end) {
        throw new Error("AnalyzerInfo: truncated varint");
      }
      const byte = this.buffer[this.offset++]!;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        return value;
      }
      scale *= 128;
    }
    throw new Error("AnalyzerInfo: varint longer than 10 bytes");
  }

  /** How many bytes remain. */
  remaining(): number {
    return this.end - this.offset;
  }

  /** The unread bytes as a string (one character per byte), to key a cache by the bytes. */
  bytesKey(): string {
    return this.buffer.toString("latin1", this.offset, this.end);
  }

  /** A length-delimited field as a reader over its bytes. */
  nested(): WireReader {
    const length = this.varint();
    const start = this.offset;
    this.offset += length;
    if (this.offset > this.end) {
      throw new Error("AnalyzerInfo: truncated field");
    }
    return new WireReader(this.buffer, start, this.offset);
  }

  string(): string {
    const length = this.varint();
    const start = this.offset;
    this.offset += length;
    if (this.offset > this.end) {
      throw new Error("AnalyzerInfo: truncated string");
    }
    return this.buffer.toString("utf8", start, this.offset);
  }

  double(): number {
    if (this.offset + 8 > this.end) {
      throw new Error("AnalyzerInfo: truncated double");
    }
    const value = this.buffer.readDoubleLE(this.offset);
    this.offset += 8;
    return value;
  }

  skip(wire: number): void {
    if (wire === VARINT) {
      this.varint();
    } else if (wire === FIXED64) {
      this.offset += 8;
    } else if (wire === LENGTH_DELIMITED) {
      const length = this.varint();
      this.offset += length;
    } else if (wire === FIXED32) {
      this.offset += 4;
    } else {
      throw new Error(`AnalyzerInfo: unsupported wire type ${wire}`);
    }
    if (this.offset > this.end) {
      throw new Error("AnalyzerInfo: truncated field");
    }
  }
}

type JsonValue = null | number | string | boolean | JsonValue[] | { [key: string]: JsonValue };

/**
 * Struct values decoded so far in the config schemas of one answer, by their bytes: the schemas that differ
 * still share most properties (all secure-ai schemas share `waivers`). Only values of at least
 * {@link MIN_CACHED_VALUE_BYTES} are looked up; smaller ones cost less to decode than to look up.
 */
type ValueCache = Map<string, JsonValue>;
const MIN_CACHED_VALUE_BYTES = 64;

/**
 * `google.protobuf.Struct` → object, as `Struct.toJavaScript()` gives it. With `values`, large field values
 * come from (and go to) that cache, deeply frozen since they are shared.
 */
function readStruct(reader: WireReader, values?: ValueCache): Record<string, JsonValue> {
  const into: Record<string, JsonValue> = {};
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (field !== 1 || wire !== LENGTH_DELIMITED) {
      reader.skip(wire);
      continue;
    }
    const entry = reader.nested();
    let key = "";
    let value: JsonValue | undefined;
    while (entry.more()) {
      const inner = entry.tag();
      if (inner.field === 1 && inner.wire === LENGTH_DELIMITED) {
        key = entry.string();
      } else if (inner.field === 2 && inner.wire === LENGTH_DELIMITED) {
        const bytes = entry.nested();
        value =
          values !== undefined && bytes.remaining() >= MIN_CACHED_VALUE_BYTES
            ? cachedValue(bytes, values)
            : readValue(bytes, values);
      } else {
        entry.skip(inner.wire);
      }
    }
    if (value === undefined) {
      throw new Error("Unexpected struct type.");
    }
    into[key] = value;
  }
  return into;
}

function cachedValue(reader: WireReader, values: ValueCache): JsonValue {
  const key = reader.bytesKey();
  let value = values.get(key);
  if (value === undefined) {
    value = deepFreeze(readValue(reader, values));
    values.set(key, value);
  }
  return value;
}

/** `google.protobuf.Value` → JavaScript, as `Value.toJavaScript()` gives it. */
function readValue(reader: WireReader, values?: ValueCache): JsonValue {
  let value: JsonValue | undefined;
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (field === 1 && wire === VARINT) {
      reader.varint();
      value = null;
    } else if (field === 2 && wire === FIXED64) {
      value = reader.double();
    } else if (field === 3 && wire === LENGTH_DELIMITED) {
      value = reader.string();
    } else if (field === 4 && wire === VARINT) {
      value = reader.varint() !== 0;
    } else if (field === 5 && wire === LENGTH_DELIMITED) {
      value = readStruct(reader.nested(), values);
    } else if (field === 6 && wire === LENGTH_DELIMITED) {
      const previous: JsonValue[] = [];
      const list = reader.nested();
      while (list.more()) {
        const inner = list.tag();
        if (inner.field === 1 && inner.wire === LENGTH_DELIMITED) {
          previous.push(readValue(list.nested(), values));
        } else {
          list.skip(inner.wire);
        }
      }
      value = previous;
    } else {
      reader.skip(wire);
    }
  }
  if (value === undefined) {
    throw new Error("Unexpected struct type.");
  }
  return value;
}

function enumValue<T>(table: Record<number, T>, number: number, what: string): T {
  const value = table[number];
  if (value === undefined) {
    throw new Error(`invalid ${what} ${number}`);
  }
  return value;
}

/** The fields of one PolicyInfo, before the preflight's shape is built from them. */
interface RawPolicy {
  name: string;
  displayName: string;
  description: string;
  enforcementLevel: number;
  type: number;
  severity: number;
  tags: string[];
  remediationSteps: string;
  url: string;
  framework?: { name: string; version: string; reference: string; specification: string };
  configSchema?: ConfigSchema;
}

/** A policy's config schema as {@link PolicyInfo} carries it. */
type ConfigSchema = NonNullable<PolicyInfo["configSchema"]>;

/**
 * Config schemas decoded so far in one answer, by their bytes, and the large values in them. Packs give
 * many policies the same schema (the secure-ai pack's 283 policies have 44 distinct ones, all with the same
 * `waivers` property): decoding each again was two thirds of the answer's decoding time.
 */
interface SchemaCache {
  schemas: Map<string, ConfigSchema>;
  values: ValueCache;
}

function readPolicy(reader: WireReader, schemas: SchemaCache): PolicyInfo {
  const raw: RawPolicy = {
    name: "",
    displayName: "",
    description: "",
    enforcementLevel: 0,
    type: 0,
    severity: 0,
    tags: [],
    remediationSteps: "",
    url: "",
  };
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (wire === LENGTH_DELIMITED && field === 1) raw.name = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 2) raw.displayName = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 3) raw.description = reader.string();
    else if (wire === VARINT && field === 5) raw.enforcementLevel = reader.varint();
    else if (wire === LENGTH_DELIMITED && field === 6)
      raw.configSchema = configSchema(reader.nested(), schemas);
    else if (wire === VARINT && field === 7) raw.type = reader.varint();
    else if (wire === VARINT && field === 8) raw.severity = reader.varint();
    else if (wire === LENGTH_DELIMITED && field === 9) readFramework(reader.nested(), raw);
    else if (wire === LENGTH_DELIMITED && field === 10) raw.tags.push(reader.string());
    else if (wire === LENGTH_DELIMITED && field === 11) raw.remediationSteps = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 12) raw.url = reader.string();
    else reader.skip(wire);
  }
  const info: PolicyInfo = {
    name: raw.name,
    description: raw.description,
    enforcementLevel: enumValue(ENFORCEMENT, raw.enforcementLevel, "enforcement level"),
    type: POLICY_TYPE[raw.type] ?? "unknown",
    severity: SEVERITY[raw.severity] ?? "unspecified",
    tags: raw.tags,
    controls: controlIdsFromTags(raw.tags),
    examines: examinedTypesFromTags(raw.tags),
  };
  if (raw.displayName) info.displayName = raw.displayName;
  if (raw.framework) info.framework = raw.framework;
  if (raw.remediationSteps) info.remediationSteps = raw.remediationSteps;
  if (raw.url) info.url = raw.url;
  if (raw.configSchema) info.configSchema = raw.configSchema;
  return info;
}

/**
 * A `PolicyConfigSchema`, decoded once per distinct byte string of one answer. Policies with the same bytes
 * share one schema object, deeply frozen, so that no reader can change one policy's schema through another.
 */
function configSchema(reader: WireReader, schemas: SchemaCache): ConfigSchema {
  const key = reader.bytesKey();
  let schema = schemas.schemas.get(key);
  if (schema === undefined) {
    schema = deepFreeze(readConfigSchema(reader, schemas.values));
    schemas.schemas.set(key, schema);
  }
  return schema;
}

function readConfigSchema(reader: WireReader, values: ValueCache): ConfigSchema {
  let properties: Record<string, JsonValue> | undefined;
  const required: string[] = [];
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (wire === LENGTH_DELIMITED && field === 1) {
      properties = readStruct(reader.nested(), values);
    } else if (wire === LENGTH_DELIMITED && field === 2) {
      required.push(reader.string());
    } else {
      reader.skip(wire);
    }
  }
  return { properties: properties ?? {}, required };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
    Object.freeze(value);
  }
  return value;
}

function readFramework(reader: WireReader, raw: RawPolicy): void {
  const framework = { name: "", version: "", reference: "", specification: "" };
  raw.framework = framework;
  const keys = ["name", "version", "reference", "specification"] as const;
  while (reader.more()) {
    const { field, wire } = reader.tag();
    const key = keys[field - 1];
    if (wire === LENGTH_DELIMITED && key !== undefined) {
      framework[key] = reader.string();
    } else {
      reader.skip(wire);
    }
  }
}

/** One `initialConfig` map entry (`map<string, PolicyConfig>`). */
function readConfigEntry(reader: WireReader, into: AnalyzerInfo["initialConfig"]): void {
  let key = "";
  let level = 0;
  let properties: Record<string, JsonValue> | undefined;
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (wire === LENGTH_DELIMITED && field === 1) {
      key = reader.string();
    } else if (wire === LENGTH_DELIMITED && field === 2) {
      level = 0;
      properties = undefined;
      const config = reader.nested();
      while (config.more()) {
        const inner = config.tag();
        if (inner.wire === VARINT && inner.field === 1) level = config.varint();
        else if (inner.wire === LENGTH_DELIMITED && inner.field === 2) {
          properties = readStruct(config.nested());
        } else config.skip(inner.wire);
      }
    } else {
      reader.skip(wire);
    }
  }
  into[key] = {
    enforcementLevel: enumValue(ENFORCEMENT, level, "enforcement level"),
    properties: properties ?? {},
  };
}

/**
 * Decodes a serialized `pulumirpc.AnalyzerInfo`.
 *
 * @param buffer - the message bytes as the gRPC transport delivers them.
 * @returns the pack's description, policies in the pack's order.
 * @throws Error on bytes that are not a well-formed message.
 */
export function decodeAnalyzerInfo(buffer: Buffer): AnalyzerInfo {
  const info: AnalyzerInfo = {
    name: "",
    displayName: "",
    version: "",
    supportsConfig: false,
    description: "",
    readme: "",
    provider: "",
    tags: [],
    repository: "",
    policies: [],
    initialConfig: {},
  };
  const reader = new WireReader(buffer);
  const schemas: SchemaCache = { schemas: new Map(), values: new Map() };
  while (reader.more()) {
    const { field, wire } = reader.tag();
    if (wire === LENGTH_DELIMITED && field === 1) info.name = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 2) info.displayName = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 3)
      info.policies.push(readPolicy(reader.nested(), schemas));
    else if (wire === LENGTH_DELIMITED && field === 4) info.version = reader.string();
    else if (wire === VARINT && field === 5) info.supportsConfig = reader.varint() !== 0;
    else if (wire === LENGTH_DELIMITED && field === 6) readConfigEntry(reader.nested(), info.initialConfig);
    else if (wire === LENGTH_DELIMITED && field === 7) info.description = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 8) info.readme = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 9) info.provider = reader.string();
    else if (wire === LENGTH_DELIMITED && field === 10) info.tags.push(reader.string());
    else if (wire === LENGTH_DELIMITED && field === 11) info.repository = reader.string();
    else reader.skip(wire);
  }
  return info;
}
