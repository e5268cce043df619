import * as policyModule from "@pulumi/policy/policy";
import * as protoutil from "@pulumi/policy/protoutil";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { policies } from "../../../policy-packs/secure-ai/policies";
import {
  AnalyzerInfoEncoder,
  encodeAnalyzerInfo,
  encodeAnalyzerInfoDirectly,
  POLICIES_PER_TURN,
  prepareAnalyzerInfoOnListening,
  type PolicyKinds,
} from "../../../policy-packs/secure-ai/policies/lib/analyzer-info-encoding";

type Make = (
  name: string,
  version: string,
  level: string,
  args: Record<string, unknown>,
  initialConfig?: Record<string, unknown>,
) => { serializeBinary(): Uint8Array };
const sdkMake = (protoutil as unknown as { makeAnalyzerInfo: Make }).makeAnalyzerInfo;
const kinds = policyModule as unknown as PolicyKinds;

function sdkBytes(
  args: Record<string, unknown>,
  level = "advisory",
  name = "secure-ai",
  version = "0.1.0",
): Buffer {
  return Buffer.from(sdkMake(name, version, level, args).serializeBinary());
}

/** A copy of the SDK's protoutil module with the direct encoding installed in it (the real one untouched). */
function directlyEncodingProtoutil() {
  const resolve = createRequire(require.resolve("@pulumi/policy"));
  const copy = { ...(resolve("@pulumi/policy/protoutil") as object) } as {
    makeAnalyzerInfo: Make;
    __secureAiPrepareAnalyzerInfo: (name: string, version: string, level: string, args: object) => void;
  };
  const fake = ((id: string) =>
    id === "@pulumi/policy/protoutil" ? copy : resolve(id)) as unknown as NodeJS.Require;
  expect(encodeAnalyzerInfoDirectly(fake)).toBe(true);
  return copy;
}

const validateResource = () => undefined;
const validateStack = () => undefined;
const shared = { type: "array", items: { type: "object", properties: { a: { type: "string" } } } };

describe("encodeAnalyzerInfo", () => {
  it("writes the secure-ai pack's AnalyzerInfo byte for byte as the policy SDK does", () => {
    const args = {
      policies: [...policies],
      description: "Secure AI platform guardrails",
      displayName: "Secure AI platform",
      tags: ["security", "ai"],
    };
    expect(policies.length).toBeGreaterThan(200);
    const ours = encodeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args, kinds);
    expect(ours.equals(sdkBytes(args))).toBe(true);
  });

  it("writes every field, default and value kind as the SDK does", () => {
    const variants: Record<string, unknown>[] = [
      {
        name: "all",
        description: "d ✓ 🚀",
        displayName: "D",
        enforcementLevel: "mandatory",
        severity: "critical",
        tags: ["", "t"],
        remediationSteps: "r",
        url: "https://u",
        validateResource,
        framework: { name: "NIST", version: "5", reference: "SC-12", specification: "s" },
        configSchema: {
          properties: {
            w: shared,
            z: { type: "integer", default: -0, minimum: 1e300 },
            a: { enum: [null, true, false, "", 0.5, -7] },
            nested: { x: [[], {}, [shared]] },
          },
          required: ["w", ""],
        },
      },
      { name: "stack", description: "", validateStack, severity: "unknown-severity", framework: {} },
      {
        name: "disabled",
        description: "x",
        enforcementLevel: "disabled",
        validateResource: [validateResource],
        configSchema: { properties: { w: shared } },
      },
      {
        name: "remediates",
        description: "x",
        remediateResource: validateResource,
        severity: "low",
        configSchema: { properties: {}, required: [] },
      },
      { name: "neither", description: "x", enforcementLevel: "remediate" },
      { name: "", description: "", configSchema: {} },
    ];
    for (const variant of variants) {
      const args = {
        policies: [variant],
        readme: "# r",
        provider: "aws",
        repository: "https://r",
        tags: [""],
      };
      for (const level of ["advisory", "mandatory"]) {
        const ours = encodeAnalyzerInfo("p", "1.2.3", level, args as never, kinds);
        expect(ours.toString("hex"), String(variant["name"])).toBe(
          sdkBytes(args, level, "p", "1.2.3").toString("hex"),
        );
      }
    }
    const empty = { policies: [] };
    expect(
      encodeAnalyzerInfo("", "", "advisory", empty, kinds).equals(
        Buffer.from(sdkMake("", "", "advisory", empty).serializeBinary()),
      ),
    ).toBe(true);
  });
});

describe("encodeAnalyzerInfoDirectly", () => {
  // Installed on a private copy of the SDK's modules, so other tests keep the original function.
  const resolve = createRequire(require.resolve("@pulumi/policy"));

  it("answers as the SDK would, and leaves to the SDK what it does not reproduce", () => {
    const copy = { ...(resolve("@pulumi/policy/protoutil") as object) } as { makeAnalyzerInfo: Make };
    const fake = ((id: string) =>
      id === "@pulumi/policy/protoutil" ? copy : resolve(id)) as unknown as NodeJS.Require;
    expect(encodeAnalyzerInfoDirectly(fake)).toBe(true);
    expect(copy.makeAnalyzerInfo).not.toBe(sdkMake);
    const args = { policies: [...policies].slice(0, 20), description: "d" };
    const answer = copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args);
    expect(Buffer.from(answer.serializeBinary()).equals(sdkBytes(args))).toBe(true);
    // The gRPC service checks the message class before it serialises.
    const { AnalyzerInfo } = resolve("@pulumi/pulumi/proto/analyzer_pb") as {
      AnalyzerInfo: new () => object;
    };
    expect(answer).toBeInstanceOf(AnalyzerInfo);
    // With an initial config, the SDK's own message.
    const withConfig = copy.makeAnalyzerInfo("p", "1", "advisory", args, { [policies[0]!.name]: "disabled" });
    expect(
      Buffer.from(withConfig.serializeBinary()).equals(
        Buffer.from(
          sdkMake("p", "1", "advisory", args, { [policies[0]!.name]: "disabled" }).serializeBinary(),
        ),
      ),
    ).toBe(true);
    // What the SDK rejects, it still rejects with its own error.
    const bad = {
      policies: [{ name: "x", description: "x", enforcementLevel: "sometimes", validateResource }],
    };
    expect(() => copy.makeAnalyzerInfo("p", "1", "advisory", bad)).toThrow(
      "Unknown enforcement level type 'sometimes'",
    );
    // A value Struct cannot hold: the SDK's error too.
    const undefinedValue = {
      policies: [
        { name: "x", description: "x", validateResource, configSchema: { properties: { a: undefined } } },
      ],
    };
    expect(() => copy.makeAnalyzerInfo("p", "1", "advisory", undefinedValue)).toThrow();
    expect(() => sdkMake("p", "1", "advisory", undefinedValue)).toThrow();
    // A lone surrogate goes to the SDK's writer.
    const lone = { policies: [{ name: "x\ud800", description: "x", validateResource }] };
    expect(
      Buffer.from(copy.makeAnalyzerInfo("p", "1", "advisory", lone).serializeBinary()).equals(
        Buffer.from(sdkMake("p", "1", "advisory", lone).serializeBinary()),
      ),
    ).toBe(true);
  });

  it("leaves the SDK alone when it does not have the expected shape", () => {
    const fake = ((id: string) => (id === "@pulumi/policy/protoutil" ? {} : {})) as unknown as NodeJS.Require;
    expect(encodeAnalyzerInfoDirectly(fake)).toBe(false);
  });

  it("encodes a served pack once: the answer prepared ahead is the one later calls give", () => {
    const copy = directlyEncodingProtoutil();
    const args = { policies: [...policies].slice(0, 5), description: "d" };
    copy.__secureAiPrepareAnalyzerInfo("secure-ai", "0.1.0", "advisory", args);
    const first = copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args).serializeBinary();
    expect(copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args).serializeBinary()).toBe(first);
    expect(Buffer.from(first).equals(sdkBytes(args))).toBe(true);
    // Another version of the same arguments is encoded anew.
    const other = copy.makeAnalyzerInfo("secure-ai", "0.2.0", "advisory", args).serializeBinary();
    expect(Buffer.from(other).equals(sdkBytes(args, "advisory", "secure-ai", "0.2.0"))).toBe(true);
  });
});

describe("AnalyzerInfoEncoder", () => {
  it("gives the same bytes encoded in steps as at once", () => {
    const args = { policies: [...policies].slice(0, 7), description: "d", tags: ["t"] };
    const encoder = new AnalyzerInfoEncoder("secure-ai", "0.1.0", "advisory", args, kinds);
    expect(encoder.advance(3)).toBe(false);
    expect(encoder.advance(3)).toBe(false);
    expect(encoder.advance(3)).toBe(true);
    expect(encoder.finish().equals(encodeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args, kinds))).toBe(
      true,
    );
    expect(encoder.finish().equals(sdkBytes(args))).toBe(true);
  });
});

describe("an answer prepared ahead, a few policies per turn", () => {
  /** The pack's policies behind getters that record which ones were read. */
  function countedPolicies(count: number) {
    const read = new Set<string>();
    const wrapped = [...policies].slice(0, count).map(
      (policy) =>
        Object.create(policy, {
          name: {
            get: () => {
              read.add(policy.name);
              return policy.name;
            },
            enumerable: true,
          },
        }) as typeof policy,
    );
    return { read, wrapped };
  }
  const turn = () => new Promise((done) => setImmediate(done));

  it("encodes POLICIES_PER_TURN policies per turn, and a call arriving meanwhile finishes the same bytes", async () => {
    const copy = directlyEncodingProtoutil();
    const { read, wrapped } = countedPolicies(3 * POLICIES_PER_TURN);
    const args = { policies: wrapped, description: "d" };
    copy.__secureAiPrepareAnalyzerInfo("secure-ai", "0.1.0", "advisory", args);
    expect(read.size).toBe(POLICIES_PER_TURN);
    await turn();
    expect(read.size).toBe(2 * POLICIES_PER_TURN);
    const answer = copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args).serializeBinary();
    expect(read.size).toBe(3 * POLICIES_PER_TURN);
    expect(
      Buffer.from(answer).equals(
        sdkBytes({ policies: [...policies].slice(0, 3 * POLICIES_PER_TURN), description: "d" }),
      ),
    ).toBe(true);
    // The turn still scheduled does nothing more, and later calls give the same answer.
    read.clear();
    await turn();
    await turn();
    expect(read.size).toBe(0);
    expect(copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args).serializeBinary()).toBe(answer);
  });

  it("finishes in turns on its own, then answers from what it prepared", async () => {
    const copy = directlyEncodingProtoutil();
    const { read, wrapped } = countedPolicies(2 * POLICIES_PER_TURN + 1);
    const args = { policies: wrapped };
    copy.__secureAiPrepareAnalyzerInfo("secure-ai", "0.1.0", "advisory", args);
    await turn();
    await turn();
    expect(read.size).toBe(2 * POLICIES_PER_TURN + 1);
    read.clear();
    const answer = Buffer.from(
      copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args).serializeBinary(),
    );
    expect(read.size).toBe(0);
    expect(answer.equals(sdkBytes({ policies: [...policies].slice(0, 2 * POLICIES_PER_TURN + 1) }))).toBe(
      true,
    );
  });
});

describe("prepareAnalyzerInfoOnListening", () => {
  /** A fake SDK server whose `serve` binds a fake gRPC server that reports `error` and `port`. */
  function fakeSdk(error: unknown) {
    const events: string[] = [];
    const Server = function Server() {} as unknown as {
      prototype: { bindAsync(a: string, c: unknown, cb: (e: unknown, p: number) => void): void };
    };
    Server.prototype.bindAsync = (_address, _credentials, callback) => callback(error, 4242);
    const server = {
      serve(name: string, ..._rest: unknown[]) {
        new (Server as unknown as new () => typeof Server.prototype)().bindAsync(
          "127.0.0.1:0",
          {},
          (e, port) => events.push(e ? `bind failed for ${name}` : `printed ${port}`),
        );
      },
    };
    const protoutil = {
      __secureAiPrepareAnalyzerInfo: (name: string, version: string) =>
        events.push(`prepared ${name}@${version}`),
    };
    const modules: Record<string, unknown> = {
      "/fake/server.js": server,
      "@pulumi/policy/protoutil": protoutil,
      "/fake/@grpc/grpc-js": { Server },
    };
    const fake = Object.assign((id: string) => modules[id] ?? modules[`/fake/${id}`], {
      resolve: (id: string) => (id === "@pulumi/policy/server" ? "/fake/server.js" : id),
    }) as unknown as NodeJS.Require;
    return { events, server, fake, Server };
  }

  it("encodes the answer after the port is printed, not before and not when binding fails", async () => {
    const sdk = fakeSdk(undefined);
    // grpc-js is resolved from the server's own directory; point that lookup at the fake.
    const installed = prepareAnalyzerInfoOnListening(sdk.fake, () => sdk.fake);
    expect(installed).toBe(true);
    const original = sdk.Server.prototype.bindAsync;
    sdk.server.serve("secure-ai", "0.1.0", "advisory", {});
    expect(sdk.events).toEqual(["printed 4242"]);
    expect(sdk.Server.prototype.bindAsync).toBe(original);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sdk.events).toEqual(["printed 4242", "prepared secure-ai@0.1.0"]);

    const failing = fakeSdk(new Error("address in use"));
    expect(prepareAnalyzerInfoOnListening(failing.fake, () => failing.fake)).toBe(true);
    failing.server.serve("secure-ai", "0.1.0", "advisory", {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(failing.events).toEqual(["bind failed for secure-ai"]);
  });

  it("changes nothing when the direct encoding is not installed", () => {
    const sdk = fakeSdk(undefined);
    const bare = Object.assign((id: string) => (id === "@pulumi/policy/protoutil" ? {} : sdk.fake(id)), {
      resolve: sdk.fake.resolve,
    }) as unknown as NodeJS.Require;
    const serve = sdk.server.serve;
    expect(prepareAnalyzerInfoOnListening(bare, () => bare)).toBe(false);
    expect(sdk.server.serve).toBe(serve);
  });
});
