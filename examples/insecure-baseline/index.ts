/**
 * DO NOT DEPLOY. The kind of AI infrastructure that gets written by hand under time pressure: every resource
 * here misses a control that SecureAiPlatform would have applied. It uses raw provider resources, no
 * SecureAiPlatform, and exists so that `secure-ai check` (or `pulumi preview --policy-pack`) has something
 * to catch. Each resource names the policy that fails it.
 */
import * as ec2 from "@pulumi/aws/ec2";
import * as kms from "@pulumi/aws/kms";
import * as s3 from "@pulumi/aws/s3";
import * as vertex from "@pulumi/gcp/vertex";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";

// aws-s3-bucket-require-cmk-encryption: no server-side encryption configuration with a customer-managed key.
// aws-s3-bucket-require-public-access-block: no public access block either.
const trainingData = new s3.Bucket("training-data", { forceDestroy: true });

// aws-kms-key-require-rotation: a customer-managed key that never rotates.
const modelKey = new kms.Key("model-artifacts", {
  description: "Model artifacts key",
  enableKeyRotation: false,
  deletionWindowInDays: 30,
});

// aws-ec2-securitygroup-disallow-public-ingress: SSH to the training instances from anywhere.
const trainingAccess = new ec2.SecurityGroup("training-ssh", {
  description: "SSH to training instances",
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
});

// gcp-vertex-endpoint-require-private-access: a Vertex AI endpoint on the public internet.
// gcp-vertex-endpoint-require-cmek: encrypted with a Google-managed key only.
const publicEndpoint = new vertex.AiEndpoint("chat-endpoint", {
  name: "chat-endpoint",
  displayName: "chat endpoint",
  location: "us-central1",
});

// azure-cognitiveservices-account-disallow-public-network-access: Azure OpenAI open to every network.
// azure-cognitiveservices-account-disallow-local-auth: API keys instead of Entra ID.
const group = new resources.ResourceGroup("ai-sandbox");
const openAi = new cognitiveservices.Account("assistant-openai", {
  resourceGroupName: group.name,
  kind: "OpenAI",
  sku: { name: "S0" },
  properties: {
    customSubDomainName: "acme-assistant-sandbox",
    publicNetworkAccess: "Enabled",
    disableLocalAuth: false,
  },
});

export const bucketName = trainingData.bucket;
export const keyId = modelKey.keyId;
export const securityGroupId = trainingAccess.id;
export const vertexEndpoint = publicEndpoint.id;
export const openAiAccount = openAi.name;
