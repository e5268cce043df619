/**
 * Policy robustness: every policy of the pack receives fuzzed properties (missing, unknown at preview,
 * secret, wrong type, huge, nested nulls) through @pulumi/policy's own server functions, as the pack's gRPC
 * server would run it. A policy must never make the server fail (a gRPC error aborts the user's preview),
 * and must never need the pack's crash net (`define.ts` turns an exception into a "could not evaluate"
 * violation): reading odd input is the policy's job. Remediations are fuzzed the same way.
 */
import fc from "fast-check";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { beforeAll, describe, expect, it } from "vitest";
import * as serverModule from "@pulumi/policy/server";
import type { Policy } from "@pulumi/policy";
import { policies, type SecureAiPolicy } from "../../policy-packs/secure-ai/policies";
import { defineResourcePolicy, get } from "../../policy-packs/secure-ai/policies/lib";
import type { RecordedResource } from "../../preflight/model";
import { encodeProperties } from "../../preflight/analyzer/wire-values";
import { capturePlatform } from "./support/capture";
import { fuzzProps, literalsOf, mutatedProps, randomKey } from "./support/fuzz-values";
import { analyzeRequest, diagnosticsOf, invoke, packHandlers, stackResource } from "./support/pack-runtime";

/**
 * Fuzz cases per policy: 30 in `npm test` (new random cases every run), 300 in `npm run test:property`,
 * `FUZZ_RUNS` when set.
 */
const FUZZ_RUNS =
  Number(process.env.FUZZ_RUNS ?? "") || (Number(process.env.PROPERTY_RUNS ?? "") >= 1000 ? 300 : 30);
const CRASH_NET = /could not evaluate/;

type MakeRpc = (pack: string, version: string, level: string, policies: readonly Policy[]) => unknown;
const makeRemediate = (serverModule as unknown as { makeRemediateRpcFun: MakeRpc }).makeRemediateRpcFun;

/** Real resources of every type the backends create (public API on, personal data), in wire form. */
const realByType = new Map<string, Record<string, unknown>[]>();

function remember(resources: readonly RecordedResource[]): void {
  for (const resource of resources) {
    const list = realByType.get(resource.type) ?? [];
    list.push(encodeProperties(resource.inputs) as Record<string, unknown>);
    realByType.set(resource.type, list);
  }
}

beforeAll(async () => {
  const common = {
    models: [{ name: "chat", sensitivity: "high" }],
    datasets: [{ name: "people", personalData: true, retentionDays: 30 }],
  };
  remember(
    (
      await capturePlatform("fuzz", {
        cloud: "aws",
        aws: { region: "eu-west-1" },
        ...common,
        publicApi: {
          enabled: true,
          certificate: "arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-4000-8000-000000000000",
        },
      })
    ).resources,
  );
  remember(
    (
      await capturePlatform("fuzz", {
        cloud: "gcp",
        gcp: { project: "fuzz-project", region: "europe-west4" },
        ...common,
        publicApi: { enabled: true, certificate: "projects/fuzz-project/global/sslCertificates/api" },
      })
    ).resources,
  );
  remember(
    (
      await capturePlatform("fuzz", {
        cloud: "azure",
        // swedencentral offers the default OpenAI model as a regional Standard deployment.
        azure: { location: "swedencentral", tenantId: "00000000-0000-0000-0000-000000000002" },
        ...common,
        publicApi: {
          enabled: true,
          certificate: "https://fuzz-vault.vault.azure.net/secrets/api",
          certificateVaultId:
            "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/certs/providers/Microsoft.KeyVault/vaults/fuzz-vault",
        },
      })
    ).resources,
  );
}, 600_000);

/** Property names the policy reads (its source) and that its resource types carry (real inputs). */
function vocabulary(policy: SecureAiPolicy): string[] {
  const names = new Set(literalsOf(policy.definition.validate.toString()));
  for (const type of policy.definition.resourceTypes) {
    for (const props of realByType.get(type) ?? []) {
      for (const key of Object.keys(props)) names.add(key);
    }
  }
  return [...names].filter((name) => !name.startsWith("SAI-") && literalsOf(JSON.stringify(name)).length > 0);
}

function propsFor(policy: SecureAiPolicy, type: string): fc.Arbitrary<Record<string, unknown>> {
  const keys = vocabulary(policy);
  const real = realByType.get(type) ?? [];
  return real.length === 0
    ? fuzzProps(keys)
    : fc.oneof(
        fuzzProps(keys),
        fc.constantFrom(...real).chain((props) => mutatedProps(props, keys)),
      );
}

const urnOf = (type: string, name: string) => `urn:pulumi:fuzz::secure-ai::${type}::${name}`;

function failures(diagnostics: { policy: string; message: string }[]): string[] {
  return diagnostics.filter((d) => CRASH_NET.test(d.message)).map((d) => `${d.policy}: ${d.message}`);
}

const resourcePolicies = policies.filter((policy) => "validateResource" in policy);
const stackPolicies = policies.filter((policy) => "validateStack" in policy);

describe(`policy robustness (${FUZZ_RUNS} fuzz cases per policy)`, () => {
  it("can fail: a policy that throws on odd input is caught, through the crash net and without it", async () => {
    const fragile = defineResourcePolicy({
      name: "aws-kms-key-require-fixture",
      cloud: "aws",
      controls: ["SAI-ENC-01"],
      description: "A deliberately fragile fixture policy.",
      enforcementLevel: "mandatory",
      resourceTypes: ["aws:kms/key:Key"],
      validate: ({ props }) => {
        (get(props, "description") as string).toUpperCase();
      },
    });
    const request = analyzeRequest(
      { urn: urnOf("aws:kms/key:Key", "k"), type: "aws:kms/key:Key", name: "k" },
      {},
    );
    const caught = failures(diagnosticsOf(await invoke(packHandlers([fragile]).analyze, request)));
    expect(caught).toHaveLength(1);
    const raw = {
      ...fragile,
      validateResource: () => {
        throw new TypeError("boom");
      },
    };
    await expect(invoke(packHandlers([raw]).analyze, request)).rejects.toThrow(/boom/);
  });

  it("covers every policy of the pack", () => {
    expect(resourcePolicies.length + stackPolicies.length).toBe(policies.length);
    expect(policies.length).toBeGreaterThan(50);
  });

  it.each(resourcePolicies.map((policy) => [policy.name, policy] as const))(
    "%s never throws on fuzzed properties",
    async (_name, policy) => {
      const { analyze } = packHandlers([policy]);
      const remediate =
        "remediateResource" in policy && policy.remediateResource
          ? (makeRemediate("secure-ai", "0.1.0", "advisory", [
              { ...policy, enforcementLevel: "remediate" },
            ]) as Parameters<typeof invoke>[0])
          : undefined;
      const types = policy.definition.resourceTypes;
      const cases = fc
        .constantFrom(...types)
        .chain((type) => propsFor(policy, type).map((props) => ({ type, props })));
      await fc.assert(
        fc.asyncProperty(cases, async ({ type, props }) => {
          const request = analyzeRequest({ urn: urnOf(type, "target"), type, name: "target" }, props);
          const response = await invoke(analyze, request);
          expect(failures(diagnosticsOf(response))).toEqual([]);
          if (remediate) {
            await invoke(remediate, request);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    300_000,
  );

  it.each(stackPolicies.map((policy) => [policy.name, policy] as const))(
    "%s never throws on a fuzzed stack",
    async (_name, policy) => {
      const { analyzeStack } = packHandlers([policy]);
      const types = [
        ...policy.definition.resourceTypes,
        "pulumi:pulumi:Stack",
        "random:index/randomId:RandomId",
      ];
      const member = fc
        .constantFrom(...types)
        .chain((type) => propsFor(policy, type).map((props) => ({ type, props })));
      const stacks = fc.tuple(
        fc.array(member, { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), randomKey, fc.nat()), { maxLength: 6 }),
      );
      await fc.assert(
        fc.asyncProperty(stacks, async ([members, links]) => {
          const named = members.map((member, index) => ({
            ...member,
            name: `r${index}`,
            urn: urnOf(member.type, `r${index}`),
          }));
          const dependencies = new Map<number, Map<string, string[]>>();
          for (const [from, property, to] of links) {
            if (named.length === 0) break;
            const target = named[to % named.length];
            const deps = dependencies.get(from % named.length) ?? new Map<string, string[]>();
            // Now and then a dangling URN (a resource the stack does not hold).
            const urn =
              to % 7 === 0 || target === undefined ? "urn:pulumi:fuzz::secure-ai::x::dangling" : target.urn;
            deps.set(property, [...(deps.get(property) ?? []), urn]);
            dependencies.set(from % named.length, deps);
          }
          const request = new analyzerproto.AnalyzeStackRequest();
          request.setResourcesList(
            named.map((member, index) =>
              stackResource(
                { ...member, propertyDependencies: Object.fromEntries(dependencies.get(index) ?? []) },
                member.props,
              ),
            ),
          );
          const response = await invoke(analyzeStack, request);
          expect(failures(diagnosticsOf(response))).toEqual([]);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    300_000,
  );
});
