/**
 * The Azure policies that observe SAI-IAM-01, SAI-LOG-04, SAI-IR-01 and SAI-ENC-02: no privileged role
 * assignments, alert rules that notify, findings routed, one key per model (SAI-NET-04, an NSG on every
 * subnet, is in subnet-policies.test.ts).
 * Inputs use @pulumi/azure-native 3.28 property names.
 */
import { describe, expect, it } from "vitest";
import { azureAuthorizationRoleassignmentDisallowPrivilegedRoles } from "../../../policy-packs/secure-ai/policies/azure/authorization-roleassignment-disallow-privileged-roles";
import { azureKeyvaultKeyLimitToOneModel } from "../../../policy-packs/secure-ai/policies/azure/keyvault-key-limit-to-one-model";
import { azureMonitorActiongroupRequireFindingsRoute } from "../../../policy-packs/secure-ai/policies/azure/monitor-actiongroup-require-findings-route";
import { azureMonitorScheduledqueryruleRequireActions } from "../../../policy-packs/secure-ai/policies/azure/monitor-scheduledqueryrule-require-actions";
import { azureSecurityinsightsScheduledalertruleRequireIncidents } from "../../../policy-packs/secure-ai/policies/azure/securityinsights-scheduledalertrule-require-incidents";
import { describeResourcePasses, describeStackPasses } from "../passes";
import { describePolicyCase } from "../gcp/case-runner";
import { UNKNOWN, runStackPolicy, withValue, type Fixture } from "../gcp/harness";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
const RG = `${SUB}/resourceGroups/rg`;
const edit = (stack: readonly Fixture[], name: string, path: string, value: unknown) =>
  stack.map((entry) =>
    entry.name === name ? { ...entry, props: withValue(entry.props, path, value) } : entry,
  );
const roleId = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

const assignment = {
  principalId: "11111111-2222-3333-4444-555555555555",
  principalType: "ServicePrincipal",
  roleDefinitionId: roleId("e147488a-f6f5-4113-8e2d-b22465e65bf6"),
  scope: `${RG}/providers/Microsoft.KeyVault/vaults/kv/keys/model-chat`,
};
const GROUP_ID = `${RG}/providers/Microsoft.Insights/actionGroups/responders`;
const queryRule = {
  resourceGroupName: "rg",
  enabled: true,
  scopes: [`${RG}/providers/Microsoft.OperationalInsights/workspaces/logs`],
  criteria: {
    allOf: [
      {
        query: "SecurityAlert | where AlertSeverity == 'High'",
        operator: "GreaterThan",
        threshold: 0,
        timeAggregation: "Count",
      },
    ],
  },
  actions: { actionGroups: [GROUP_ID] },
};
const sentinelRule = {
  resourceGroupName: "rg",
  workspaceName: "logs",
  kind: "Scheduled",
  displayName: "Key Vault denied",
  enabled: true,
  incidentConfiguration: { createIncident: true },
  query: "AzureDiagnostics",
};

describe("Azure resource policies observing the platform's controls", () => {
  describePolicyCase({
    policy: azureAuthorizationRoleassignmentDisallowPrivilegedRoles,
    type: "azure-native:authorization:RoleAssignment",
    baseline: assignment,
    negatives: [
      ["roleDefinitionId", roleId("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")],
      ["roleDefinitionId", roleId("b24988ac-6180-42a0-ab88-20f7382dd24c")],
      ["roleDefinitionId", roleId("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")],
      [
        "roleDefinitionId",
        `/providers/Microsoft.Authorization/roleDefinitions/F58310D9-A9F6-439A-9E8D-F62E7B41A168`,
      ],
    ],
    configured: [
      { config: { privilegedRoleIds: ["E147488A-F6F5-4113-8E2D-B22465E65BF6"] }, failsBaseline: true },
    ],
  });

  describePolicyCase({
    policy: azureMonitorScheduledqueryruleRequireActions,
    type: "azure-native:monitor:ScheduledQueryRule",
    baseline: queryRule,
    negatives: [
      ["enabled", false],
      ["actions", undefined],
      ["actions.actionGroups", []],
    ],
    passes: [["enabled", undefined]],
  });

  describePolicyCase({
    policy: azureSecurityinsightsScheduledalertruleRequireIncidents,
    type: "azure-native:securityinsights:ScheduledAlertRule",
    baseline: sentinelRule,
    negatives: [
      ["enabled", false],
      ["enabled", undefined],
      ["incidentConfiguration.createIncident", false],
      ["incidentConfiguration", undefined],
    ],
  });

  describeResourcePasses(
    azureAuthorizationRoleassignmentDisallowPrivilegedRoles,
    "azure-native:authorization:RoleAssignment",
    assignment,
    "roleDefinitionId",
  );
  describeResourcePasses(
    azureMonitorScheduledqueryruleRequireActions,
    "azure-native:monitor:ScheduledQueryRule",
    queryRule,
    "actions",
  );
  describeResourcePasses(
    azureSecurityinsightsScheduledalertruleRequireIncidents,
    "azure-native:securityinsights:ScheduledAlertRule",
    sentinelRule,
    "incidentConfiguration",
  );
});

const T = {
  vault: "azure-native:keyvault:Vault",
  key: "azure-native:keyvault:Key",
  account: "azure-native:cognitiveservices:Account",
  workspace: "azure-native:machinelearningservices:Workspace",
  group: "azure-native:monitor:ActionGroup",
  rule: "azure-native:monitor:ScheduledQueryRule",
  defender: "azure-native:security:Automation",
  automation: "azure-native:securityinsights:AutomationRule",
};
const routing: Fixture[] = [
  { type: T.vault, name: "kv", props: { resourceGroupName: "rg" } },
  {
    type: T.group,
    name: "responders",
    props: {
      id: GROUP_ID,
      enabled: true,
      groupShortName: "sec",
      emailReceivers: [{ name: "e", emailAddress: "secops@example.com" }],
    },
  },
  {
    type: T.rule,
    name: "findings",
    props: { ...queryRule, actions: UNKNOWN },
    propertyDependencies: { actions: [urn(T.group, "responders")] },
  },
];

describe("azure-monitor-actiongroup-require-findings-route", () => {
  const policy = azureMonitorActiongroupRequireFindingsRoute;
  const run = (stack: readonly Fixture[], config = {}) => runStackPolicy(policy, stack, config);

  it("passes a findings log alert to an action group with receivers (by dependency or by ID)", async () => {
    expect((await run(routing)).violations).toEqual([]);
    const byId = routing.map((entry) =>
      entry.name === "findings" ? { ...entry, props: queryRule, propertyDependencies: {} } : entry,
    );
    expect((await run(byId)).violations).toEqual([]);
  });

  it.each([
    ["no alert rule", routing.slice(0, 2), 1],
    [
      "an alert on other tables",
      edit(routing, "findings", "criteria.allOf", [{ query: "AzureDiagnostics" }]),
      1,
    ],
    ["a disabled alert", edit(routing, "findings", "enabled", false), 1],
    ["an action group without receivers", edit(routing, "responders", "emailReceivers", []), 2],
    ["a disabled action group", edit(routing, "responders", "enabled", false), 2],
  ])("reports %s", async (_name, stack, count) => {
    expect((await run(stack)).violations).toHaveLength(count);
  });

  it("accepts a Defender or Sentinel automation that starts a playbook, and stays quiet without data or when adopted", async () => {
    const base = routing.slice(0, 2);
    const defender: Fixture = {
      type: T.defender,
      name: "export",
      props: {
        isEnabled: true,
        actions: [{ actionType: "LogicApp", logicAppResourceId: "x", uri: "https://x" }],
      },
    };
    const sentinel: Fixture = {
      type: T.automation,
      name: "triage",
      props: {
        triggeringLogic: { isEnabled: true, triggersOn: "Incidents", triggersWhen: "Created" },
        actions: [{ actionType: "RunPlaybook", order: 1 }],
      },
    };
    expect((await run([...base, defender])).violations).toEqual([]);
    expect((await run([...base, sentinel])).violations).toEqual([]);
    expect(
      (
        await run([
          ...base,
          edit([sentinel], "triage", "actions", [{ actionType: "ModifyProperties", order: 1 }])[0],
        ])
      ).violations,
    ).toHaveLength(1);
    expect(
      (
        await run([
          ...base,
          { ...defender, props: { ...defender.props, actions: [{ actionType: "Workspace" }] } },
        ])
      ).violations,
    ).toHaveLength(1);
    expect((await run(routing.slice(1))).violations).toEqual([]);
    expect((await run(base, { adopted: true })).violations).toEqual([]);
  });

  describeStackPasses(policy, routing, edit(routing, "findings", "criteria", UNKNOWN));
});

const VAULT_URI = "https://kv-genai.vault.azure.net/";
const models: Fixture[] = [
  {
    type: T.key,
    name: "chat-key",
    props: { keyName: "model-chat", vaultName: "kv-genai", keyUri: `${VAULT_URI}keys/model-chat` },
  },
  {
    type: T.key,
    name: "triage-key",
    props: { keyName: "model-triage", vaultName: "kv-genai", keyUri: `${VAULT_URI}keys/model-triage` },
  },
  {
    type: T.account,
    name: "chat",
    props: {
      kind: "OpenAI",
      properties: {
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: { keyVaultUri: VAULT_URI, keyName: "model-chat" },
        },
      },
    },
  },
  {
    type: T.workspace,
    name: "triage",
    props: {
      encryption: {
        status: "Enabled",
        keyVaultProperties: { keyIdentifier: `${VAULT_URI}keys/model-triage/0123abcd`, keyVaultArmId: "x" },
      },
    },
  },
];

describe("azure-keyvault-key-limit-to-one-model", () => {
  const policy = azureKeyvaultKeyLimitToOneModel;

  it("passes accounts and workspaces with their own keys", async () => {
    expect((await runStackPolicy(policy, models)).violations).toEqual([]);
  });

  it("reports an account and a workspace sharing a key (by URI, version and case ignored, or by dependency)", async () => {
    const shared = edit(
      models,
      "triage",
      "encryption.keyVaultProperties.keyIdentifier",
      "https://KV-GENAI.vault.azure.net/keys/Model-Chat/99",
    );
    const result = await runStackPolicy(policy, shared);
    expect(result.urns).toEqual([urn(T.account, "chat"), urn(T.workspace, "triage")]);
    expect(result.violations[0]).toContain('shares customer-managed key chat-key with "triage"');
    const byDependency = models.map((entry) =>
      entry.type === T.account || entry.type === T.workspace
        ? {
            ...entry,
            props: {},
            propertyDependencies: {
              [entry.type === T.account ? "properties" : "encryption"]: [urn(T.key, "chat-key")],
            },
          }
        : entry,
    );
    expect((await runStackPolicy(policy, byDependency)).violations).toHaveLength(2);
  });

  describeStackPasses(policy, models, edit(models, "chat", "properties", UNKNOWN));
});
