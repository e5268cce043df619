/**
 * The backend of a retrieval-augmented generation (RAG) assistant on Google Cloud: a document corpus and
 * its embeddings in CMEK-encrypted Cloud Storage, and a generation model plus an embedding model on Vertex
 * AI endpoints reachable only privately. Audit logs go to a locked log bucket; findings to responders.
 *
 * Outside this repository, import the package by name instead:
 *   import { SecureAiPlatform } from "secure-ai-platform";
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../components";

const config = new pulumi.Config();
const gcpConfig = new pulumi.Config("gcp");

const rag = new SecureAiPlatform("rag", {
  cloud: "gcp",
  gcp: { project: gcpConfig.require("project"), region: gcpConfig.require("region") },
  models: [
    { name: "answer-generator", serving: "vertex" },
    { name: "embedder", serving: "vertex" },
  ],
  datasets: [
    // Source documents of the retrieval corpus (internal manuals; no personal data).
    { name: "corpus" },
    // Questions users asked, kept 90 days to evaluate answer quality.
    { name: "question-log", personalData: true, retentionDays: 90 },
  ],
  identity: { dataScientists: config.requireObject<string[]>("dataScientists") },
  detection: { severityThreshold: "medium" },
  tags: { application: "rag-assistant", environment: "dev" },
});

/** Vertex AI endpoint per model. */
export const modelEndpoints = rag.modelEndpoints;
/** Buckets by data class. */
export const storage = rag.storage;
/** Evidence per control. */
export const controls = rag.controls;
