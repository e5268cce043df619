/**
 * The GCP policies that observe SAI-ENC-05, SAI-ENC-02, SAI-IAM-03 and SAI-LOG-04: who may use keys, one key
 * per model, no user-managed service account keys, log-based metrics with alerting. @pulumi/gcp 9.37 names.
 */
import { describe, expect, it } from "vitest";
import { gcpKmsCryptokeyLimitToOneModel } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokey-limit-to-one-model";
import { gcpKmsCryptokeyiammemberDisallowPublicMembers } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokeyiammember-disallow-public-members";
import { gcpKmsCryptokeyiammemberLimitToServiceIdentities } from "../../../policy-packs/secure-ai/policies/gcp/kms-cryptokeyiammember-limit-to-service-identities";
import { gcpLoggingMetricRequireAlertPolicy } from "../../../policy-packs/secure-ai/policies/gcp/logging-metric-require-alert-policy";
import { gcpServiceaccountAccountDisallowUserManagedKeys } from "../../../policy-packs/secure-ai/policies/gcp/serviceaccount-account-disallow-user-managed-keys";
import { describeResourcePasses, describeStackPasses } from "../passes";
import { describePolicyCase } from "./case-runner";
import { UNKNOWN, runResourcePolicy, runStackPolicy, withValue, type Fixture } from "./harness";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const KEY = "projects/p/locations/europe-west4/keyRings/platform/cryptoKeys/model-chat";
const MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const BINDING = "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding";
const RING_MEMBER = "gcp:kms/keyRingIAMMember:KeyRingIAMMember";
const AGENT = "serviceAccount:service-123@gcp-sa-aiplatform.iam.gserviceaccount.com";
const grant = { cryptoKeyId: KEY, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: AGENT };
const edit = (stack: readonly Fixture[], name: string, path: string, value: unknown) =>
  stack.map((entry) =>
    entry.name === name ? { ...entry, props: withValue(entry.props, path, value) } : entry,
  );

describe("GCP key grant policies", () => {
  describePolicyCase({
    policy: gcpKmsCryptokeyiammemberDisallowPublicMembers,
    type: MEMBER,
    alsoTypes: [RING_MEMBER],
    baseline: grant,
    negatives: [
      ["member", "allUsers"],
      ["member", "allAuthenticatedUsers"],
    ],
    passes: [["member", "user:alice@example.com"]],
  });

  describePolicyCase({
    policy: gcpKmsCryptokeyiammemberLimitToServiceIdentities,
    type: MEMBER,
    baseline: grant,
    negatives: [
      ["member", "user:alice@example.com"],
      ["member", "group:ml@example.com"],
      ["member", "domain:example.com"],
      ["role", "roles/cloudkms.admin"],
      ["role", "roles/owner"],
    ],
    passes: [
      ["member", "serviceAccount:serving@p.iam.gserviceaccount.com"],
      [
        "member",
        "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/attribute.repository/org/repo",
      ],
      ["role", "roles/cloudkms.cryptoKeyDecrypterViaDelegation"],
    ],
  });

  it("checks every member of a binding and leaves key ring administration to break-glass principals", async () => {
    const binding = await runResourcePolicy(gcpKmsCryptokeyiammemberLimitToServiceIdentities, {
      type: BINDING,
      props: { cryptoKeyId: KEY, role: grant.role, members: [AGENT, "user:bob@example.com"] },
    });
    expect(binding.violations).toEqual([expect.stringContaining("members[1] user:bob@example.com")]);
    const ring = {
      keyRingId: "projects/p/locations/europe-west4/keyRings/platform",
      member: "group:break-glass@example.com",
    };
    const admin = await runResourcePolicy(gcpKmsCryptokeyiammemberLimitToServiceIdentities, {
      type: RING_MEMBER,
      props: { ...ring, role: "roles/cloudkms.admin" },
    });
    expect(admin.violations).toEqual([]);
    const use = await runResourcePolicy(gcpKmsCryptokeyiammemberLimitToServiceIdentities, {
      type: RING_MEMBER,
      props: { ...ring, role: grant.role },
    });
    expect(use.violations).toHaveLength(1);
    const everyone = await runResourcePolicy(gcpKmsCryptokeyiammemberDisallowPublicMembers, {
      type: "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
      props: { ...ring, role: grant.role, members: [AGENT, "allUsers"] },
    });
    expect(everyone.violations).toEqual([expect.stringContaining("members[1] is allUsers")]);
  });

  describeResourcePasses(gcpKmsCryptokeyiammemberDisallowPublicMembers, MEMBER, grant, "member");
  describeResourcePasses(gcpKmsCryptokeyiammemberLimitToServiceIdentities, MEMBER, grant, "role");

  it("a public member is a mandatory violation at preview even when the key is unknown", async () => {
    const result = await runResourcePolicy(gcpKmsCryptokeyiammemberDisallowPublicMembers, {
      type: MEMBER,
      props: { ...grant, cryptoKeyId: UNKNOWN, member: "allUsers" },
    });
    expect(gcpKmsCryptokeyiammemberDisallowPublicMembers.enforcementLevel).toBe("mandatory");
    expect(result.violations).toHaveLength(1);
  });
});

const ACCOUNT = "gcp:serviceaccount/account:Account";
const accounts: Fixture[] = [
  {
    type: ACCOUNT,
    name: "serving",
    props: { accountId: "serving", email: "serving@p.iam.gserviceaccount.com" },
  },
];

describe("gcp-serviceaccount-account-disallow-user-managed-keys", () => {
  const policy = gcpServiceaccountAccountDisallowUserManagedKeys;

  it("passes service accounts without keys", async () => {
    expect(await runStackPolicy(policy, accounts)).toEqual({ violations: [], waived: [], urns: [] });
  });

  it("reports every key against the key, naming its account and whether it was uploaded", async () => {
    const result = await runStackPolicy(policy, [
      ...accounts,
      {
        type: "gcp:serviceaccount/key:Key",
        name: "ci-key",
        props: { serviceAccountId: "serving@p.iam.gserviceaccount.com" },
      },
      {
        type: "gcp:serviceaccount/key:Key",
        name: "uploaded",
        props: { serviceAccountId: UNKNOWN, publicKeyData: "LS0t" },
      },
    ]);
    expect(result.violations).toEqual([
      expect.stringContaining('"ci-key" of "serving" is a long-lived user-managed credential'),
      expect.stringContaining('"uploaded" is a long-lived uploaded credential'),
    ]);
    expect(result.urns).toEqual([
      urn("gcp:serviceaccount/key:Key", "ci-key"),
      urn("gcp:serviceaccount/key:Key", "uploaded"),
    ]);
  });

  it("in the update pass the accounts are examined with known values", async () => {
    expect(policy.definition.resourceTypes).toContain(ACCOUNT);
    expect((await runStackPolicy(policy, accounts)).notApplicable).toBeUndefined();
  });
});

const ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";
const CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
const models: Fixture[] = [
  { type: CRYPTO_KEY, name: "chat-key", props: { id: KEY } },
  { type: CRYPTO_KEY, name: "triage-key", props: { id: `${KEY}-triage` } },
  { type: ENDPOINT, name: "chat", props: { encryptionSpec: { kmsKeyName: KEY } } },
  {
    type: ENDPOINT,
    name: "triage",
    props: { encryptionSpec: { kmsKeyName: UNKNOWN } },
    propertyDependencies: { encryptionSpec: [urn(CRYPTO_KEY, "triage-key")] },
  },
];

describe("gcp-kms-cryptokey-limit-to-one-model", () => {
  const policy = gcpKmsCryptokeyLimitToOneModel;

  it("passes endpoints with their own keys", async () => {
    expect((await runStackPolicy(policy, models)).violations).toEqual([]);
  });

  it("reports both endpoints sharing a key, by dependency or by name", async () => {
    const byName = models.map((entry) =>
      entry.name === "triage"
        ? { ...entry, props: { encryptionSpec: { kmsKeyName: KEY } }, propertyDependencies: {} }
        : entry,
    );
    const result = await runStackPolicy(policy, byName);
    expect(result.urns).toEqual([urn(ENDPOINT, "chat"), urn(ENDPOINT, "triage")]);
    expect(result.violations[0]).toContain('shares key chat-key with "triage"');
    const byDependency = models.map((entry) =>
      entry.name === "chat"
        ? { ...entry, propertyDependencies: { encryptionSpec: [urn(CRYPTO_KEY, "triage-key")] } }
        : entry,
    );
    expect((await runStackPolicy(policy, byDependency)).violations).toHaveLength(2);
  });

  describeStackPasses(
    policy,
    edit(models, "triage", "encryptionSpec.kmsKeyName", `${KEY}-triage`),
    edit(models, "chat", "encryptionSpec.kmsKeyName", UNKNOWN),
  );
});

const METRIC = "gcp:logging/metric:Metric";
const ALERT = "gcp:monitoring/alertPolicy:AlertPolicy";
const threshold = (name: string) => ({
  displayName: name,
  conditionThreshold: {
    filter: `metric.type="logging.googleapis.com/user/${name}"`,
    comparison: "COMPARISON_GT",
    duration: "0s",
  },
});
const alerting: Fixture[] = [
  { type: METRIC, name: "kms-denied", props: { name: "kms-denied", filter: "protoPayload.status.code=7" } },
  {
    type: ALERT,
    name: "kms-denied-alert",
    props: {
      displayName: "KMS denied",
      combiner: "OR",
      conditions: [threshold("kms-denied")],
      notificationChannels: ["projects/p/notificationChannels/1"],
    },
  },
];

describe("gcp-logging-metric-require-alert-policy", () => {
  const policy = gcpLoggingMetricRequireAlertPolicy;
  const run = (stack: readonly Fixture[], config = {}) => runStackPolicy(policy, stack, config);

  it("passes a metric watched by a notifying alert policy (threshold, absence or PromQL)", async () => {
    expect((await run(alerting)).violations).toEqual([]);
    const promql = edit(alerting, "kms-denied-alert", "conditions", [
      {
        displayName: "q",
        conditionPrometheusQueryLanguage: {
          query: "sum(rate(logging_googleapis_com:user_kms_denied[5m])) > 0",
        },
      },
    ]);
    expect((await run(promql.map((entry, index) => (index === 0 ? alerting[0] : entry)))).violations).toEqual(
      [],
    );
  });

  it.each([
    ["no alert policy", [alerting[0]], ["kms-denied"]],
    [
      "no notification channels",
      edit(alerting, "kms-denied-alert", "notificationChannels", []),
      ["KMS denied", "kms-denied"],
    ],
    [
      "a disabled alert policy",
      edit(alerting, "kms-denied-alert", "enabled", false),
      ["KMS denied", "kms-denied"],
    ],
    [
      "a policy on another metric",
      edit(alerting, "kms-denied-alert", "conditions", [threshold("other")]),
      ["kms-denied"],
    ],
  ])("reports %s", async (_name, stack, names) => {
    const result = await run(stack as Fixture[]);
    expect(result.violations).toHaveLength(names.length);
    names.forEach((name, index) => expect(result.violations[index]).toContain(`"${name}"`));
  });

  it("skips disabled metrics, follows dependencies and honours adopted", async () => {
    expect((await run([edit(alerting, "kms-denied", "disabled", true)[0]])).violations).toEqual([]);
    const linked: Fixture[] = [
      alerting[0],
      {
        ...edit(alerting, "kms-denied-alert", "conditions", [threshold("x")])[1],
        propertyDependencies: { conditions: [urn(METRIC, "kms-denied")] },
      },
    ];
    expect((await run(linked)).violations).toEqual([]);
    expect((await run([alerting[0]], { adopted: true })).violations).toEqual([]);
  });

  describeStackPasses(policy, alerting, edit(alerting, "kms-denied-alert", "notificationChannels", UNKNOWN));
});
