/** The shape shared by the Vertex AI CMEK policies: every Vertex resource takes `encryptionSpec.kmsKeyName`. */
import type { ControlId } from "../../../../components/controls";
import { defineResourcePolicy, requireSet, type SecureAiResourcePolicy } from "../lib";

/** Builds the CMEK policy of one Vertex AI resource type. */
export function vertexCmekPolicy(args: {
  /** `gcp-vertex-<resource>-require-cmek`. */
  name: string;
  /** What the resource holds, for the description (e.g. "Vertex AI datasets"). */
  subject: string;
  /** The type token. */
  type: string;
  /** SAI controls beyond SAI-ENC-01. @default [] */
  extraControls?: readonly ControlId[];
}): SecureAiResourcePolicy {
  return defineResourcePolicy({
    name: args.name,
    cloud: "gcp",
    controls: ["SAI-ENC-01", ...(args.extraControls ?? [])],
    description: `${args.subject} set encryptionSpec.kmsKeyName to a customer-managed Cloud KMS key in the resource's region.`,
    enforcementLevel: "mandatory",
    resourceTypes: [args.type],
    tags: ["vertex", "encryption", "ai"],
    validate: ({ props }, { report }) => {
      requireSet(
        props,
        ["encryptionSpec", "kmsKeyName"],
        report,
        "Vertex AI then encrypts the data with a Google-managed key",
      );
    },
  });
}
