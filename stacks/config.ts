import type * as pulumi from "@pulumi/pulumi";
import type { SecureAiPlatformArgs } from "../components";

/**
 * Builds SecureAiPlatform's arguments from the project's stack config. The typed keys of Pulumi.yaml
 * (`cloud`, `region`, `gcpProject`, `azureTenantId`, `keyRotationDays`, `alertEmails`) cover the common
 * settings; `models`, `datasets` and `platform` (every other argument) are structured objects.
 * SecureAiPlatform validates the result, so this function only maps keys.
 */
export function platformArgsFromConfig(config: pulumi.Config): SecureAiPlatformArgs {
  const cloud = config.require("cloud");
  const region = config.require("region");
  const rest = config.getObject<Partial<SecureAiPlatformArgs>>("platform") ?? {};
  const rotationDays = config.getNumber("keyRotationDays");
  const alertEmails = config.getObject<string[]>("alertEmails") ?? [];
  return {
    ...rest,
    cloud,
    models: config.requireObject<SecureAiPlatformArgs["models"]>("models"),
    datasets: config.getObject<SecureAiPlatformArgs["datasets"]>("datasets"),
    aws: cloud === "aws" ? { region } : undefined,
    gcp: cloud === "gcp" ? { project: config.require("gcpProject"), region } : undefined,
    azure: cloud === "azure" ? { location: region, tenantId: config.require("azureTenantId") } : undefined,
    encryption: { ...rest.encryption, ...(rotationDays !== undefined ? { rotationDays } : {}) },
    detection: {
      ...rest.detection,
      notificationEmails: [...(rest.detection?.notificationEmails ?? []), ...alertEmails],
    },
  };
}
