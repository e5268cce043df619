import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { SecureAiPlatform } from "../../components/platform";
import { SecureAiConfigError } from "../../components/errors";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { freshRuntime } from "../reliability/support/capture";
import { awsSpec } from "./arbitraries/aws";
import { azureSpec } from "./arbitraries/azure";
import { gcpSpec } from "./arbitraries/gcp";
import { type MutatedSpec, invalidSpec, nodesOf } from "./arbitraries/mutations";
import { PROPERTY_RUNS, timeoutFor } from "./support/runs";

const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs;
const anySpec = fc.oneof(awsSpec, gcpSpec, azureSpec);
/** Invalid specs are cheap (nothing is built), so they get more runs than the valid ones. */
const INVALID_RUNS = Math.max(PROPERTY_RUNS, 1000);
/** Junk is mostly rejected early; the few accepted specs are built in full. */
const JUNK_RUNS = Math.max(PROPERTY_RUNS, 100);

/** Constructs the component; returns what it threw (or undefined) and how many registrations reached the engine. */
async function construct(name: string, args: unknown): Promise<{ thrown: unknown; registrations: number }> {
  const runtime = await freshRuntime();
  let thrown: unknown;
  try {
    new SecureAiPlatform(name, args as SecureAiPlatformArgs);
  } catch (error) {
    thrown = error;
  }
  await waitForRPCs();
  return { thrown, registrations: runtime.count() };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

describe("random invalid specs", () => {
  it(
    `throw only SecureAiConfigError naming the broken argument, and register nothing (${INVALID_RUNS} runs)`,
    async () => {
      const kinds = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(invalidSpec(anySpec), async (mutated: MutatedSpec) => {
          const { thrown, registrations } = await construct(mutated.name, mutated.args);
          expect(thrown, `${mutated.kind} at ${mutated.path}: ${describeError(thrown)}`).toBeInstanceOf(
            SecureAiConfigError,
          );
          expect((thrown as SecureAiConfigError).path).toBe(mutated.path);
          expect(registrations, "resources registered before the error").toBe(0);
          kinds.set(mutated.kind, (kinds.get(mutated.kind) ?? 0) + 1);
        }),
        { numRuns: INVALID_RUNS },
      );
      console.info("invalid spec kinds", Object.fromEntries(kinds));
      expect(kinds.size).toBeGreaterThanOrEqual(5);
    },
    timeoutFor(INVALID_RUNS, 1_000),
  );

  it(
    `never throw anything but SecureAiConfigError for arbitrary junk in any argument (${JUNK_RUNS} runs)`,
    async () => {
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(
          anySpec,
          fc.nat(),
          fc.anything({ withNullPrototype: true, withBoxedValues: true }),
          async (spec, where, junk) => {
            const args = structuredClone(spec.args) as unknown as Record<string, unknown>;
            const nodes = nodesOf(args).filter((node) => node.parent !== undefined);
            const node = nodes[where % nodes.length];
            if (node) (node.parent as Record<string | number, unknown>)[node.key as string | number] = junk;
            const { thrown, registrations } = await construct(spec.name, args);
            if (thrown !== undefined) {
              rejected += 1;
              expect(thrown, describeError(thrown)).toBeInstanceOf(SecureAiConfigError);
              expect(registrations).toBe(0);
            } else {
              expect(pulumi.log.hasErrors(), "an accepted spec built without engine errors").toBe(false);
            }
          },
        ),
        { numRuns: JUNK_RUNS },
      );
      console.info("junk specs rejected", rejected, "of", JUNK_RUNS);
    },
    timeoutFor(JUNK_RUNS),
  );
});
