// The secure-ai CrossGuard pack (loaded by index.ts). Constructing the PolicyPack starts its gRPC server; the
// policies live in ./policies so they can be imported (and tested) without doing that.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";
import {
  encodeAnalyzerInfoDirectly,
  prepareAnalyzerInfoOnListening,
} from "./policies/lib/analyzer-info-encoding";
import { cacheNotApplicableEncoding } from "./policies/lib/not-applicable-encoding";
import { serveWithoutChannelz } from "./policies/lib/server-channelz";
import { shareDeserializedProperties } from "./policies/lib/shared-deserialization";
import { installTypeIndex } from "./policies/lib/type-index-server";

// One deserialisation of each resource's properties, shared by every policy, one encoding of each
// distinct not-applicable entry of the responses, and the pack's description written straight to bytes
// (byte-identical to the SDK's; see the modules).
shareDeserializedProperties();
cacheNotApplicableEncoding();
encodeAnalyzerInfoDirectly();
// ...and encoded while the caller connects, once the port is printed.
prepareAnalyzerInfoOnListening();
// Each resource runs only the policies its type can concern; the others' not-applicable entries, learned
// from the SDK's answer for the first resource of the type, are merged back in order (byte-identical
// answers; see the module). `SECURE_AI_PACK_TYPE_INDEX=0` leaves the SDK's loop as it is. Its Analyze calls
// run one per turn of the event loop, so each answer is sent before the next is computed
// (`SECURE_AI_PACK_PACING=0` runs them as they arrive; see policies/lib/call-pacing.ts).
if (process.env.SECURE_AI_PACK_TYPE_INDEX !== "0") {
  installTypeIndex(undefined, { pacing: process.env.SECURE_AI_PACK_PACING !== "0" });
}
// The gRPC server keeps no channelz bookkeeping per call: nothing reads it from a policy pack.
serveWithoutChannelz();

new PolicyPack("secure-ai", {
  policies: [...policies],
  enforcementLevel: "advisory",
  description:
    "Secure AI platform guardrails: customer-managed keys, TLS 1.3-only ingress, private endpoints, audit, detection and data governance for AI workloads.",
  displayName: "Secure AI platform",
  tags: ["security", "ai", "cmek", "tls", "private-endpoints"],
});
