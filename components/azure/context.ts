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
  /** Entra object ID of the deploying identity (the provider's client). */
  deployerObjectId: pulumi.Output<string>;
  /** Deterministic physical names. */
  names: AzureNames;
  /** Options every child resource gets: parented to the component, the SDK's API-version aliases dropped. */
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

/**
 * Options for a stateful child (the vault, keys, storage accounts, the containers holding data and the
 * settings that guard them): the component as parent, any extra dependencies, and `retainOnDelete`, so that
 * `pulumi destroy` or a replacement leaves it in the subscription and the stack simply forgets it (nothing
 * lost). Not `protect`, and no CanNotDelete management lock: both make every destroy of the platform fail,
 * which is the user's call (`protect` through the platform's own options, a lock through their governance).
 */
export function retainedOpts(
  context: AzureContext,
  dependsOn: readonly (pulumi.Resource | undefined)[] = [],
): pulumi.CustomResourceOptions {
  return { ...dependingOn(context, dependsOn), retainOnDelete: true };
}
