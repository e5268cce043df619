/**
 * Public HTTPS on AWS: a security group open on tcp 443 to the internet passes only when it belongs to a load
 * balancer that a WAF web ACL association protects, correlated through property dependencies (preview) or
 * known IDs and ARNs (update); the resource policy leaves 443 to this correlation and still flags port 80.
 */
import { describe, expect, it } from "vitest";
import { awsEc2SecuritygroupDisallowPublicIngress } from "../../policy-packs/secure-ai/policies/aws/ec2-securitygroup-disallow-public-ingress";
import { awsEc2SecuritygroupRequireWafForPublicHttps as policy } from "../../policy-packs/secure-ai/policies/aws/ec2-securitygroup-require-waf-for-public-https";
import { UNKNOWN, runResourcePolicy, runStackPolicy, type Fixture } from "./gcp/harness";
import { duringUpdate } from "./passes";

const urn = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const SG = "aws:ec2/securityGroup:SecurityGroup";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const WAF = "aws:wafv2/webAclAssociation:WebAclAssociation";

const group: Fixture = {
  type: SG,
  name: "alb",
  props: {
    id: UNKNOWN,
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
  },
};
const loadBalancer: Fixture = {
  type: LB,
  name: "api",
  props: { arn: UNKNOWN, internal: false, securityGroups: [UNKNOWN] },
  propertyDependencies: { securityGroups: [urn(SG, "alb")] },
};
const association: Fixture = {
  type: WAF,
  name: "api-waf",
  props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN },
  propertyDependencies: { resourceArn: [urn(LB, "api")] },
};

describe("aws-ec2-securitygroup-require-waf-for-public-https", () => {
  it("passes public HTTPS on a WAF-protected load balancer (preview: correlated by dependencies)", async () => {
    expect((await runStackPolicy(policy, [group, loadBalancer, association])).violations).toEqual([]);
  });

  it("passes in the update pass, correlated by known IDs and ARNs", async () => {
    const known = [
      { ...group, props: { ...group.props, id: "sg-1" } },
      {
        ...loadBalancer,
        props: { ...loadBalancer.props, arn: "arn:lb", securityGroups: ["sg-1"] },
        propertyDependencies: {},
      },
      { ...association, props: { resourceArn: "arn:lb", webAclArn: "arn:waf" }, propertyDependencies: {} },
    ];
    expect((await runStackPolicy(policy, known)).violations).toEqual([]);
  });

  it("flags public HTTPS on a load balancer without a WAF association", async () => {
    const result = await runStackPolicy(policy, [group, loadBalancer]);
    expect(result.violations.join("\n")).toContain("which no aws.wafv2.WebAclAssociation protects");
  });

  it("flags public HTTPS on a security group no load balancer uses", async () => {
    const result = await runStackPolicy(policy, [group]);
    expect(result.violations.join("\n")).toContain("no load balancer in the stack uses its security group");
  });

  it("reads separate ingress rule resources", async () => {
    const rule: Fixture = {
      type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      name: "https",
      props: {
        securityGroupId: UNKNOWN,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
      },
      propertyDependencies: { securityGroupId: [urn(SG, "alb")] },
    };
    const bare = { ...group, props: { id: UNKNOWN } };
    expect((await runStackPolicy(policy, [bare, rule, loadBalancer, association])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [bare, rule, loadBalancer])).violations).toHaveLength(1);
  });

  it("a WAF association it cannot tie to any resource is unknown-inputs at preview (unverified, not satisfied)", async () => {
    const untied = { ...association, propertyDependencies: {} };
    const preview = await runStackPolicy(policy, [group, loadBalancer, untied]);
    expect(preview.violations).toEqual([]);
    expect(preview.notApplicable).toMatch(/^unknown-inputs: .*api-waf\.resourceArn/);
    const update = await duringUpdate(() => runStackPolicy(policy, [group, loadBalancer, untied]));
    expect(update.violations.join("\n")).toContain("resourceArn could not be read during the update");
  });

  it("a WAF association computed from another load balancer protects only that one", async () => {
    const other: Fixture = { type: LB, name: "other", props: { arn: UNKNOWN, internal: false } };
    const elsewhere = { ...association, propertyDependencies: { resourceArn: [urn(LB, "other")] } };
    const result = await runStackPolicy(policy, [group, loadBalancer, other, elsewhere]);
    expect(result.violations.join("\n")).toContain("which no aws.wafv2.WebAclAssociation protects");
  });

  it("security groups or a group ID it cannot tie to any resource are unknown-inputs, never a pass", async () => {
    const untiedLb = { ...loadBalancer, propertyDependencies: {} };
    const byLb = await runStackPolicy(policy, [group, untiedLb, association]);
    expect(byLb.violations).toEqual([]);
    expect(byLb.notApplicable).toMatch(/^unknown-inputs: .*api\.securityGroups/);
    const rule: Fixture = {
      type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      name: "https",
      props: {
        securityGroupId: UNKNOWN,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "0.0.0.0/0",
      },
    };
    const bare = { ...group, props: { id: UNKNOWN } };
    const byRule = await runStackPolicy(policy, [bare, rule, loadBalancer, association]);
    expect(byRule.violations).toEqual([]);
    expect(byRule.notApplicable).toMatch(/^unknown-inputs: .*https\.securityGroupId/);
  });

  it("leaves private HTTPS alone", async () => {
    const internal = {
      ...group,
      props: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }] },
    };
    expect((await runStackPolicy(policy, [internal])).violations).toEqual([]);
  });
});

describe("aws-ec2-securitygroup-disallow-public-ingress with the correlation", () => {
  it("no longer asks for configuration for public 443", async () => {
    expect((await runResourcePolicy(awsEc2SecuritygroupDisallowPublicIngress, group)).violations).toEqual([]);
  });

  it("still flags plain HTTP on port 80", async () => {
    const http = {
      ...group,
      props: { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }] },
    };
    expect(
      (await runResourcePolicy(awsEc2SecuritygroupDisallowPublicIngress, http)).violations.join("\n"),
    ).toContain("80");
  });
});
