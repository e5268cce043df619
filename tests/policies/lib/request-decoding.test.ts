import type * as AnalyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type * as StructProto from "google-protobuf/google/protobuf/struct_pb";
import * as fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  decodingWith,
  withDirectRequestDecoding,
} from "../../../policy-packs/secure-ai/policies/lib/request-decoding";
import { DecodedConfigureRequest } from "../../../policy-packs/secure-ai/policies/lib/configure-messages";
import type { GeneratedClasses } from "../../../policy-packs/secure-ai/policies/lib/decoded-message";
import {
  DecodedAnalyzeRequest,
  DecodedAnalyzeStackRequest,
} from "../../../policy-packs/secure-ai/policies/lib/request-messages";

// The generated modules as the pack's server resolves them (CommonJS exports set at run time).
const requireHere = createRequire(__filename);
const analyzerProto = requireHere("@pulumi/pulumi/proto/analyzer_pb") as typeof AnalyzerProto;
const { Struct } = requireHere("google-protobuf/google/protobuf/struct_pb") as typeof StructProto;
const { AnalyzerService } = requireHere("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
  AnalyzerService: unknown;
};
type Struct = StructProto.Struct;
// eslint-disable-next-line @typescript-eslint/no-namespace -- the generated classes' instance types
declare namespace analyzerProto {
  type AnalyzeRequest = AnalyzerProto.AnalyzeRequest;
}

const generated = { ...analyzerProto, Struct } as unknown as GeneratedClasses;
const service = withDirectRequestDecoding(AnalyzerService as unknown as Record<string, unknown>, generated);
type Deserialize = (bytes: Buffer) => unknown;
const deserializer = (method: string): Deserialize =>
  (service[method] as { requestDeserialize: Deserialize }).requestDeserialize;
const generatedDeserializer = (method: string): Deserialize =>
  (AnalyzerService as unknown as Record<string, { requestDeserialize: Deserialize }>)[method]!
    .requestDeserialize;

/* eslint-disable @typescript-eslint/no-explicit-any -- the views call the generated classes' getters */

/** Everything the SDK and the pack read from a struct, keys in order. */
function structView(struct: any): string | undefined {
  return struct === undefined ? undefined : JSON.stringify(struct.toJavaScript());
}

function optionsView(options: any) {
  if (options === undefined) {
    return undefined;
  }
  const timeouts = options.getCustomtimeouts();
  return {
    protect: options.getProtect(),
    ignoreChanges: options.getIgnorechangesList(),
    deleteBeforeReplace: options.getDeletebeforereplace(),
    deleteBeforeReplaceDefined: options.getDeletebeforereplacedefined(),
    additionalSecretOutputs: options.getAdditionalsecretoutputsList(),
    aliases: options.getAliasesList(),
    parent: options.getParent(),
    customTimeouts:
      timeouts === undefined
        ? undefined
        : [timeouts.getCreate(), timeouts.getUpdate(), timeouts.getDelete(), timeouts.getRead()],
  };
}

function requestView(request: any) {
  const provider = request.getProvider();
  return {
    type: request.getType(),
    urn: request.getUrn(),
    name: request.getName(),
    properties: structView(request.getProperties()),
    options: optionsView(request.getOptions()),
    provider:
      provider === undefined
        ? undefined
        : [provider.getType(), provider.getUrn(), provider.getName(), structView(provider.getProperties())],
  };
}

function resourceView(resource: any) {
  return {
    ...requestView(resource),
    parent: resource.getParent(),
    dependencies: resource.getDependenciesList(),
    propertyDependencies: [...resource.getPropertydependenciesMap().entries()].map(([key, value]: any) => [
      key,
      value.getUrnsList(),
    ]),
  };
}

function configureView(request: any) {
  return [...request.getPolicyconfigMap().entries()].map(([name, config]: any) => [
    name,
    config.getEnforcementlevel(),
    structView(config.getProperties()),
  ]);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const properties = {
  bucket: "b",
  versioning: { status: "Enabled", mfa: false },
  count: 3,
  ratio: -0.25,
  tags: { zeta: "z", alpha: "a", "10": "ten", "2": "two", constructor: "c" },
  list: [1, "two", null, true, { nested: ["x"] }, []],
  empty: {},
  nothing: null,
  unknown: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  unicode: "Zürich – 東京 🚀",
};

function analyzeRequest(): analyzerProto.AnalyzeRequest {
  const request = new analyzerProto.AnalyzeRequest();
  request.setType("aws:s3/bucket:Bucket");
  request.setUrn("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b");
  request.setName("b");
  request.setProperties(Struct.fromJavaScript(properties as never));
  const options = new analyzerProto.AnalyzerResourceOptions();
  options.setProtect(true);
  options.setIgnorechangesList(["tags", "acl"]);
  options.setDeletebeforereplace(true);
  options.setDeletebeforereplacedefined(true);
  options.setAdditionalsecretoutputsList(["password"]);
  options.setAliasesList(["urn:old"]);
  options.setParent("urn:parent");
  const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(60);
  timeouts.setDelete(1.5);
  options.setCustomtimeouts(timeouts);
  request.setOptions(options);
  const provider = new analyzerProto.AnalyzerProviderResource();
  provider.setType("pulumi:providers:aws");
  provider.setUrn("urn:provider");
  provider.setName("default");
  provider.setProperties(Struct.fromJavaScript({ region: "eu-west-1", version: "7.0.0" }));
  request.setProvider(provider);
  return request;
}

function bytesOf(message: { serializeBinary(): Uint8Array }): Buffer {
  return Buffer.from(message.serializeBinary());
}

describe("the pack's own request readers", () => {
  it("read an Analyze request as the generated class does, key order of every struct included", () => {
    const bytes = bytesOf(analyzeRequest());
    const decoded = deserializer("analyze")(bytes);
    expect(decoded).toBeInstanceOf(DecodedAnalyzeRequest);
    const view = requestView(decoded);
    expect(view).toEqual(requestView(analyzerProto.AnalyzeRequest.deserializeBinary(bytes)));
    expect(Object.keys(JSON.parse(view.properties!).tags)).toEqual([
      "2",
      "10",
      "alpha",
      "constructor",
      "zeta",
    ]);
    expect(view.options!.customTimeouts).toEqual([60, 0, 1.5, 0]);
  });

  it("read a Remediate request with the same reader", () => {
    const bytes = bytesOf(analyzeRequest());
    expect(deserializer("remediate")(bytes)).toBeInstanceOf(DecodedAnalyzeRequest);
  });

  it("give a fresh plain object on each toJavaScript call, as the generated Struct does", () => {
    const decoded = deserializer("analyze")(bytesOf(analyzeRequest())) as DecodedAnalyzeRequest;
    const struct = decoded.getProperties()!;
    const first = struct.toJavaScript();
    first.bucket = "changed";
    expect(struct.toJavaScript().bucket).toBe("b");
    expect(struct.toJavaScript()).not.toBe(struct.toJavaScript());
  });

  it("leave absent options, provider and properties undefined, as the generated getters do", () => {
    const request = new analyzerProto.AnalyzeRequest();
    request.setType("t");
    const bytes = bytesOf(request);
    const decoded = deserializer("analyze")(bytes);
    expect(decoded).toBeInstanceOf(DecodedAnalyzeRequest);
    const expected = analyzerProto.AnalyzeRequest.deserializeBinary(bytes);
    expect(requestView(decoded)).toEqual(requestView(expected));
    expect(requestView(decoded).options).toBeUndefined();
  });

  it("read an AnalyzeStack request: resources, parents, dependencies and property dependencies", () => {
    const stack = new analyzerProto.AnalyzeStackRequest();
    for (const index of [0, 1, 2]) {
      const resource = new analyzerProto.AnalyzerResource();
      const single = analyzeRequest();
      resource.setType(single.getType());
      resource.setUrn(`urn:${index}`);
      resource.setName(`r${index}`);
      resource.setProperties(Struct.fromJavaScript({ index, ...properties } as never));
      resource.setOptions(single.getOptions());
      if (index !== 1) {
        resource.setProvider(single.getProvider());
      }
      resource.setParent(index === 0 ? "" : "urn:0");
      resource.setDependenciesList(index === 2 ? ["urn:0", "urn:1"] : []);
      const dependencies = new analyzerProto.AnalyzerPropertyDependencies();
      dependencies.setUrnsList(["urn:0"]);
      resource.getPropertydependenciesMap().set("zone", dependencies);
      resource.getPropertydependenciesMap().set("bucket", dependencies);
      stack.addResources(resource);
    }
    const bytes = bytesOf(stack);
    const decoded = deserializer("analyzeStack")(bytes) as DecodedAnalyzeStackRequest;
    expect(decoded).toBeInstanceOf(DecodedAnalyzeStackRequest);
    const expected = analyzerProto.AnalyzeStackRequest.deserializeBinary(bytes);
    expect(decoded.getResourcesList().map(resourceView)).toEqual(
      expected.getResourcesList().map(resourceView),
    );
    expect(resourceView(decoded.getResourcesList()[2]).propertyDependencies).toEqual([
      ["bucket", ["urn:0"]],
      ["zone", ["urn:0"]],
    ]);
  });

  it("read a Configure request: policies sorted by name, levels and properties", () => {
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    const levels = [0, 1, 2, 3, 4];
    for (const [index, name] of ["zeta-policy", "alpha-policy", "mid", "b", "a"].entries()) {
      const config = new analyzerProto.PolicyConfig();
      config.setEnforcementlevel(levels[index]!);
      config.setProperties(
        Struct.fromJavaScript({ waivers: [], allowed: ["x", "y"], threshold: index } as never),
      );
      request.getPolicyconfigMap().set(name, config);
    }
    const bytes = bytesOf(request);
    const decoded = deserializer("configure")(bytes);
    expect(decoded).toBeInstanceOf(DecodedConfigureRequest);
    const view = configureView(decoded);
    expect(view).toEqual(configureView(analyzerProto.ConfigureAnalyzerRequest.deserializeBinary(bytes)));
    expect(view.map((entry) => entry[0])).toEqual(["a", "alpha-policy", "b", "mid", "zeta-policy"]);
  });

  it("answer methods they do not define through the generated class, from the same bytes", () => {
    const bytes = bytesOf(analyzeRequest());
    const decoded = deserializer("analyze")(bytes) as unknown as analyzerProto.AnalyzeRequest;
    const expected = analyzerProto.AnalyzeRequest.deserializeBinary(bytes);
    expect(decoded.toObject()).toEqual(expected.toObject());
    expect(Buffer.from(decoded.serializeBinary())).toEqual(bytes);
    expect(decoded.hasOptions()).toBe(true);
    expect((decoded.getProperties() as unknown as Struct).getFieldsMap().getLength()).toBe(
      Object.keys(properties).length,
    );
  });

  it("skip fields they do not know, as google-protobuf does", () => {
    // Field 15, length-delimited, three bytes; then field 16 as a varint.
    const unknown = Buffer.from([0x7a, 0x03, 0x61, 0x62, 0x63, 0x80, 0x01, 0x05]);
    const bytes = Buffer.concat([bytesOf(analyzeRequest()), unknown]);
    const decoded = deserializer("analyze")(bytes);
    expect(decoded).toBeInstanceOf(DecodedAnalyzeRequest);
    expect(requestView(decoded)).toEqual(requestView(analyzerProto.AnalyzeRequest.deserializeBinary(bytes)));
  });

  describe("hand the request to the generated deserializer when they would not read it the same way", () => {
    const cases: [string, Buffer][] = [
      // properties = Struct{ fields: { "k": Value{} } }: a Value with no kind (toJavaScript throws).
      ["a value with no kind", Buffer.from([0x12, 0x07, 0x0a, 0x05, 0x0a, 0x01, 0x6b, 0x12, 0x00])],
      // type = 0xff 0xfe: not UTF-8.
      ["a string that is not UTF-8", Buffer.from([0x0a, 0x02, 0xff, 0xfe])],
      // type sent twice.
      ["a singular field sent twice", Buffer.from([0x0a, 0x01, 0x61, 0x0a, 0x01, 0x62])],
      // properties = Struct{ fields: { "__proto__": "x" } }.
      [
        "the key __proto__",
        Buffer.concat([
          Buffer.from([0x12, 0x12, 0x0a, 0x10, 0x0a, 0x09]),
          Buffer.from("__proto__"),
          Buffer.from([0x12, 0x03, 0x1a, 0x01, 0x78]),
        ]),
      ],
      // type's length runs past the end.
      ["bytes cut short", Buffer.from([0x0a, 0x09, 0x61])],
    ];
    for (const [label, bytes] of cases) {
      it(label, () => {
        let generatedResult: unknown;
        let generatedError: unknown;
        try {
          generatedResult = generatedDeserializer("analyze")(bytes);
        } catch (error) {
          generatedError = error;
        }
        if (generatedError !== undefined) {
          expect(() => deserializer("analyze")(bytes)).toThrow();
          return;
        }
        const decoded = deserializer("analyze")(bytes);
        expect(decoded).toBeInstanceOf(analyzerProto.AnalyzeRequest);
        expect((decoded as analyzerProto.AnalyzeRequest).toObject()).toEqual(
          (generatedResult as analyzerProto.AnalyzeRequest).toObject(),
        );
      });
    }
  });

  it("read any JSON-like properties as the generated class does (property-based)", () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const fallback = (bytes: Buffer) => analyzerProto.AnalyzeRequest.deserializeBinary(bytes);
    const read = decodingWith(DecodedAnalyzeRequest, fallback);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.string(), (props, type) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(props, "__proto__"));
        const request = new analyzerProto.AnalyzeRequest();
        request.setType(type);
        request.setProperties(Struct.fromJavaScript(props as never));
        const bytes = bytesOf(request);
        const decoded = read(bytes);
        expect(decoded).toBeInstanceOf(DecodedAnalyzeRequest);
        expect(requestView(decoded)).toEqual(requestView(fallback(bytes)));
      }),
      { numRuns: 300 },
    );
  });
});
