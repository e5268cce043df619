import type * as pulumi from "@pulumi/pulumi";

/**
 * Matches a type token pinned to one Azure API version: `azure-native:network/v20240501:PrivateEndpoint`,
 * `azure-native:cognitiveservices/v20250401preview:Account`.
 */
const API_VERSION_TYPE = /^azure-native:[A-Za-z0-9]+\/v\d{8}[a-z]*:[A-Za-z0-9]+$/;

/**
 * True when `alias` is one of the Azure Native SDK's aliases to an API-versioned type token: a bare `{ type }`
 * naming `azure-native:<module>/v<date>:<Resource>`. The SDK adds one per API version of the resource, and of
 * the module it lived in before a move (a private DNS zone also has `azure-native:network/v20200601:PrivateZone`).
 * Any other alias (a name, a parent, a URN, an unversioned type) is not one.
 */
export function isApiVersionAlias(alias: pulumi.Input<string | pulumi.Alias>): boolean {
  if (typeof alias !== "object" || alias === null || !("type" in alias) || Object.keys(alias).length !== 1) {
    return false;
  }
  const aliasType = (alias as { type?: unknown }).type;
  return typeof aliasType === "string" && API_VERSION_TYPE.test(aliasType);
}

/**
 * Resource transformation given to every Azure child of the platform: removes the SDK's API-version aliases.
 *
 * Each Azure Native resource class adds one alias per API version of its type (43 for a private endpoint), so
 * that stacks which once declared a versioned type keep their state. The Pulumi SDK turns every alias into a
 * chain of Outputs when the resource is constructed, in `pulumi preview`, `pulumi up` and the preflight alike:
 * measured here under the mock runtime, 1,000 private endpoints took 12.1 s and 1.9 GB with the aliases and
 * 4.4 s and 0.37 GB without (docs/benchmarks.md). The platform has only ever declared unversioned types of today's modules,
 * so no stack holds one of its resources under a versioned type and no URN or plan changes. Aliases a user
 * adds through their own transformations are kept.
 */
export const dropApiVersionAliases: pulumi.ResourceTransformation = ({ props, opts }) => {
  if (!opts.aliases?.some((alias) => isApiVersionAlias(alias))) {
    return undefined;
  }
  return { props, opts: { ...opts, aliases: opts.aliases.filter((alias) => !isApiVersionAlias(alias)) } };
};
