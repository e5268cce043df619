import * as authorization from "@pulumi/azure-native/authorization";
import type { ControlId } from "../controls/ids";
import { guardrailChildName, type GuardrailsContext } from "./context";
import { type PlannedAssignment, plannedAssignments } from "./azure-assignments";
import { controlsWithGuardrails, guardrailsEnforcing } from "./enforced-controls";
import { KNOWN_AZURE_DEFINITIONS } from "./known-ids";

/** Controls whose evidence the builder words itself: they cover every assignment. */
const ORGANISATION_WIDE: readonly ControlId[] = ["SAI-IAM-05", "SAI-GOV-03"];

type BuiltAssignment = { planned: PlannedAssignment; assignment: authorization.PolicyAssignment };

/** The built assignments whose definition the catalog lists for the control on Azure. */
function enforcing(control: ControlId, built: readonly BuiltAssignment[]): BuiltAssignment[] {
  const guids = guardrailsEnforcing(control, "azure");
  return built.filter((entry) => guids.includes(KNOWN_AZURE_DEFINITIONS[entry.planned.key].guid));
}

function recordControl(ctx: GuardrailsContext, control: ControlId, built: readonly BuiltAssignment[]): void {
  const relevant = enforcing(control, built);
  const resources = relevant.map((entry) => entry.assignment);
  const audited = relevant.filter((entry) => entry.planned.effect !== "Deny");
  const scope = ctx.spec.azure?.scope ?? "";
  if (audited.length > 0) {
    const names = audited.map((entry) => entry.planned.assignmentName).join(", ");
    const why =
      ctx.spec.azure?.effect === "Audit"
        ? "effect Audit was chosen"
        : "the built-in definition offers no Deny effect";
    ctx.evidence.gap(
      control,
      `${names} only audit at ${scope} (${why}): non-compliant resources are reported, not refused`,
      resources,
    );
    return;
  }
  ctx.evidence.implemented(
    control,
    resources,
    `denied at ${scope} by ${relevant.map((entry) => entry.planned.assignmentName).join(", ")}`,
  );
}

/** Builds the Azure preventive layer: built-in policy assignments at the management group or subscription. */
export function buildAzureGuardrails(ctx: GuardrailsContext): void {
  const spec = ctx.spec.azure;
  if (!spec) throw new Error("the Azure guardrails need the resolved azure block");
  const built = plannedAssignments(spec).map((planned) => ({
    planned,
    assignment: new authorization.PolicyAssignment(
      guardrailChildName(ctx.name, planned.assignmentName),
      {
        policyAssignmentName: planned.assignmentName,
        scope: spec.scope,
        policyDefinitionId: planned.policyDefinitionId,
        displayName: planned.displayName,
        enforcementMode: "Default",
        parameters: planned.parameters,
        nonComplianceMessages: [
          { message: `Secure AI guardrail ${planned.assignmentName}: see the platform's security README.` },
        ],
      },
      { parent: ctx.parent },
    ),
  }));
  ctx.evidence.gap(
    "SAI-IAM-05",
    `no subscription is created; what is enforced: the assignments below apply to every subscription under ${spec.scope}`,
    enforcing("SAI-IAM-05", built).map((entry) => entry.assignment),
  );
  for (const control of controlsWithGuardrails("azure")) {
    if (!ORGANISATION_WIDE.includes(control)) recordControl(ctx, control, built);
  }
  ctx.evidence.implemented(
    "SAI-GOV-03",
    enforcing("SAI-GOV-03", built).map((entry) => entry.assignment),
    `Azure Policy assignments at ${spec.scope}; they hold outside Pulumi too`,
  );
}
