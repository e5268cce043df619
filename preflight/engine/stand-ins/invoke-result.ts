/**
 * Answers to invokes: the cloud's table where it knows the function (caller identity, session context,
 * partition, region, zones, project, service agents, client config), and otherwise a stand-in for every
 * property the SDK declares the function always returns, with the arguments echoed where the result
 * repeats them. Invokes run for real in a `pulumi preview` too, so both passes answer them the same way.
 */
import { type CloudIdentities, commonInvokeResult } from "../cloud-identities";
import { standInFor } from "./by-property";
import type { DeclaredProperties } from "./declared-properties";
import { hexOf } from "./names";
import { STAND_IN_TIMESTAMP } from "./resource-state";

/**
 * Lookups that fail on a fresh account, with the provider's message. Without an `id`, `getDetector` requires
 * the region's one detector and fails with "empty result" when there is none (terraform-provider-aws
 * internal/service/guardduty/detector_data_source.go, `FindDetector`).
 */
const FRESH_ACCOUNT_FAILURES: Readonly<
  Record<string, (args: Record<string, unknown>) => string | undefined>
> = {
  "aws:guardduty/getDetector:getDetector": (args) =>
    args["id"] === undefined ? "reading this account's single GuardDuty Detector: empty result" : undefined,
};

/**
 * The result of invoke `token` with `args`. Throws, as the provider fails, for the lookups of
 * {@link FRESH_ACCOUNT_FAILURES}; the message is also the error's `details`, where the SDK reads a failed invoke's.
 *
 * @param token - the function's type token.
 * @param args - the invoke's arguments.
 * @param ids - the stand-in identities.
 * @param declared - the provider SDKs' declared properties.
 */
export function invokeResult(
  token: string,
  args: Record<string, unknown>,
  ids: CloudIdentities,
  declared: DeclaredProperties,
): Record<string, unknown> {
  const failure = FRESH_ACCOUNT_FAILURES[token]?.(args);
  if (failure !== undefined) throw Object.assign(new Error(failure), { details: failure });
  const known = commonInvokeResult(token, args, ids);
  const cloud = token.split(":")[0] ?? "";
  const member = token.split(":")[2] ?? token;
  const physicalName = `${member.replace(/^get/, "").toLowerCase()}-${hexOf(7, token, JSON.stringify(args))}`;
  const context = {
    cloud,
    id: physicalName,
    physicalName,
    inputs: args,
    timestamp: STAND_IN_TIMESTAMP,
    region: cloud === "aws" ? ids.awsRegion : cloud === "gcp" ? ids.gcpRegion : ids.azureLocation,
  };
  const result: Record<string, unknown> = {};
  for (const property of declared.ofFunction(token)) {
    if (property.name in args) {
      result[property.name] = args[property.name];
    } else if (!property.optional) {
      result[property.name] = standInFor(property, context);
    }
  }
  return { ...result, ...known };
}
