import type { PolicyResource } from "@pulumi/policy";
import {
  booleanOption,
  defineStackPolicy,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
} from "../lib";
import { pointsAt } from "./references";
import { AZURE } from "./types";

const DESTINATIONS = [
  "workspaceId",
  "storageAccountId",
  "eventHubAuthorizationRuleId",
  "marketplacePartnerId",
];
const AUDIT_CATEGORIES = ["auditevent"];
const AUDIT_GROUPS = ["audit", "alllogs"];

/** Whether a diagnostic setting sends the vault's audit log somewhere (unknown parts count as yes). */
function sendsAuditLogs(setting: PolicyResource): boolean {
  const hasDestination = DESTINATIONS.some((property) => isSet(get(setting.props, property)));
  const logs = get(setting.props, "logs");
  if (isUnknown(logs)) {
    return hasDestination;
  }
  const audited = knownArray(logs).some((entry) => {
    const enabled = get(entry, "enabled");
    const category = get(entry, "category");
    const group = get(entry, "categoryGroup");
    return (
      (isUnknown(enabled) || knownBoolean(enabled) === true) &&
      (isUnknown(category) ||
        isUnknown(group) ||
        AUDIT_CATEGORIES.includes(knownString(category)?.toLowerCase() ?? "") ||
        AUDIT_GROUPS.includes(knownString(group)?.toLowerCase() ?? ""))
    );
  });
  return hasDestination && audited;
}

/** Every key vault sends its AuditEvent log (key usage) to a workspace, storage or event hub. */
export const azureKeyvaultVaultRequireDiagnosticSettings = defineStackPolicy({
  name: "azure-keyvault-vault-require-diagnostic-settings",
  cloud: "azure",
  controls: ["SAI-ENC-06", "SAI-LOG-01"],
  description:
    "Every key vault in the stack has a monitor DiagnosticSetting whose resourceUri is the vault, with an enabled log of category AuditEvent (or categoryGroup audit/allLogs) and a destination, unless the config declares diagnostics adopted (e.g. deployed by Azure Policy).",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.keyVault],
  tags: ["keyvault", "logging"],
  config: {
    adopted: booleanOption({
      default: false,
      description:
        "Set to true when vault diagnostics are deployed outside this stack (e.g. by an Azure Policy).",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    const settings = stack.ofType(AZURE.diagnosticSetting);
    for (const vault of stack.ofType(AZURE.keyVault)) {
      const forVault = settings.filter((setting) => pointsAt(setting, "resourceUri", vault));
      if (!forVault.some(sendsAuditLogs)) {
        report(
          forVault.length === 0
            ? `key vault "${vault.name}" has no diagnostic setting, so key use is not logged`
            : `no diagnostic setting of key vault "${vault.name}" sends the AuditEvent log to a destination`,
          vault,
        );
      }
    }
  },
});
