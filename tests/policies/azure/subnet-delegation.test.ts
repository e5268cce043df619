/** Delegated subnets (App Service integration, flexible servers) are not asked for an NSG or for defaultOutboundAccess. */
import { describe, expect, it } from "vitest";
import { azureNetworkSubnetDisallowDefaultOutboundAccess } from "../../../policy-packs/secure-ai/policies/azure/network-subnet-disallow-default-outbound-access";
import { azureNetworkSubnetRequireNsg } from "../../../policy-packs/secure-ai/policies/azure/network-subnet-require-nsg";
import { runResourcePolicy } from "../gcp/harness";

const SUBNET = "azure-native:network:Subnet";
const delegated = {
  subnetName: "apps",
  addressPrefix: "10.0.2.0/24",
  delegations: [{ name: "web", serviceName: "Microsoft.Web/serverFarms" }],
};

describe.each([azureNetworkSubnetRequireNsg, azureNetworkSubnetDisallowDefaultOutboundAccess])(
  "%s",
  (policy) => {
    it("skips a subnet delegated to a service", async () => {
      expect((await runResourcePolicy(policy, { type: SUBNET, props: delegated })).violations).toEqual([]);
    });

    it("still checks the same subnet without the delegation", async () => {
      const plain = { subnetName: "apps", addressPrefix: "10.0.2.0/24" };
      expect(
        (await runResourcePolicy(policy, { type: SUBNET, props: plain })).violations.length,
      ).toBeGreaterThan(0);
    });
  },
);
