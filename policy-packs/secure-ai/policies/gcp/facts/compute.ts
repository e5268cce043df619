/**
 * GCP Compute Engine disks, instances and instance templates. Property names verified in
 * node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { isSet, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK } from "./common";

/** Compute Engine disks, instances and instance templates. */
export const GCP_COMPUTE_FACTS: readonly ResourceFacts[] = [
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
];
