import * as organizations from "@pulumi/aws/organizations";
import type { GuardrailsContext } from "./context";
import { guardrailChildName } from "./context";
import { guardrailStatements, packScpDocuments, type ScpPolicy } from "./aws-scp-documents";
import type { ResolvedAwsGuardrails } from "./resolved";
import type { ControlId } from "../controls/ids";
import { guardrailsEnforcing } from "./enforced-controls";

/** The SCPs and their attachments, by the statements each policy holds. */
interface BuiltScp {
  policy: organizations.Policy;
  attachments: organizations.PolicyAttachment[];
  sids: string[];
}

function createScp(ctx: GuardrailsContext, spec: ResolvedAwsGuardrails, document: ScpPolicy): BuiltScp {
  const opts = { parent: ctx.parent };
  const policy = new organizations.Policy(
    guardrailChildName(ctx.name, document.suffix),
    {
      name: `${ctx.name}-secure-ai-${document.suffix}`,
      description: `Secure AI guardrails (${document.sids.join(", ")})`.slice(0, 512),
      type: "SERVICE_CONTROL_POLICY",
      content: document.content,
      tags: ctx.tags,
    },
    opts,
  );
  const attachments = spec.targetIds.map(
    (targetId) =>
      new organizations.PolicyAttachment(
        guardrailChildName(ctx.name, document.suffix, targetId),
        { policyId: policy.id, targetId },
        opts,
      ),
  );
  return { policy, attachments, sids: document.sids };
}

function createAccounts(ctx: GuardrailsContext, spec: ResolvedAwsGuardrails): organizations.Account[] {
  return spec.environmentAccounts.map(
    (account) =>
      new organizations.Account(
        guardrailChildName(ctx.name, "account", account.name),
        {
          name: `${ctx.name}-${account.name}`,
          email: account.email,
          ...(account.parentId ? { parentId: account.parentId } : {}),
          iamUserAccessToBilling: "DENY",
          closeOnDeletion: false,
          tags: { ...ctx.tags, environment: account.name },
        },
        { parent: ctx.parent, protect: true },
      ),
  );
}

/**
 * The resources (policies and their attachments) that carry any statement the catalog lists for the control
 * on AWS.
 */
function carrying(scps: readonly BuiltScp[], control: ControlId) {
  const sids = guardrailsEnforcing(control, "aws");
  return scps
    .filter((scp) => scp.sids.some((sid) => sids.includes(sid)))
    .flatMap((scp) => [scp.policy, ...scp.attachments]);
}

function recordEvidence(
  ctx: GuardrailsContext,
  spec: ResolvedAwsGuardrails,
  scps: readonly BuiltScp[],
  accounts: readonly organizations.Account[],
): void {
  const { evidence } = ctx;
  const targets = spec.targetIds.join(", ");
  const fence =
    `SCPs attached to ${targets} deny stopping CloudTrail, GuardDuty, Security Hub and AWS Config, ` +
    `${spec.denyKeyDeletion ? "deleting or disabling KMS keys, " : ""}leaving the organization` +
    `${spec.allowedRegions ? ` and regions other than ${spec.allowedRegions.join(", ")}` : ""}`;
  if (accounts.length > 0) {
    evidence.implemented(
      "SAI-IAM-05",
      [...accounts, ...carrying(scps, "SAI-IAM-05")],
      `dedicated accounts per environment (${spec.environmentAccounts.map((a) => a.name).join(", ")}); ${fence}`,
    );
  } else {
    evidence.gap(
      "SAI-IAM-05",
      `no account is created (environmentAccounts is empty, the default); what is enforced: ${fence}`,
      carrying(scps, "SAI-IAM-05"),
    );
  }
  if (spec.denyKeyDeletion) {
    evidence.implemented(
      "SAI-ENC-07",
      carrying(scps, "SAI-ENC-07"),
      `kms:ScheduleKeyDeletion and kms:DisableKey denied except to ${spec.breakGlassRoleArns.join(", ")}`,
    );
    evidence.implemented(
      "SAI-ENC-05",
      carrying(scps, "SAI-ENC-05"),
      "only the break-glass roles may delete or disable keys (preventive part of key access control)",
    );
    evidence.gap(
      "SAI-ENC-03",
      "no SCP condition key requires rotation when a key is created; kms:DisableKeyRotation is denied so " +
        "rotation that is on stays on (the policy pack checks new keys)",
      carrying(scps, "SAI-ENC-03"),
    );
  }
  evidence.implemented(
    "SAI-ENC-01",
    carrying(scps, "SAI-ENC-01"),
    "S3 uploads asking for non-KMS encryption are denied (uploads without the header take the bucket default, " +
      "checked by the policy pack); SageMaker notebooks, domains and jobs need a KMS key",
  );
  evidence.implemented(
    "SAI-NET-01",
    carrying(scps, "SAI-NET-01"),
    "SageMaker models and jobs need VPC subnets or network isolation; notebooks need a VPC and no direct internet",
  );
  evidence.implemented(
    "SAI-MOD-02",
    carrying(scps, "SAI-MOD-02"),
    "SageMaker models run in a VPC or network-isolated; Studio domains are VPC-only",
  );
  evidence.implemented("SAI-LOG-01", carrying(scps, "SAI-LOG-01"), "CloudTrail cannot be stopped or changed");
  evidence.implemented("SAI-DET-01", carrying(scps, "SAI-DET-01"), "GuardDuty cannot be deleted or changed");
  evidence.implemented(
    "SAI-DET-02",
    carrying(scps, "SAI-DET-02"),
    "Security Hub and AWS Config cannot be disabled",
  );
  evidence.implemented(
    "SAI-GOV-03",
    carrying(scps, "SAI-GOV-03"),
    `organization-level preventive guardrails (${scps.length} SCPs); they hold outside Pulumi too`,
  );
}

/** Builds the AWS preventive layer: packed SCPs attached to every target, and optional environment accounts. */
export function buildAwsGuardrails(ctx: GuardrailsContext): void {
  const spec = ctx.spec.aws;
  if (!spec) throw new Error("the AWS guardrails need the resolved aws block");
  const scps = packScpDocuments(guardrailStatements(spec)).map((document) => createScp(ctx, spec, document));
  const accounts = createAccounts(ctx, spec);
  recordEvidence(ctx, spec, scps, accounts);
}
