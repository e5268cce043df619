/**
 * Entry point of the component provider: serves SecureAiPlatform to Pulumi programs written in Python, Go,
 * .NET, Java and YAML. The Pulumi CLI starts it from `PulumiPlugin.yaml`; the schema is derived from the
 * TypeScript types and TSDoc of the component's arguments.
 */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { SecureAiPlatform } from "../components/platform";
import { PROVIDER_NAME } from "./provider-name";

export { SecureAiPlatform };

export { PROVIDER_NAME };

if (require.main === module) {
  componentProviderHost({ components: [SecureAiPlatform], name: PROVIDER_NAME, dirname: __dirname }).catch(
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
