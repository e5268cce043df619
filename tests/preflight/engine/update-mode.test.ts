/**
 * The update pass: the program runs as `pulumi up` would, every output a cloud-shaped stand-in, so that no
 * input anywhere is unknown or null — and the platform's key policies, trust policies and service-agent
 * bindings carry real-shaped principals. Runs the platform fixtures on all three clouds.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runStack } from "../../../preflight/engine/index";
import type { RecordedValue, StackRun } from "../../../preflight/model";
import { fixtureProgram, outputCollector, temporaryProject } from "./helpers";

const TIMEOUT_MS = 120_000;

/** Every path in `value` that is unknown, null, or a string that leaked `undefined`. */
function unresolved(value: RecordedValue, at: string, found: string[] = []): string[] {
  if (value === null) {
    found.push(`${at} = null`);
  } else if (typeof value === "string") {
    if (/\bundefined\b/.test(value)) {
      found.push(`${at} = ${value.slice(0, 80)}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unresolved(item, `${at}[${index}]`, found));
  } else if (typeof value === "object") {
    if ("$unknown" in value) {
      found.push(`${at} = unknown`);
    } else if (!("$secret" in value)) {
      for (const [key, item] of Object.entries(value)) {
        unresolved(item as RecordedValue, `${at}.${key}`, found);
      }
    }
  }
  return found;
}

function inputsOf(run: StackRun, type: string): Record<string, RecordedValue>[] {
  return run.resources.filter((resource) => resource.type === type).map((resource) => resource.inputs);
}

/** A copy of a platform fixture with its stack config replaced. */
function platformWithConfig(fixture: string, stack: string, config: string): string {
  const source = fixtureProgram(fixture);
  const dir = temporaryProject({
    "Pulumi.yaml": fs.readFileSync(path.join(source, "Pulumi.yaml"), "utf8"),
    [`Pulumi.${stack}.yaml`]: config,
    "index.ts": fs
      .readFileSync(path.join(source, "index.ts"), "utf8")
      .replace(
        /"\.\.\/\.\.\/\.\.\/\.\.\/components"/,
        JSON.stringify(path.resolve(__dirname, "../../../components")),
      ),
  });
  fs.symlinkSync(path.resolve(__dirname, "../../../node_modules"), path.join(dir, "node_modules"));
  return dir;
}

describe.each([
  ["platform-aws", "baseline"],
  ["platform-gcp", "baseline"],
  ["platform-azure", "baseline"],
  ["platform-aws", "features"],
  ["platform-gcp", "features"],
  ["platform-azure", "features"],
])("update pass of %s (stack %s)", (fixture, stack) => {
  let update: StackRun;
  let preview: StackRun;
  beforeAll(async () => {
    const output = outputCollector();
    [update, preview] = await Promise.all([
      runStack({
        programDir: fixtureProgram(fixture),
        stack,
        mode: "update",
        onProgramOutput: output.onProgramOutput,
      }),
      runStack({
        programDir: fixtureProgram(fixture),
        stack,
        mode: "preview",
        onProgramOutput: output.onProgramOutput,
      }),
    ]);
  }, TIMEOUT_MS);

  it("leaves no input of any resource unknown, null or undefined", () => {
    expect(update.mode).toBe("update");
    const found = update.resources.flatMap((resource) =>
      unresolved(resource.inputs as RecordedValue, `${resource.type}::${resource.name}`),
    );
    expect(found).toEqual([]);
  });

  it("registers the same resources as the preview pass, with more of their inputs known", () => {
    // Registration order follows when inputs resolve, so compare the sets.
    const urns = (run: StackRun) => run.resources.map((resource) => resource.urn).sort();
    expect(urns(update)).toEqual(urns(preview));
    const unknownIn = (run: StackRun) =>
      run.resources.filter((resource) => JSON.stringify(resource.inputs).includes('"$unknown"')).length;
    expect(unknownIn(update)).toBe(0);
    expect(unknownIn(preview)).toBeGreaterThan(0);
  });
});

describe("update pass stand-ins carry the stack's identities", () => {
  it(
    "AWS key policies name the deployer's role from the session context, in the configured account",
    async () => {
      const dir = platformWithConfig(
        "platform-aws",
        "dev",
        [
          "config:",
          "  aws:region: eu-west-1",
          "  secure-ai-preflight:awsAccountId: '444455556666'",
          "  secure-ai-preflight:awsCallerRole: ci-deployer",
        ].join("\n"),
      );
      const run = await runStack({
        programDir: dir,
        stack: "dev",
        mode: "update",
        onProgramOutput: () => undefined,
      });
      const policies = inputsOf(run, "aws:kms/key:Key").map(
        (inputs) =>
          JSON.parse(inputs["policy"] as string) as {
            Statement: { Sid?: string; Principal?: { AWS?: unknown } }[];
          },
      );
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) {
        const admin = policy.Statement.find((statement) => statement.Sid === "KeyAdministrationWithoutUse");
        // The deployer (its role, from the session context) and the platform's key-administration role.
        const principals = admin?.Principal?.AWS as string[];
        expect(principals).toContain("arn:aws:iam::444455556666:role/ci-deployer");
        for (const principal of principals) {
          expect(principal).toMatch(/^arn:aws:iam::444455556666:role\/[\w+=,.@-]+$/);
        }
      }
      expect(run.invokes.map((invoke) => invoke.token)).toContain(
        "aws:iam/getSessionContext:getSessionContext",
      );
    },
    TIMEOUT_MS,
  );

  it(
    "GCP key grants name the Storage, BigQuery and Logging service agents of the configured project number",
    async () => {
      const dir = platformWithConfig(
        "platform-gcp",
        "dev",
        ["config:", "  secure-ai-preflight:gcpProjectNumber: '987654321098'"].join("\n"),
      );
      const run = await runStack({
        programDir: dir,
        stack: "dev",
        mode: "update",
        onProgramOutput: () => undefined,
      });
      const members = inputsOf(run, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map(
        (inputs) => inputs["member"],
      );
      expect(members).toContain(
        "serviceAccount:service-987654321098@gs-project-accounts.iam.gserviceaccount.com",
      );
      expect(members).toContain(
        "serviceAccount:service-987654321098@gcp-sa-aiplatform.iam.gserviceaccount.com",
      );
      expect(
        members.every(
          (member) => typeof member === "string" && /^serviceAccount:[^@]+@[a-z0-9.-]+$/.test(member),
        ),
      ).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    "Azure role assignments name the principal IDs of the identities they grant",
    async () => {
      const run = await runStack({
        programDir: fixtureProgram("platform-azure"),
        stack: "baseline",
        mode: "update",
        onProgramOutput: () => undefined,
      });
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const assignments = inputsOf(run, "azure-native:authorization:RoleAssignment");
      expect(assignments.length).toBeGreaterThan(0);
      for (const assignment of assignments) {
        expect(assignment["principalId"]).toMatch(uuid);
        expect(String(assignment["scope"])).toMatch(/^\/subscriptions\/[0-9a-f-]{36}\//);
      }
      const vault = inputsOf(run, "azure-native:keyvault:Vault")[0]!;
      expect(JSON.stringify(vault)).not.toContain("$unknown");
    },
    TIMEOUT_MS,
  );
});
