import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { type AwsContext, retainedOpts } from "./context";
import { logRetentionDays } from "./defaults";
import type { PlatformKey } from "./keys";
import { childName, logGroupName } from "./naming";

/**
 * A KMS-encrypted log group of the platform with the configured retention and deletion protection. Its name
 * lies under the platform's prefix, which is what the logs key's encryption-context condition admits. It is
 * retained on destroy: with deletion protection on, deleting it would fail and stop the whole destroy.
 */
export function createLogGroup(ctx: AwsContext, purpose: string, key: PlatformKey): cloudwatch.LogGroup {
  return new cloudwatch.LogGroup(
    childName(ctx.name, purpose, "logs"),
    {
      name: logGroupName(ctx.name, purpose),
      kmsKeyId: key.key.arn,
      retentionInDays: logRetentionDays(ctx.spec.logging.retentionDays),
      deletionProtectionEnabled: true,
      region: ctx.region,
      tags: ctx.tags,
    },
    retainedOpts(ctx),
  );
}
