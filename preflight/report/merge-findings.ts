import type { WaivableFinding } from "../evidence/pack-waivers";
import type { EnforcementLevel, Pass, PolicyInfo, Severity } from "../model";
import type { ReportFinding } from "./report-data";

/** What {@link mergeFindings} needs to know about a resource. */
export interface MergeResource {
  urn: string;
  type: string;
  /** URNs the resource's inputs came from. */
  dependencies: readonly string[];
}

/** Order of enforcement levels, strictest first. */
const LEVEL_RANK: Record<EnforcementLevel, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };
/** Order of severities, highest first. */
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, unspecified: 4 };

/**
 * Merges the findings of one stack into one finding per resource and problem, in two steps, and never across
 * a waived and an unwaived finding:
 *
 * 1. The same policy of the same pack on the same resource: one finding whose `details` hold each thing the
 *    policy said (a policy that checks four flags reports four messages about one setting).
 * 2. A policy about a resource R whose description names the type of a resource S that is built from R
 *    (S's inputs depend on R), and a policy of the same pack about S, sharing a control: one finding on R
 *    with S in `related`. Both policies judged the same resource S for the same control (the bucket's
 *    "has a public access block with all four flags" and the block's own "all four flags are true").
 *
 * A merged finding keeps every policy (`policies`, the one in `policy` first), the union of their control IDs,
 * every detail, the strictest enforcement level and the highest severity: a mandatory finding is never
 * hidden under an advisory one. `policy` is the strictest policy; on a tie, the one about R.
 *
 * @param findings - the stack's findings (waivers already read), stack-level ones with the stack's URN.
 * @param resources - the stack's resources.
 * @param policies - every policy of every pack that ran (for their descriptions).
 */
export function mergeFindings(
  findings: readonly (WaivableFinding & { urn: string })[],
  resources: readonly MergeResource[],
  policies: readonly PolicyInfo[],
): ReportFinding[] {
  const descriptions = new Map(policies.map((policy) => [policy.name, policy.description.trim()]));
  const samePolicy = new Map<string, ReportFinding>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.policyPack, finding.policy, finding.urn, finding.waived === true]);
    const detail = detailOf(finding.message, descriptions.get(finding.policy));
    const existing = samePolicy.get(key);
    if (existing === undefined) {
      samePolicy.set(key, { ...finding, policies: [finding.policy], details: [detail], related: [] });
    } else {
      samePolicy.set(key, combine(existing, { ...finding, policies: [finding.policy], details: [detail], related: [] }));
    }
  }
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const merged = [...samePolicy.values()];
  const absorbed = new Set<ReportFinding>();
  for (const satellite of merged) {
    const resource = byUrn.get(satellite.urn);
    if (resource === undefined || absorbed.has(satellite)) {
      continue;
    }
    const typeName = resource.type.split(":").pop() ?? "";
    const owner = merged.find(
      (candidate) =>
        candidate !== satellite &&
        !absorbed.has(candidate) &&
        candidate.policyPack === satellite.policyPack &&
        candidate.waived === satellite.waived &&
        resource.dependencies.includes(candidate.urn) &&
        candidate.controls.some((control) => satellite.controls.includes(control)) &&
        typeName.length > 0 &&
        candidate.policies.some((name) => namesType(descriptions.get(name), typeName)),
    );
    if (owner !== undefined) {
      merged[merged.indexOf(owner)] = combine(owner, satellite);
      absorbed.add(satellite);
    }
  }
  return merged.filter((finding) => !absorbed.has(finding));
}

/** One finding out of two about the same problem: `a` is the one whose resource the result is about. */
function combine(a: ReportFinding, b: ReportFinding): ReportFinding {
  const lead = LEVEL_RANK[b.enforcementLevel] < LEVEL_RANK[a.enforcementLevel] ? b : a;
  const policies = [...new Set([lead.policy, ...a.policies, ...b.policies])];
  const details = [...new Set([...a.details, ...b.details])];
  const related = [...new Set([...a.related, ...b.related, ...(b.urn !== a.urn ? [b.urn] : [])])].filter(
    (urn) => urn !== a.urn,
  );
  const passes = mergePasses(a.passes, b.passes);
  return {
    ...a,
    policy: lead.policy,
    policies,
    controls: [...new Set([...a.controls, ...b.controls])],
    enforcementLevel: lead.enforcementLevel,
    severity: SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b.severity : a.severity,
    message: joinMessage(a.message, b.message),
    details,
    related,
    ...(passes !== undefined ? { passes } : {}),
  };
}

function mergePasses(a: Pass[] | undefined, b: Pass[] | undefined): Pass[] | undefined {
  if (a === undefined && b === undefined) {
    return undefined;
  }
  const order: Pass[] = ["preview", "update"];
  const all = new Set([...(a ?? ["preview"]), ...(b ?? ["preview"])]);
  return order.filter((pass) => all.has(pass));
}

/** Both messages, the second without a first line (the policy's description) the first already has. */
function joinMessage(first: string, second: string): string {
  const lines = new Set(first.split("\n"));
  const extra = second.split("\n").filter((line) => !lines.has(line));
  return extra.length === 0 ? first : `${first}\n${extra.join("\n")}`;
}

/** The message without the policy's description, which the secure-ai pack puts on its first line. */
export function detailOf(message: string, description: string | undefined): string {
  const newline = message.indexOf("\n");
  if (description !== undefined && newline >= 0 && message.slice(0, newline).trim() === description) {
    return message.slice(newline + 1).trim();
  }
  return message.trim();
}

/** Whether a description names a resource type by its class name (`BucketPublicAccessBlock`) as a word. */
function namesType(description: string | undefined, typeName: string): boolean {
  return description !== undefined && new RegExp(`(^|[^A-Za-z0-9])${typeName}([^A-Za-z0-9]|$)`).test(description);
}
