import { defineResourcePolicy, describeValue, get, isUnknown, requireSet } from "../lib";
import { GCP } from "./types";

/** Vertex AI Workbench notebooks encrypt their boot and data disks with a customer-managed key. */
export const gcpWorkbenchInstanceRequireCmek = defineResourcePolicy({
  name: "gcp-workbench-instance-require-cmek",
  cloud: "gcp",
  controls: ["SAI-ENC-01"],
  description:
    'Workbench instances set gceSetup.bootDisk and gceSetup.dataDisks to diskEncryption "CMEK" with a kmsKey (both default to Google-managed encryption).',
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.workbenchInstance],
  tags: ["workbench", "encryption", "ai"],
  validate: ({ props }, { report }) => {
    for (const disk of ["bootDisk", "dataDisks"]) {
      const path = ["gceSetup", disk];
      const encryption = get(props, ...path, "diskEncryption");
      if (!isUnknown(encryption) && encryption !== "CMEK") {
        report(
          `gceSetup.${disk}.diskEncryption is ${encryption === undefined ? "not set (GMEK, a Google-managed key)" : describeValue(encryption)}; it must be "CMEK"`,
        );
      }
      requireSet(
        props,
        [...path, "kmsKey"],
        report,
        "the disk is then not encrypted with a customer-managed key",
      );
    }
  },
});
