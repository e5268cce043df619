import * as orgpolicy from "@pulumi/gcp/orgpolicy";
import type * as pulumi from "@pulumi/pulumi";
import type { ControlId } from "../controls/ids";
import { guardrailChildName, type GuardrailsContext } from "./context";
import { guardrailsEnforcing } from "./enforced-controls";
import { plannedOrgPolicies } from "./gcp-policies";
import { KMS_ROTATION_CONSTRAINT } from "./known-ids";
import type { ResolvedGcpGuardrails } from "./resolved";

function policyName(parent: string, constraint: string): string {
  return `${parent}/policies/${constraint}`;
}

function createRotationConstraint(ctx: GuardrailsContext, spec: ResolvedGcpGuardrails) {
  const constraint = new orgpolicy.CustomConstraint(
    guardrailChildName(ctx.name, "kms-rotation-constraint"),
    {
      name: KMS_ROTATION_CONSTRAINT.name,
      parent: spec.organization,
      displayName: "Cloud KMS keys rotate at least every 90 days",
      description:
        "Denies creating or updating a Cloud KMS key whose rotation period is longer than 90 days.",
      actionType: "DENY",
      methodTypes: ["CREATE", "UPDATE"],
      resourceTypes: [KMS_ROTATION_CONSTRAINT.resourceType],
      condition: KMS_ROTATION_CONSTRAINT.condition,
    },
    { parent: ctx.parent },
  );
  const policy = new orgpolicy.Policy(
    guardrailChildName(ctx.name, "kms-rotation"),
    {
      name: constraint.name.apply((name) => policyName(spec.parent, name)),
      parent: spec.parent,
      spec: { rules: [{ enforce: "TRUE" }] },
    },
    { parent: ctx.parent },
  );
  return [constraint, policy];
}

/** Builds the GCP preventive layer: built-in organization policies and the KMS rotation custom constraint. */
export function buildGcpGuardrails(ctx: GuardrailsContext): void {
  const spec = ctx.spec.gcp;
  if (!spec) throw new Error("the GCP guardrails need the resolved gcp block");
  const created: { constraint: string; resources: pulumi.Resource[] }[] = plannedOrgPolicies(spec).map(
    (planned) => ({
      constraint: planned.constraint,
      resources: [
        new orgpolicy.Policy(
          guardrailChildName(ctx.name, planned.key),
          {
            name: policyName(spec.parent, planned.constraint),
            parent: spec.parent,
            spec: { rules: [planned.rule] },
          },
          { parent: ctx.parent },
        ),
      ],
    }),
  );
  created.push({ constraint: KMS_ROTATION_CONSTRAINT.name, resources: createRotationConstraint(ctx, spec) });
  /** The resources of the constraints the catalog lists for the control on GCP, in creation order. */
  const cited = (control: ControlId): pulumi.Resource[] => {
    const constraints = guardrailsEnforcing(control, "gcp");
    return created
      .filter((entry) => constraints.includes(entry.constraint))
      .flatMap((entry) => entry.resources);
  };
  const { evidence } = ctx;
  const at = `on ${spec.parent}`;

  evidence.gap(
    "SAI-IAM-05",
    `no project is created; what is enforced: every policy below applies to each project ${at}`,
    cited("SAI-IAM-05"),
  );
  evidence.implemented(
    "SAI-ENC-01",
    cited("SAI-ENC-01"),
    `${spec.cmekServices.join(", ")} refuse resources without CMEK; keys must come from ${spec.cmekProjects.join(", ")}`,
  );
  evidence.gap(
    "SAI-ENC-03",
    "the custom constraint denies rotation periods over 90 days, but a key created with no rotation period " +
      "is not caught (the constraint only sees a period that is set); the policy pack checks keys in stacks",
    cited("SAI-ENC-03"),
  );
  const tls13Only = spec.tlsCiphers.every(
    (cipher) => cipher.startsWith("TLS_AES_") || cipher.startsWith("TLS_CHACHA20_"),
  );
  evidence.implemented(
    "SAI-TLS-02",
    cited("SAI-TLS-02"),
    `Google APIs ${at} refuse TLS 1.0 and 1.1; cipher suites limited to ${spec.tlsCiphers.join(", ")}` +
      (tls13Only ? "" : " (TLS 1.2 stays allowed; list only TLS 1.3 suites in tlsCiphers to refuse it)"),
  );
  evidence.implemented("SAI-IAM-03", cited("SAI-IAM-03"), "service account key creation is disabled");
  evidence.implemented(
    "SAI-NET-01",
    cited("SAI-NET-01"),
    "VMs and Vertex AI Workbench instances get no external IP",
  );
  evidence.implemented(
    "SAI-NET-02",
    cited("SAI-NET-02"),
    "Workbench instances have no public IP and buckets cannot be made public",
  );
  evidence.implemented("SAI-MOD-01", cited("SAI-MOD-01"), "buckets enforce public access prevention");
  evidence.implemented(
    "SAI-GOV-03",
    cited("SAI-GOV-03"),
    `organization policies ${at}; they hold outside Pulumi too`,
  );
}
