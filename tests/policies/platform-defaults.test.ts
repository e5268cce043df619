/**
 * SecureAiPlatform's own output passes the secure-ai pack with zero mandatory violations, on every cloud, for
 * the defaults and their variants. Each variant is a stack of a small fixture program
 * (`tests/fixtures/programs/platform-<cloud>`): `baseline` (defaults only), `features` (public API with the
 * cloud's certificate, a high-sensitivity model, a personal-data dataset with retention, the alternative
 * serving where the cloud has one), `singletons-adopt` and `singletons-skip`. The preflight engine runs each
 * stack under the mock runtime in preview mode, exactly as `secure-ai check` does, and the pack, started as the
 * Pulumi CLI starts it for a preview, analyses what was recorded over the analyzer protocol: Analyze per
 * resource, then AnalyzeStack. One pack serves the three clouds: its policies read neither the project nor the
 * stack name from the environment the CLI gives a pack (only whether it is a preview, the same for all), and
 * Configure is sent before each analysis, so each stack is analysed as by a pack of its own.
 */
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerClient, type AnalyzerInfo } from "../../preflight/analyzer/client";
import { launchPolicyPack, type PolicyPackProcess } from "../../preflight/analyzer/launch";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../preflight/analyzer/policy-config";
import { indexByUrn, toAnalyzerResource } from "../../preflight/analyzer/resource-input";
import { runStack } from "../../preflight/engine";
import type { RecordedResource, StackRun } from "../../preflight/model";

const PACK_DIR = path.resolve(__dirname, "../../policy-packs/secure-ai");
const PROGRAMS = path.resolve(__dirname, "../fixtures/programs");
const VARIANTS = ["baseline", "features", "singletons-adopt", "singletons-skip"] as const;
type Variant = (typeof VARIANTS)[number];

/** One finding, flattened for readable failure output. */
interface Finding {
  policy: string;
  level: string;
  resource: string;
  message: string;
}

/** What differs per cloud. */
interface CloudCase {
  cloud: "aws" | "gcp" | "azure";
  /**
   * The policy that guards public ingress, which a public API opens on 443 (AWS ALB security group, Azure
   * Application Gateway NSG). Opening a public port is a decision the pack leaves to its configuration
   * (`allowedPublicPorts`), as the aws-bedrock-chatbot example documents; GCP's global load balancer needs
   * no public firewall rule.
   */
  publicIngressPolicy?: string;
  /** Type token and tags/labels property of the cloud's keys and of its personal-data store. */
  key: { type: string; labels: string };
  store: { type: string; labels: string };
  /** The threat-detection singleton, absent when skipped or adopted. */
  threatDetectionType?: string;
}

const CLOUDS: readonly CloudCase[] = [
  {
    // AWS needs no decision: aws-ec2-securitygroup-require-waf-for-public-https correlates the ALB's security
    // group with the load balancer and its WAF association.
    cloud: "aws",
    key: { type: "aws:kms/key:Key", labels: "tags" },
    store: { type: "aws:s3/bucket:Bucket", labels: "tags" },
    threatDetectionType: "aws:guardduty/detector:Detector",
  },
  {
    cloud: "gcp",
    key: { type: "gcp:kms/cryptoKey:CryptoKey", labels: "labels" },
    store: { type: "gcp:storage/bucket:Bucket", labels: "labels" },
  },
  {
    cloud: "azure",
    publicIngressPolicy: "azure-network-securityrule-disallow-public-ingress",
    key: { type: "azure-native:keyvault:Key", labels: "tags" },
    store: { type: "azure-native:storage:StorageAccount", labels: "tags" },
    threatDetectionType: "azure-native:security:Pricing",
  },
];

/** Sends a run's resources to the pack as the CLI does after a preview: Analyze each, then AnalyzeStack. */
async function analyzeRun(client: AnalyzerClient, run: StackRun): Promise<Finding[]> {
  const byUrn = indexByUrn(run.resources);
  const inputs = run.resources.map((resource) => toAnalyzerResource(resource, byUrn));
  const findings: Finding[] = [];
  const add = (urn: string | undefined, diagnostics: Awaited<ReturnType<AnalyzerClient["analyze"]>>) => {
    for (const diagnostic of diagnostics.diagnostics) {
      findings.push({
        policy: diagnostic.policyName,
        level: diagnostic.enforcementLevel,
        resource: (urn ?? diagnostic.urn ?? "").split("::").pop() ?? "",
        message: diagnostic.message.split("\n").pop() ?? "",
      });
    }
  };
  for (const input of inputs) {
    add(input.urn, await client.analyze(input));
  }
  add(undefined, await client.analyzeStack(inputs));
  return findings;
}

function mandatory(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.level === "mandatory");
}

function ofType(run: StackRun, type: string): RecordedResource[] {
  return run.resources.filter((resource) => resource.type === type);
}

function labelOf(resource: RecordedResource, property: string, key: string): unknown {
  const labels = resource.inputs[property];
  return typeof labels === "object" && labels !== null && !Array.isArray(labels)
    ? (labels as Record<string, unknown>)[key]
    : undefined;
}

/** The pack and its client, started once for the file while the first cloud's stacks run. */
interface SharedPack {
  pack: PolicyPackProcess;
  client: AnalyzerClient;
  info: AnalyzerInfo;
}
let sharedPack: Promise<SharedPack> | undefined;

async function startPack(): Promise<SharedPack> {
  const pack = await launchPolicyPack(PACK_DIR, {
    preferCompiled: false,
    startTimeoutMs: 240_000,
    context: { project: "platform-aws", stack: "baseline", dryRun: true },
  });
  const client = new AnalyzerClient(pack.address, { callTimeoutMs: 240_000 });
  try {
    return { pack, client, info: await client.getAnalyzerInfo() };
  } catch (error) {
    client.close();
    await pack.close();
    throw error;
  }
}

beforeAll(() => {
  sharedPack = startPack();
  // Awaited by each cloud's beforeAll, which reports a failure; this only keeps it from being unhandled.
  sharedPack.catch(() => undefined);
});

afterAll(async () => {
  const started = await sharedPack?.catch(() => undefined);
  started?.client.close();
  await started?.pack.close();
});

describe.each(CLOUDS.map((entry) => [entry.cloud, entry] as const))(
  "SecureAiPlatform on %s against the secure-ai pack",
  { timeout: 300_000 },
  (cloud, entry) => {
    const runs = new Map<Variant, StackRun>();
    let client: AnalyzerClient | undefined;
    let info: AnalyzerInfo | undefined;

    const analyze = async (variant: Variant, config: Record<string, unknown> = {}): Promise<Finding[]> => {
      const run = runs.get(variant);
      if (client === undefined || info === undefined || run === undefined) {
        throw new Error(`the ${cloud} ${variant} stack or the pack did not start`);
      }
      await client.configure(reconcilePolicyConfig(info, parsePolicyConfig(config)));
      return analyzeRun(client, run);
    };
    const recorded = (variant: Variant): StackRun => {
      const run = runs.get(variant);
      if (run === undefined) throw new Error(`the ${cloud} ${variant} stack did not run`);
      return run;
    };

    beforeAll(async () => {
      for (const variant of VARIANTS) {
        runs.set(
          variant,
          await runStack({
            programDir: path.join(PROGRAMS, `platform-${cloud}`),
            stack: variant,
            onProgramOutput: () => undefined,
          }),
        );
      }
      ({ client, info } = await sharedPack!);
    }, 900_000);

    it("baseline: the defaults produce no mandatory violation", async () => {
      expect(recorded("baseline").resources.length).toBeGreaterThan(40);
      expect(mandatory(await analyze("baseline"))).toEqual([]);
    });

    it("features: public API, high sensitivity, personal data and alternative serving produce none", async () => {
      const config =
        entry.publicIngressPolicy === undefined
          ? {}
          : { [entry.publicIngressPolicy]: { allowedPublicPorts: ["443"] } };
      expect(mandatory(await analyze("features", config))).toEqual([]);
    });

    it("features: without the pack's public-port decision, only the public HTTPS ingress is reported", async () => {
      const findings = mandatory(await analyze("features"));
      if (entry.publicIngressPolicy === undefined) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((finding) => finding.policy === entry.publicIngressPolicy)).toBe(true);
    });

    it("features: the pack's HSM and personal-data policies see the platform's marked keys and stores", () => {
      const run = recorded("features");
      const sensitiveKeys = ofType(run, entry.key.type).filter(
        (key) => labelOf(key, entry.key.labels, "sensitivity") === "high",
      );
      expect(sensitiveKeys.length).toBeGreaterThan(0);
      const personalStores = ofType(run, entry.store.type).filter(
        (store) => labelOf(store, entry.store.labels, "personal-data") === "true",
      );
      expect(personalStores).toHaveLength(1);
      // The baseline has neither: nothing is marked that is not high sensitivity or personal.
      const baseline = recorded("baseline");
      expect(
        ofType(baseline, entry.key.type).filter(
          (key) => labelOf(key, entry.key.labels, "sensitivity") !== undefined,
        ),
      ).toEqual([]);
      expect(
        ofType(baseline, entry.store.type).filter(
          (store) => labelOf(store, entry.store.labels, "personal-data") !== undefined,
        ),
      ).toEqual([]);
    });

    it.each(["singletons-adopt", "singletons-skip"] as const)(
      "%s: leaving the singletons to others produces no mandatory violation",
      async (variant) => {
        if (entry.threatDetectionType !== undefined) {
          expect(ofType(recorded(variant), entry.threatDetectionType)).toEqual([]);
          expect(ofType(recorded("baseline"), entry.threatDetectionType).length).toBeGreaterThan(0);
        }
        const findings = await analyze(variant);
        expect(mandatory(findings)).toEqual([]);
        // The pack still notices: the missing singletons come back as advisory findings.
        expect(findings.some((finding) => finding.level === "advisory")).toBe(true);
      },
    );
  },
);
