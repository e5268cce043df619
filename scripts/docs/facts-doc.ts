/**
 * The "resource facts" section of docs/policies.md, from the fact tables themselves: per cloud, one line per
 * fact (resource type, the policy it belongs to, the property, the secure value, what the provider assumes
 * when it is absent, since which provider version the property exists, the cloud's documentation).
 */
import { AWS_FACTS } from "../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS } from "../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS } from "../../policy-packs/secure-ai/policies/gcp/facts";
import {
  absentText,
  expectedText,
  factPolicyName,
  type ResourceFacts,
} from "../../policy-packs/secure-ai/policies/lib/facts";
import type { PolicyCloud } from "../../policy-packs/secure-ai/policies/lib/naming";
import { table } from "./markdown";

/** The fact tables by cloud, in the order the docs list them. */
export const FACT_TABLES: readonly { cloud: PolicyCloud; title: string; rows: readonly ResourceFacts[] }[] = [
  { cloud: "aws", title: "AWS (@pulumi/aws 7)", rows: AWS_FACTS },
  { cloud: "gcp", title: "GCP (@pulumi/gcp 9)", rows: GCP_FACTS },
  { cloud: "azure", title: "Azure (@pulumi/azure-native 3)", rows: AZURE_FACTS },
];

/** A row's tokens: `type`, `alsoTypes`, then each previous major's token with the major that declares it. */
function typesText(row: ResourceFacts): string {
  return [
    ...[row.type, ...(row.alsoTypes ?? [])].map((type) => `\`${type}\``),
    ...Object.entries(row.previousTypes ?? {}).map(([type, sdk]) => `\`${type}\` (${sdk})`),
  ].join(", ");
}

/** One table per cloud of every fact. */
export function renderFactsDoc(tables: typeof FACT_TABLES = FACT_TABLES): string {
  const sections = tables.map(({ cloud, title, rows }) => {
    const lines = rows.flatMap((row) =>
      row.groups.flatMap((group) =>
        group.facts.map((fact) => [
          typesText(row),
          `\`${factPolicyName(cloud, row, group)}\``,
          `\`${fact.path}\`${fact.when === undefined ? "" : ` (when \`${fact.when.path}\` ${fact.when.present === undefined ? `is ${(fact.when.in ?? []).join(" or ")}` : fact.when.present ? "is set" : "is absent"})`}`,
          expectedText(fact.expect),
          absentText(fact.expect) ?? "",
          fact.since ?? "",
          `[docs](${fact.doc})`,
        ]),
      ),
    );
    return [
      `### ${title}: ${rows.length} resource types, ${lines.length} facts`,
      table(["Type", "Policy", "Property", "Secure value", "When absent", "Since", "Source"], lines),
    ].join("\n\n");
  });
  return [
    "## Resource facts",
    "The resource policies above whose names end in a concern (`require-cmk`, `require-tls`, " +
      "`disallow-public-access`, `disallow-local-auth`, `require-logging`, `require-deletion-protection`, ...) " +
      "are built from these tables (`policy-packs/secure-ai/policies/<cloud>/facts/`): one row per resource " +
      "type, one policy per row and concern. A value unknown during preview is no violation but an " +
      '`unknown-inputs` signal; in the update pass every value must be known. "When absent" is what the ' +
      'provider assumes when the property is not set; "Since" names the provider version that added a ' +
      "property where it is newer than the SDK major the pack supports; a type followed by a major is that " +
      "older major's token for the resource, examined too.",
    ...sections,
  ].join("\n\n");
}
