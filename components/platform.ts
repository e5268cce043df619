import * as pulumi from "@pulumi/pulumi";
import type { PlatformOutputs } from "./backend";
import { loadBackend } from "./backends";
import { type ResponsibilityTable, responsibilityTable } from "./controls/responsibility";
import { SecureAiConfigError } from "./errors";
import { type ControlEvidenceOutput, EvidenceRecorder, evidenceOutput } from "./evidence";
import type { SecureAiPlatformArgs } from "./spec/args";
import { checkName } from "./spec/names";
import { resolveSpec } from "./spec/resolve";

/** Type token of the component (public contract). */
export const PLATFORM_TYPE = "secure-ai-platform:index:SecureAiPlatform";

function outputMap(values: Record<string, pulumi.Input<string>>): pulumi.Output<Record<string, string>> {
  return pulumi.output(values) as pulumi.Output<Record<string, string>>;
}

/**
 * A hardened generative-AI platform (keys, storage, network, serving, identity, audit, detection, response
 * and an optional public edge) built natively on AWS, GCP or Azure from one cloud-neutral description.
 *
 * Arguments are validated before any child resource exists: bad input throws SecureAiConfigError from the
 * constructor and nothing is registered.
 */
export class SecureAiPlatform extends pulumi.ComponentResource {
  /** Evidence per control of the catalog: status, implementing resources (URNs) and an honest note. */
  public readonly controls: pulumi.Output<ControlEvidenceOutput[]>;
  /**
   * The shared-responsibility table of the platform: per security domain, what the cloud provider is responsible
   * for (given each model's Scoping Matrix scope), what the customer is, and the platform's controls with their
   * status; plus every model's scope.
   */
  public readonly responsibility: pulumi.Output<ResponsibilityTable>;
  /** Key IDs by purpose (`model:<name>`, `datasets`, `artifacts`, `logs`). */
  public readonly keys: pulumi.Output<Record<string, string>>;
  /** Bucket or storage account names by data class (`datasets`, `artifacts`, `audit-logs`). */
  public readonly storage: pulumi.Output<Record<string, string>>;
  /** Serving endpoint per model. */
  public readonly modelEndpoints: pulumi.Output<Record<string, string>>;
  /** The network the platform runs in. */
  public readonly networkId: pulumi.Output<string>;
  /** Workload identities by workload. */
  public readonly workloadIdentities: pulumi.Output<Record<string, string>>;
  /** Where security findings are routed. */
  public readonly findingsDestination: pulumi.Output<string>;
  /** URL of the public API, or undefined when it is off. */
  public readonly publicEndpoint: pulumi.Output<string | undefined>;

  constructor(name: string, args: SecureAiPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything that can fail on input happens before super(): no resource is registered for bad input.
    checkPlatformName(name);
    const spec = resolveSpec(args);
    const backend = loadBackend(spec.cloud);
    backend.check(spec);
    super(PLATFORM_TYPE, name, {}, opts);

    const evidence = new EvidenceRecorder();
    const tags = { ...spec.tags, "secure-ai-platform": name };
    const outputs: PlatformOutputs = backend.build({ parent: this, name, spec, evidence, tags });

    const finished = evidence.finish(spec.waivers);
    this.controls = evidenceOutput(finished);
    const status = new Map<string, string>(finished.map((entry) => [entry.id, entry.status]));
    this.responsibility = pulumi.output(responsibilityTable(spec.cloud, spec.models, (id) => status.get(id)));
    this.keys = outputMap(outputs.keys);
    this.storage = outputMap(outputs.storage);
    this.modelEndpoints = outputMap(outputs.modelEndpoints);
    this.networkId = pulumi.output(outputs.networkId);
    this.workloadIdentities = outputMap(outputs.workloadIdentities);
    this.findingsDestination = pulumi.output(outputs.findingsDestination);
    this.publicEndpoint = pulumi.output(outputs.publicEndpoint);
    this.registerOutputs({
      controls: this.controls,
      responsibility: this.responsibility,
      keys: this.keys,
      storage: this.storage,
      modelEndpoints: this.modelEndpoints,
      networkId: this.networkId,
      workloadIdentities: this.workloadIdentities,
      findingsDestination: this.findingsDestination,
      publicEndpoint: this.publicEndpoint,
    });
  }
}

function checkPlatformName(name: unknown): void {
  if (typeof name !== "string")
    throw new SecureAiConfigError("name", name, "expected the component's name as a string");
  checkName(name, "name");
}
