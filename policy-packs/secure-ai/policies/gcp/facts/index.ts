/**
 * The GCP fact table: one row per resource type, with the property that holds the CMEK key, the public and
 * TLS switches and the deletion switches, and the provider default when a property is absent. Property
 * names verified in node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { buildFactPolicies, isSet, is, noneOf, oneOf, type ResourceFacts } from "../../lib/facts";
import { get } from "../../lib/values";
import type { SecureAiResourcePolicy } from "../../lib";

const KEY = "projects/p/locations/europe-west4/keyRings/platform/cryptoKeys/data";
const CMEK = "without it Google encrypts with its own key, which you cannot revoke";
const SQL_IP = "https://cloud.google.com/sql/docs/postgres/configure-ip";
const SQL_SSL = "https://cloud.google.com/sql/docs/postgres/configure-ssl-instance#enforcing-ssl";
const PUBLIC = ["allUsers", "allAuthenticatedUsers"];
const deletion = (path: string, absent: boolean, doc: string) =>
  is(path, true, absent, "a stray delete would destroy the data", doc, { fix: true });

/** The key of a secret's replication, automatic or per replica. */
function secretKeyProblem(replication: unknown): string | undefined {
  const auto = get(replication, "auto");
  if (auto !== undefined) {
    return get(auto, "customerManagedEncryption", "kmsKeyName") === undefined
      ? "has no auto.customerManagedEncryption.kmsKeyName"
      : undefined;
  }
  const replicas = get(replication, "userManaged", "replicas");
  const list = Array.isArray(replicas) ? replicas : [];
  if (list.length === 0) {
    return "names neither automatic nor user-managed replication with a key";
  }
  const missing = list.findIndex(
    (replica) => get(replica, "customerManagedEncryption", "kmsKeyName") === undefined,
  );
  return missing < 0
    ? undefined
    : `has no userManaged.replicas[${missing}].customerManagedEncryption.kmsKeyName`;
}

/** Every GCP row. */
export const GCP_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:sql/databaseInstance:DatabaseInstance",
    service: "sql",
    resource: "databaseinstance",
    title: "Cloud SQL instances",
    baseline: {
      databaseVersion: "POSTGRES_16",
      region: "europe-west4",
      encryptionKeyName: KEY,
      deletionProtection: true,
      settings: {
        tier: "db-custom-2-7680",
        ipConfiguration: {
          ipv4Enabled: false,
          privateNetwork: "projects/p/global/networks/platform",
          sslMode: "ENCRYPTED_ONLY",
        },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet("encryptionKeyName", CMEK, "https://cloud.google.com/sql/docs/postgres/configure-cmek"),
        ],
      },
      {
        concern: "public",
        facts: [
          is(
            "settings.ipConfiguration.ipv4Enabled",
            false,
            true,
            "the instance gets a public IPv4 address",
            SQL_IP,
          ),
          noneOf(
            "settings.ipConfiguration.authorizedNetworks[].value",
            ["0.0.0.0/0"],
            undefined,
            "the whole internet may connect",
            SQL_IP,
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "settings.ipConfiguration.sslMode",
            ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"],
            "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
            "clients may connect without TLS",
            SQL_SSL,
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            true,
            "https://cloud.google.com/sql/docs/postgres/deletion-protection",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:bigquery/dataset:Dataset",
    service: "bigquery",
    resource: "dataset",
    title: "BigQuery datasets",
    baseline: { datasetId: "features", accesses: [{ role: "READER", groupByEmail: "analysts@example.com" }] },
    groups: [
      {
        concern: "public",
        facts: [
          noneOf(
            "accesses[].specialGroup",
            PUBLIC,
            undefined,
            "the dataset would be readable by everyone",
            "https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access",
          ),
          noneOf(
            "accesses[].iamMember",
            PUBLIC,
            undefined,
            "the dataset would be readable by everyone",
            "https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:bigquery/table:Table",
    service: "bigquery",
    resource: "table",
    title: "BigQuery tables",
    baseline: {
      datasetId: "features",
      tableId: "customers",
      encryptionConfiguration: { kmsKeyName: KEY },
      deletionProtection: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "encryptionConfiguration.kmsKeyName",
            CMEK,
            "https://cloud.google.com/bigquery/docs/customer-managed-encryption",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            true,
            "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#deletion_protection",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:compute/disk:Disk",
    service: "compute",
    resource: "disk",
    title: "Persistent disks",
    baseline: { zone: "europe-west4-a", size: 100, diskEncryptionKey: { kmsKeySelfLink: KEY } },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "diskEncryptionKey.kmsKeySelfLink",
            CMEK,
            "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:compute/instance:Instance",
    service: "compute",
    resource: "instance",
    title: "Compute Engine instances",
    baseline: {
      machineType: "e2-small",
      zone: "europe-west4-a",
      bootDisk: { kmsKeySelfLink: KEY, initializeParams: { image: "debian-cloud/debian-12" } },
      attachedDisks: [{ source: "data", kmsKeySelfLink: KEY }],
      networkInterfaces: [{ subnetwork: "projects/p/regions/europe-west4/subnetworks/a" }],
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "bootDisk.kmsKeySelfLink",
            CMEK,
            "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
          ),
          isSet(
            "attachedDisks[].kmsKeySelfLink",
            CMEK,
            "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:compute/instanceTemplate:InstanceTemplate",
    alsoTypes: ["gcp:compute/regionInstanceTemplate:RegionInstanceTemplate"],
    service: "compute",
    resource: "instancetemplate",
    title: "Instance templates",
    baseline: {
      machineType: "e2-small",
      disks: [
        { boot: true, sourceImage: "debian-cloud/debian-12", diskEncryptionKey: { kmsKeySelfLink: KEY } },
      ],
      networkInterfaces: [{ subnetwork: "projects/p/regions/europe-west4/subnetworks/a" }],
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "disks[].diskEncryptionKey.kmsKeySelfLink",
            CMEK,
            "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:container/cluster:Cluster",
    service: "container",
    resource: "cluster",
    title: "GKE clusters",
    baseline: {
      location: "europe-west4",
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: true,
        masterIpv4CidrBlock: "172.16.0.0/28",
      },
      databaseEncryption: { state: "ENCRYPTED", keyName: KEY },
      deletionProtection: true,
    },
    groups: [
      {
        concern: "public",
        facts: [
          is(
            "privateClusterConfig.enablePrivateNodes",
            true,
            false,
            "nodes get public IP addresses",
            "https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept",
          ),
          is(
            "privateClusterConfig.enablePrivateEndpoint",
            true,
            false,
            "the control plane has a public endpoint",
            "https://cloud.google.com/kubernetes-engine/docs/how-to/latest/network-isolation",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          oneOf(
            "databaseEncryption.state",
            ["ENCRYPTED"],
            "DECRYPTED",
            "Kubernetes secrets are not encrypted at the application layer",
            "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets",
          ),
          isSet(
            "databaseEncryption.keyName",
            CMEK,
            "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets",
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            true,
            "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#deletion_protection",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:cloudrunv2/service:Service",
    service: "cloudrunv2",
    resource: "service",
    title: "Cloud Run services",
    baseline: {
      location: "europe-west4",
      ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
      template: { encryptionKey: KEY, containers: [{ image: "europe-docker.pkg.dev/p/r/chat" }] },
    },
    groups: [
      {
        concern: "public",
        facts: [
          oneOf(
            "ingress",
            ["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"],
            "INGRESS_TRAFFIC_ALL",
            "the service is reachable from the internet",
            "https://cloud.google.com/run/docs/securing/ingress",
          ),
          is(
            "invokerIamDisabled",
            false,
            false,
            "anyone may invoke the service without IAM",
            "https://cloud.google.com/run/docs/securing/managing-access#invoker_check",
          ),
        ],
      },
      {
        concern: "cmk",
        facts: [
          isSet("template.encryptionKey", CMEK, "https://cloud.google.com/run/docs/securing/using-cmek"),
        ],
      },
    ],
  },
  {
    type: "gcp:cloudrunv2/job:Job",
    service: "cloudrunv2",
    resource: "job",
    title: "Cloud Run jobs",
    baseline: {
      location: "europe-west4",
      template: {
        template: { encryptionKey: KEY, containers: [{ image: "europe-docker.pkg.dev/p/r/train" }] },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "template.template.encryptionKey",
            CMEK,
            "https://cloud.google.com/run/docs/securing/using-cmek",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:cloudfunctionsv2/function:Function",
    service: "cloudfunctionsv2",
    resource: "function",
    title: "Cloud Functions (2nd gen)",
    baseline: {
      location: "europe-west4",
      kmsKeyName: KEY,
      serviceConfig: { ingressSettings: "ALLOW_INTERNAL_ONLY" },
    },
    groups: [
      {
        concern: "cmk",
        facts: [isSet("kmsKeyName", CMEK, "https://cloud.google.com/functions/docs/securing/cmek")],
      },
      {
        concern: "public",
        facts: [
          oneOf(
            "serviceConfig.ingressSettings",
            ["ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"],
            "ALLOW_ALL",
            "the function is reachable from the internet",
            "https://cloud.google.com/functions/docs/networking/network-settings#ingress_settings",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:artifactregistry/repository:Repository",
    service: "artifactregistry",
    resource: "repository",
    title: "Artifact Registry repositories",
    baseline: { location: "europe-west4", repositoryId: "models", format: "DOCKER", kmsKeyName: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [isSet("kmsKeyName", CMEK, "https://cloud.google.com/artifact-registry/docs/cmek")],
      },
    ],
  },
  {
    type: "gcp:secretmanager/secret:Secret",
    service: "secretmanager",
    resource: "secret",
    title: "Secret Manager secrets",
    baseline: {
      secretId: "api-key",
      replication: { auto: { customerManagedEncryption: { kmsKeyName: KEY } } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          {
            path: "replication",
            expect: {
              kind: "custom",
              describe: "replicated with customerManagedEncryption.kmsKeyName on every replica",
              test: secretKeyProblem,
            },
            why: CMEK,
            doc: "https://cloud.google.com/secret-manager/docs/cmek",
            negative: { auto: {} },
          },
        ],
      },
    ],
  },
  {
    type: "gcp:redis/instance:Instance",
    service: "redis",
    resource: "instance",
    title: "Memorystore for Redis instances",
    baseline: {
      memorySizeGb: 1,
      customerManagedKey: KEY,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      authEnabled: true,
    },
    groups: [
      {
        concern: "cmk",
        facts: [isSet("customerManagedKey", CMEK, "https://cloud.google.com/memorystore/docs/redis/cmek")],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "transitEncryptionMode",
            ["SERVER_AUTHENTICATION"],
            "DISABLED",
            "clients connect in plain text",
            "https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption",
          ),
        ],
      },
      {
        concern: "auth",
        what: "require-auth",
        facts: [
          is(
            "authEnabled",
            true,
            false,
            "any client in the network can read and write",
            "https://cloud.google.com/memorystore/docs/redis/about-redis-auth",
            { fix: true },
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:filestore/instance:Instance",
    service: "filestore",
    resource: "instance",
    title: "Filestore instances",
    baseline: {
      location: "europe-west4-a",
      tier: "BASIC_HDD",
      kmsKeyName: KEY,
      deletionProtectionEnabled: true,
    },
    groups: [
      { concern: "cmk", facts: [isSet("kmsKeyName", CMEK, "https://cloud.google.com/filestore/docs/cmek")] },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtectionEnabled",
            false,
            "https://cloud.google.com/filestore/docs/deletion-protection",
          ),
        ],
      },
    ],
  },
  {
    type: "gcp:dataproc/cluster:Cluster",
    service: "dataproc",
    resource: "cluster",
    title: "Dataproc clusters",
    baseline: {
      region: "europe-west4",
      clusterConfig: { encryptionConfig: { kmsKeyName: KEY }, gceClusterConfig: { internalIpOnly: true } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet(
            "clusterConfig.encryptionConfig.kmsKeyName",
            CMEK,
            "https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/customer-managed-encryption",
          ),
        ],
      },
      {
        concern: "public-ip",
        facts: [
          is(
            "clusterConfig.gceClusterConfig.internalIpOnly",
            true,
            true,
            "cluster VMs get public IP addresses",
            "https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/network#create_a_cluster_that_uses_internal_ip_addresses_only",
          ),
        ],
      },
    ],
  },
];

/** The policies of the GCP fact table. */
export const gcpFactPolicies: readonly SecureAiResourcePolicy[] = buildFactPolicies("gcp", GCP_FACTS);
