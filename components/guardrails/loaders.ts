import { CLOUD_SDKS } from "../backends";
import { SecureAiConfigError } from "../errors";
import type { CloudName } from "../spec/resolved";
import type { GuardrailsBuilder } from "./context";

/*
 * Builders are loaded on demand so that a program guarding one cloud never loads (or needs installed) the
 * other clouds' SDKs. `require` is deliberate: a static import would load all three.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const loaders: Readonly<Record<CloudName, () => GuardrailsBuilder>> = {
  aws: () => (require("./aws") as { buildAwsGuardrails: GuardrailsBuilder }).buildAwsGuardrails,
  gcp: () => (require("./gcp") as { buildGcpGuardrails: GuardrailsBuilder }).buildGcpGuardrails,
  azure: () => (require("./azure") as { buildAzureGuardrails: GuardrailsBuilder }).buildAzureGuardrails,
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

/** Returns the guardrail builder for a cloud, failing clearly when the cloud's SDK is not installed. */
export function loadGuardrailsBuilder(cloud: CloudName): GuardrailsBuilder {
  const sdk = CLOUD_SDKS[cloud];
  if (!sdkInstalled(sdk)) {
    throw new SecureAiConfigError(
      "cloud",
      cloud,
      `the "${cloud}" guardrails need the peer dependency ${sdk}: npm install ${sdk}`,
    );
  }
  return loaders[cloud]();
}
