import { defineStackPolicy } from "../lib";
import { pointsAt } from "./references";
import { AZURE } from "./types";

/** Public IP addresses exist only to front an Application Gateway. */
export const azureNetworkPublicipaddressLimitToGateways = defineStackPolicy({
  name: "azure-network-publicipaddress-limit-to-gateways",
  cloud: "azure",
  controls: ["SAI-NET-01"],
  description:
    "Every public IP address in the stack is the frontend of an Application Gateway in the same stack (its frontendIPConfigurations refer to it); any other public IP is flagged for review. Advisory: NAT gateways and bastions can need one.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.publicIpAddress],
  tags: ["network"],
  validate: (stack, { report }) => {
    const gateways = stack.ofType(AZURE.applicationGateway);
    for (const address of stack.ofType(AZURE.publicIpAddress)) {
      if (!gateways.some((gateway) => pointsAt(gateway, "frontendIPConfigurations", address))) {
        report(
          `public IP address "${address.name}" is not the frontend of an Application Gateway in this stack`,
          address,
        );
      }
    }
  },
});
