import { SecureAiConfigError } from "./errors";
import type { BackendBuilder } from "./backend";
import type { CloudName, ResolvedSpec } from "./spec/resolved";

/** The cloud SDK each backend needs; an optional peer dependency of the package. */
export const CLOUD_SDKS: Readonly<Record<CloudName, string>> = {
  aws: "@pulumi/aws",
  gcp: "@pulumi/gcp",
  azure: "@pulumi/azure-native",
};

/** A backend: its cloud-specific input checks (pure) and its builder. */
export interface Backend {
  /** Throws SecureAiConfigError for input only this cloud rejects; creates nothing. */
  check: (spec: ResolvedSpec) => void;
  /** Builds the platform's resources. */
  build: BackendBuilder;
}

/*
 * Backends are loaded on demand so that a program using one cloud never loads (or needs installed) the
 * other clouds' SDKs. `require` is deliberate here: a static import would load all three. Each backend's
 * `validate` module is pure and loads no SDK, so it runs before the component registers anything.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const loaders: Readonly<Record<CloudName, () => Backend>> = {
  aws: () => ({
    check: (require("./aws/validate") as { checkAwsSpec: Backend["check"] }).checkAwsSpec,
    build: (require("./aws") as { buildAwsPlatform: BackendBuilder }).buildAwsPlatform,
  }),
  gcp: () => ({
    check: (require("./gcp/validate") as { checkGcpSpec: Backend["check"] }).checkGcpSpec,
    build: (require("./gcp") as { buildGcpPlatform: BackendBuilder }).buildGcpPlatform,
  }),
  azure: () => ({
    check: (require("./azure/validate") as { checkAzureSpec: Backend["check"] }).checkAzureSpec,
    build: (require("./azure") as { buildAzurePlatform: BackendBuilder }).buildAzurePlatform,
  }),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function sdkInstalled(sdk: string): boolean {
  try {
    require.resolve(`${sdk}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** Returns the backend for a cloud, failing with a clear error when the cloud's SDK is not installed. */
export function loadBackend(cloud: CloudName): Backend {
  const sdk = CLOUD_SDKS[cloud];
  if (!sdkInstalled(sdk)) {
    throw new SecureAiConfigError(
      "cloud",
      cloud,
      `the "${cloud}" backend needs the peer dependency ${sdk}: npm install ${sdk}`,
    );
  }
  return loaders[cloud]();
}
