import type { CloudName } from "../spec/resolved";

/** A dedicated account to create, validated. */
export interface ResolvedAwsAccount {
  name: string;
  email: string;
  parentId?: string;
}

/** AWS guardrails with every default applied. */
export interface ResolvedAwsGuardrails {
  targetIds: string[];
  breakGlassRoleArns: string[];
  denyKeyDeletion: boolean;
  /** Undefined when no region restriction is wanted. */
  allowedRegions?: string[];
  environmentAccounts: ResolvedAwsAccount[];
}

/** GCP guardrails with every default applied. */
export interface ResolvedGcpGuardrails {
  parent: string;
  organization: string;
  cmekProjects: string[];
  cmekServices: string[];
  tlsCiphers: string[];
}

/** Azure guardrails with every default applied. */
export interface ResolvedAzureGuardrails {
  scope: string;
  effect: "Deny" | "Audit";
  keyRotationDays: number;
}

/** SecureAiGuardrails' arguments after validation; exactly the chosen cloud's block is set. */
export interface ResolvedGuardrails {
  cloud: CloudName;
  aws?: ResolvedAwsGuardrails;
  gcp?: ResolvedGcpGuardrails;
  azure?: ResolvedAzureGuardrails;
  tags: Record<string, string>;
}
