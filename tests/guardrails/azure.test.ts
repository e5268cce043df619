import { beforeAll, describe, expect, it } from "vitest";
import * as azureGuardrails from "../../components/guardrails/azure";
import { builtInDefinitionId, KNOWN_AZURE_DEFINITIONS } from "../../components/guardrails/known-ids";
import { CONTROL_IDS } from "../../components/controls/ids";
import {
  type BuiltGuardrails,
  buildGuardrails,
  installGuardrailsMocks,
  linkGuardrailsBuilder,
} from "./mocks";

const ASSIGNMENT = "azure-native:authorization:PolicyAssignment";
const SCOPE = "/providers/Microsoft.Management/managementGroups/acme-prod";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let deny: BuiltGuardrails;
let audit: BuiltGuardrails;

beforeAll(async () => {
  linkGuardrailsBuilder("azure", azureGuardrails);
  await installGuardrailsMocks();
  deny = await buildGuardrails("org", { cloud: "azure", azure: { scope: SCOPE } });
  audit = await buildGuardrails("org2", {
    cloud: "azure",
    azure: { scope: SCOPE, effect: "Audit", keyRotationDays: 60 },
  });
});

function assignmentFor(built: BuiltGuardrails, guid: string) {
  const found = built
    .ofType(ASSIGNMENT)
    .filter((a) => a.inputs.policyDefinitionId === builtInDefinitionId(guid));
  if (found.length !== 1) throw new Error(`expected one assignment of ${guid}, found ${found.length}`);
  return found[0]!;
}

describe("the recorded Azure built-in definitions", () => {
  it("are GUIDs with a display name, allowed effects and a source, each once", () => {
    const definitions = Object.values(KNOWN_AZURE_DEFINITIONS);
    expect(new Set(definitions.map((d) => d.guid)).size).toBe(definitions.length);
    for (const definition of definitions) {
      expect(definition.guid).toMatch(GUID);
      expect(definition.displayName.length).toBeGreaterThan(10);
      expect(definition.effects).toContain("Audit");
      expect(definition.source.where).toMatch(/^Azure\/azure-policy built-in-policies\/policyDefinitions\//);
    }
  });
});

describe("SecureAiGuardrails on Azure", () => {
  it("assigns exactly the recorded built-in definitions at the scope", () => {
    const assignments = deny.ofType(ASSIGNMENT);
    expect(deny.resources.every((r) => r.type === ASSIGNMENT)).toBe(true);
    expect(assignments.map((a) => a.inputs.policyDefinitionId).sort()).toEqual(
      Object.values(KNOWN_AZURE_DEFINITIONS)
        .map((d) => builtInDefinitionId(d.guid))
        .sort(),
    );
    for (const assignment of assignments) {
      expect(assignment.inputs.scope).toBe(SCOPE);
      expect(assignment.inputs.enforcementMode).toBe("Default");
      expect(String(assignment.inputs.policyAssignmentName).length).toBeLessThanOrEqual(24);
    }
  });

  it("sets each assignment's effect from the args, within what the definition allows", () => {
    const kv = assignmentFor(deny, KNOWN_AZURE_DEFINITIONS.keyVaultPublicNetwork.guid);
    expect(kv.inputs).toMatchObject({
      policyAssignmentName: "sai-kv-no-public",
      displayName: "Secure AI: Azure Key Vault should disable public network access",
      parameters: { effect: { value: "Deny" } },
    });
    expect(assignmentFor(deny, KNOWN_AZURE_DEFINITIONS.aiServicesLocalAuth.guid).inputs.parameters).toEqual({
      effect: { value: "Deny" },
    });
    // No Deny in these definitions: assigned with Audit.
    expect(
      assignmentFor(deny, KNOWN_AZURE_DEFINITIONS.storageCustomerManagedKey.guid).inputs.parameters,
    ).toEqual({
      effect: { value: "Audit" },
    });
    expect(assignmentFor(deny, KNOWN_AZURE_DEFINITIONS.keyRotationWithinDays.guid).inputs.parameters).toEqual(
      {
        effect: { value: "Audit" },
        maximumDaysToRotate: { value: 90 },
      },
    );
    expect(
      assignmentFor(audit, KNOWN_AZURE_DEFINITIONS.keyRotationWithinDays.guid).inputs.parameters,
    ).toEqual({
      effect: { value: "Audit" },
      maximumDaysToRotate: { value: 60 },
    });
    for (const assignment of audit.ofType(ASSIGNMENT)) {
      expect((assignment.inputs.parameters as { effect: { value: string } }).effect.value).toBe("Audit");
    }
  });

  it("reports denied controls as implemented and audit-only ones as gaps", () => {
    expect(deny.controls.map((c) => c.id)).toEqual([...CONTROL_IDS]);
    expect(deny.control("SAI-NET-02").status).toBe("implemented");
    expect(deny.control("SAI-MOD-02").status).toBe("implemented");
    expect(deny.control("SAI-ENC-07").status).toBe("implemented");
    expect(deny.control("SAI-ENC-01")).toMatchObject({ status: "gap" });
    expect(deny.control("SAI-ENC-01").note).toContain("sai-st-cmk");
    expect(deny.control("SAI-ENC-01").note).toContain("offers no Deny effect");
    expect(deny.control("SAI-ENC-03").status).toBe("gap");
    expect(deny.control("SAI-GOV-03").status).toBe("implemented");
    expect(audit.control("SAI-NET-02")).toMatchObject({ status: "gap" });
    expect(audit.control("SAI-NET-02").note).toContain("effect Audit was chosen");
  });
});
