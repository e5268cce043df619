import type * as pulumi from "@pulumi/pulumi";
import type { BackendContext } from "../backend";
import type { AzureNames } from "./names";

/** What every Azure domain builder receives: the backend context plus the platform's Azure placement. */
export interface AzureContext extends BackendContext {
  /** Name of the resource group every resource lives in (created or given). */
  resourceGroupName: pulumi.Input<string>;
  /** Azure location, e.g. `westeurope`. */
  location: string;
  /** Microsoft Entra tenant ID. */
  tenantId: string;
  /** Subscription the provider deploys into. */
  subscriptionId: pulumi.Output<string>;
  /** Deterministic physical names. */
  names: AzureNames;
  /** Options every child resource gets: parented to the component. */
  opts: pulumi.CustomResourceOptions;
}

/** Child resource options with extra dependencies, keeping the parent. */
export function dependingOn(
  context: AzureContext,
  dependsOn: readonly (pulumi.Resource | undefined)[],
): pulumi.CustomResourceOptions {
  const resources = dependsOn.filter((resource): resource is pulumi.Resource => resource !== undefined);
  return { ...context.opts, dependsOn: resources };
}
