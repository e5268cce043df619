/**
 * AWS edge: load balancers and CloudFront distributions. Property names verified in node_modules/@pulumi/aws
 * 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, noneOf, oneOf, type ResourceFacts } from "../../lib/facts";

const LB_LOGS =
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html";
const LB_DELETE =
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection";
const CF_ORIGIN =
  "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html";

/** Load balancers and CloudFront distributions. */
export const AWS_LB_CLOUDFRONT_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:lb/loadBalancer:LoadBalancer",
    alsoTypes: ["aws:alb/loadBalancer:LoadBalancer"],
    service: "lb",
    resource: "loadbalancer",
    title: "Elastic load balancers",
    baseline: {
      loadBalancerType: "application",
      internal: true,
      subnets: ["subnet-0a", "subnet-0b"],
      accessLogs: { bucket: "lb-logs", enabled: true },
      enableDeletionProtection: true,
    },
    groups: [
      {
        concern: "logging",
        facts: [
          is("accessLogs.enabled", true, false, "requests are not access-logged", LB_LOGS),
          isSet("accessLogs.bucket", "access logs need a bucket", LB_LOGS),
        ],
      },
      {
        concern: "deletion",
        facts: [
          is(
            "enableDeletionProtection",
            true,
            false,
            "a stray delete takes the entry point down",
            LB_DELETE,
            { fix: true },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:cloudfront/distribution:Distribution",
    service: "cloudfront",
    resource: "distribution",
    title: "CloudFront distributions",
    baseline: {
      enabled: true,
      origins: [
        {
          originId: "api",
          domainName: "api.example.com",
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      loggingConfig: { bucket: "cf-logs.s3.amazonaws.com" },
    },
    groups: [
      {
        concern: "tls",
        what: "require-origin-tls",
        facts: [
          oneOf(
            "origins[].customOriginConfig.originProtocolPolicy",
            ["https-only"],
            undefined,
            "CloudFront reaches the origin over plain HTTP",
            CF_ORIGIN,
            { optionalParent: true },
          ),
          noneOf(
            "origins[].customOriginConfig.originSslProtocols",
            ["SSLv3", "TLSv1", "TLSv1.1"],
            undefined,
            "CloudFront may reach the origin with a deprecated protocol",
            CF_ORIGIN,
            { optionalParent: true },
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "loggingConfig.bucket",
            "viewer requests are not access-logged",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html",
          ),
        ],
      },
    ],
  },
];
