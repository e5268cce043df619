import { type AzureGuardrailKey, builtInDefinitionId, KNOWN_AZURE_DEFINITIONS } from "./known-ids";
import type { ResolvedAzureGuardrails } from "./resolved";

/** A built-in policy assignment the guardrails make, before it becomes a resource. */
export interface PlannedAssignment {
  key: AzureGuardrailKey;
  /** Assignment name: at most 24 characters, the limit at management-group scope. */
  assignmentName: string;
  policyDefinitionId: string;
  displayName: string;
  /** The effect actually assigned: the chosen one, or Audit where the definition offers no Deny. */
  effect: "Deny" | "Audit";
  parameters: Record<string, { value: string | number }>;
}

/**
 * The assignments, by guardrail. The controls each one enforces are listed in the controls catalog
 * (`CloudImplementation.guardrails`), by definition GUID.
 */
const GUARDRAILS: readonly { key: AzureGuardrailKey; assignmentName: string }[] = [
  { key: "keyVaultPublicNetwork", assignmentName: "sai-kv-no-public" },
  { key: "keyVaultDeletionProtection", assignmentName: "sai-kv-purge-protect" },
  { key: "keyRotationWithinDays", assignmentName: "sai-kv-key-rotation" },
  { key: "storagePublicNetwork", assignmentName: "sai-st-no-public" },
  { key: "storageCustomerManagedKey", assignmentName: "sai-st-cmk" },
  { key: "aiServicesPublicNetwork", assignmentName: "sai-ai-no-public" },
  { key: "aiServicesLocalAuth", assignmentName: "sai-ai-no-local-auth" },
  { key: "aiServicesCustomerManagedKey", assignmentName: "sai-ai-cmk" },
];

/** The assignments, with each definition's effect and parameters set from the arguments. */
export function plannedAssignments(spec: ResolvedAzureGuardrails): PlannedAssignment[] {
  return GUARDRAILS.map(({ key, assignmentName }) => {
    const definition = KNOWN_AZURE_DEFINITIONS[key];
    const effects: readonly string[] = definition.effects;
    const effect = spec.effect === "Deny" && effects.includes("Deny") ? "Deny" : "Audit";
    const parameters: Record<string, { value: string | number }> = { effect: { value: effect } };
    if (key === "keyRotationWithinDays") parameters.maximumDaysToRotate = { value: spec.keyRotationDays };
    return {
      key,
      assignmentName,
      policyDefinitionId: builtInDefinitionId(definition.guid),
      displayName: `Secure AI: ${definition.displayName}`.slice(0, 128),
      effect,
      parameters,
    };
  });
}
