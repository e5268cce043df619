/**
 * The policies of the `secure-ai` pack, without starting a policy server (importing
 * `@pulumi/policy`'s `PolicyPack` and constructing it is left to `../index.ts`). Each policy's `tags`
 * start with the SAI control IDs it enforces. Adding a cloud: one registry file (`./<cloud>/index.ts`)
 * plus one line below.
 */
import { awsPolicies } from "./aws";
import { azurePolicies } from "./azure";
import { gcpPolicies } from "./gcp";
import type { SecureAiPolicy } from "./lib";

/** Every policy of the pack. */
export const policies: readonly SecureAiPolicy[] = [...awsPolicies, ...gcpPolicies, ...azurePolicies];

export type { SecureAiPolicy, SecureAiResourcePolicy, SecureAiStackPolicy } from "./lib";
export { EXAMINES_TAG_PREFIX, UNKNOWN_INPUTS_PREFIX, waiversToPolicyConfig, type Waiver } from "./lib";
