/** The pack's policies, looked up by name for the tests. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../policy-packs/secure-ai/policies";

/** A resource policy of the pack by name (throws when absent or a stack policy). */
export function resourcePolicy(name: string): ResourceValidationPolicy {
  const policy = policies.find((candidate) => candidate.name === name);
  if (policy === undefined || !("validateResource" in policy)) {
    throw new Error(`no resource policy ${name}`);
  }
  return policy;
}

/** A stack policy of the pack by name. */
export function stackPolicy(name: string): StackValidationPolicy {
  const policy = policies.find((candidate) => candidate.name === name);
  if (policy === undefined || !("validateStack" in policy)) {
    throw new Error(`no stack policy ${name}`);
  }
  return policy;
}
