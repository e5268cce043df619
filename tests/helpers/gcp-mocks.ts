import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { type BuiltPlatform, type FakeProvider, createMockEngine } from "./mock-engine";

export type { BuiltPlatform, RecordedResource } from "./mock-engine";

/** The project number the mocks report for service agents. */
export const PROJECT_NUMBER = "123456789012";

const BIGQUERY_AGENT_EMAIL = `bq-${PROJECT_NUMBER}@bigquery-encryption.iam.gserviceaccount.com`;
/** BigQuery's encryption service account as an IAM member, as the mocked lookup answers. */
export const BIGQUERY_AGENT_MEMBER = `serviceAccount:${BIGQUERY_AGENT_EMAIL}`;

/** The service agents' IAM members as the mocks report them. */
export const AGENT_MEMBERS = {
  storage: `serviceAccount:service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`,
  vertex: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`,
  pubsub: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com`,
  logging: `serviceAccount:cmek-p${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
} as const;

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The GCP provider as the mocks fake it: computed IDs, emails and members look like the real thing. */
export const gcpProvider: FakeProvider = {
  computedState(type, name, inputs) {
    const project = str(inputs.project) || "mock-project";
    switch (type) {
      case "gcp:kms/keyRing:KeyRing": {
        const id = `projects/${project}/locations/${str(inputs.location)}/keyRings/${str(inputs.name)}`;
        return { id, state: { ...inputs, id } };
      }
      case "gcp:kms/cryptoKey:CryptoKey": {
        const id = `${str(inputs.keyRing)}/cryptoKeys/${str(inputs.name)}`;
        return { id, state: { ...inputs, id } };
      }
      case "gcp:projects/serviceIdentity:ServiceIdentity": {
        const agent = str(inputs.service).split(".")[0];
        const email = `service-${PROJECT_NUMBER}@gcp-sa-${agent}.iam.gserviceaccount.com`;
        return { id: `${name}-id`, state: { ...inputs, email, member: `serviceAccount:${email}` } };
      }
      case "gcp:serviceaccount/account:Account": {
        const email = `${str(inputs.accountId)}@${project}.iam.gserviceaccount.com`;
        const id = `projects/${project}/serviceAccounts/${email}`;
        return { id, state: { ...inputs, email, member: `serviceAccount:${email}`, name: id } };
      }
      case "gcp:pubsub/topic:Topic": {
        const id = `projects/${project}/topics/${str(inputs.name)}`;
        return { id, state: { ...inputs, id } };
      }
      case "gcp:compute/network:Network": {
        const id = `projects/${project}/global/networks/${str(inputs.name)}`;
        return { id, state: { ...inputs, id } };
      }
      case "gcp:logging/projectSink:ProjectSink":
        return {
          id: `${name}-id`,
          state: {
            ...inputs,
            writerIdentity: `serviceAccount:${str(inputs.name)}@gcp-sa-logging.iam.gserviceaccount.com`,
          },
        };
      case "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": {
        const poolName = `projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/${str(inputs.workloadIdentityPoolId)}`;
        return { id: poolName, state: { ...inputs, name: poolName } };
      }
      case "gcp:compute/globalAddress:GlobalAddress":
        return { id: `${name}-id`, state: { ...inputs, address: inputs.address ?? "203.0.113.10" } };
      default:
        return { id: `${name}-id`, state: inputs };
    }
  },
  invoke(token, inputs) {
    const project = str(inputs.project);
    switch (token) {
      case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
        const email = `service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
        return { id: email, project, emailAddress: email, member: `serviceAccount:${email}` };
      }
      case "gcp:bigquery/getDefaultServiceAccount:getDefaultServiceAccount":
        return {
          id: BIGQUERY_AGENT_EMAIL,
          project,
          email: BIGQUERY_AGENT_EMAIL,
          member: BIGQUERY_AGENT_MEMBER,
        };
      case "gcp:logging/getProjectCmekSettings:getProjectCmekSettings":
        return {
          id: project,
          project,
          name: `projects/${project}/cmekSettings`,
          kmsKeyVersionName: "",
          serviceAccountId: `cmek-p${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
        };
      default:
        return inputs;
    }
  },
};

const engine = createMockEngine();

/** Installs Pulumi mocks that answer like the GCP provider and record every registered resource. */
export async function installGcpMocks(): Promise<void> {
  await engine.install(gcpProvider, { project: "gcp-test" });
}

/**
 * Minimal valid GCP arguments (one model in project acme-ai-prod, europe-west4), with overrides.
 * @param overrides - top-level arguments that replace the minimal ones; default `{}`.
 */
export function gcpArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return {
    cloud: "gcp",
    gcp: { project: "acme-ai-prod", region: "europe-west4" },
    models: [{ name: "chat" }],
    ...overrides,
  };
}

/**
 * Builds a platform under the GCP mocks and waits until every child is registered.
 * @param name - the component's logical name.
 * @param args - the platform's arguments.
 */
export function buildGcp(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform> {
  return engine.build(name, args);
}
