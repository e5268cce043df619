import * as pulumi from "@pulumi/pulumi";
import { dependencyNames, linkBackendForVitest } from "./backend-link";
import { PLATFORM_TYPE, SecureAiPlatform } from "../../components";
import * as gcpBackend from "../../components/gcp";
import type { ControlEvidenceOutput } from "../../components/evidence";
import type { SecureAiPlatformArgs } from "../../components/spec/args";

/** A resource the GCP backend registered, as the engine saw it. */
export interface RecordedResource {
  type: string;
  /** Logical (URN) name. */
  name: string;
  /** Inputs with every Output resolved (what the mock engine received). */
  inputs: Record<string, unknown>;
  /** Logical names of the resources it `dependsOn`. */
  dependsOn: string[];
}

/** The project number the mocks report for service agents. */
export const PROJECT_NUMBER = "123456789012";

const byName = new Map<string, { type: string; inputs: Record<string, unknown> }>();

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Computed outputs the GCP provider would return, so that downstream inputs look like the real thing. */
function computedState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: object } {
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
}

/** Installs Pulumi mocks that answer like the GCP provider and record every registered resource. */
export async function installGcpMocks(): Promise<void> {
  linkBackendForVitest("gcp", gcpBackend);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        byName.set(`${args.type}::${args.name}`, {
          type: args.type,
          inputs: args.inputs as Record<string, unknown>,
        });
        return computedState(args.type, args.name, args.inputs as Record<string, unknown>);
      },
      call: (args) => {
        const project = str((args.inputs as Record<string, unknown>).project);
        switch (args.token) {
          case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
            const email = `service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
            return { id: email, project, emailAddress: email, member: `serviceAccount:${email}` };
          }
          case "gcp:logging/getProjectCmekSettings:getProjectCmekSettings":
            return {
              id: project,
              project,
              name: `projects/${project}/cmekSettings`,
              kmsKeyVersionName: "",
              serviceAccountId: `cmek-p${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
            };
          default:
            return args.inputs;
        }
      },
    },
    "gcp-test",
    "dev",
    false,
  );
}

/** The service agents' IAM members as the mocks report them. */
export const AGENT_MEMBERS = {
  storage: `serviceAccount:service-${PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`,
  vertex: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-aiplatform.iam.gserviceaccount.com`,
  pubsub: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com`,
  logging: `serviceAccount:cmek-p${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com`,
} as const;

/** A built platform: its component, the resources it registered, and its outputs resolved. */
export interface BuiltPlatform {
  platform: SecureAiPlatform;
  resources: RecordedResource[];
  controls: ControlEvidenceOutput[];
  outputs: {
    keys: Record<string, string>;
    storage: Record<string, string>;
    modelEndpoints: Record<string, string>;
    networkId: string;
    workloadIdentities: Record<string, string>;
    findingsDestination: string;
    publicEndpoint: string | undefined;
  };
  /** Resources of one type. */
  ofType(type: string): RecordedResource[];
  /** The one resource of this type with this logical name. */
  named(type: string, name: string): RecordedResource;
}

function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

/** Minimal valid GCP arguments. */
export function gcpArgs(overrides: Partial<SecureAiPlatformArgs> = {}): SecureAiPlatformArgs {
  return {
    cloud: "gcp",
    gcp: { project: "acme-ai-prod", region: "europe-west4" },
    models: [{ name: "chat" }],
    ...overrides,
  };
}

/** Builds a platform under the mocks and waits until every child is registered. */
export async function buildGcp(name: string, args: SecureAiPlatformArgs): Promise<BuiltPlatform> {
  const seen: { type: string; name: string; dependsOn: string[] }[] = [];
  const platform = new SecureAiPlatform(name, args, {
    transformations: [
      (transform) => {
        seen.push({
          type: transform.type,
          name: transform.name,
          dependsOn: dependencyNames(transform.opts.dependsOn),
        });
        return undefined;
      },
    ],
  });
  const [
    controls,
    keys,
    storage,
    modelEndpoints,
    networkId,
    workloadIdentities,
    findingsDestination,
    publicEndpoint,
  ] = await Promise.all([
    resolve(platform.controls),
    resolve(platform.keys),
    resolve(platform.storage),
    resolve(platform.modelEndpoints),
    resolve(platform.networkId),
    resolve(platform.workloadIdentities),
    resolve(platform.findingsDestination),
    resolve(platform.publicEndpoint),
  ]);
  // Let registrations that no output depends on finish too.
  for (let round = 0; round < 50 && seen.some((r) => !byName.has(`${r.type}::${r.name}`)); round++) {
    await new Promise((done) => setTimeout(done, 5));
  }
  const resources = seen
    .filter((r) => r.type !== PLATFORM_TYPE)
    .map((r): RecordedResource => {
      const registered = byName.get(`${r.type}::${r.name}`);
      if (!registered) throw new Error(`resource ${r.name} was never registered`);
      return { type: registered.type, name: r.name, inputs: registered.inputs, dependsOn: r.dependsOn };
    });
  return {
    platform,
    resources,
    controls,
    outputs: {
      keys,
      storage,
      modelEndpoints,
      networkId,
      workloadIdentities,
      findingsDestination,
      publicEndpoint,
    },
    ofType: (type) => resources.filter((r) => r.type === type),
    named: (type, resourceName) => {
      const found = resources.filter((r) => r.type === type && r.name === resourceName);
      if (found.length !== 1)
        throw new Error(`expected one ${type} named ${resourceName}, found ${found.length}`);
      return found[0];
    },
  };
}
