import { SecureAiConfigError } from "../errors";
import {
  optionalArray,
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringList,
  rejectUnknownKeys,
  requireObject,
  requireString,
} from "../spec/checks";
import { checkName } from "../spec/names";
import { resolveTags } from "../spec/resolve-options";
import { CLOUDS, type CloudName } from "../spec/resolved";
import { KNOWN_AWS_REGIONS } from "./aws-regions";
import { guardrailStatements, packScpDocuments } from "./aws-scp-documents";
import type {
  ResolvedAwsAccount,
  ResolvedAwsGuardrails,
  ResolvedAzureGuardrails,
  ResolvedGcpGuardrails,
  ResolvedGuardrails,
} from "./resolved";

/** Root, OU or account ID, as AWS Organizations' AttachPolicy accepts them. */
const AWS_TARGET = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;
const AWS_PARENT = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const IAM_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}|\*):role\/[\w+=,.@\-/*]{1,512}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const GCP_PARENT = /^(organizations|folders)\/\d{1,20}$/;
const GCP_ORGANIZATION = /^organizations\/\d{1,20}$/;
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_SERVICE = /^[a-z][a-z0-9-]*\.googleapis\.com$/;
const GCP_CIPHER = /^(in:[A-Za-z0-9-]+|TLS_[A-Z0-9_]+)$/;
const AZURE_MANAGEMENT_GROUP = /^\/providers\/Microsoft\.Management\/managementGroups\/[\w\-.()]{1,90}$/i;
const AZURE_SUBSCRIPTION = /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Services that hold the platform's data, models and logs; all offer CMEK. */
export const DEFAULT_CMEK_SERVICES: readonly string[] = [
  "aiplatform.googleapis.com",
  "bigquery.googleapis.com",
  "logging.googleapis.com",
  "notebooks.googleapis.com",
  "pubsub.googleapis.com",
  "secretmanager.googleapis.com",
  "storage.googleapis.com",
];

/** The cipher value group applied when none is given. */
export const DEFAULT_TLS_CIPHERS: readonly string[] = ["in:NIST-800-52-recommended-ciphers"];

const TOP_LEVEL_KEYS = ["cloud", "aws", "gcp", "azure", "tags"] as const;

function resolveCloud(value: unknown): CloudName {
  if (typeof value !== "string" || !(CLOUDS as readonly string[]).includes(value)) {
    throw new SecureAiConfigError(
      "cloud",
      value,
      `allowed values are ${CLOUDS.map((c) => `"${c}"`).join(", ")}`,
    );
  }
  return value as CloudName;
}

function nonEmptyList(value: unknown, path: string, pattern: RegExp, what: string): string[] {
  if (value === undefined || value === null)
    throw new SecureAiConfigError(path, value, `${what} is required`);
  const items = optionalStringList(value, path, pattern, what);
  if (items.length === 0) throw new SecureAiConfigError(path, value, `at least one ${what} is required`);
  return items;
}

function matching(value: unknown, path: string, pattern: RegExp, allowed: string): string {
  const text = requireString(value, path);
  if (!pattern.test(text)) throw new SecureAiConfigError(path, value, allowed);
  return text;
}

function resolveRegions(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const regions = optionalStringList(value, "aws.allowedRegions");
  if (regions.length === 0) {
    throw new SecureAiConfigError(
      "aws.allowedRegions",
      value,
      "list at least one region, or leave allowedRegions out for no region restriction",
    );
  }
  regions.forEach((region, index) => {
    if (!KNOWN_AWS_REGIONS.includes(region)) {
      throw new SecureAiConfigError(
        `aws.allowedRegions[${index}]`,
        region,
        `expected an AWS Region code such as "eu-west-1"; known codes: ${KNOWN_AWS_REGIONS.join(", ")}`,
      );
    }
  });
  return regions;
}

function resolveAccounts(value: unknown): ResolvedAwsAccount[] {
  const accounts = optionalArray(value, "aws.environmentAccounts").map((item, index) => {
    const path = `aws.environmentAccounts[${index}]`;
    const account = requireObject(item, path, "an account object ({ name, email, parentId? })");
    rejectUnknownKeys(account, path, ["name", "email", "parentId"]);
    const parentId = optionalString(account.parentId, `${path}.parentId`);
    if (parentId !== undefined && !AWS_PARENT.test(parentId)) {
      throw new SecureAiConfigError(
        `${path}.parentId`,
        parentId,
        'expected an OU ID ("ou-ab12-cd34ef56") or the root ID ("r-ab12")',
      );
    }
    return {
      name: checkName(account.name, `${path}.name`),
      email: matching(account.email, `${path}.email`, EMAIL, "expected an email address"),
      ...(parentId ? { parentId } : {}),
    };
  });
  accounts.forEach((account, index) => {
    if (accounts.findIndex((a) => a.name === account.name) !== index) {
      throw new SecureAiConfigError(
        `aws.environmentAccounts[${index}].name`,
        account.name,
        "each environment appears once",
      );
    }
  });
  return accounts;
}

function resolveAws(block: Record<string, unknown>): ResolvedAwsGuardrails {
  rejectUnknownKeys(block, "aws", [
    "targetIds",
    "breakGlassRoleArns",
    "denyKeyDeletion",
    "allowedRegions",
    "environmentAccounts",
  ]);
  const targetIds = nonEmptyList(
    block.targetIds,
    "aws.targetIds",
    AWS_TARGET,
    'an OU ID ("ou-ab12-cd34ef56"), the root ID ("r-ab12") or a 12-digit account ID',
  );
  const denyKeyDeletion = optionalBoolean(block.denyKeyDeletion, "aws.denyKeyDeletion", true);
  const breakGlassRoleArns = optionalStringList(
    block.breakGlassRoleArns,
    "aws.breakGlassRoleArns",
    IAM_ROLE_ARN,
    'an IAM role ARN such as "arn:aws:iam::111122223333:role/BreakGlass" (account may be "*")',
  );
  if (denyKeyDeletion && breakGlassRoleArns.length === 0) {
    throw new SecureAiConfigError(
      "aws.breakGlassRoleArns",
      block.breakGlassRoleArns,
      "at least one break-glass role ARN is required while denyKeyDeletion is true; otherwise no one can " +
        "retire a key or repair logging in an emergency",
    );
  }
  const allowedRegions = resolveRegions(block.allowedRegions);
  const resolved: ResolvedAwsGuardrails = {
    targetIds,
    breakGlassRoleArns,
    denyKeyDeletion,
    ...(allowedRegions ? { allowedRegions } : {}),
    environmentAccounts: resolveAccounts(block.environmentAccounts),
  };
  // The documents must fit AWS's limits; find out now rather than at `pulumi up`.
  packScpDocuments(guardrailStatements(resolved));
  return resolved;
}

function resolveGcp(block: Record<string, unknown>): ResolvedGcpGuardrails {
  rejectUnknownKeys(block, "gcp", ["parent", "organization", "cmekProjects", "cmekServices", "tlsCiphers"]);
  const parent = matching(
    block.parent,
    "gcp.parent",
    GCP_PARENT,
    'expected "organizations/<numeric ID>" or "folders/<numeric ID>"',
  );
  const organizationArg = optionalString(block.organization, "gcp.organization");
  if (organizationArg !== undefined && !GCP_ORGANIZATION.test(organizationArg)) {
    throw new SecureAiConfigError(
      "gcp.organization",
      organizationArg,
      'expected "organizations/<numeric ID>"',
    );
  }
  const organization = organizationArg ?? (parent.startsWith("organizations/") ? parent : undefined);
  if (organization === undefined) {
    throw new SecureAiConfigError(
      "gcp.organization",
      block.organization,
      'required when parent is a folder: the KMS rotation custom constraint is defined on "organizations/<ID>"',
    );
  }
  const cmekServices =
    block.cmekServices === undefined || block.cmekServices === null
      ? [...DEFAULT_CMEK_SERVICES]
      : nonEmptyList(
          block.cmekServices,
          "gcp.cmekServices",
          GCP_SERVICE,
          'a service such as "storage.googleapis.com"',
        );
  const tlsCiphers =
    block.tlsCiphers === undefined || block.tlsCiphers === null
      ? [...DEFAULT_TLS_CIPHERS]
      : nonEmptyList(
          block.tlsCiphers,
          "gcp.tlsCiphers",
          GCP_CIPHER,
          'a value group ("in:NIST-800-52-recommended-ciphers") or a cipher suite name ("TLS_...")',
        );
  return {
    parent,
    organization,
    cmekProjects: nonEmptyList(
      block.cmekProjects,
      "gcp.cmekProjects",
      GCP_PROJECT,
      "a project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter",
    ),
    cmekServices,
    tlsCiphers,
  };
}

function resolveAzure(block: Record<string, unknown>): ResolvedAzureGuardrails {
  rejectUnknownKeys(block, "azure", ["scope", "effect", "keyRotationDays"]);
  const scope = requireString(block.scope, "azure.scope");
  if (!AZURE_MANAGEMENT_GROUP.test(scope) && !AZURE_SUBSCRIPTION.test(scope)) {
    throw new SecureAiConfigError(
      "azure.scope",
      scope,
      'expected "/providers/Microsoft.Management/managementGroups/<id>" or "/subscriptions/<subscription GUID>"',
    );
  }
  return {
    scope,
    effect: optionalChoice(block.effect, "azure.effect", ["Deny", "Audit"] as const, "Deny"),
    keyRotationDays:
      optionalInteger(block.keyRotationDays, "azure.keyRotationDays", { min: 1, max: 90 }, 90, "days") ?? 90,
  };
}

/**
 * Applies every default to SecureAiGuardrails' arguments and validates them. Pure: it creates no resources.
 * Throws SecureAiConfigError naming the first invalid argument.
 */
export function resolveGuardrails(args: unknown): ResolvedGuardrails {
  const input = requireObject(args, "args", "an arguments object for SecureAiGuardrails");
  rejectUnknownKeys(input, "", TOP_LEVEL_KEYS);
  const cloud = resolveCloud(input.cloud);
  const block = requireObject(
    input[cloud],
    cloud,
    `the "${cloud}" block (guardrail settings of the chosen cloud)`,
  );
  const tags = resolveTags(optionalObject(input.tags, "tags"));
  switch (cloud) {
    case "aws":
      return { cloud, aws: resolveAws(block), tags };
    case "gcp":
      return { cloud, gcp: resolveGcp(block), tags };
    case "azure":
      return { cloud, azure: resolveAzure(block), tags };
  }
}
