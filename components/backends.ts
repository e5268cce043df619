import { SecureAiConfigError } from "./errors";
import type { BackendBuilder } from "./backend";
import type { CloudName } from "./spec/resolved";

/** The cloud SDK each backend needs; an optional peer dependency of the package. */
export const CLOUD_SDKS: Readonly<Record<CloudName, string>> = {
  aws: "@pulumi/aws",
  gcp: "@pulumi/gcp",
  azure: "@pulumi/azure-native",
};

/*
 * Backends are loaded on demand so that a program using one cloud never loads (or needs installed) the
 * other clouds' SDKs. `require` is deliberate here: a static import would load all three.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const loaders: Readonly<Record<CloudName, () => BackendBuilder>> = {
  aws: () => (require("./aws") as { buildAwsPlatform: BackendBuilder }).buildAwsPlatform,
  gcp: () => (require("./gcp") as { buildGcpPlatform: BackendBuilder }).buildGcpPlatform,
  azure: () => (require("./azure") as { buildAzurePlatform: BackendBuilder }).buildAzurePlatform,
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
export function loadBackend(cloud: CloudName): BackendBuilder {
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
