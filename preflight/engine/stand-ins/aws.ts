/**
 * AWS stand-ins: IDs and ARNs in the shapes AWS returns them.
 *
 * ARN layout `arn:<partition>:<service>:<region>:<account>:<resource>` (AWS IAM User Guide, "Identify AWS
 * resources with Amazon Resource Names (ARNs)"); IAM and S3 ARNs carry no region, S3 no account. EC2 IDs are
 * `<prefix>-<17 hex>`. KMS key IDs are UUIDs, Bedrock guardrail IDs 12 lower-case alphanumerics.
 */
import { awsPartition } from "../cloud-identities";
import { hexOf, kebab, textInput, uuidOf } from "./names";
import type { StandInIdentity, StandInSubject } from "./types";

/** The input that names an AWS resource, when the program may set it (else the provider autonames it). */
const NAME_INPUT: Readonly<Record<string, string>> = {
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:kms/alias:Alias": "name",
};

/** ARN service per module where it differs from the module name. */
const ARN_SERVICE: Readonly<Record<string, string>> = {
  "aws:cloudwatch/logGroup:LogGroup": "logs",
  "aws:cloudwatch/eventRule:EventRule": "events",
  "aws:cloudwatch/eventBus:EventBus": "events",
  "aws:cloudwatch/metricAlarm:MetricAlarm": "cloudwatch",
  lb: "elasticloadbalancing",
  alb: "elasticloadbalancing",
  wafv2: "wafv2",
};

/** EC2 ID prefixes by resource kind. */
const EC2_PREFIX: Readonly<Record<string, string>> = {
  Vpc: "vpc",
  Subnet: "subnet",
  SecurityGroup: "sg",
  SecurityGroupRule: "sgr",
  RouteTable: "rtb",
  InternetGateway: "igw",
  NatGateway: "nat",
  Eip: "eipalloc",
  VpcEndpoint: "vpce",
  NetworkAcl: "acl",
  FlowLog: "fl",
  Instance: "i",
  Volume: "vol",
  LaunchTemplate: "lt",
  NetworkInterface: "eni",
};

/** The ARN's resource part for the kinds whose layout is not `<kind>/<name>`. */
function resourcePart(type: string, kind: string, physicalName: string, id: string): string {
  switch (type) {
    case "aws:kms/key:Key":
      return `key/${id}`;
    case "aws:kms/alias:Alias":
      return physicalName;
    case "aws:cloudwatch/logGroup:LogGroup":
      return `log-group:${physicalName}`;
    case "aws:sns/topic:Topic":
    case "aws:sqs/queue:Queue":
      return physicalName;
    case "aws:lambda/function:Function":
      return `function:${physicalName}`;
    case "aws:bedrock/guardrail:Guardrail":
      return `guardrail/${id}`;
    default:
      return `${kebab(kind)}/${id.startsWith("arn:") ? physicalName : id}`;
  }
}

/**
 * The ID, physical name and identifying outputs AWS returns for a new resource.
 *
 * @param subject - the resource.
 */
export function awsIdentity(subject: StandInSubject): StandInIdentity {
  const { type, name, inputs, ids } = subject;
  const [, module = "", kind = ""] = type.split(":");
  const service = module.split("/")[0] ?? "";
  const region = textInput(inputs, "region") ?? ids.awsRegion;
  const { partition, dnsSuffix } = awsPartition(region);
  const nameInput = NAME_INPUT[type] ?? "name";
  const given = textInput(inputs, nameInput);
  const prefix = textInput(inputs, `${nameInput}Prefix`);
  const generated = `${prefix ?? `${name}-`}${hexOf(7, type, name)}`;
  const physicalName = given ?? (service === "s3" ? generated.toLowerCase() : generated);
  const ec2Prefix = service === "ec2" ? EC2_PREFIX[kind] : undefined;
  const id =
    type === "aws:kms/key:Key"
      ? uuidOf(type, name)
      : type === "aws:bedrock/guardrail:Guardrail"
        ? hexOf(12, type, name)
        : ec2Prefix !== undefined
          ? `${ec2Prefix}-${hexOf(17, type, name)}`
          : physicalName;
  const arnService = ARN_SERVICE[type] ?? ARN_SERVICE[service] ?? service;
  let arn: string;
  if (service === "s3") {
    arn = `arn:${partition}:s3:::${physicalName}`;
  } else if (service === "iam") {
    arn = `arn:${partition}:iam::${ids.awsAccountId}:${kebab(kind).replace("open-id-connect-provider", "oidc-provider")}/${physicalName}`;
  } else {
    arn = `arn:${partition}:${arnService}:${region}:${ids.awsAccountId}:${resourcePart(type, kind, physicalName, id)}`;
  }
  const outputs: Record<string, unknown> = { arn, region, [nameInput]: physicalName };
  if (type === "aws:kms/key:Key") {
    outputs["keyId"] = id;
    outputs["rotationPeriodInDays"] = inputs["rotationPeriodInDays"] ?? 365;
  } else if (type === "aws:bedrock/guardrail:Guardrail") {
    outputs["guardrailId"] = id;
    outputs["guardrailArn"] = arn;
    outputs["version"] = "DRAFT";
  } else if (type === "aws:sqs/queue:Queue") {
    outputs["url"] = `https://sqs.${region}.${dnsSuffix}/${ids.awsAccountId}/${physicalName}`;
  } else if (type === "aws:sns/topic:Topic") {
    return { id: arn, physicalName, outputs: { ...outputs, name: physicalName } };
  } else if (service === "s3") {
    outputs["bucketDomainName"] = `${physicalName}.s3.${dnsSuffix}`;
    outputs["bucketRegionalDomainName"] = `${physicalName}.s3.${region}.${dnsSuffix}`;
  } else if (type === "aws:iam/role:Role") {
    outputs["uniqueId"] = `AROA${hexOf(17, type, name).toUpperCase()}`;
  }
  if (kind === "LoadBalancer") {
    outputs["dnsName"] = `${physicalName}-${hexOf(10, type, name)}.${region}.elb.${dnsSuffix}`;
  }
  return { id, physicalName, outputs };
}
