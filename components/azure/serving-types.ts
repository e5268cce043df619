import type * as managedidentity from "@pulumi/azure-native/managedidentity";
import type * as pulumi from "@pulumi/pulumi";
import type { ResolvedModel } from "../spec/resolved";

/** A model served on Azure, whichever the service. */
export interface ServedModel {
  model: ResolvedModel;
  /** The model's workload identity; it also unwraps the model's key. */
  identity: managedidentity.UserAssignedIdentity;
  /** The grant (role assignment or vault access policy) of the service's key. */
  keyGrant?: pulumi.Resource;
  /** False while an Azure OpenAI account is bootstrapped with Microsoft-managed keys. */
  encryptedWithModelKey?: boolean;
  /** The Azure resource serving the model (OpenAI account or ML workspace); target of diagnostics. */
  service: pulumi.CustomResource;
  /** ARM ID of `service`. */
  serviceId: pulumi.Output<string>;
  /** The endpoint URL clients call (private). */
  endpoint: string;
  /** Host name the public gateway forwards to. */
  backendHost: string;
  /** Every resource built for the model, for the evidence. */
  resources: pulumi.Resource[];
  /** The content-filter policy, where the service has one. */
  contentFilter?: pulumi.Resource;
  /** A vault of the model's own (Azure ML workspace secrets), whose audit logs the platform collects. */
  ownVault?: pulumi.CustomResource & { id: pulumi.Output<string> };
  /** Whether the service pins one key version (it then does not follow rotation by itself). */
  versionPinned: boolean;
}
