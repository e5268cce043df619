import { createRequire } from "node:module";
import type * as AnalyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import {
  configFromRequest,
  makeSharedStackAnalysis,
  type StackAnalysisModules,
} from "../../../policy-packs/secure-ai/policies/lib/shared-stack-analysis";

const fromServer = createRequire(require.resolve("@pulumi/policy/server"));
const proto = fromServer("@pulumi/pulumi/proto/analyzer_pb") as typeof AnalyzerProto;
const { Struct } = fromServer("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(value: object): never };
};
const server = fromServer("./server") as {
  makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: object[]): Handler;
};
const proxy = fromServer("./proxy") as { unknownStringValue: string };
const modules = {
  deserialize: fromServer("./deserialize"),
  proxy: fromServer("./proxy"),
  policy: fromServer("./policy"),
  protoutil: fromServer("./protoutil"),
  analyzerProto: proto,
} as unknown as StackAnalysisModules;

type Handler = (
  call: { request: unknown },
  callback: (error: unknown, response?: unknown) => void,
) => unknown;

function resource(name: string, properties: object, options = true): AnalyzerProto.AnalyzerResource {
  const message = new proto.AnalyzerResource();
  message.setType(name.startsWith("key") ? "aws:kms/key:Key" : "aws:s3/bucket:Bucket");
  message.setName(name);
  message.setUrn(`urn:pulumi:dev::p::${message.getType()}::${name}`);
  message.setProperties(Struct.fromJavaScript(properties));
  message.setDependenciesList(name === "bucket" ? [`urn:pulumi:dev::p::aws:kms/key:Key::key`] : []);
  if (options) {
    message.setOptions(new proto.AnalyzerResourceOptions());
  }
  return message;
}

function request(resources: AnalyzerProto.AnalyzerResource[]): AnalyzerProto.AnalyzeStackRequest {
  const message = new proto.AnalyzeStackRequest();
  message.setResourcesList(resources);
  return message;
}

const typed = Object.assign(() => undefined, { __pulumiType: "aws:sqs/queue:Queue" });
const policies = [
  {
    name: "reports",
    description: "d",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (
      args: { resources: { name: string; dependencies: { name: string }[] }[] },
      report: (m: unknown, u?: string) => void,
    ) => {
      for (const item of args.resources)
        report(`${item.name} -> ${item.dependencies.map((d) => d.name).join(",")}`, "urn:x");
      report({ message: "object form", severity: "low" });
    },
  },
  {
    name: "not-applicable",
    description: "d",
    validateStack: (args: { notApplicable(reason: string): never }) => args.notApplicable("nothing here"),
  },
  {
    name: "unknown",
    description: "d",
    severity: "medium",
    validateStack: (args: { resources: { props: { kmsKeyId?: string } }[] }) => {
      for (const item of args.resources) void item.props.kmsKeyId?.length;
    },
  },
  { name: "typed", description: "d", validateStack: typed },
  {
    name: "off",
    description: "d",
    enforcementLevel: "disabled",
    validateStack: () => {
      throw new Error("never");
    },
  },
  {
    name: "config",
    description: "d",
    validateStack: (args: { getConfig(): object }, report: (m: string) => void) =>
      report(JSON.stringify(args.getConfig())),
  },
];

function answer(handler: Handler, message: unknown): Promise<{ error?: string; bytes?: string }> {
  return new Promise((resolve) => {
    handler({ request: message }, (error, response) =>
      resolve(
        error
          ? { error: String((error as Error).message).split("\n")[0] }
          : {
              bytes: Buffer.from((response as { serializeBinary(): Uint8Array }).serializeBinary()).toString(
                "hex",
              ),
            },
      ),
    );
  });
}

const noState = () => ({ config: {}, stackTags: undefined });

describe("makeSharedStackAnalysis", () => {
  it("answers byte for byte as the SDK's AnalyzeStack: violations, links, not-applicable, unknowns, typed and disabled policies", async () => {
    const sdk = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", policies);
    const shared = makeSharedStackAnalysis(
      { name: "pack", version: "1.0.0", level: "advisory", policies },
      modules,
      noState,
      sdk,
    );
    const message = () =>
      request([
        resource("key", { kmsKeyId: proxy.unknownStringValue }),
        resource("bucket", { acl: "private" }),
      ]);
    const expected = await answer(sdk, message());
    expect(expected.bytes).toBeDefined();
    expect(await answer(shared, message())).toEqual(expected);
  });

  it("lets the SDK answer a request it cannot build (no resource options), with the SDK's error", async () => {
    const sdk = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", policies);
    const shared = makeSharedStackAnalysis(
      { name: "pack", version: "1.0.0", level: "advisory", policies },
      modules,
      noState,
      sdk,
    );
    const message = () => request([resource("key", {}, false)]);
    const expected = await answer(sdk, message());
    expect(expected.error).toMatch(/Error validating resource with policy 'reports'/);
    expect(await answer(shared, message())).toEqual(expected);
  });

  it("hands every policy the same frozen resources in its own array: a policy that changes one fails loudly", async () => {
    const seen: unknown[][] = [];
    const mutating = [
      {
        name: "first",
        description: "d",
        validateStack: (args: { resources: unknown[] }) => {
          seen.push(args.resources);
          args.resources.pop();
        },
      },
      {
        name: "second",
        description: "d",
        validateStack: (args: { resources: { name: string }[] }) => {
          seen.push(args.resources);
          (args.resources[0] as { name: string }).name = "changed";
        },
      },
    ];
    const sdk = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", mutating);
    const shared = makeSharedStackAnalysis(
      { name: "pack", version: "1.0.0", level: "advisory", policies: mutating },
      modules,
      noState,
      sdk,
    );
    const result = await answer(shared, request([resource("key", {}), resource("bucket", {})]));
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[1]).toHaveLength(2);
    expect(result.error).toMatch(/Error validating resource with policy 'second'/);
  });

  it("reads the policy configuration as the SDK's Configure does, and hands it to getConfig without the level", async () => {
    const configure = new proto.ConfigureAnalyzerRequest();
    const entry = new proto.PolicyConfig();
    entry.setEnforcementlevel(proto.EnforcementLevel.MANDATORY);
    entry.setProperties(Struct.fromJavaScript({ waivers: [], limit: 3 }));
    configure.getPolicyconfigMap().set("config", entry);
    const config = configFromRequest(configure as never, modules);
    expect(config).toEqual({ config: { waivers: [], limit: 3, enforcementLevel: "mandatory" } });
    const sdk = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", policies);
    const shared = makeSharedStackAnalysis(
      { name: "pack", version: "1.0.0", level: "advisory", policies: [policies[5]!] },
      modules,
      () => ({ config, stackTags: undefined }),
      sdk,
    );
    const result = await answer(shared, request([resource("key", {})]));
    const decoded = proto.AnalyzeResponse.deserializeBinary(Buffer.from(result.bytes!, "hex"));
    expect(
      decoded.getDiagnosticsList().map((item) => [item.getMessage(), item.getEnforcementlevel()]),
    ).toEqual([['d\n{"limit":3,"waivers":[]}', proto.EnforcementLevel.MANDATORY]]);
  });
});
