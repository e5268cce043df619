import * as pulumi from "@pulumi/pulumi";
import { CONTROL_IDS } from "../controls/ids";
import { SecureAiConfigError } from "../errors";
import { type ControlEvidenceOutput, EvidenceRecorder, evidenceOutput } from "../evidence";
import { checkName } from "../spec/names";
import type { SecureAiGuardrailsArgs } from "./args";
import { loadGuardrailsBuilder } from "./loaders";
import { resolveGuardrails } from "./resolve";

/** Type token of the component. */
export const GUARDRAILS_TYPE = "secure-ai-platform:index:SecureAiGuardrails";

/** Why a control has no guardrail: it is enforced per workload, not at the organization level. */
const NOT_A_GUARDRAIL =
  "no organization-level guardrail for this control on this cloud; SecureAiPlatform and the policy pack cover it";

/**
 * The organization-level preventive layer under the platform: AWS service control policies, GCP organization
 * policies or Azure Policy assignments that keep any credential, inside Pulumi or not, from weakening the
 * accounts, projects and subscriptions that host SecureAiPlatform. Meant for the organization's management
 * stack, separate from the workload stacks.
 *
 * Arguments are validated before any child resource exists: bad input throws SecureAiConfigError from the
 * constructor and nothing is registered.
 */
export class SecureAiGuardrails extends pulumi.ComponentResource {
  /** Evidence per control of the catalog: which controls the guardrails enforce preventively, and the gaps. */
  public readonly controls: pulumi.Output<ControlEvidenceOutput[]>;

  constructor(name: string, args: SecureAiGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
    if (typeof name !== "string")
      throw new SecureAiConfigError("name", name, "expected the component's name as a string");
    checkName(name, "name");
    const spec = resolveGuardrails(args);
    const build = loadGuardrailsBuilder(spec.cloud);
    super(GUARDRAILS_TYPE, name, {}, opts);

    const evidence = new EvidenceRecorder();
    for (const id of CONTROL_IDS) evidence.notApplicable(id, NOT_A_GUARDRAIL);
    build({ parent: this, name, spec, evidence, tags: { ...spec.tags, "secure-ai-guardrails": name } });

    this.controls = evidenceOutput(evidence.finish([]));
    this.registerOutputs({ controls: this.controls });
  }
}
