import * as cloudwatch from "@pulumi/aws/cloudwatch";
import type { AwsContext } from "./context";
import { logRetentionDays } from "./defaults";
import type { PlatformKey } from "./keys";
import { childName, logGroupName } from "./naming";

/**
 * A KMS-encrypted log group of the platform with the configured retention. Its name lies under the platform's
 * prefix, which is what the logs key's encryption-context condition admits.
 */
export function createLogGroup(ctx: AwsContext, purpose: string, key: PlatformKey): cloudwatch.LogGroup {
  return new cloudwatch.LogGroup(
    childName(ctx.name, purpose, "logs"),
    {
      name: logGroupName(ctx.name, purpose),
      kmsKeyId: key.key.arn,
      retentionInDays: logRetentionDays(ctx.spec.logging.retentionDays),
      region: ctx.region,
      tags: ctx.tags,
    },
    ctx.opts(),
  );
}
