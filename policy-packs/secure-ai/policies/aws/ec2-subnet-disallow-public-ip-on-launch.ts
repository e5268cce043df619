import { defineResourcePolicy, get, requireBoolean } from "../lib";
import { AWS } from "./types";

/** Subnets do not hand out public IP addresses. */
export const awsEc2SubnetDisallowPublicIpOnLaunch = defineResourcePolicy({
  name: "aws-ec2-subnet-disallow-public-ip-on-launch",
  cloud: "aws",
  controls: ["SAI-NET-01"],
  description:
    "Subnets do not set mapPublicIpOnLaunch to true, so instances launched in them get no public IP address.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.ec2Subnet],
  tags: ["ec2", "network"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["mapPublicIpOnLaunch"], false, false, report);
  },
  remediate: ({ props }) =>
    get(props, "mapPublicIpOnLaunch") === true ? { mapPublicIpOnLaunch: false } : undefined,
});
