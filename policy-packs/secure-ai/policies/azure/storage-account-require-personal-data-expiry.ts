import type { PolicyResource } from "@pulumi/policy";
import {
  PERSONAL_DATA_OPTIONS,
  defineStackPolicy,
  get,
  holdsPersonalData,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
} from "../lib";
import { AZURE } from "./types";

/** Base-blob delete conditions that end a blob's life at an age. */
const AGE_CONDITIONS = [
  "daysAfterModificationGreaterThan",
  "daysAfterCreationGreaterThan",
  "daysAfterLastAccessTimeGreaterThan",
];

/** Whether a management policy belongs to `account`: through the engine's dependencies, or by equal names. */
function governs(policy: PolicyResource, account: PolicyResource): boolean {
  const sources = policy.propertyDependencies?.accountName;
  if (Array.isArray(sources) && sources.some((source) => source.urn === account.urn)) {
    return true;
  }
  const same = (property: string) => {
    const mine = knownString(get(policy.props, property));
    const theirs = knownString(get(account.props, property));
    return mine !== undefined && theirs !== undefined && mine.toLowerCase() === theirs.toLowerCase();
  };
  return same("accountName") && same("resourceGroupName");
}

/** Whether a lifecycle rule is on and deletes base blobs at an age (or cannot be known yet). */
function deletesOldBlobs(rule: unknown): boolean {
  if (isUnknown(rule)) {
    return true;
  }
  if (knownBoolean(get(rule, "enabled")) === false) {
    return false;
  }
  const remove = get(rule, "definition", "actions", "baseBlob", "delete");
  return isUnknown(remove) || AGE_CONDITIONS.some((condition) => isSet(get(remove, condition)));
}

/** Storage accounts that hold personal data delete it through lifecycle management when its retention ends. */
export const azureStorageAccountRequirePersonalDataExpiry = defineStackPolicy({
  name: "azure-storage-account-require-personal-data-expiry",
  cloud: "azure",
  controls: ["SAI-GOV-01"],
  description:
    "Storage accounts tagged as holding personal data (personalDataTags, by default personal-data=true or data-classification=personal) have a lifecycle ManagementPolicy with an enabled rule that deletes base blobs after an age (daysAfterModificationGreaterThan, daysAfterCreationGreaterThan or daysAfterLastAccessTimeGreaterThan).",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "gdpr"],
  config: PERSONAL_DATA_OPTIONS,
  validate: (stack, { config, report }) => {
    const policies = stack.ofType(AZURE.storageManagementPolicy);
    for (const account of stack.ofType(AZURE.storageAccount)) {
      if (!holdsPersonalData(account.props, config.personalDataTags)) {
        continue;
      }
      const expires = policies
        .filter((policy) => governs(policy, account))
        .some((policy) => {
          const rules = get(policy.props, "policy", "rules");
          return isUnknown(rules) || knownArray(rules).some(deletesOldBlobs);
        });
      if (!expires) {
        report(
          `storage account "${account.name}" holds personal data but no lifecycle management policy deletes its blobs at the end of their retention`,
          account,
        );
      }
    }
  },
});
