import {
  defineResourcePolicy,
  get,
  knownArray,
  requireBoolean,
  requireOneOf,
  stringListOption,
} from "../lib";
import { CLOUDFRONT_TLS13_ONLY_POLICIES } from "./tls-policies";
import { AWS } from "./types";

const HTTPS_VIEWER_POLICIES = ["https-only", "redirect-to-https"];

/** CloudFront distributions serve viewers over TLS 1.3 only. */
export const awsCloudfrontDistributionRequireTls13 = defineResourcePolicy({
  name: "aws-cloudfront-distribution-require-tls13",
  cloud: "aws",
  controls: ["SAI-TLS-01"],
  description:
    "CloudFront distributions use a custom certificate (not the default *.cloudfront.net one, which forces TLSv1) with a TLS 1.3-only minimumProtocolVersion, and every cache behavior is https-only or redirect-to-https.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.cloudfrontDistribution],
  tags: ["cloudfront", "tls"],
  config: {
    allowedMinimumProtocolVersions: stringListOption({
      default: CLOUDFRONT_TLS13_ONLY_POLICIES,
      description: "Viewer security policies accepted (TLS 1.3-only by default).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireBoolean(props, ["viewerCertificate", "cloudfrontDefaultCertificate"], false, false, report);
    requireOneOf(
      props,
      ["viewerCertificate", "minimumProtocolVersion"],
      config.allowedMinimumProtocolVersions,
      "TLSv1",
      report,
    );
    requireOneOf(
      props,
      ["defaultCacheBehavior", "viewerProtocolPolicy"],
      HTTPS_VIEWER_POLICIES,
      undefined,
      report,
    );
    for (const [index, behavior] of knownArray(get(props, "orderedCacheBehaviors")).entries()) {
      requireOneOf(behavior, ["viewerProtocolPolicy"], HTTPS_VIEWER_POLICIES, undefined, (message) =>
        report(`orderedCacheBehaviors[${index}].${message}`),
      );
    }
  },
});
