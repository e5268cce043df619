import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as awsGuardrails from "../../components/guardrails/aws";
import * as gcpGuardrails from "../../components/guardrails/gcp";
import * as azureGuardrails from "../../components/guardrails/azure";
import type { ControlId } from "../../components/controls";
import { ORGANISATION_GUARDRAILS } from "../../components/controls/catalog-guardrails";
import {
  controlsEnforcedBy,
  type GuardrailCloud,
  guardrailsEnforcing,
} from "../../components/guardrails/enforced-controls";
import {
  type BuiltGuardrails,
  buildGuardrails,
  installGuardrailsMocks,
  linkGuardrailsBuilder,
} from "./mocks";
import {
  catalogPairs,
  citedResources,
  createdGuardrailIds,
  evidencePairs,
  guardrailIdsOf,
} from "./guardrail-ids";

/*
 * The catalog lists which guardrail enforces which control (CloudImplementation.guardrails); the builders read
 * that list to choose what each control's evidence cites. These tests build every cloud with every optional
 * guardrail switched on and check that what was registered and cited is exactly what the catalog says.
 */

/** Enough long break-glass ARNs and Regions that the statements spread over three SCPs. */
const SPREAD_AWS = {
  targetIds: ["ou-ab12-cd34ef56"],
  breakGlassRoleArns: Array.from(
    { length: 20 },
    (_, i) => `arn:aws:iam::*:role/secure-ai-break-glass-operations-team-${String(i).padStart(2, "0")}`,
  ),
  allowedRegions: ["eu-west-1", "eu-central-1"],
};

const built = {} as Record<GuardrailCloud, BuiltGuardrails>;
let awsSingle: BuiltGuardrails;

beforeAll(async () => {
  linkGuardrailsBuilder("aws", awsGuardrails);
  linkGuardrailsBuilder("gcp", gcpGuardrails);
  linkGuardrailsBuilder("azure", azureGuardrails);
  await installGuardrailsMocks();
  built.aws = await buildGuardrails("spread", { cloud: "aws", aws: SPREAD_AWS });
  awsSingle = await buildGuardrails("single", {
    cloud: "aws",
    aws: {
      targetIds: ["ou-ab12-cd34ef56"],
      breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"],
      allowedRegions: ["eu-west-1"],
    },
  });
  built.gcp = await buildGuardrails("org", {
    cloud: "gcp",
    gcp: {
      parent: "folders/345678901234",
      organization: "organizations/123456789012",
      cmekProjects: ["acme-kms-prod"],
    },
  });
  built.azure = await buildGuardrails("org", {
    cloud: "azure",
    azure: { scope: "/providers/Microsoft.Management/managementGroups/acme-prod" },
  });
});

const CLOUDS = ["aws", "gcp", "azure"] as const;

describe.each(CLOUDS)("guardrails on %s against the catalog", (cloud) => {
  it("creates exactly the guardrails the catalog lists, each under at least one control", () => {
    const listed = new Set(catalogPairs(cloud).map((pair) => pair.split(" ")[1]));
    expect([...listed].sort()).toEqual([...ORGANISATION_GUARDRAILS[cloud]].sort());
    expect(createdGuardrailIds(built[cloud]).sort()).toEqual([...listed].sort());
  });

  it("cites, for every control, exactly the resources that carry its catalog guardrails", () => {
    for (const evidence of built[cloud].controls) {
      const listed = guardrailsEnforcing(evidence.id as ControlId, cloud);
      const expected = built[cloud].resources
        .filter((resource) => guardrailIdsOf(resource).some((id) => listed.includes(id)))
        .map((resource) => resource.name)
        .sort();
      const cited = citedResources(built[cloud], evidence)
        .filter((resource) => guardrailIdsOf(resource).length > 0)
        .map((resource) => resource.name)
        .sort();
      expect(cited, `${cloud} ${evidence.id}`).toEqual(expected);
      if (listed.length === 0) expect(evidence.status, `${cloud} ${evidence.id}`).toBe("not-applicable");
      else expect(["implemented", "gap"], `${cloud} ${evidence.id}`).toContain(evidence.status);
    }
  });

  it("lists SAI-IAM-05 first among the controls of every guardrail", () => {
    for (const id of ORGANISATION_GUARDRAILS[cloud]) {
      const controls = controlsEnforcedBy(cloud, id);
      expect(controls[0], `${cloud} ${id}`).toBe("SAI-IAM-05");
      expect(controls, `${cloud} ${id}`).toContain("SAI-GOV-03");
    }
  });
});

describe("the pairs read back from the evidence", () => {
  it("equal the catalog's on GCP and Azure, where one resource is one guardrail", () => {
    expect(evidencePairs(built.gcp)).toEqual(catalogPairs("gcp"));
    expect(evidencePairs(built.azure)).toEqual(catalogPairs("azure"));
  });

  it("cover the catalog's on AWS, where an SCP holds several statements", () => {
    const scps = built.aws.ofType("aws:organizations/policy:Policy").map(guardrailIdsOf);
    expect(scps.length, "the spread fixture must split the statements").toBe(3);
    const pairs = evidencePairs(built.aws);
    for (const pair of catalogPairs("aws")) expect(pairs).toContain(pair);
    // One SCP holds the audit-service statements only: a control cites it only if the catalog says so.
    expect(scps[0]).toEqual(["ProtectCloudTrail", "ProtectGuardDuty", "ProtectSecurityHub"]);
    expect(pairs.filter((pair) => pair.startsWith("SAI-ENC-01 "))).not.toContain(
      "SAI-ENC-01 ProtectCloudTrail",
    );
    expect(pairs).toContain("SAI-LOG-01 ProtectCloudTrail");
  });

  it("match in one SCP too, when everything fits in one document", () => {
    expect(awsSingle.ofType("aws:organizations/policy:Policy")).toHaveLength(1);
    expect(createdGuardrailIds(awsSingle).sort()).toEqual([...ORGANISATION_GUARDRAILS.aws].sort());
  });
});

/** The cells of each body row of the first table under a heading of the guardrails README. */
function readmeTableRows(heading: string): string[][] {
  const readme = readFileSync(path.resolve(__dirname, "../../components/guardrails/README.md"), "utf8");
  const start = readme.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = readme.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe("the guardrails README tables", () => {
  it.each([
    ["aws", "### AWS: service control policies", 0],
    ["gcp", "### GCP: organization policies", 0],
    ["azure", "### Azure: built-in policy assignments", 1],
  ] as const)(
    "name the catalog's controls for every %s guardrail, SAI-IAM-05 first",
    (cloud, heading, idCell) => {
      const known = new Set(ORGANISATION_GUARDRAILS[cloud]);
      const seen: string[] = [];
      for (const cells of readmeTableRows(heading)) {
        const ids = [...(cells[idCell] ?? "").matchAll(/`([^`]+)`/g)]
          .map((match) => match[1] ?? "")
          .filter((id) => known.has(id));
        expect(ids.length, `${cloud} row ${cells[0]}`).toBeGreaterThan(0);
        const controls = [...(cells[cells.length - 1] ?? "").matchAll(/SAI-[A-Z]+-\d{2}/g)].map((m) => m[0]);
        for (const id of ids) expect(controls, `${cloud} ${id}`).toEqual(controlsEnforcedBy(cloud, id));
        seen.push(...ids);
      }
      expect(seen.sort()).toEqual([...ORGANISATION_GUARDRAILS[cloud]].sort());
    },
  );
});
