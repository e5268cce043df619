import type { SecureAiPlatformArgs } from "../../components/spec/args";
import {
  type BuiltPlatform,
  type FakeProvider,
  type RecordedResource,
  createMockEngine,
} from "./mock-engine";

export { type ParsedStatement, allows, parsePolicy, principalsOf } from "./aws-policy-documents";

/** The account the mocks report. */
export const ACCOUNT_ID = "111122223333";
/** The identity the mocks report as deployer (behind an assumed-role session). */
export const DEPLOYER_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/platform-deployer`;
/** Region of the fixtures. */
export const REGION = "eu-west-1";

/** A resource the AWS backend registered, as the mock engine saw it. */
export type AwsResource = RecordedResource;
/** A built AWS platform: its component, the resources it registered and its resolved outputs. */
export type BuiltAwsPlatform = BuiltPlatform;

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

const regional = (service: string, resource: string) =>
  `arn:aws:${service}:${REGION}:${ACCOUNT_ID}:${resource}`;

/** The GuardDuty detector the faked region already has (none unless a test sets one). */
let existingDetector: { id: string; tags: Record<string, string> } | undefined;

/**
 * Sets the detector `getDetector` finds; `undefined` (the default) answers as a region without one does.
 * @param detector - the existing detector, or undefined for none.
 */
export function setExistingDetector(
  detector: { id: string; tags: Record<string, string> } | undefined,
): void {
  existingDetector = detector;
}

/** A failure `getDetector` answers with instead (a denied call, say); none unless a test sets one. */
let detectorLookupFailure: string | undefined;

/**
 * Makes `getDetector` fail with `message`; `undefined` (the default) lets it answer.
 * @param message - the provider's error message, or undefined.
 */
export function failDetectorLookup(message: string | undefined): void {
  detectorLookupFailure = message;
}

/** The AWS provider as the mocks fake it: ARNs and names downstream look like AWS's. */
export const awsProvider: FakeProvider = {
  computedState(type, name, inputs) {
    const id = `${name}-id`;
    switch (type) {
      case "aws:kms/key:Key":
        return { id, state: { ...inputs, keyId: id, arn: regional("kms", `key/${id}`) } };
      case "aws:iam/role:Role":
        return { id: name, state: { ...inputs, name, arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}` } };
      case "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
        const host = text(inputs.url, "").replace("https://", "");
        return { id, state: { ...inputs, arn: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${host}` } };
      }
      case "aws:s3/bucket:Bucket":
        return { id: name, state: { ...inputs, bucket: name, arn: `arn:aws:s3:::${name}` } };
      case "aws:sns/topic:Topic": {
        const topicName = text(inputs.name, name);
        return { id, state: { ...inputs, name: topicName, arn: regional("sns", topicName) } };
      }
      case "aws:cloudwatch/logGroup:LogGroup": {
        const groupName = text(inputs.name, name);
        return {
          id: groupName,
          state: { ...inputs, name: groupName, arn: regional("logs", `log-group:${groupName}`) },
        };
      }
      case "aws:bedrock/guardrail:Guardrail":
        return {
          id,
          state: { ...inputs, guardrailId: id, guardrailArn: regional("bedrock", `guardrail/${id}`) },
        };
      case "aws:ec2/vpcEndpoint:VpcEndpoint":
        return { id, state: { ...inputs, prefixListId: "pl-6da54004" } };
      case "aws:lb/loadBalancer:LoadBalancer":
        return {
          id,
          state: {
            ...inputs,
            arn: regional("elasticloadbalancing", `loadbalancer/app/${name}`),
            dnsName: `${name}.elb.amazonaws.com`,
          },
        };
      default:
        return {
          id,
          state: { ...inputs, name: text(inputs.name, name), arn: regional("mock", `${type}/${name}`) },
        };
    }
  },
  invoke(token, inputs) {
    switch (token) {
      case "aws:index/getPartition:getPartition":
        return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
      case "aws:index/getCallerIdentity:getCallerIdentity":
        return {
          id: ACCOUNT_ID,
          accountId: ACCOUNT_ID,
          arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/platform-deployer/session`,
          userId: "AROAEXAMPLE:session",
        };
      case "aws:iam/getSessionContext:getSessionContext":
        return { ...inputs, issuerArn: DEPLOYER_ARN, issuerName: "platform-deployer" };
      case "aws:guardduty/getDetector:getDetector":
        // Without an ID the provider requires exactly one detector; none is "empty result" (its FindDetector).
        // The SDK reads a failed invoke's message from the gRPC error's `details`.
        if (detectorLookupFailure !== undefined || !existingDetector) {
          const message =
            detectorLookupFailure ?? "reading this account's single GuardDuty Detector: empty result";
          throw Object.assign(new Error(message), { details: message });
        }
        return { ...inputs, ...existingDetector, status: "ENABLED" };
      case "aws:index/getAvailabilityZones:getAvailabilityZones":
        return {
          id: REGION,
          names: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
          zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
        };
      default:
        return inputs;
    }
  },
};

const engine = createMockEngine();

/** Installs Pulumi mocks that answer like the AWS provider and record every registered resource. */
export async function installAwsMocks(): Promise<void> {
  await engine.install(awsProvider, { project: "aws-test" });
}

/**
 * Minimal valid AWS arguments (one model in {@link REGION}), with overrides.
 * @param overrides - top-level arguments that replace the minimal ones; default `{}`.
 */
export function awsArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return {
    cloud: "aws",
    aws: { region: REGION },
    models: [{ name: "assistant", artifact: "models/assistant/model.tar.gz" }],
    ...overrides,
  };
}

/**
 * Builds a platform under the AWS mocks and waits until every child is registered.
 * @param name - the component's logical name.
 * @param args - the platform's arguments.
 */
export function buildAws(name: string, args: SecureAiPlatformArgs): Promise<BuiltAwsPlatform> {
  return engine.build(name, args);
}
