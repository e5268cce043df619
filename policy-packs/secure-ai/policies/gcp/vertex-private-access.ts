/**
 * Whether a Vertex AI endpoint or index endpoint is reachable only privately: peered into a VPC (`network`)
 * or exposed through Private Service Connect. Unknown values count as set, so the check holds at preview.
 */
import { get, isSet, isUnknown, knownBoolean } from "../lib";

/** `undefined` when the resource is private (or cannot be known yet), otherwise why it is public. */
export function publicAccessProblem(props: unknown): string | undefined {
  if (isSet(get(props, "network"))) {
    return undefined;
  }
  const psc = get(props, "privateServiceConnectConfig");
  const enabled = get(psc, "enablePrivateServiceConnect");
  if (isUnknown(psc) || isUnknown(enabled) || knownBoolean(enabled) === true) {
    return undefined;
  }
  return psc === undefined
    ? "neither network (VPC peering) nor privateServiceConnectConfig is set, so it is served on the public Vertex AI endpoint"
    : "privateServiceConnectConfig.enablePrivateServiceConnect is not true and no network is set, so it is served on the public Vertex AI endpoint";
}
