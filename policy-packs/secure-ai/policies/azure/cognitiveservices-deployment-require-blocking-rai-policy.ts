import type { PolicyResource } from "@pulumi/policy";
import {
  defineStackPolicy,
  get,
  isSet,
  isUnknown,
  knownString,
  stringListOption,
  type StackView,
} from "../lib";
import { harmFilterWeaknesses, modeWeakness } from "./rai-policy-filters";
import { AZURE_RAI } from "./types-guardrails";

const POLICY_TYPES: readonly string[] = [AZURE_RAI.raiPolicy, AZURE_RAI.subscriptionRaiPolicy];

/** The RAI policy of the stack a deployment's `properties` were computed from (preview: names are unknown). */
function policyFromDependencies(deployment: PolicyResource): PolicyResource | undefined {
  return (deployment.propertyDependencies?.properties ?? []).find((source) =>
    POLICY_TYPES.includes(source.type),
  );
}

/** The stack's RAI policy called `name` that a deployment can use: same account, or subscription level. */
function policyNamed(stack: StackView, deployment: PolicyResource, name: string): PolicyResource | undefined {
  const named = (policy: PolicyResource) =>
    [get(policy.props, "raiPolicyName"), get(policy.props, "name")].some(
      (value) => knownString(value) === name,
    );
  const sameAccount = (policy: PolicyResource) => {
    const deps = deployment.propertyDependencies?.accountName ?? [];
    const policyDeps = policy.propertyDependencies?.accountName ?? [];
    if (deps.some((source) => policyDeps.some((other) => other.urn === source.urn))) {
      return true;
    }
    const account = knownString(get(deployment.props, "accountName"));
    return account !== undefined && account === knownString(get(policy.props, "accountName"));
  };
  return (
    stack.ofType(AZURE_RAI.raiPolicy).find((policy) => named(policy) && sameAccount(policy)) ??
    stack.ofType(AZURE_RAI.subscriptionRaiPolicy).find(named)
  );
}

/**
 * Every Azure AI model deployment uses a blocking RAI policy: `properties.raiPolicyName` names an RAI policy
 * of the stack (of the same account, or subscription level) whose harm-category filters are on and blocking
 * and whose mode filters before returning content, or one the config lists as verified elsewhere. Prompt
 * Shields of that policy are checked by azure-cognitiveservices-raipolicy-require-prompt-shields.
 */
export const azureCognitiveservicesDeploymentRequireBlockingRaiPolicy = defineStackPolicy({
  name: "azure-cognitiveservices-deployment-require-blocking-rai-policy",
  cloud: "azure",
  controls: ["SAI-MOD-03"],
  description:
    "Azure OpenAI / AI Services deployments set properties.raiPolicyName to an RAI policy of the stack (same account or subscription level) whose hate, sexual, violence and self-harm filters are enabled and blocking and whose mode is not Asynchronous_filter or Deferred, or to a policy listed in verifiedRaiPolicies.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE_RAI.deployment, AZURE_RAI.raiPolicy, AZURE_RAI.subscriptionRaiPolicy],
  tags: ["cognitiveservices", "openai", "guardrail", "ai"],
  config: {
    verifiedRaiPolicies: stringListOption({
      default: [],
      description:
        "Names of RAI policies managed outside this stack (e.g. by a platform team) that have been verified to block; deployments naming them pass.",
    }),
  },
  validate: (stack, { config, report }) => {
    for (const deployment of stack.ofType(AZURE_RAI.deployment)) {
      let policy = policyFromDependencies(deployment);
      if (policy === undefined) {
        const value = get(deployment.props, "properties", "raiPolicyName");
        if (isUnknown(value)) continue;
        if (!isSet(value)) {
          report(
            `deployment "${deployment.name}" sets no properties.raiPolicyName, so it gets the default content filter, which the stack neither sets nor shows (no guaranteed Prompt Shields, no chosen severity)`,
            deployment,
          );
          continue;
        }
        const name = knownString(value) ?? "";
        if (config.verifiedRaiPolicies.includes(name)) continue;
        policy = policyNamed(stack, deployment, name);
        if (policy === undefined) {
          report(
            `deployment "${deployment.name}" uses RAI policy "${name}", which is not in this stack, so its filters cannot be checked (list it in verifiedRaiPolicies once verified)`,
            deployment,
          );
          continue;
        }
      }
      const problems = [modeWeakness(policy.props), ...harmFilterWeaknesses(policy.props)].filter(
        (problem): problem is string => problem !== undefined,
      );
      if (problems.length > 0) {
        report(
          `deployment "${deployment.name}" uses RAI policy "${policy.name}", which does not block harmful content: ${problems.join("; ")}`,
          deployment,
        );
      }
    }
  },
});
