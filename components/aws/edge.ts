import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as lb from "@pulumi/aws/lb";
import * as s3 from "@pulumi/aws/s3";
import * as vpc from "@pulumi/aws/vpc";
import * as wafv2 from "@pulumi/aws/wafv2";
import type { wafv2 as wafv2types } from "@pulumi/aws/types/input";
import type { AwsContext } from "./context";
import { ALB_SSL_POLICY } from "./defaults";
import { childName } from "./naming";
import type { AwsNetwork } from "./network";

const HTTPS = 443;

/** The public API's edge, built only when `publicApi.enabled`. */
export interface AwsEdge {
  loadBalancer: lb.LoadBalancer;
  securityGroup: ec2.SecurityGroup;
  securityGroupRules: pulumi.Resource[];
  targetGroup: lb.TargetGroup;
  listener: lb.Listener;
  trustStore?: lb.TrustStore;
  trustStoreBundle?: s3.BucketObjectv2;
  webAcl?: wafv2.WebAcl;
  webAclAssociation?: wafv2.WebAclAssociation;
  url: pulumi.Output<string>;
}

/** The key under which the mTLS CA bundle is stored in the artifacts bucket. */
export const TRUST_STORE_OBJECT_KEY = "edge/mtls-ca-bundle.pem";

function managedRule(name: string, priority: number): wafv2types.WebAclRule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
  };
}

/**
 * An internet-facing ALB in the public subnets with an HTTPS listener under the TLS 1.3-only policy (the 1.2
 * policy only under a waiver), optional mutual TLS from a trust store, and a WAF web ACL with AWS managed rule
 * groups and a per-IP rate limit. Targets (the API service in front of the models) register with the
 * target group; the ALB forwards to them over HTTPS inside the VPC.
 */
export function createEdge(ctx: AwsContext, network: AwsNetwork, artifactsBucket: s3.Bucket): AwsEdge {
  const { name, region, tags, spec } = ctx;
  const securityGroup = new ec2.SecurityGroup(
    childName(name, "alb-sg"),
    {
      vpcId: network.vpcId,
      description: `Public API of platform ${name}: HTTPS in, HTTPS to the VPC out`,
      region,
      tags,
    },
    ctx.opts(),
  );
  const securityGroupRules: pulumi.Resource[] = [
    new vpc.SecurityGroupIngressRule(
      childName(name, "alb-sg-https-in"),
      {
        securityGroupId: securityGroup.id,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: HTTPS,
        toPort: HTTPS,
        region,
      },
      ctx.opts(),
    ),
    new vpc.SecurityGroupEgressRule(
      childName(name, "alb-sg-targets-out"),
      {
        securityGroupId: securityGroup.id,
        cidrIpv4: network.cidr ?? spec.network.cidr,
        ipProtocol: "tcp",
        fromPort: HTTPS,
        toPort: HTTPS,
        region,
      },
      ctx.opts(),
    ),
  ];
  const loadBalancer = new lb.LoadBalancer(
    childName(name, "alb"),
    {
      loadBalancerType: "application",
      internal: false,
      subnets: network.publicSubnetIds,
      securityGroups: [securityGroup.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "strictest",
      region,
      tags,
    },
    ctx.opts(),
  );
  const targetGroup = new lb.TargetGroup(
    childName(name, "api-targets"),
    {
      vpcId: network.vpcId,
      targetType: "ip",
      protocol: "HTTPS",
      port: HTTPS,
      healthCheck: { protocol: "HTTPS", path: "/health" },
      region,
      tags,
    },
    ctx.opts(),
  );

  let trustStore: lb.TrustStore | undefined;
  let trustStoreBundle: s3.BucketObjectv2 | undefined;
  if (spec.transport.mutualTls.enabled && spec.transport.mutualTls.caBundle) {
    trustStoreBundle = new s3.BucketObjectv2(
      childName(name, "mtls-ca-bundle"),
      {
        bucket: artifactsBucket.id,
        key: TRUST_STORE_OBJECT_KEY,
        content: spec.transport.mutualTls.caBundle,
        contentType: "application/x-pem-file",
        // Without a bucket key, the object's own ARN is the encryption context the artifacts key admits.
        bucketKeyEnabled: false,
        region,
        tags,
      },
      ctx.opts(),
    );
    trustStore = new lb.TrustStore(
      childName(name, "mtls-trust-store"),
      {
        caCertificatesBundleS3Bucket: trustStoreBundle.bucket,
        caCertificatesBundleS3Key: trustStoreBundle.key,
        region,
        tags,
      },
      ctx.opts(),
    );
  }
  const listener = new lb.Listener(
    childName(name, "https"),
    {
      loadBalancerArn: loadBalancer.arn,
      port: HTTPS,
      protocol: "HTTPS",
      sslPolicy: ALB_SSL_POLICY[spec.transport.minimumTlsVersion],
      certificateArn: spec.publicApi.certificate,
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      ...(trustStore ? { mutualAuthentication: { mode: "verify", trustStoreArn: trustStore.arn } } : {}),
      region,
      tags,
    },
    ctx.opts(),
  );

  let webAcl: wafv2.WebAcl | undefined;
  let webAclAssociation: wafv2.WebAclAssociation | undefined;
  if (spec.publicApi.waf) {
    webAcl = new wafv2.WebAcl(
      childName(name, "waf"),
      {
        scope: "REGIONAL",
        description: `Public API of platform ${name}`,
        defaultAction: { allow: {} },
        rules: [
          {
            name: "rate-limit-per-ip",
            priority: 0,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: spec.publicApi.rateLimit, aggregateKeyType: "IP" } },
            visibilityConfig: {
              cloudwatchMetricsEnabled: true,
              sampledRequestsEnabled: true,
              metricName: "rate-limit-per-ip",
            },
          },
          managedRule("AWSManagedRulesAmazonIpReputationList", 1),
          managedRule("AWSManagedRulesCommonRuleSet", 2),
          managedRule("AWSManagedRulesKnownBadInputsRuleSet", 3),
        ],
        visibilityConfig: {
          cloudwatchMetricsEnabled: true,
          sampledRequestsEnabled: true,
          metricName: childName(name, "waf"),
        },
        region,
        tags,
      },
      ctx.opts(),
    );
    webAclAssociation = new wafv2.WebAclAssociation(
      childName(name, "waf-association"),
      { resourceArn: loadBalancer.arn, webAclArn: webAcl.arn, region },
      ctx.opts(),
    );
  }
  const host = spec.publicApi.domainName ?? loadBalancer.dnsName;
  return {
    loadBalancer,
    securityGroup,
    securityGroupRules,
    targetGroup,
    listener,
    trustStore,
    trustStoreBundle,
    webAcl,
    webAclAssociation,
    url: pulumi.interpolate`https://${host}`,
  };
}

/** Records SAI-TLS-01, SAI-TLS-03 and SAI-NET-05 for the edge, or why they do not apply. */
export function recordEdgeEvidence(ctx: AwsContext, edge: AwsEdge | undefined): void {
  const { evidence, spec } = ctx;
  if (!edge) {
    const reason =
      "the public API is off: the platform owns no ingress (models are reached privately through VPC endpoints)";
    evidence.notApplicable("SAI-TLS-01", reason);
    evidence.notApplicable("SAI-TLS-03", reason);
    evidence.notApplicable("SAI-NET-05", reason);
    return;
  }
  const policy = ALB_SSL_POLICY[spec.transport.minimumTlsVersion];
  if (spec.transport.minimumTlsVersion === "1.3") {
    evidence.implemented("SAI-TLS-01", [edge.listener], `HTTPS listener with ${policy} (TLS 1.3 only)`);
  } else {
    evidence.gap("SAI-TLS-01", `HTTPS listener accepts TLS 1.2 (${policy})`, [edge.listener]);
  }
  if (edge.trustStore) {
    evidence.implemented(
      "SAI-TLS-03",
      [edge.trustStore, edge.listener],
      "mutual TLS in verify mode against the configured CA bundle",
    );
  } else {
    evidence.notApplicable("SAI-TLS-03", "mutual TLS is optional and not enabled (transport.mutualTls)");
  }
  if (edge.webAcl) {
    evidence.implemented(
      "SAI-NET-05",
      [edge.webAcl, edge.webAclAssociation],
      "WAF with AWS managed rule groups and a per-IP rate limit; Shield Standard DDoS protection applies to the ALB (Shield Advanced is an opt-in account subscription)",
    );
  } else {
    evidence.gap("SAI-NET-05", "the public API has no WAF (publicApi.waf false)", [edge.loadBalancer]);
  }
}
