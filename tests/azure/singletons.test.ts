import { beforeAll, describe, expect, it } from "vitest";
import { SUBSCRIPTION_ID, azureArgs, buildAzure, installAzureMocks } from "../helpers/azure-mocks";

/*
 * Issue 17 item 9 on Azure. Defender for Cloud plans exist in every subscription (Free until set) and are set
 * with a PUT on /subscriptions/{id}/providers/Microsoft.Security/pricings/{plan}
 * (https://learn.microsoft.com/en-us/rest/api/defenderforcloud/pricings/update): `create` does not conflict
 * with plans that are already on, it sets them to Standard. Sentinel is onboarded on the platform's own new
 * workspace. Neither fails where the subscription already has them; `adopt` is for plans someone else owns.
 */

beforeAll(() => installAzureMocks());

const PRICING = "azure-native:security:Pricing";

describe("Azure Defender plans and Sentinel onboarding", () => {
  it("create: each plan is a PUT of Standard on the subscription scope; Sentinel onboards the platform's workspace", async () => {
    const built = await buildAzure("defput", azureArgs());
    const plans = built.ofType(PRICING);
    expect(plans.map((p) => [p.inputs.scopeId, p.inputs.pricingTier])).toEqual(
      plans.map(() => [`/subscriptions/${SUBSCRIPTION_ID}`, "Standard"]),
    );
    expect(plans.map((p) => p.inputs.pricingName).sort()).toEqual(
      ["AI", "CloudPosture", "KeyVaults", "StorageAccounts"].sort(),
    );
    // The workspace is the platform's own (autonamed after it): onboarding it touches no other workspace.
    expect(built.ofType("azure-native:operationalinsights:Workspace")).toHaveLength(1);
    expect(
      built
        .ofType("azure-native:securityinsights:SentinelOnboardingState")
        .map((o) => [o.inputs.sentinelOnboardingStateName, o.inputs.workspaceName]),
    ).toEqual([["default", expect.stringMatching(/^defput-logs/)]]);
  });

  it("adopt: no plan, onboarding or export, and the evidence says adopted without claiming which plans are on", async () => {
    const built = await buildAzure(
      "defadopt",
      azureArgs({
        detection: {
          singletons: {
            threatDetection: "adopt",
            postureManagement: "adopt",
            siemOnboarding: "adopt",
            auditConfig: "adopt",
          },
        },
      }),
    );
    expect(built.ofType(PRICING)).toEqual([]);
    expect(built.ofType("azure-native:securityinsights:SentinelOnboardingState")).toEqual([]);
    expect(built.ofType("azure-native:monitor:SubscriptionDiagnosticSetting")).toEqual([]);
    for (const id of ["SAI-DET-01", "SAI-DET-02", "SAI-LOG-01", "SAI-LOG-03"]) {
      const note = built.control(id).note ?? "";
      expect([id, built.control(id).status]).toEqual([id, "implemented"]);
      expect(note).toContain("adopted: the platform relies on");
      expect(note).toContain("not verified here");
    }
  });
});
