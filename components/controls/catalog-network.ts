import type { ControlDraft } from "./types";
import { AZURE_GUARDRAIL_DEFINITIONS } from "./catalog-guardrails";

/** Network-isolation controls (SAI-NET-01 … SAI-NET-05). */
export const networkControls: readonly ControlDraft[] = [
  {
    id: "SAI-NET-01",
    title: "Workloads run in private subnets with no public IP addresses",
    seedSection: "§1 Network Security; §4 Network Isolation",
    domain: "network",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1", "CC6.6"],
      iso27001: ["A.8.20", "A.8.22"],
      hipaa: ["164.312(a)(1)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["AC-4", "SC-7"],
    },
    cis: ["CIS GCP Foundations 3.0.0 3.1", "CIS GCP Foundations 3.0.0 4.9"],
    clouds: {
      aws: {
        implementation:
          "A dedicated aws.ec2.Vpc with workload subnets (aws.ec2.Subnet mapPublicIpOnLaunch false) whose route " +
          "tables have no internet gateway route; SageMaker domains use appNetworkAccessType VpcOnly and notebooks " +
          "directInternetAccess Disabled; models and training jobs run with vpcConfig in those subnets.",
        limitation:
          "In a network the platform did not create, it cannot see or change the subnets' routes and public IP " +
          "settings, so whether workloads are private is not verified.",
        limitationCondition: "the platform deploys into an existing network (network.existing)",
        guardrails: [
          "SageMakerRequireVpcOrIsolation",
          "SageMakerNotebookRequireVpc",
          "SageMakerNotebookNoInternet",
        ],
      },
      gcp: {
        implementation:
          "A custom-mode gcp.compute.Network (autoCreateSubnetworks false) with gcp.compute.Subnetwork " +
          "privateIpGoogleAccess true; Workbench instances and any VMs get no external IP (no access configs).",
        guardrails: ["compute.vmExternalIpAccess", "ainotebooks.restrictPublicIp"],
      },
      azure: {
        implementation:
          "A virtual network whose subnets (azure-native.network.Subnet) are created with defaultOutboundAccess false " +
          "and no public IP resources; Azure ML workspaces use a managed network with isolationMode " +
          "AllowOnlyApprovedOutbound.",
        limitation:
          "In a network the platform did not create, the subnets' NSGs and outbound access are managed outside the " +
          "platform and not verified by it.",
        limitationCondition: "the platform deploys into an existing network (network.existing)",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Place every workload in subnets without a route from the internet and without public or ephemeral " +
      "external addresses; reach the internet, if at all, through controlled egress.",
  },
  {
    id: "SAI-NET-02",
    title:
      "Models, data stores and key stores have no public endpoints; they are reached through private endpoints (VPC endpoints, Private Service Connect, Private Link)",
    seedSection: "§1 Network Security; §4 Network Isolation",
    domain: "network",
    severity: "critical",
    frameworks: {
      soc2: ["CC6.1", "CC6.6"],
      iso27001: ["A.8.20", "A.8.22"],
      hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
      gdpr: ["Art. 25(2)", "Art. 32(1)(b)"],
      nist80053: ["AC-4", "SC-7"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 2.1.4",
      "CIS GCP Foundations 3.0.0 5.1",
      "CIS Azure Foundations 3.0.0 3.3.7",
      "CIS Azure Foundations 3.0.0 4.7",
      "CIS Azure Foundations 3.0.0 4.10",
    ],
    clouds: {
      aws: {
        implementation:
          "Interface VPC endpoints (aws.ec2.VpcEndpoint, privateDnsEnabled) for kms, sts and logs, plus " +
          "sagemaker.api and sagemaker.runtime or bedrock-runtime for the serving in use, and an S3 gateway endpoint " +
          "on the private route table; endpoint policies admit only principals (and, for S3, resources) of the " +
          "platform's account; every bucket has all four public access block settings on.",
        limitation:
          "S3, KMS, SageMaker and Bedrock keep their public regional API endpoints, reachable from the internet by " +
          "callers with valid IAM credentials; the component adds no aws:SourceVpce conditions to bucket and key " +
          "policies, so confining use to the platform's endpoints needs such conditions or organisation SCPs.",
      },
      gcp: {
        implementation:
          "A Private Service Connect endpoint for Google APIs (gcp.compute.GlobalAddress + GlobalForwardingRule) " +
          "with private DNS; Vertex AI endpoints with privateServiceConnectConfig.enablePrivateServiceConnect and a " +
          "project allow-list; buckets with publicAccessPrevention enforced and uniform bucket-level access.",
        limitation:
          "The component creates no VPC Service Controls perimeter (it hangs off an organisation-level access " +
          "policy), so the Google APIs for Cloud Storage and Cloud KMS remain reachable from the internet by callers " +
          "holding valid credentials.",
        guardrails: ["ainotebooks.restrictPublicIp", "storage.publicAccessPrevention"],
      },
      azure: {
        implementation:
          "publicNetworkAccess Disabled and networkAcls / networkRuleSet defaultAction Deny on Storage, Key Vault, " +
          "AI Services and Azure ML; azure-native.network.PrivateEndpoint per service with privatelink DNS zones " +
          "(azure-native.privatedns.PrivateZone and zone groups).",
        guardrails: [
          AZURE_GUARDRAIL_DEFINITIONS.keyVaultPublicNetwork,
          AZURE_GUARDRAIL_DEFINITIONS.storagePublicNetwork,
          AZURE_GUARDRAIL_DEFINITIONS.aiServicesPublicNetwork,
        ],
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Disable public network access on every model, data and key service and add a private endpoint in the " +
      "platform network; where the service API stays public by design, deny any request that does not come through " +
      "the private endpoint.",
  },
  {
    id: "SAI-NET-03",
    title: "Security groups / firewall rules deny by default and allow only what the platform needs",
    seedSection: "§1 Network Security; §4",
    domain: "network",
    severity: "high",
    frameworks: {
      soc2: ["CC6.6"],
      iso27001: ["A.8.20"],
      hipaa: ["164.312(a)(1)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["CM-7", "SC-7", "SC-7(5)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 5.2",
      "CIS AWS Foundations 3.0.0 5.3",
      "CIS AWS Foundations 3.0.0 5.4",
      "CIS GCP Foundations 3.0.0 3.6",
      "CIS GCP Foundations 3.0.0 3.7",
      "CIS Azure Foundations 3.0.0 7.1",
      "CIS Azure Foundations 3.0.0 7.2",
      "CIS Azure Foundations 3.0.0 7.3",
      "CIS Azure Foundations 3.0.0 7.4",
    ],
    clouds: {
      aws: {
        implementation:
          "Security groups (aws.ec2.SecurityGroup) without inline rules, plus aws.vpc.SecurityGroupIngressRule / " +
          "SecurityGroupEgressRule that allow HTTPS only between platform security groups and the VPC endpoints; " +
          "the VPC's default security group is stripped of all rules.",
      },
      gcp: {
        implementation:
          "gcp.compute.Firewall rules: deny all ingress and all egress at the lowest priority, then narrow allows " +
          "for HTTPS to the Private Service Connect address and health-check ranges, scoped by service account.",
      },
      azure: {
        implementation:
          "Network security groups (azure-native.network.NetworkSecurityGroup) whose SecurityRule set ends in " +
          "explicit deny-all rules ahead of Azure's permissive defaults, with allows only for HTTPS to private " +
          "endpoints and the gateway subnet.",
        limitation:
          "In a network the platform did not create, the subnets' NSGs are managed outside the platform and not " +
          "verified by it.",
        limitationCondition: "the platform deploys into an existing network (network.existing)",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Remove any rule open to 0.0.0.0/0 or ::/0 and any allow-all rule; start from deny-all and add only the " +
      "ports and peers the platform uses.",
  },
  {
    id: "SAI-NET-04",
    title: "Subnet-level filtering (network ACLs / NSGs on subnets) is in place",
    seedSection: "§4 Network Isolation",
    domain: "network",
    severity: "medium",
    frameworks: {
      soc2: ["CC6.6"],
      iso27001: ["A.8.20", "A.8.22"],
      hipaa: ["164.312(a)(1)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["AC-4", "SC-7"],
    },
    cis: ["CIS AWS Foundations 3.0.0 5.1"],
    clouds: {
      aws: {
        implementation:
          "An aws.ec2.NetworkAcl associated with the private subnets, with aws.ec2.NetworkAclRule entries that allow " +
          "HTTPS and return traffic inside the VPC CIDR and deny everything else, as a stateless second layer under " +
          "the security groups.",
        limitation:
          "In a network the platform did not create, subnet network ACLs belong to the network's owner and are not " +
          "managed or verified by the platform.",
        limitationCondition: "the platform deploys into an existing network (network.existing)",
      },
      gcp: {
        implementation:
          "The VPC firewall rules of SAI-NET-03 (gcp.compute.Firewall: deny-all ingress and egress, narrow HTTPS " +
          "allows), enforced at every VM interface, are the only filtering layer the component creates.",
        limitation:
          "Google Cloud has no subnet-level filter (no network ACL or NSG on a subnet); a second, independent layer " +
          "needs a hierarchical firewall policy at folder or organisation level, outside the project's stack.",
      },
      azure: {
        implementation:
          "A network security group associated with every platform subnet (Subnet networkSecurityGroup), in " +
          "addition to the rules on individual workloads.",
        limitation:
          "In a network the platform did not create, the subnets' NSGs are managed outside the platform and not " +
          "verified by it.",
        limitationCondition: "the platform deploys into an existing network (network.existing)",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Associate a subnet-level filter with every platform subnet that only admits traffic the platform needs, " +
      "independent of the per-workload rules.",
  },
  {
    id: "SAI-NET-05",
    title:
      "Any public API (e.g. a chatbot) sits behind a WAF with DDoS protection (AWS WAF/Shield, Cloud Armor, Azure WAF)",
    seedSection: "§2 Cloud Armor",
    domain: "network",
    severity: "high",
    frameworks: {
      soc2: ["CC6.6"],
      iso27001: ["A.8.20", "A.8.21"],
      hipaa: [],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["SC-5", "SC-7"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "An aws.wafv2.WebAcl (REGIONAL for ALB / API Gateway, CLOUDFRONT for distributions) with the AWS managed " +
          "common and known-bad-inputs rule groups and a rate-based rule, attached by aws.wafv2.WebAclAssociation and " +
          "logged via WebAclLoggingConfiguration; Shield Standard covers network-layer DDoS, Shield Advanced " +
          "(aws.shield.Subscription / Protection) is an opt-in paid commitment.",
      },
      gcp: {
        implementation:
          "A gcp.compute.SecurityPolicy of type CLOUD_ARMOR with preconfigured WAF rules, rate limiting and adaptive " +
          "protection (layer 7 DDoS defense) on the backend service of the external Application Load Balancer.",
      },
      azure: {
        implementation:
          "An azure-native.network.WebApplicationFirewallPolicy with the managed rule set in Prevention mode on an " +
          "Application Gateway WAF_v2; a DDoS Network Protection plan (DdosProtectionPlan) on the virtual network " +
          "when created or adopted, otherwise Azure's default infrastructure protection.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Put every internet-facing API behind the cloud's WAF in blocking mode with managed rules and rate limits, " +
      "and turn on the cloud's DDoS protection for its front end.",
  },
];
