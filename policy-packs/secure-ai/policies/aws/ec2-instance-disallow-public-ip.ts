import { defineResourcePolicy, get, knownArray, requireBoolean } from "../lib";
import { AWS } from "./types";

/** EC2 instances get no public IP address. */
export const awsEc2InstanceDisallowPublicIp = defineResourcePolicy({
  name: "aws-ec2-instance-disallow-public-ip",
  cloud: "aws",
  controls: ["SAI-NET-01"],
  description:
    "EC2 instances do not set associatePublicIpAddress to true (neither on the instance nor on an inline network interface); workloads run in private subnets.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.ec2Instance],
  tags: ["ec2", "network"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["associatePublicIpAddress"], false, false, report);
    for (const [index, nic] of knownArray(get(props, "networkInterfaces")).entries()) {
      requireBoolean(nic, ["associatePublicIpAddress"], false, false, (message) =>
        report(`networkInterfaces[${index}].${message}`),
      );
    }
  },
  remediate: ({ props }) =>
    get(props, "associatePublicIpAddress") === true ? { associatePublicIpAddress: false } : undefined,
});
