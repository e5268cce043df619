/**
 * AWS EC2: instances and launch templates. Property names verified in node_modules/@pulumi/aws 7.48
 * (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { awsCmk, is, noneOf, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, WHY } from "./common";

const EBS = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";
const IMDS = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html";

/** EC2 instances and launch templates. */
export const AWS_EC2_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:ec2/instance:Instance",
    service: "ec2",
    resource: "instance",
    title: "EC2 instances",
    baseline: {
      ami: "ami-0123456789abcdef0",
      instanceType: "t3.micro",
      subnetId: "subnet-0a",
      rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
      ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }],
      metadataOptions: { httpTokens: "required" },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is("rootBlockDevice.encrypted", true, false, "the root volume is unencrypted", EBS),
          awsCmk("rootBlockDevice.kmsKeyId", WHY, EBS),
          is("ebsBlockDevices[].encrypted", true, false, "the volume is unencrypted", EBS),
          awsCmk("ebsBlockDevices[].kmsKeyId", WHY, EBS),
        ],
      },
      {
        concern: "public-ip",
        // InstanceArgs.associatePublicIpAddress is the instance's only public-IP switch: the items of
        // InstanceArgs.networkInterfaces (inputs.ec2.InstanceNetworkInterface) hold only deleteOnTermination,
        // deviceIndex, networkCardIndex and networkInterfaceId in @pulumi/aws 5.43, 6.83 and 7.48
        // (types/input.d.ts), and NetworkInterfaceArgs has no public-IP switch either: an attached interface
        // gets one from its subnet (aws-ec2-subnet-disallow-public-ip-on-launch) or an Elastic IP.
        facts: [
          is(
            "associatePublicIpAddress",
            false,
            false,
            "workloads run in private subnets",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
            { fix: false },
          ),
        ],
      },
      {
        concern: "imds",
        facts: [
          oneOf(
            "metadataOptions.httpTokens",
            ["required"],
            "optional",
            "IMDSv1 hands credentials to any request from the instance",
            IMDS,
          ),
        ],
      },
    ],
  },
  {
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    service: "ec2",
    resource: "launchtemplate",
    title: "EC2 launch templates",
    baseline: {
      imageId: "ami-0123456789abcdef0",
      blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY } }],
      networkInterfaces: [{ associatePublicIpAddress: "false", subnetId: "subnet-0a" }],
      metadataOptions: { httpTokens: "required" },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is("blockDeviceMappings[].ebs.encrypted", "true", "false", "the volume is unencrypted", EBS, {
            optionalParent: true,
          }),
          awsCmk("blockDeviceMappings[].ebs.kmsKeyId", WHY, EBS, { optionalParent: true }),
        ],
      },
      {
        concern: "public-ip",
        // LaunchTemplateNetworkInterface.associatePublicIpAddress is a string ("true"/"false") in @pulumi/aws
        // 5.43, 6.83 and 7.48 (types/input.d.ts).
        facts: [
          noneOf(
            "networkInterfaces[].associatePublicIpAddress",
            ["true"],
            undefined,
            "workloads run in private subnets",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses",
          ),
        ],
      },
      {
        concern: "imds",
        facts: [
          oneOf(
            "metadataOptions.httpTokens",
            ["required"],
            "optional",
            "IMDSv1 hands credentials to any request from the instance",
            IMDS,
          ),
        ],
      },
    ],
  },
];
