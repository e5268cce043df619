import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getSessionContextOutput } from "@pulumi/aws/iam/getSessionContext";
import type { BackendContext } from "../backend";
import type { EvidenceRecorder } from "../evidence";
import type { ResolvedSpec } from "../spec/resolved";

/**
 * What every AWS domain builder receives: the backend context plus the account facts every policy needs.
 *
 * Region: aws v7 gives every regional resource a `region` input, and each builder sets it to
 * `spec.aws.region`. The backend deliberately creates no `aws.Provider` of its own: a provider child would
 * silently replace the credentials, assumed role and endpoints of a provider the caller passes through
 * `opts.providers`, while the per-resource `region` pins the platform's region and keeps the caller's
 * provider. IAM resources are global and take no region.
 */
export interface AwsContext {
  /** The SecureAiPlatform component: parent of every child. */
  parent: pulumi.ComponentResource;
  /** The component name; every child's logical name starts with it. */
  name: string;
  spec: ResolvedSpec;
  evidence: EvidenceRecorder;
  tags: Record<string, string>;
  /** The platform's region (`spec.aws.region`). */
  region: string;
  /** AWS partition (`aws`, `aws-cn`, `aws-us-gov`), looked up, never assumed. */
  partition: pulumi.Output<string>;
  /** DNS suffix of the partition (`amazonaws.com`), for service principals that carry a region. */
  dnsSuffix: pulumi.Output<string>;
  /** Reverse DNS prefix of the partition (`com.amazonaws`), for VPC endpoint service names. */
  reverseDnsPrefix: pulumi.Output<string>;
  /** The deploying account's ID. */
  accountId: pulumi.Output<string>;
  /** ARN of the deploying identity (the role behind an assumed-role session), the default key administrator. */
  deployerArn: pulumi.Output<string>;
  /** Options for a child resource: the component as parent, plus any extras. */
  opts(extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions;
}

/** Builds the AWS context: three invokes (partition, caller identity, session context), parented to the component. */
export function createAwsContext(context: BackendContext): AwsContext {
  const { parent, spec } = context;
  if (!spec.aws) throw new Error("the AWS backend needs spec.aws (resolveSpec guarantees it)");
  const partition = getPartitionOutput({}, { parent });
  const caller = getCallerIdentityOutput({}, { parent });
  const session = getSessionContextOutput({ arn: caller.arn }, { parent });
  return {
    parent,
    name: context.name,
    spec,
    evidence: context.evidence,
    tags: context.tags,
    region: spec.aws.region,
    partition: partition.partition,
    dnsSuffix: partition.dnsSuffix,
    reverseDnsPrefix: partition.reverseDnsPrefix,
    accountId: caller.accountId,
    deployerArn: session.issuerArn,
    opts: (extra) => ({ ...extra, parent }),
  };
}

/**
 * Options for a stateful child (a key, a bucket and the settings that guard its data, a log group): the
 * component as parent plus `retainOnDelete`, so that `pulumi destroy` or a replacement leaves it in the account
 * (nothing lost) and the stack simply forgets it. Not `protect`: a protected child makes every destroy of the
 * platform fail until it is unprotected, which is the user's call through the platform's own `opts`.
 */
export function retainedOpts(
  ctx: AwsContext,
  extra?: pulumi.CustomResourceOptions,
): pulumi.CustomResourceOptions {
  return ctx.opts({ ...extra, retainOnDelete: true });
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` for the platform's region and account. */
export function regionalArn(ctx: AwsContext, service: string, resource: string): pulumi.Output<string> {
  return pulumi.interpolate`arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

/** `<service>.<region>.<dnsSuffix>`: service principals and `kms:ViaService` values that carry a region. */
export function regionalService(ctx: AwsContext, service: string): pulumi.Output<string> {
  return pulumi.interpolate`${service}.${ctx.region}.${ctx.dnsSuffix}`;
}
