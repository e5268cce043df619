import * as pulumi from "@pulumi/pulumi";
import { dependencyNames, linkBackendForVitest } from "./backend-link";
import { PLATFORM_TYPE, SecureAiPlatform } from "../../components/platform";
import * as awsBackend from "../../components/aws";
import type { ControlEvidenceOutput } from "../../components/evidence";
import type { SecureAiPlatformArgs } from "../../components/spec/args";

/** The account the mocks report. */
export const ACCOUNT_ID = "111122223333";
/** The identity the mocks report as deployer (behind an assumed-role session). */
export const DEPLOYER_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/platform-deployer`;
/** Region of the fixtures. */
export const REGION = "eu-west-1";

/** A resource the AWS backend registered, as the mock engine saw it. */
export interface AwsResource {
  type: string;
  /** Logical name. */
  name: string;
  /** Inputs with every Output resolved. */
  inputs: Record<string, unknown>;
  /** Logical names of the resources it `dependsOn`. */
  dependsOn: string[];
}

const registered = new Map<string, Record<string, unknown>>();

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

/** State a real provider would compute, so that ARNs and names downstream look like AWS's. */
function providerState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: object } {
  const id = `${name}-id`;
  const regional = (service: string, resource: string) =>
    `arn:aws:${service}:${REGION}:${ACCOUNT_ID}:${resource}`;
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
}

/** Installs Pulumi mocks that answer like the AWS provider and record every registered resource. */
export async function installAwsMocks(): Promise<void> {
  linkBackendForVitest("aws", awsBackend);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const inputs = args.inputs as Record<string, unknown>;
        registered.set(`${args.type}::${args.name}`, inputs);
        return providerState(args.type, args.name, inputs);
      },
      call: (args) => {
        switch (args.token) {
          case "aws:index/getPartition:getPartition":
            return {
              id: "aws",
              partition: "aws",
              dnsSuffix: "amazonaws.com",
              reverseDnsPrefix: "com.amazonaws",
            };
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
              id: ACCOUNT_ID,
              accountId: ACCOUNT_ID,
              arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/platform-deployer/session`,
              userId: "AROAEXAMPLE:session",
            };
          case "aws:iam/getSessionContext:getSessionContext":
            return { ...args.inputs, issuerArn: DEPLOYER_ARN, issuerName: "platform-deployer" };
          case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return {
              id: REGION,
              names: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
              zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
            };
          default:
            return args.inputs;
        }
      },
    },
    "aws-test",
    "dev",
    false,
  );
}

/** Minimal valid AWS arguments, with overrides. */
export function awsArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return { cloud: "aws", aws: { region: REGION }, models: [{ name: "assistant" }], ...overrides };
}

/** A built platform: its component, the resources it registered and its resolved outputs. */
export interface BuiltAwsPlatform {
  platform: SecureAiPlatform;
  resources: AwsResource[];
  controls: ControlEvidenceOutput[];
  outputs: {
    keys: Record<string, string>;
    storage: Record<string, string>;
    modelEndpoints: Record<string, string>;
    networkId: string;
    workloadIdentities: Record<string, string>;
    findingsDestination: string;
    publicEndpoint: string | undefined;
  };
  /** Resources of one type token. */
  ofType(type: string): AwsResource[];
  /** The one resource of this type with this logical name (throws otherwise). */
  named(type: string, name: string): AwsResource;
  /** The evidence entry of one control. */
  control(id: string): ControlEvidenceOutput;
}

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

/** Builds a platform under the mocks and waits until every child is registered. */
export async function buildAws(name: string, args: SecureAiPlatformArgs): Promise<BuiltAwsPlatform> {
  const seen: { type: string; name: string; dependsOn: string[] }[] = [];
  const platform = new SecureAiPlatform(name, args, {
    transformations: [
      (child) => {
        seen.push({ type: child.type, name: child.name, dependsOn: dependencyNames(child.opts.dependsOn) });
        return undefined;
      },
    ],
  });
  const [
    controls,
    keys,
    storage,
    modelEndpoints,
    networkId,
    workloadIdentities,
    findingsDestination,
    publicEndpoint,
  ] = await Promise.all([
    resolved(platform.controls),
    resolved(platform.keys),
    resolved(platform.storage),
    resolved(platform.modelEndpoints),
    resolved(platform.networkId),
    resolved(platform.workloadIdentities),
    resolved(platform.findingsDestination),
    resolved(platform.publicEndpoint),
  ]);
  for (let round = 0; round < 100 && seen.some((r) => !registered.has(`${r.type}::${r.name}`)); round++) {
    await new Promise((done) => setTimeout(done, 5));
  }
  const resources = seen
    .filter((r) => r.type !== PLATFORM_TYPE)
    .map((r): AwsResource => {
      const inputs = registered.get(`${r.type}::${r.name}`);
      if (!inputs) throw new Error(`resource ${r.name} was never registered`);
      return { type: r.type, name: r.name, inputs, dependsOn: r.dependsOn };
    });
  return {
    platform,
    resources,
    controls,
    outputs: {
      keys,
      storage,
      modelEndpoints,
      networkId,
      workloadIdentities,
      findingsDestination,
      publicEndpoint,
    },
    ofType: (type) => resources.filter((r) => r.type === type),
    named: (type, resourceName) => {
      const found = resources.filter((r) => r.type === type && r.name === resourceName);
      if (found.length !== 1)
        throw new Error(`expected one ${type} named ${resourceName}, found ${found.length}`);
      return found[0] as AwsResource;
    },
    control: (id) => {
      const found = controls.find((c) => c.id === id);
      if (!found) throw new Error(`no evidence for ${id}`);
      return found;
    },
  };
}

/** A policy document as JSON-parsed from a resource input. */
export interface ParsedStatement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Parses a policy input (throws if it is not JSON). */
export function parsePolicy(value: unknown): { Version: string; Statement: ParsedStatement[] } {
  if (typeof value !== "string") throw new Error(`policy is not a string: ${String(value)}`);
  return JSON.parse(value) as { Version: string; Statement: ParsedStatement[] };
}

/** Whether a statement's actions include an action (wildcards in the statement expanded). */
export function allows(statement: ParsedStatement, action: string): boolean {
  const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
  return actions.some((a) => a === "*" || new RegExp(`^${a.replace(/\*/g, ".*")}$`).test(action));
}

/** The principals (AWS ARNs and services) a statement names. */
export function principalsOf(statement: ParsedStatement): string[] {
  const principal = statement.Principal;
  if (principal === "*") return ["*"];
  if (!principal || typeof principal !== "object") return [];
  return Object.values(principal as Record<string, string | string[]>).flatMap((v) =>
    Array.isArray(v) ? v : [v],
  );
}
