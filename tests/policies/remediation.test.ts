import { describe, expect, it } from "vitest";
import { policies } from "../../policy-packs/secure-ai/policies";
import { remediateDirect, remediateResource, secret, UNKNOWN } from "./harness";
import { resourcePolicy } from "./pack";

describe("remediations", () => {
  it("at least five policies remediate", () => {
    const remediating = policies.filter(
      (policy) => "remediateResource" in policy && policy.remediateResource !== undefined,
    );
    expect(remediating.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    [
      "aws-s3-bucketpublicaccessblock-require-all-blocked",
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      { bucket: UNKNOWN, blockPublicAcls: false },
      { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    ],
    [
      "aws-kms-key-require-rotation",
      "aws:kms/key:Key",
      { description: "k", rotationPeriodInDays: 365 },
      { enableKeyRotation: true, rotationPeriodInDays: 90 },
    ],
    [
      "aws-ec2-subnet-disallow-public-ip-on-launch",
      "aws:ec2/subnet:Subnet",
      { vpcId: UNKNOWN, mapPublicIpOnLaunch: true },
      { mapPublicIpOnLaunch: false },
    ],
    [
      "aws-sagemaker-notebookinstance-disallow-internet-access",
      "aws:sagemaker/notebookInstance:NotebookInstance",
      { instanceType: "ml.t3.medium" },
      { directInternetAccess: "Disabled" },
    ],
    [
      "aws-lb-listener-require-tls13",
      "aws:lb/listener:Listener",
      { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" },
      { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" },
    ],
    [
      "aws-apigateway-restapi-require-tls13",
      "aws:apigateway/restApi:RestApi",
      { name: "api", securityPolicy: "TLS_1_2" },
      { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" },
    ],
    [
      "aws-sagemaker-domain-require-vpc-only",
      "aws:sagemaker/domain:Domain",
      { domainName: "d" },
      { appNetworkAccessType: "VpcOnly" },
    ],
    [
      "aws-cloudtrail-trail-require-integrity",
      "aws:cloudtrail/trail:Trail",
      { s3BucketName: "audit" },
      { enableLogFileValidation: true, isMultiRegionTrail: true },
    ],
    [
      "aws-kms-key-limit-deletion-window",
      "aws:kms/key:Key",
      { deletionWindowInDays: 7 },
      { deletionWindowInDays: 30 },
    ],
  ])(
    "%s fixes the resource through the SDK server, keeping other inputs",
    async (name, type, props, changes) => {
      const result = await remediateResource(resourcePolicy(name), { type, name: "r", props });
      expect(result).toEqual({ ...props, ...changes });
    },
  );

  it("returns nothing for a compliant resource", async () => {
    const result = await remediateResource(resourcePolicy("aws-ec2-subnet-disallow-public-ip-on-launch"), {
      type: "aws:ec2/subnet:Subnet",
      name: "s",
      props: { vpcId: "vpc-1", mapPublicIpOnLaunch: false },
    });
    expect(result).toBeUndefined();
  });

  it("keeps secrets secret and unknowns unknown in the other inputs", async () => {
    const result = await remediateResource(resourcePolicy("aws-lb-listener-require-tls13"), {
      type: "aws:lb/listener:Listener",
      name: "l",
      props: {
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-2016-08",
        certificateArn: secret("arn:cert"),
        loadBalancerArn: UNKNOWN,
      },
    });
    expect(result).toEqual({
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06",
      certificateArn: secret("arn:cert"),
      loadBalancerArn: UNKNOWN,
    });
  });

  it("uses the configured allow-list and leaves waived resources alone", async () => {
    const policy = resourcePolicy("aws-lb-listener-require-tls13");
    const listener = {
      type: "aws:lb/listener:Listener",
      name: "partner-api",
      props: { protocol: "TLS", sslPolicy: "ELBSecurityPolicy-2016-08" },
    };
    const configured = await remediateDirect(policy, listener, {
      allowedSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-PQ-2025-09"],
    });
    expect(configured?.sslPolicy).toBe("ELBSecurityPolicy-TLS13-1-3-PQ-2025-09");
    const waived = await remediateDirect(policy, listener, {
      waivers: [
        { resource: "partner-api", reason: "Partner clients need TLS 1.2 until Q3", expires: "2999-01-01" },
      ],
    });
    expect(waived).toBeUndefined();
  });
});
