import { createHash } from "node:crypto";
import { serviceAgentEmail } from "./stand-ins/gcp";

/**
 * Stand-in cloud identities for an offline run: a documentation-range AWS account, an example GCP project,
 * an all-zero-style Azure subscription. Values the stack config sets take precedence: the providers' own
 * keys (`aws:region`, `aws:allowedAccountIds`, `gcp:project`, `gcp:region`, `azure-native:subscriptionId`,
 * `azure-native:tenantId`, `azure-native:location`, ...) and, for what no provider key holds, the keys of
 * {@link PREFLIGHT_CONFIG_NAMESPACE} (`secure-ai-preflight:awsAccountId`, `awsCallerRole`, `gcpProjectNumber`,
 * `azureObjectId`).
 */
export interface CloudIdentities {
  awsAccountId: string;
  awsRegion: string;
  /** Name of the IAM role the deployer's session assumed (`getCallerIdentity` answers an assumed-role ARN). */
  awsCallerRole: string;
  gcpProject: string;
  gcpProjectNumber: string;
  gcpRegion: string;
  gcpZone: string;
  azureSubscriptionId: string;
  azureTenantId: string;
  azureClientId: string;
  azureObjectId: string;
  azureLocation: string;
}

/** Stack config namespace for the stand-in identities no provider config key holds. */
export const PREFLIGHT_CONFIG_NAMESPACE = "secure-ai-preflight";

/**
 * Builds the identities from the stack's config values (fully qualified keys).
 *
 * @param config - the stack config values.
 */
export function cloudIdentitiesFromConfig(config: Record<string, unknown>): CloudIdentities {
  const text = (key: string, fallback: string): string => {
    const value = config[key];
    return typeof value === "string" && value.length > 0 ? value : fallback;
  };
  const own = (key: string, fallback: string): string =>
    text(`${PREFLIGHT_CONFIG_NAMESPACE}:${key}`, fallback);
  const gcpRegion = text("gcp:region", "us-central1");
  return {
    awsAccountId: own("awsAccountId", firstAllowedAccount(config["aws:allowedAccountIds"]) ?? "123456789012"),
    awsRegion: text("aws:region", "us-east-1"),
    awsCallerRole: own("awsCallerRole", "preflight-deployer"),
    gcpProject: text("gcp:project", "preflight-project"),
    gcpProjectNumber: own("gcpProjectNumber", "123456789012"),
    gcpRegion,
    gcpZone: text("gcp:zone", `${gcpRegion}-a`),
    azureSubscriptionId: text("azure-native:subscriptionId", "00000000-0000-0000-0000-000000000001"),
    azureTenantId: text("azure-native:tenantId", "00000000-0000-0000-0000-000000000002"),
    azureClientId: text("azure-native:clientId", "00000000-0000-0000-0000-000000000003"),
    azureObjectId: own("azureObjectId", "00000000-0000-0000-0000-000000000004"),
    azureLocation: text("azure-native:location", "westeurope"),
  };
}

/** The first account of `aws:allowedAccountIds` (a list, or its JSON text as stack config stores it). */
function firstAllowedAccount(value: unknown): string | undefined {
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const first = Array.isArray(list) ? (list[0] as unknown) : undefined;
  return typeof first === "string" || typeof first === "number" ? String(first) : undefined;
}

/**
 * The AWS partition of a region.
 *
 * @param region - an AWS region name.
 */
export function awsPartition(region: string): {
  partition: string;
  dnsSuffix: string;
  reverseDnsPrefix: string;
} {
  if (region.startsWith("cn-")) {
    return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
  }
  if (region.startsWith("us-gov-")) {
    return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
  }
  return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

/**
 * Realistic results for the invokes programs commonly make to learn where they run. Undefined for any
 * other token: the invoke then returns no properties.
 *
 * @param token - the function's type token.
 * @param args - the invoke's arguments.
 * @param ids - the identities to answer with.
 */
export function commonInvokeResult(
  token: string,
  args: Record<string, unknown>,
  ids: CloudIdentities,
): Record<string, unknown> | undefined {
  const region = typeof args["region"] === "string" ? args["region"] : ids.awsRegion;
  const partition = awsPartition(region);
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      // An assumed-role session, as a CI deployer has (STS GetCallerIdentity returns the session's ARN).
      return {
        accountId: ids.awsAccountId,
        arn: `arn:${partition.partition}:sts::${ids.awsAccountId}:assumed-role/${ids.awsCallerRole}/preflight`,
        userId: "AROAPREFLIGHTEXAMPLE:preflight",
        id: ids.awsAccountId,
      };
    case "aws:iam/getSessionContext:getSessionContext":
      return sessionContext(typeof args["arn"] === "string" ? args["arn"] : "", ids);
    case "aws:index/getRegion:getRegion":
      return {
        region,
        name: region,
        id: region,
        endpoint: `ec2.${region}.${partition.dnsSuffix}`,
        description: region,
      };
    case "aws:index/getPartition:getPartition":
      return { ...partition, id: partition.partition };
    case "aws:index/getAvailabilityZones:getAvailabilityZones": {
      const letters = ["a", "b", "c"];
      return {
        id: region,
        region,
        names: letters.map((letter) => `${region}${letter}`),
        zoneIds: letters.map((_, index) => `${regionCode(region)}-az${index + 1}`),
        groupNames: [region],
      };
    }
    case "gcp:organizations/getProject:getProject": {
      const projectId = typeof args["projectId"] === "string" ? args["projectId"] : ids.gcpProject;
      return {
        id: `projects/${projectId}`,
        projectId,
        name: projectId,
        number: ids.gcpProjectNumber,
        orgId: "123456789",
        labels: {},
        effectiveLabels: {},
        pulumiLabels: {},
        autoCreateNetwork: true,
      };
    }
    case "gcp:organizations/getClientConfig:getClientConfig":
      return {
        id: `projects/${ids.gcpProject}/regions/${ids.gcpRegion}/zones/${ids.gcpZone}`,
        project: ids.gcpProject,
        region: ids.gcpRegion,
        zone: ids.gcpZone,
        accessToken: "preflight-offline-token",
        defaultLabels: {},
      };
    case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
      const project = typeof args["project"] === "string" ? args["project"] : ids.gcpProject;
      const email = serviceAgentEmail("storage.googleapis.com", ids.gcpProjectNumber);
      return { id: email, emailAddress: email, member: `serviceAccount:${email}`, project };
    }
    case "gcp:bigquery/getDefaultServiceAccount:getDefaultServiceAccount": {
      const project = typeof args["project"] === "string" ? args["project"] : ids.gcpProject;
      const email = serviceAgentEmail("bigquery.googleapis.com", ids.gcpProjectNumber);
      return { id: email, email, member: `serviceAccount:${email}`, project };
    }
    case "gcp:logging/getProjectCmekSettings:getProjectCmekSettings": {
      // Cloud Logging's CMEK service account for a project (Cloud Logging docs, "Configure CMEK for log
      // storage": the serviceAccountId returned by getCmekSettings).
      const project = typeof args["project"] === "string" ? args["project"] : ids.gcpProject;
      return {
        id: `projects/${project}/cmekSettings`,
        name: `projects/${project}/cmekSettings`,
        project,
        serviceAccountId: serviceAgentEmail("logging.googleapis.com", ids.gcpProjectNumber),
        kmsKeyName: "",
        kmsKeyVersionName: "",
      };
    }
    case "azure-native:authorization:getClientConfig":
      return {
        clientId: ids.azureClientId,
        objectId: ids.azureObjectId,
        subscriptionId: ids.azureSubscriptionId,
        tenantId: ids.azureTenantId,
      };
    default:
      return undefined;
  }
}

/**
 * IAM's answer to GetSessionContext: for an assumed-role session ARN, the role that issued it; for any other
 * principal, the principal itself with empty issuer fields (aws provider docs, `aws.iam.getSessionContext`).
 */
function sessionContext(arn: string, ids: CloudIdentities): Record<string, unknown> {
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (match === null) {
    return { id: arn, arn, issuerArn: arn, issuerId: "", issuerName: "", sessionName: "" };
  }
  const [, partition, account, role, session] = match;
  return {
    id: arn,
    arn,
    issuerArn: `arn:${partition}:iam::${account ?? ids.awsAccountId}:role/${role}`,
    issuerId: "AROAPREFLIGHTEXAMPLE",
    issuerName: role,
    sessionName: session,
  };
}

/** `us-east-1` → `use1`, the prefix of AWS zone IDs. */
function regionCode(region: string): string {
  const [area = "", direction = "", number = ""] = region.split("-");
  return `${area}${direction.charAt(0)}${number}`;
}

/**
 * Physical names a provider generates during preview (autonaming happens in the provider's Check, so
 * these are known in a real preview), for the resource types whose name programs often read.
 * Type token → name property.
 */
const AUTONAMED_PROPERTY: Readonly<Record<string, string>> = {
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:iam/role:Role": "name",
  "aws:iam/policy:Policy": "name",
  "aws:sns/topic:Topic": "name",
  "aws:sqs/queue:Queue": "name",
  "aws:lambda/function:Function": "name",
  "aws:cloudwatch/logGroup:LogGroup": "name",
  "aws:ecr/repository:Repository": "name",
  "gcp:storage/bucket:Bucket": "name",
  "gcp:serviceaccount/account:Account": "accountId",
  "azure-native:resources:ResourceGroup": "resourceGroupName",
  "azure-native:storage:StorageAccount": "accountName",
  "azure-native:keyvault:Vault": "vaultName",
};

/**
 * The autonamed physical name of a resource the program did not name, or nothing.
 *
 * @param type - type token.
 * @param name - logical name.
 * @param inputs - the program's inputs.
 */
export function autonamedOutputs(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const property = AUTONAMED_PROPERTY[type];
  if (property === undefined || inputs[property] !== undefined) {
    return {};
  }
  const suffix = createHash("sha256").update(`${type}::${name}`).digest("hex").slice(0, 7);
  const physical =
    type === "azure-native:storage:StorageAccount"
      ? `${name.replace(/[^a-z0-9]/gi, "").slice(0, 16)}${suffix}`
      : `${name}-${suffix}`;
  return {
    [property]:
      type.startsWith("aws:s3/") || type.startsWith("azure-native:storage")
        ? physical.toLowerCase()
        : physical,
  };
}

/**
 * Known outputs of a resource read by ID (`Resource.get`): its ID plus the ARN, self link or Azure
 * resource ID a provider would return.
 *
 * @param type - type token.
 * @param id - the ID the program passed.
 * @param ids - the identities to build ARNs and links from.
 */
export function readResourceOutputs(type: string, id: string, ids: CloudIdentities): Record<string, unknown> {
  const [provider = "", module = "", kind = ""] = type.split(":");
  const service = module.split("/")[0] ?? "";
  if (provider === "aws") {
    const { partition } = awsPartition(ids.awsRegion);
    if (id.startsWith("arn:")) {
      return { arn: id };
    }
    if (service === "s3") {
      return { arn: `arn:${partition}:s3:::${id}`, bucket: id };
    }
    if (service === "iam") {
      return { arn: `arn:${partition}:iam::${ids.awsAccountId}:${lowerFirst(kind)}/${id}`, name: id };
    }
    return {
      arn: `arn:${partition}:${service}:${ids.awsRegion}:${ids.awsAccountId}:${lowerFirst(kind)}/${id}`,
    };
  }
  if (provider === "gcp") {
    return { selfLink: `https://www.googleapis.com/${service}/v1/projects/${ids.gcpProject}/${id}` };
  }
  if (provider === "azure-native") {
    return { name: id.split("/").pop() ?? id };
  }
  return {};
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
