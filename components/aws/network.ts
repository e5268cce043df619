import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as iam from "@pulumi/aws/iam";
import * as vpc from "@pulumi/aws/vpc";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import type * as cloudwatch from "@pulumi/aws/cloudwatch";
import { subnetCidr } from "./cidr";
import { type AwsContext, regionalArn } from "./context";
import type { PlatformKey } from "./keys";
import { createLogGroup } from "./log-groups";
import { childName } from "./naming";
import { policyDocument, policyJson, serviceTrust } from "./policy-documents";

/** Bits added to the VPC prefix for each subnet: 8 blocks, private subnets first, public ones from block 4. */
const SUBNET_BITS = 3;
const PUBLIC_BLOCK_OFFSET = 4;
/** An ALB needs subnets in at least two zones. */
const PUBLIC_SUBNET_COUNT = 2;
const HTTPS = 443;
const EPHEMERAL = { from: 1024, to: 65535 };

/** The platform's network. */
export interface AwsNetwork {
  vpcId: pulumi.Input<string>;
  privateSubnetIds: pulumi.Input<string>[];
  /** Public subnets for the ALB, only when the public API is on. */
  publicSubnetIds: pulumi.Input<string>[];
  /** Attached to SageMaker models: egress only, to the endpoints and S3. */
  workloadSecurityGroup: ec2.SecurityGroup;
  /** Attached to interface endpoints: HTTPS from workloads only. */
  endpointSecurityGroup: ec2.SecurityGroup;
  /** The VPC's own CIDR, when the platform created the VPC. */
  cidr?: string;
  vpc?: ec2.Vpc;
  subnets: ec2.Subnet[];
  networkAcls: ec2.NetworkAcl[];
  defaultSecurityGroup?: ec2.DefaultSecurityGroup;
  securityGroupRules: pulumi.Resource[];
  endpoints: ec2.VpcEndpoint[];
  flowLog: ec2.FlowLog;
  flowLogGroup: cloudwatch.LogGroup;
  internetGateway?: ec2.InternetGateway;
}

/** Interface endpoints the platform's traffic needs, by which serving options are in use. */
export function interfaceEndpointServices(servings: ReadonlySet<string>): string[] {
  return [
    "kms",
    "sts",
    "logs",
    ...(servings.has("sagemaker") ? ["sagemaker.api", "sagemaker.runtime"] : []),
    ...(servings.has("bedrock") ? ["bedrock-runtime"] : []),
  ];
}

/** Endpoint policy: only principals of the platform's own account may use the endpoint. */
function endpointPolicy(ctx: AwsContext, gateway: boolean): pulumi.Output<string> {
  const condition: Record<string, pulumi.Input<string>> = { "aws:PrincipalAccount": ctx.accountId };
  if (gateway) condition["aws:ResourceAccount"] = ctx.accountId;
  return policyJson(
    policyDocument([
      {
        Sid: "OnlyThisAccount",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: condition },
      },
    ]),
  );
}

interface CreatedVpc {
  vpc: ec2.Vpc;
  privateSubnets: ec2.Subnet[];
  publicSubnets: ec2.Subnet[];
  privateRouteTable: ec2.RouteTable;
  networkAcls: ec2.NetworkAcl[];
  defaultSecurityGroup: ec2.DefaultSecurityGroup;
  internetGateway?: ec2.InternetGateway;
  extra: pulumi.Resource[];
}

function createVpc(ctx: AwsContext): CreatedVpc {
  const { name, region, tags, spec } = ctx;
  const cidr = spec.network.cidr;
  const zones = getAvailabilityZonesOutput({ state: "available", region }, { parent: ctx.parent });
  const zoneName = (index: number) =>
    zones.names.apply((names) => (names && names.length > 0 ? names[index % names.length] : undefined));
  const network = new ec2.Vpc(
    childName(name, "vpc"),
    {
      cidrBlock: cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      region,
      tags: { ...tags, Name: childName(name, "vpc") },
    },
    ctx.opts(),
  );
  const subnet = (kind: "private" | "public", index: number, block: number) =>
    new ec2.Subnet(
      childName(name, kind, String(index)),
      {
        vpcId: network.id,
        cidrBlock: subnetCidr(cidr, SUBNET_BITS, block),
        availabilityZone: zoneName(index),
        mapPublicIpOnLaunch: false,
        region,
        tags: { ...tags, Name: childName(name, kind, String(index)), tier: kind },
      },
      ctx.opts(),
    );
  const privateSubnets = Array.from({ length: spec.network.zoneCount }, (_, i) => subnet("private", i, i));
  const privateRouteTable = new ec2.RouteTable(
    childName(name, "private-routes"),
    { vpcId: network.id, region, tags: { ...tags, Name: childName(name, "private-routes") } },
    ctx.opts(),
  );
  const extra: pulumi.Resource[] = privateSubnets.map(
    (s, i) =>
      new ec2.RouteTableAssociation(
        childName(name, "private-routes", String(i)),
        { subnetId: s.id, routeTableId: privateRouteTable.id, region },
        ctx.opts(),
      ),
  );
  // Stateless subnet filter: HTTPS in from the VPC; return traffic from S3's gateway endpoint, whose addresses
  // are S3's public ranges (no route to the internet exists, so 0.0.0.0/0 only reaches S3 through the gateway).
  const privateAcl = new ec2.NetworkAcl(
    childName(name, "private-acl"),
    {
      vpcId: network.id,
      subnetIds: privateSubnets.map((s) => s.id),
      ingress: [
        { ruleNo: 100, action: "allow", protocol: "tcp", cidrBlock: cidr, fromPort: HTTPS, toPort: HTTPS },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "0.0.0.0/0",
          fromPort: EPHEMERAL.from,
          toPort: EPHEMERAL.to,
        },
      ],
      egress: [
        {
          ruleNo: 100,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "0.0.0.0/0",
          fromPort: HTTPS,
          toPort: HTTPS,
        },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          cidrBlock: cidr,
          fromPort: EPHEMERAL.from,
          toPort: EPHEMERAL.to,
        },
      ],
      region,
      tags: { ...tags, Name: childName(name, "private-acl") },
    },
    ctx.opts(),
  );
  // The VPC's default security group allows all traffic between its members; adopt it and strip every rule.
  const defaultSecurityGroup = new ec2.DefaultSecurityGroup(
    childName(name, "default-sg"),
    {
      vpcId: network.id,
      ingress: [],
      egress: [],
      region,
      tags: { ...tags, Name: childName(name, "default-sg-unused") },
    },
    ctx.opts(),
  );

  const networkAcls = [privateAcl];
  let publicSubnets: ec2.Subnet[] = [];
  let internetGateway: ec2.InternetGateway | undefined;
  if (spec.publicApi.enabled) {
    // The public API is on: an internet gateway and two public subnets hold the internet-facing ALB, and nothing else.
    internetGateway = new ec2.InternetGateway(
      childName(name, "igw"),
      { vpcId: network.id, region, tags: { ...tags, Name: childName(name, "igw") } },
      ctx.opts(),
    );
    publicSubnets = Array.from({ length: PUBLIC_SUBNET_COUNT }, (_, i) =>
      subnet("public", i, PUBLIC_BLOCK_OFFSET + i),
    );
    const publicRouteTable = new ec2.RouteTable(
      childName(name, "public-routes"),
      {
        vpcId: network.id,
        routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: internetGateway.id }],
        region,
        tags: { ...tags, Name: childName(name, "public-routes") },
      },
      ctx.opts(),
    );
    extra.push(
      publicRouteTable,
      ...publicSubnets.map(
        (s, i) =>
          new ec2.RouteTableAssociation(
            childName(name, "public-routes", String(i)),
            { subnetId: s.id, routeTableId: publicRouteTable.id, region },
            ctx.opts(),
          ),
      ),
    );
    networkAcls.push(
      new ec2.NetworkAcl(
        childName(name, "public-acl"),
        {
          vpcId: network.id,
          subnetIds: publicSubnets.map((s) => s.id),
          ingress: [
            {
              ruleNo: 100,
              action: "allow",
              protocol: "tcp",
              cidrBlock: "0.0.0.0/0",
              fromPort: HTTPS,
              toPort: HTTPS,
            },
            {
              ruleNo: 110,
              action: "allow",
              protocol: "tcp",
              cidrBlock: cidr,
              fromPort: EPHEMERAL.from,
              toPort: EPHEMERAL.to,
            },
          ],
          egress: [
            {
              ruleNo: 100,
              action: "allow",
              protocol: "tcp",
              cidrBlock: cidr,
              fromPort: HTTPS,
              toPort: HTTPS,
            },
            {
              ruleNo: 110,
              action: "allow",
              protocol: "tcp",
              cidrBlock: "0.0.0.0/0",
              fromPort: EPHEMERAL.from,
              toPort: EPHEMERAL.to,
            },
          ],
          region,
          tags: { ...tags, Name: childName(name, "public-acl") },
        },
        ctx.opts(),
      ),
    );
  }
  return {
    vpc: network,
    privateSubnets,
    publicSubnets,
    privateRouteTable,
    networkAcls,
    defaultSecurityGroup,
    internetGateway,
    extra,
  };
}

function createFlowLog(ctx: AwsContext, vpcId: pulumi.Input<string>, logsKey: PlatformKey) {
  const { name } = ctx;
  const flowLogGroup = createLogGroup(ctx, "vpc-flow", logsKey);
  const role = new iam.Role(
    childName(name, "flow-log-role"),
    {
      description: `Delivers VPC flow logs of platform ${name}`,
      assumeRolePolicy: policyJson(
        serviceTrust(
          ["vpc-flow-logs.amazonaws.com"],
          ctx.accountId,
          regionalArn(ctx, "ec2", "vpc-flow-log/*"),
        ),
      ),
      tags: ctx.tags,
    },
    ctx.opts(),
  );
  const rolePolicy = new iam.RolePolicy(
    childName(name, "flow-log-policy"),
    {
      role: role.name,
      policy: policyJson(
        policyDocument([
          {
            Sid: "WriteFlowLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [flowLogGroup.arn, pulumi.interpolate`${flowLogGroup.arn}:*`],
          },
        ]),
      ),
    },
    ctx.opts(),
  );
  const flowLog = new ec2.FlowLog(
    childName(name, "flow-log"),
    {
      vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: flowLogGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      region: ctx.region,
      tags: ctx.tags,
    },
    ctx.opts({ dependsOn: [rolePolicy] }),
  );
  return { flowLog, flowLogGroup };
}

/**
 * Builds the platform's network: a VPC with private subnets only (public subnets and an internet gateway only
 * when the public API is on), NACLs, deny-by-default security groups, VPC endpoints with account-scoped
 * policies and private DNS, and flow logs to a KMS-encrypted log group. With `network.existing`, no VPC is
 * created: the security groups and endpoints go into the given VPC and subnets.
 */
export function createNetwork(ctx: AwsContext, logsKey: PlatformKey): AwsNetwork {
  const { name, region, tags, spec } = ctx;
  const existing = spec.network.existing;
  const created = existing ? undefined : createVpc(ctx);
  const vpcId: pulumi.Input<string> = created ? created.vpc.id : (existing?.networkId ?? "");
  const privateSubnetIds: pulumi.Input<string>[] = created
    ? created.privateSubnets.map((s) => s.id)
    : [...(existing?.subnetIds ?? [])];

  const workloadSecurityGroup = new ec2.SecurityGroup(
    childName(name, "workload-sg"),
    {
      vpcId,
      description: `Workloads of platform ${name}: no inbound, HTTPS out to endpoints and S3 only`,
      region,
      tags,
    },
    ctx.opts(),
  );
  const endpointSecurityGroup = new ec2.SecurityGroup(
    childName(name, "endpoint-sg"),
    {
      vpcId,
      description: `VPC endpoints of platform ${name}: HTTPS in from the platform's workloads only`,
      region,
      tags,
    },
    ctx.opts(),
  );
  const securityGroupRules: pulumi.Resource[] = [
    new vpc.SecurityGroupIngressRule(
      childName(name, "endpoint-sg-https-in"),
      {
        securityGroupId: endpointSecurityGroup.id,
        referencedSecurityGroupId: workloadSecurityGroup.id,
        ipProtocol: "tcp",
        fromPort: HTTPS,
        toPort: HTTPS,
        description: "HTTPS from the platform's workloads",
        region,
      },
      ctx.opts(),
    ),
    new vpc.SecurityGroupEgressRule(
      childName(name, "workload-sg-endpoints-out"),
      {
        securityGroupId: workloadSecurityGroup.id,
        referencedSecurityGroupId: endpointSecurityGroup.id,
        ipProtocol: "tcp",
        fromPort: HTTPS,
        toPort: HTTPS,
        description: "HTTPS to the VPC endpoints",
        region,
      },
      ctx.opts(),
    ),
  ];

  const endpoints: ec2.VpcEndpoint[] = [];
  if (created) {
    const s3Gateway = new ec2.VpcEndpoint(
      childName(name, "s3-endpoint"),
      {
        vpcId,
        serviceName: pulumi.interpolate`${ctx.reverseDnsPrefix}.${region}.s3`,
        vpcEndpointType: "Gateway",
        routeTableIds: [created.privateRouteTable.id],
        policy: endpointPolicy(ctx, true),
        region,
        tags: { ...tags, Name: childName(name, "s3-endpoint") },
      },
      ctx.opts(),
    );
    endpoints.push(s3Gateway);
    securityGroupRules.push(
      new vpc.SecurityGroupEgressRule(
        childName(name, "workload-sg-s3-out"),
        {
          securityGroupId: workloadSecurityGroup.id,
          prefixListId: s3Gateway.prefixListId,
          ipProtocol: "tcp",
          fromPort: HTTPS,
          toPort: HTTPS,
          description: "HTTPS to S3 through the gateway endpoint",
          region,
        },
        ctx.opts(),
      ),
    );
  }
  const servings = new Set(spec.models.map((m) => m.serving));
  for (const service of interfaceEndpointServices(servings)) {
    endpoints.push(
      new ec2.VpcEndpoint(
        childName(name, service.replace(/\./g, "-"), "endpoint"),
        {
          vpcId,
          serviceName: pulumi.interpolate`${ctx.reverseDnsPrefix}.${region}.${service}`,
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: privateSubnetIds,
          securityGroupIds: [endpointSecurityGroup.id],
          policy: endpointPolicy(ctx, false),
          region,
          tags: { ...tags, Name: childName(name, service, "endpoint") },
        },
        ctx.opts(),
      ),
    );
  }

  const { flowLog, flowLogGroup } = createFlowLog(ctx, vpcId, logsKey);
  return {
    vpcId,
    privateSubnetIds,
    publicSubnetIds: created ? created.publicSubnets.map((s) => s.id) : [],
    workloadSecurityGroup,
    endpointSecurityGroup,
    cidr: created ? spec.network.cidr : undefined,
    vpc: created?.vpc,
    subnets: created ? [...created.privateSubnets, ...created.publicSubnets] : [],
    networkAcls: created?.networkAcls ?? [],
    defaultSecurityGroup: created?.defaultSecurityGroup,
    securityGroupRules,
    endpoints,
    flowLog,
    flowLogGroup,
    internetGateway: created?.internetGateway,
  };
}

/** Records the network controls (SAI-NET-01..04) truthfully. */
export function recordNetworkEvidence(ctx: AwsContext, network: AwsNetwork): void {
  const { evidence, spec } = ctx;
  if (network.vpc) {
    const igw = network.internetGateway
      ? "; an internet gateway and two public subnets exist only for the public API's load balancer"
      : "; no internet gateway or NAT";
    evidence.implemented(
      "SAI-NET-01",
      [network.vpc, ...network.subnets.filter((_, i) => i < spec.network.zoneCount)],
      `workloads run in private subnets (mapPublicIpOnLaunch false)${igw}`,
    );
    evidence.implemented(
      "SAI-NET-04",
      network.networkAcls,
      "network ACLs on every subnet allow only HTTPS and its return traffic",
    );
  } else {
    evidence.gap(
      "SAI-NET-01",
      "existing network: whether the given subnets are private (no internet route, no public IPs) is not verified by the platform",
    );
    evidence.gap(
      "SAI-NET-04",
      "existing network: subnet ACLs belong to the network's owner and are not managed or verified here",
    );
  }
  evidence.implemented(
    "SAI-NET-03",
    [
      network.workloadSecurityGroup,
      network.endpointSecurityGroup,
      network.defaultSecurityGroup,
      ...network.securityGroupRules,
    ],
    "security groups start empty (no default egress); only HTTPS workload to endpoints and S3 is allowed; the VPC default group has no rules",
  );
  evidence.gap(
    "SAI-NET-02",
    "traffic goes through VPC endpoints with private DNS and account-scoped endpoint policies, and buckets block public access, but S3, KMS, SageMaker runtime and Bedrock keep their public regional API endpoints (IAM-authenticated); restricting them to the VPC needs aws:SourceVpce conditions or organisation SCPs",
    network.endpoints,
  );
}
