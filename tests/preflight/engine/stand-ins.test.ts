/**
 * The update pass's stand-ins: declared properties read from the installed SDKs, the per-cloud identity
 * tables, and the invoke answers of every function the three SDKs and the component call.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cloudIdentitiesFromConfig } from "../../../preflight/engine/cloud-identities";
import {
  DeclaredProperties,
  declarationFile,
  shapeOf,
} from "../../../preflight/engine/stand-ins/declared-properties";
import { invokeResult } from "../../../preflight/engine/stand-ins/invoke-result";
import { createdResourceState } from "../../../preflight/engine/stand-ins/resource-state";

const declared = new DeclaredProperties((name) => {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
});
const ids = cloudIdentitiesFromConfig({
  "aws:region": "eu-west-1",
  "gcp:project": "acme-ai",
  "gcp:region": "europe-west4",
  "azure-native:location": "swedencentral",
  "azure-native:subscriptionId": "11111111-2222-3333-4444-555555555555",
  "secure-ai-preflight:awsAccountId": "111122223333",
  "secure-ai-preflight:gcpProjectNumber": "246813579024",
});

function state(type: string, name: string, inputs: Record<string, unknown> = {}) {
  return createdResourceState({ type, name, inputs, ids }, declared);
}

describe("declared properties", () => {
  it("finds each SDK's declaration file from a type token", () => {
    expect(declarationFile("aws:kms/key:Key")).toEqual({ packageName: "@pulumi/aws", file: "kms/key.d.ts" });
    expect(declarationFile("aws:index/getCallerIdentity:getCallerIdentity")).toEqual({
      packageName: "@pulumi/aws",
      file: "getCallerIdentity.d.ts",
    });
    expect(declarationFile("azure-native:keyvault:Vault")).toEqual({
      packageName: "@pulumi/azure-native",
      file: "keyvault/vault.d.ts",
    });
    expect(declarationFile("azure-native:keyvault/v20230701:Vault")).toEqual({
      packageName: "@pulumi/azure-native",
      file: "keyvault/v20230701/vault.d.ts",
    });
    expect(declarationFile("pulumi:pulumi:Stack")).toBeUndefined();
  });

  it("classifies declared types and whether the provider may leave them unset", () => {
    expect(shapeOf("string")).toEqual({ shape: "string", optional: false });
    expect(shapeOf("number | undefined")).toEqual({ shape: "number", optional: true });
    expect(shapeOf("{\n        [key: string]: string;\n    }")).toEqual({ shape: "map", optional: false });
    expect(shapeOf("outputs.kms.KeyRotation[]")).toEqual({ shape: "list", optional: false });
    expect(shapeOf("outputs.cognitiveservices.IdentityResponse | undefined")).toEqual({
      shape: "object",
      optional: true,
    });
  });

  it("reads a resource's outputs and a function's result from the installed SDKs", () => {
    const key = new Map(declared.ofResource("aws:kms/key:Key").map((property) => [property.name, property]));
    expect(key.get("arn")).toEqual({ name: "arn", shape: "string", optional: false });
    expect(key.get("keyId")).toEqual({ name: "keyId", shape: "string", optional: false });
    expect(key.get("customKeyStoreId")?.optional).toBe(true);
    expect(
      declared.ofFunction("aws:iam/getSessionContext:getSessionContext").map((property) => property.name),
    ).toEqual(["arn", "id", "issuerArn", "issuerId", "issuerName", "sessionName"]);
    expect(declared.ofResource("nosuch:mod:Thing")).toEqual([]);
  });
});

describe("resource stand-ins per cloud", () => {
  it("AWS: ARNs in each service's layout, KMS key IDs as UUIDs, autonamed buckets", () => {
    const key = state("aws:kms/key:Key", "datasets", { region: "eu-west-1" });
    expect(key.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key.state).toMatchObject({
      arn: `arn:aws:kms:eu-west-1:111122223333:key/${key.id}`,
      keyId: key.id,
    });
    const bucket = state("aws:s3/bucket:Bucket", "Audit-Logs");
    expect(bucket.state["bucket"]).toMatch(/^audit-logs-[0-9a-f]{7}$/);
    expect(bucket.state["arn"]).toBe(`arn:aws:s3:::${bucket.state["bucket"] as string}`);
    const role = state("aws:iam/role:Role", "workload", { name: "sai-workload" });
    expect(role.state["arn"]).toBe("arn:aws:iam::111122223333:role/sai-workload");
    const logs = state("aws:cloudwatch/logGroup:LogGroup", "audit", { name: "/secure-ai/audit" });
    expect(logs.state["arn"]).toBe("arn:aws:logs:eu-west-1:111122223333:log-group:/secure-ai/audit");
    expect(state("aws:ec2/vpc:Vpc", "net").id).toMatch(/^vpc-[0-9a-f]{17}$/);
    // The same resource always gets the same stand-ins.
    expect(state("aws:kms/key:Key", "datasets", { region: "eu-west-1" })).toEqual(key);
  });

  it("GCP: service account e-mails and members, key names under their key ring, service agents", () => {
    const account = state("gcp:serviceaccount/account:Account", "vertex", {
      accountId: "sai-vertex",
      project: "acme-ai",
    });
    expect(account.state).toMatchObject({
      email: "sai-vertex@acme-ai.iam.gserviceaccount.com",
      member: "serviceAccount:sai-vertex@acme-ai.iam.gserviceaccount.com",
    });
    const ring = state("gcp:kms/keyRing:KeyRing", "ring", { name: "sai", location: "europe-west4" });
    expect(ring.id).toBe("projects/acme-ai/locations/europe-west4/keyRings/sai");
    const key = state("gcp:kms/cryptoKey:CryptoKey", "key", { name: "datasets", keyRing: ring.id });
    expect(key.id).toBe(`${ring.id}/cryptoKeys/datasets`);
    const agent = state("gcp:projects/serviceIdentity:ServiceIdentity", "vertex", {
      service: "aiplatform.googleapis.com",
    });
    expect(agent.state["member"]).toBe(
      "serviceAccount:service-246813579024@gcp-sa-aiplatform.iam.gserviceaccount.com",
    );
  });

  it("Azure: ARM IDs, vault URI, key URIs, identities' principal IDs", () => {
    const vault = state("azure-native:keyvault:Vault", "vault", {
      resourceGroupName: "rg-sai",
      vaultName: "kv-sai",
    });
    expect(vault.id).toBe(
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-sai/providers/Microsoft.KeyVault/vaults/kv-sai",
    );
    expect(vault.state["properties"]).toMatchObject({ vaultUri: "https://kv-sai.vault.azure.net/" });
    const key = state("azure-native:keyvault:Key", "key", {
      resourceGroupName: "rg-sai",
      vaultName: "kv-sai",
      keyName: "k1",
    });
    expect(key.id).toMatch(/\/vaults\/kv-sai\/keys\/k1$/);
    expect(key.state["keyUri"]).toBe("https://kv-sai.vault.azure.net/keys/k1");
    const identity = state("azure-native:managedidentity:UserAssignedIdentity", "id", {
      resourceGroupName: "rg-sai",
      resourceName: "id-sai",
    });
    const account = state("azure-native:cognitiveservices:Account", "openai", {
      resourceGroupName: "rg-sai",
      accountName: "oai-sai",
      kind: "OpenAI",
      properties: { customSubDomainName: "oai-sai", disableLocalAuth: true },
      identity: { type: "SystemAssigned, UserAssigned", userAssignedIdentities: [identity.id] },
    });
    expect(account.state["properties"]).toEqual({
      customSubDomainName: "oai-sai",
      disableLocalAuth: true,
      endpoint: "https://oai-sai.openai.azure.com/",
    });
    const accountIdentity = account.state["identity"] as Record<string, unknown>;
    expect(accountIdentity["principalId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(accountIdentity["tenantId"]).toBe(ids.azureTenantId);
    // A user-assigned identity reads the same principal ID on its own resource and where it is attached.
    expect(
      (accountIdentity["userAssignedIdentities"] as Record<string, { principalId: string }>)[identity.id],
    ).toEqual({
      principalId: identity.state["principalId"],
      clientId: identity.state["clientId"],
    });
  });

  it("fills every always-returned declared property the tables do not know, and leaves optional ones unset", () => {
    const queue = state("aws:sqs/queue:Queue", "jobs");
    expect(queue.state["url"]).toBe(
      `https://sqs.eu-west-1.amazonaws.com/111122223333/${queue.state["name"] as string}`,
    );
    expect(queue.state["tagsAll"]).toEqual({});
    expect("kmsMasterKeyId" in queue.state).toBe(false);
  });
});

describe("invoke answers per cloud", () => {
  it("AWS: caller identity is an assumed-role session whose session context names the role", () => {
    const caller = invokeResult("aws:index/getCallerIdentity:getCallerIdentity", {}, ids, declared);
    expect(caller).toMatchObject({
      accountId: "111122223333",
      arn: "arn:aws:sts::111122223333:assumed-role/preflight-deployer/preflight",
    });
    expect(
      invokeResult("aws:iam/getSessionContext:getSessionContext", { arn: caller["arn"] }, ids, declared),
    ).toMatchObject({
      issuerArn: "arn:aws:iam::111122223333:role/preflight-deployer",
      issuerName: "preflight-deployer",
      sessionName: "preflight",
    });
    expect(invokeResult("aws:index/getPartition:getPartition", {}, ids, declared)).toMatchObject({
      partition: "aws",
      dnsSuffix: "amazonaws.com",
    });
    expect(invokeResult("aws:index/getRegion:getRegion", {}, ids, declared)).toMatchObject({
      name: "eu-west-1",
    });
  });

  it("GCP: project, client config and the Storage, BigQuery and Logging service agents", () => {
    expect(invokeResult("gcp:organizations/getProject:getProject", {}, ids, declared)).toMatchObject({
      projectId: "acme-ai",
      number: "246813579024",
    });
    expect(
      invokeResult("gcp:organizations/getClientConfig:getClientConfig", {}, ids, declared),
    ).toMatchObject({
      project: "acme-ai",
      region: "europe-west4",
    });
    expect(
      invokeResult(
        "gcp:storage/getProjectServiceAccount:getProjectServiceAccount",
        { project: "acme-ai" },
        ids,
        declared,
      ),
    ).toMatchObject({ emailAddress: "service-246813579024@gs-project-accounts.iam.gserviceaccount.com" });
    expect(
      invokeResult(
        "gcp:bigquery/getDefaultServiceAccount:getDefaultServiceAccount",
        { project: "acme-ai" },
        ids,
        declared,
      ),
    ).toMatchObject({ member: "serviceAccount:bq-246813579024@bigquery-encryption.iam.gserviceaccount.com" });
    expect(
      invokeResult(
        "gcp:logging/getProjectCmekSettings:getProjectCmekSettings",
        { project: "acme-ai" },
        ids,
        declared,
      ),
    ).toMatchObject({ serviceAccountId: "service-246813579024@gcp-sa-logging.iam.gserviceaccount.com" });
  });

  it("Azure: client config of the configured subscription and tenant", () => {
    expect(invokeResult("azure-native:authorization:getClientConfig", {}, ids, declared)).toMatchObject({
      subscriptionId: "11111111-2222-3333-4444-555555555555",
      tenantId: ids.azureTenantId,
    });
  });

  it("any other function: its declared result, with the arguments it echoes", () => {
    const vpc = invokeResult("aws:ec2/getVpc:getVpc", { default: true }, ids, declared);
    expect(vpc["default"]).toBe(true);
    expect(typeof vpc["arn"]).toBe("string");
    expect(typeof vpc["cidrBlock"]).toBe("string");
    expect(invokeResult("nosuch:mod:getThing", {}, ids, declared)).toEqual({});
  });
});
