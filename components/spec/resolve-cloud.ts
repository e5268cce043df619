import { SecureAiConfigError } from "../errors";
import { optionalString, rejectUnknownKeys, requireObject, requireString } from "./checks";
import type { CloudName, ResolvedSpec } from "./resolved";

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const AWS_CUSTOM_KEY_STORE = /^cks-[a-z0-9]{17}$/;
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;
const AZURE_LOCATION = /^[a-z]+[a-z0-9]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AZURE_RESOURCE_GROUP = /^[-\w._()]{1,89}[-\w_()]$/;

type CloudBlocks = Pick<ResolvedSpec, "aws" | "gcp" | "azure">;

function matching(value: unknown, path: string, pattern: RegExp, allowed: string): string {
  const text = requireString(value, path);
  if (!pattern.test(text)) throw new SecureAiConfigError(path, value, allowed);
  return text;
}

/** Resolves the chosen cloud's block; it is required, and the other clouds' blocks are ignored. */
export function resolveCloudBlock(cloud: CloudName, args: Record<string, unknown>): CloudBlocks {
  const block = requireObject(args[cloud], cloud, `the "${cloud}" block (settings of the chosen cloud)`);
  switch (cloud) {
    case "aws": {
      rejectUnknownKeys(block, "aws", ["region", "customKeyStoreId"]);
      const region = matching(
        block.region,
        "aws.region",
        AWS_REGION,
        'expected an AWS region such as "eu-west-1"',
      );
      const customKeyStoreId = optionalString(block.customKeyStoreId, "aws.customKeyStoreId");
      if (customKeyStoreId !== undefined && !AWS_CUSTOM_KEY_STORE.test(customKeyStoreId)) {
        throw new SecureAiConfigError(
          "aws.customKeyStoreId",
          customKeyStoreId,
          'expected a custom key store ID such as "cks-1234567890abcdef0"',
        );
      }
      return { aws: { region, customKeyStoreId } };
    }
    case "gcp": {
      rejectUnknownKeys(block, "gcp", ["project", "region"]);
      return {
        gcp: {
          project: matching(
            block.project,
            "gcp.project",
            GCP_PROJECT,
            "expected a project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter",
          ),
          region: matching(
            block.region,
            "gcp.region",
            GCP_REGION,
            'expected a GCP region such as "europe-west4"',
          ),
        },
      };
    }
    case "azure": {
      rejectUnknownKeys(block, "azure", ["location", "tenantId", "resourceGroupName"]);
      const resourceGroupName = optionalString(block.resourceGroupName, "azure.resourceGroupName");
      if (resourceGroupName !== undefined && !AZURE_RESOURCE_GROUP.test(resourceGroupName)) {
        throw new SecureAiConfigError(
          "azure.resourceGroupName",
          resourceGroupName,
          "expected 1 to 90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'",
        );
      }
      return {
        azure: {
          location: matching(
            block.location,
            "azure.location",
            AZURE_LOCATION,
            'expected an Azure location name such as "westeurope"',
          ),
          tenantId: matching(block.tenantId, "azure.tenantId", GUID, "expected a tenant ID in GUID form"),
          resourceGroupName,
        },
      };
    }
  }
}
