/**
 * AWS type tokens of the network ACL, alarm, IAM and model-key policies, as strings (the pack never loads
 * @pulumi/aws). Verified against `__pulumiType` in node_modules/@pulumi/aws 7.48. Kept beside `./types.ts`
 * so that the policies that use them can be added without editing the shared table.
 */
export const AWS_EXTRA = {
  networkAcl: "aws:ec2/networkAcl:NetworkAcl",
  networkAclAssociation: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
  networkAclRule: "aws:ec2/networkAclRule:NetworkAclRule",
  defaultNetworkAcl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  vpc: "aws:ec2/vpc:Vpc",
  logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  iamRole: "aws:iam/role:Role",
  iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
  iamPolicy: "aws:iam/policy:Policy",
  iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  iamAccessKey: "aws:iam/accessKey:AccessKey",
} as const;
