import type { ControlEvidenceOutput } from "../../components/evidence";
import { controlCatalog } from "../../components/controls";
import type { GuardrailCloud } from "../../components/guardrails/enforced-controls";
import type { BuiltGuardrails, RecordedResource } from "./mocks";

/*
 * Reads back, from what SecureAiGuardrails registered under the mocks, which guardrail each resource is: the
 * statement Sids in an SCP's content, the constraint an organization policy (or custom constraint) is for,
 * the built-in definition GUID an Azure assignment points at. Resources that are no guardrail themselves
 * (SCP attachments, accounts) carry none.
 */

const POLICY_DEFINITION = /^\/providers\/Microsoft\.Authorization\/policyDefinitions\/([0-9a-f-]{36})$/;
const ORG_POLICY_NAME = /^(?:organizations|folders|projects)\/[^/]+\/policies\/(.+)$/;

/** The guardrail identifiers a registered resource carries, in the catalog's terms. */
export function guardrailIdsOf(resource: RecordedResource): string[] {
  switch (resource.type) {
    case "aws:organizations/policy:Policy": {
      const document = JSON.parse(String(resource.inputs.content)) as { Statement: { Sid: string }[] };
      return document.Statement.map((statement) => statement.Sid);
    }
    case "gcp:orgpolicy/policy:Policy": {
      const match = ORG_POLICY_NAME.exec(String(resource.inputs.name));
      if (!match?.[1]) throw new Error(`not an organization policy name: ${String(resource.inputs.name)}`);
      return [match[1]];
    }
    case "gcp:orgpolicy/customConstraint:CustomConstraint":
      return [String(resource.inputs.name)];
    case "azure-native:authorization:PolicyAssignment": {
      const match = POLICY_DEFINITION.exec(String(resource.inputs.policyDefinitionId));
      if (!match?.[1])
        throw new Error(`not a built-in definition: ${String(resource.inputs.policyDefinitionId)}`);
      return [match[1]];
    }
    default:
      return [];
  }
}

/** `<type>::<name>` of a URN the mock engine made (`urn:pulumi:stack::project::parent$type::name`). */
export function urnKey(urn: string): string {
  const parts = urn.split("::");
  const name = parts[parts.length - 1] ?? "";
  const typeChain = parts[parts.length - 2] ?? "";
  return `${typeChain.slice(typeChain.lastIndexOf("$") + 1)}::${name}`;
}

/** The registered resources an evidence entry cites. */
export function citedResources(built: BuiltGuardrails, evidence: ControlEvidenceOutput): RecordedResource[] {
  const keys = new Set(evidence.resources.map(urnKey));
  return built.resources.filter((resource) => keys.has(`${resource.type}::${resource.name}`));
}

/** Every guardrail identifier the build created, once each. */
export function createdGuardrailIds(built: BuiltGuardrails): string[] {
  return [...new Set(built.resources.flatMap(guardrailIdsOf))];
}

/** `<control> <guardrail>` for every pair the catalog lists on a cloud, sorted. */
export function catalogPairs(cloud: GuardrailCloud): string[] {
  return controlCatalog
    .flatMap((control) => (control.clouds[cloud].guardrails ?? []).map((id) => `${control.id} ${id}`))
    .sort();
}

/** `<control> <guardrail>` for every guardrail resource each control's evidence cites, sorted. */
export function evidencePairs(built: BuiltGuardrails): string[] {
  const pairs = built.controls.flatMap((evidence) =>
    citedResources(built, evidence)
      .flatMap(guardrailIdsOf)
      .map((id) => `${evidence.id} ${id}`),
  );
  return [...new Set(pairs)].sort();
}
