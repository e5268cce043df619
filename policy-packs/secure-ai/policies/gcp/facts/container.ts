/**
 * GCP GKE clusters. Property names verified in node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`,
 * `types/input.d.ts`).
 */
import { is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK, deletion } from "./common";

/** GKE clusters. */
export const GCP_CONTAINER_FACTS: readonly ResourceFacts[] = [
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
];
