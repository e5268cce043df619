/**
 * GCP serverless: Cloud Run services and jobs, Cloud Functions (2nd gen). Property names verified in
 * node_modules/@pulumi/gcp 9.37 (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK } from "./common";

/** Cloud Run services and jobs, and Cloud Functions (2nd gen). */
export const GCP_SERVERLESS_FACTS: readonly ResourceFacts[] = [
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
            { since: "@pulumi/gcp v8" },
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
];
