/**
 * GCP Dataproc clusters. Property names verified in node_modules/@pulumi/gcp 9.37
 * (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { is, isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK } from "./common";

/** Dataproc clusters. */
export const GCP_DATAPROC_FACTS: readonly ResourceFacts[] = [
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
