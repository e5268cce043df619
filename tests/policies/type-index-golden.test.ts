/**
 * Golden test of the pack's type index (`policy-packs/secure-ai/policies/lib/type-index*.ts`): the pack
 * started twice, with the index (the default) and without it (`SECURE_AI_PACK_TYPE_INDEX=0`, the SDK's
 * loop over every policy), is asked the same questions, and every answer must be the same: Analyze's
 * diagnostics and not-applicable entries (order included), the examinations the preflight reads from them,
 * Remediate's remediations and AnalyzeStack's answer. Questions: the policy fixtures of tests/policies
 * under a config with remediate, disabled, advisory and waived policies, then the three bundled stacks'
 * resources as the preflight records them, preview (unknowns) and update, under the default config. One
 * pack start per variant; requests go 8 at a time, as the preflight sends them.
 */
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AnalyzerClient,
  type AnalyzerInfo,
  type AnalyzerResourceInput,
} from "../../preflight/analyzer/client";
import { resourceExaminations } from "../../preflight/analyzer/examinations";
import { launchPolicyPack, type PolicyPackProcess } from "../../preflight/analyzer/launch";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../preflight/analyzer/policy-config";
import { indexByUrn, toAnalyzerResource } from "../../preflight/analyzer/resource-input";
import { runStack } from "../../preflight/engine";
import type { Pass, StackRun } from "../../preflight/model";
import { PACK_DIR } from "./protocol-fixtures";
import { fixtureResources, fixturesPolicyConfig } from "./type-index-fixtures";

const REPOSITORY_ROOT = path.resolve(__dirname, "../..");
const STACKS = ["aws-prod", "gcp-prod", "azure-prod"] as const;
const MODES = ["preview", "update"] as const satisfies readonly Pass[];
const TIMEOUT_MS = 600_000;
const IN_FLIGHT = 8;

/** One started variant of the pack. */
interface Variant {
  pack: PolicyPackProcess;
  client: AnalyzerClient;
  info: AnalyzerInfo;
}

/** A call's answer, or the error it failed with (an error must be the same error in both variants). */
type Settled<T> = { answer: T } | { error: string };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { answer: await promise };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** `work` over `items`, `IN_FLIGHT` at a time, answers in item order. */
async function inFlight<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results;
}

async function start(typeIndex: "0" | "1"): Promise<Variant> {
  const pack = await launchPolicyPack(PACK_DIR, {
    preferCompiled: false,
    startTimeoutMs: TIMEOUT_MS,
    env: { SECURE_AI_PACK_TYPE_INDEX: typeIndex },
    context: { project: "secure-ai", stack: "golden", dryRun: true },
  });
  const client = new AnalyzerClient(pack.address, { callTimeoutMs: TIMEOUT_MS });
  await client.handshake(pack.dir);
  const info = await client.getAnalyzerInfo();
  return { pack, client, info };
}

/** Everything one variant answers for one pass over `resources`. */
async function answers(
  variant: Variant,
  resources: readonly AnalyzerResourceInput[],
  pass: { stack: string; mode: Pass; config: Record<string, unknown> },
) {
  const { client, info } = variant;
  await client.configureStack({ stack: pass.stack, project: "secure-ai", dryRun: pass.mode === "preview" });
  await client.configure(reconcilePolicyConfig(info, parsePolicyConfig(pass.config)));
  const examining = {
    name: info.name,
    policies: new Map(info.policies.map((policy) => [policy.name, policy])),
  };
  const analyzed = await inFlight(resources, async (input) => {
    const result = await settle(client.analyze(input));
    const examinations =
      "answer" in result ? resourceExaminations(examining, input, result.answer, pass.mode) : [];
    return { urn: input.urn, result, examinations };
  });
  const remediated = await inFlight(resources, (input) => settle(client.remediate(input)));
  const stack = await settle(client.analyzeStack([...resources]));
  return { analyzed, remediated, stack };
}

function stackResources(run: StackRun): AnalyzerResourceInput[] {
  const byUrn = indexByUrn(run.resources);
  return run.resources.map((recorded) => toAnalyzerResource(recorded, byUrn));
}

describe(
  "the type index answers exactly what the SDK's loop over every policy answers",
  { timeout: TIMEOUT_MS },
  () => {
    let indexed: Variant | undefined;
    let plain: Variant | undefined;
    const runs = new Map<string, StackRun>();

    const both = (): [Variant, Variant] => {
      if (indexed === undefined || plain === undefined) throw new Error("a pack did not start");
      return [indexed, plain];
    };

    beforeAll(async () => {
      const packs = Promise.all([start("1"), start("0")]);
      const stacks = (async () => {
        for (const stack of STACKS) {
          const [preview, update] = await Promise.all(
            MODES.map((mode) =>
              runStack({ programDir: REPOSITORY_ROOT, stack, mode, onProgramOutput: () => undefined }),
            ),
          );
          runs.set(`${stack} preview`, preview!);
          runs.set(`${stack} update`, update!);
        }
      })();
      [[indexed, plain]] = await Promise.all([packs, stacks]);
    }, TIMEOUT_MS);

    afterAll(async () => {
      indexed?.client.close();
      plain?.client.close();
      await Promise.all([indexed?.pack.close(), plain?.pack.close()]);
    });

    it("serves the same policies", () => {
      const [withIndex, without] = both();
      expect(withIndex.info).toEqual(without.info);
    });

    it("gives the same answers for the policy fixtures (remediate, disabled, advisory and waived policies)", async () => {
      const [withIndex, without] = both();
      const resources = fixtureResources();
      expect(resources.length).toBeGreaterThan(900);
      const pass = { stack: "golden", mode: "preview" as const, config: fixturesPolicyConfig() };
      const [expected, actual] = await Promise.all([
        answers(without, resources, pass),
        answers(withIndex, resources, pass),
      ]);
      // The fixtures exercise what the index must reproduce: findings, remediations, per-resource reasons.
      const findings = expected.analyzed.flatMap((item) =>
        "answer" in item.result ? item.result.answer.diagnostics : [],
      );
      expect(findings.length).toBeGreaterThan(100);
      expect(
        expected.remediated.some((item) => "answer" in item && item.answer.remediations.length > 0),
      ).toBe(true);
      const reasons = expected.analyzed.flatMap((item) =>
        "answer" in item.result ? item.result.answer.notApplicable.map((entry) => entry.reason) : [],
      );
      expect(reasons.some((reason) => reason.startsWith("unknown-inputs"))).toBe(true);
      for (const [index, item] of actual.analyzed.entries()) {
        expect(item, item.urn).toEqual(expected.analyzed[index]);
      }
      expect(actual.remediated).toEqual(expected.remediated);
      expect(actual.stack).toEqual(expected.stack);
    });

    describe.each(STACKS.flatMap((stack) => MODES.map((mode) => [stack, mode] as const)))(
      "stack %s, %s pass",
      (stack, mode) => {
        it("gives the same findings, not-applicable answers, examinations and remediations", async () => {
          const [withIndex, without] = both();
          const run = runs.get(`${stack} ${mode}`);
          expect(run?.resources.length).toBeGreaterThan(50);
          const resources = stackResources(run!);
          const pass = { stack, mode, config: {} };
          const [expected, actual] = await Promise.all([
            answers(without, resources, pass),
            answers(withIndex, resources, pass),
          ]);
          expect(expected.analyzed.every((item) => "answer" in item.result)).toBe(true);
          for (const [index, item] of actual.analyzed.entries()) {
            expect(item, item.urn).toEqual(expected.analyzed[index]);
          }
          expect(actual.remediated).toEqual(expected.remediated);
          expect(actual.stack).toEqual(expected.stack);
        });
      },
    );
  },
);
