import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONTROL_DOMAINS,
  CONTROL_IDS,
  FRAMEWORK_IDS,
  controlCatalog,
  controlsByDomain,
  getControl,
  isControlId,
  type ControlDomain,
  type FrameworkId,
} from "../../components/controls";
import { ORGANISATION_GUARDRAILS } from "../../components/controls/catalog-guardrails";
import { guardrailStatements } from "../../components/guardrails/aws-scp-documents";
import {
  KMS_ROTATION_CONSTRAINT,
  KNOWN_AZURE_DEFINITIONS,
  KNOWN_GCP_CONSTRAINTS,
} from "../../components/guardrails/known-ids";
import { resolveGuardrails } from "../../components/guardrails/resolve";

const repoRoot = path.resolve(__dirname, "../..");
const sharedControlsFile = path.resolve(repoRoot, "../shared/controls.md");
const snapshotFile = path.resolve(__dirname, "controls-ids.snapshot.txt");
const hasShared = existsSync(sharedControlsFile);

interface TableRow {
  id: string;
  title: string;
  seed: string;
}

/** Reads the control rows (`| SAI-XXX-NN | title | seed |`) of the markdown table in controls.md. */
function parseControlsTable(markdown: string): TableRow[] {
  const rows: TableRow[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^\|\s*(SAI-[A-Z]+-\d{2})\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (match) rows.push({ id: match[1], title: match[2], seed: match[3] });
  }
  return rows;
}

/** Reads the committed `ID<TAB>title` snapshot. */
function readSnapshot(): { id: string; title: string }[] {
  return readFileSync(snapshotFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id, title, ...rest] = line.split("\t");
      expect(rest, `snapshot line has more than two fields: ${line}`).toEqual([]);
      return { id, title };
    });
}

const FORMATS: Readonly<Record<FrameworkId, RegExp>> = {
  soc2: /^CC\d+\.\d+$/,
  iso27001: /^A\.\d+\.\d+$/,
  hipaa: /^164\.3\d\d(\([a-zA-Z0-9]+\))+$/,
  gdpr: /^Art\. \d+(\(\d\)(\([a-z]\))?)?$/,
  nist80053: /^[A-Z]{2}-\d+(\(\d+\))?$/,
  // SAIF risks and controls and the Scoping Matrix are named by their published titles (closed vocabularies,
  // checked in ai-frameworks.test.ts); the others have identifier shapes.
  saif: /^[A-Z][A-Za-z-]*( [A-Za-z-]+)*$/,
  scopingMatrix:
    /^(Scope [1-5]|Governance & compliance|Legal & privacy|Risk management|Controls|Resilience)$/,
  owaspLlm: /^LLM(0[1-9]|10):2025$/,
  nistAi600: /^((GV|MP|MS|MG)-\d\.\d{1,2}-\d{3}|[A-Z][A-Za-z-]*(,? [A-Za-z/-]+)*)$/,
  iso42001: /^A\.\d{1,2}\.\d+(\.\d+)?$/,
  mitreAtlas: /^AML\.(T\d{4}(\.\d{3})?|M\d{4})$/,
};

const CIS_FORMAT = /^CIS (AWS|GCP|Azure) Foundations \d+\.\d+\.\d+ \d+(\.\d+)*$/;

const DOMAIN_BY_PREFIX: Readonly<Record<string, ControlDomain>> = {
  ENC: "encryption",
  TLS: "transport",
  NET: "network",
  IAM: "identity",
  LOG: "logging",
  DET: "detection",
  IR: "response",
  MOD: "model",
  GOV: "governance",
  RES: "resilience",
};

describe("controls catalog: IDs and titles", () => {
  it("has every ID exactly once, in CONTROL_IDS order", () => {
    const ids = controlCatalog.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...CONTROL_IDS]);
  });

  it("matches the committed ID/title snapshot, in order", () => {
    const snapshot = readSnapshot();
    expect(snapshot.map((r) => r.id)).toEqual([...CONTROL_IDS]);
    for (const row of snapshot) expect(getControl(row.id).title, row.id).toBe(row.title);
  });

  it.skipIf(!hasShared)("snapshot equals the table in ../shared/controls.md", () => {
    const table = parseControlsTable(readFileSync(sharedControlsFile, "utf8"));
    expect(table.map((r) => `${r.id}\t${r.title}`)).toEqual(readSnapshot().map((r) => `${r.id}\t${r.title}`));
  });

  it.skipIf(!hasShared)("seed sections equal the Seed column of ../shared/controls.md", () => {
    const table = parseControlsTable(readFileSync(sharedControlsFile, "utf8"));
    for (const row of table) expect(getControl(row.id).seedSection, row.id).toBe(row.seed);
  });
});

describe("controls catalog: content", () => {
  it.each(controlCatalog.map((c) => [c.id, c] as const))("%s is well formed", (id, control) => {
    expect(control.title.trim()).not.toBe("");
    expect(control.seedSection.trim()).not.toBe("");
    expect(control.remediation.trim()).not.toBe("");
    expect(control.domain).toBe(DOMAIN_BY_PREFIX[id.split("-")[1]]);

    const clauses = FRAMEWORK_IDS.flatMap((fw) => control.frameworks[fw]);
    expect(clauses.length, `${id} maps to no framework clause`).toBeGreaterThan(0);
    for (const fw of FRAMEWORK_IDS) {
      const list = control.frameworks[fw];
      expect(new Set(list).size, `${id} ${fw} has duplicates`).toBe(list.length);
      for (const clause of list) expect(clause, `${id} ${fw}`).toMatch(FORMATS[fw]);
    }
    for (const cis of control.cis) expect(cis, id).toMatch(CIS_FORMAT);

    for (const cloud of ["aws", "gcp", "azure"] as const) {
      const impl = control.clouds[cloud];
      expect(impl.implementation.trim(), `${id} ${cloud}`).not.toBe("");
      if (impl.limitation !== undefined) expect(impl.limitation.trim(), `${id} ${cloud}`).not.toBe("");
      if (impl.limitationCondition !== undefined) {
        expect(impl.limitation, `${id} ${cloud}: condition without limitation`).toBeDefined();
        expect(impl.limitationCondition.trim()).not.toBe("");
      }
    }

    if (control.checkableAtDeploy) {
      expect(control.notCheckableReason, `${id}: reason on a checkable control`).toBeUndefined();
    } else {
      expect(control.notCheckableReason?.trim() ?? "", `${id}: not checkable without reason`).not.toBe("");
    }
  });

  it("reports the known cloud limits as unconditional gaps", () => {
    expect(getControl("SAI-TLS-02").clouds.azure.limitation).toMatch(/TLS1_3|TLS 1\.3/);
    expect(getControl("SAI-TLS-02").clouds.azure.limitationCondition).toBeUndefined();
    expect(getControl("SAI-IAM-05").clouds.aws.limitation).toBeDefined();
    expect(getControl("SAI-IAM-05").clouds.gcp.limitation).toBeDefined();
    expect(getControl("SAI-IAM-05").clouds.azure.limitation).toBeDefined();
    expect(getControl("SAI-IAM-04").clouds.gcp.limitationCondition).toBeUndefined();
    expect(getControl("SAI-IAM-04").clouds.azure.limitationCondition).toBeUndefined();
    expect(getControl("SAI-MOD-03").clouds.gcp.limitation).toMatch(/generateContent/);
    expect(getControl("SAI-MOD-03").clouds.gcp.limitationCondition).toBeUndefined();
    expect(getControl("SAI-MOD-03").clouds.azure.limitation).toMatch(/PII filter/);
    expect(getControl("SAI-MOD-03").clouds.azure.limitationCondition).toBeUndefined();
  });

  it("reports the conditional limits with their condition", () => {
    expect(getControl("SAI-ENC-03").clouds.aws.limitation).toMatch(/custom key store/);
    expect(getControl("SAI-ENC-03").clouds.aws.limitationCondition).toBeDefined();
    expect(getControl("SAI-DET-01").clouds.gcp.limitation).toMatch(/Security Command Center/);
    expect(getControl("SAI-DET-01").clouds.gcp.limitationCondition).toBeDefined();
    expect(getControl("SAI-MOD-03").clouds.aws.limitation).toMatch(/ApplyGuardrail/);
    expect(getControl("SAI-MOD-03").clouds.aws.limitationCondition).toMatch(/SageMaker/);
  });
});

describe("controls catalog: lookups", () => {
  it("getControl returns the catalog entry and throws on unknown IDs", () => {
    for (const control of controlCatalog) expect(getControl(control.id)).toBe(control);
    expect(() => getControl("SAI-ENC-99")).toThrow(RangeError);
    expect(() => getControl("")).toThrow(/unknown control ID ""/);
    expect(isControlId("SAI-ENC-99")).toBe(false);
  });

  it("controlsByDomain lists every domain and partitions the catalog in order", () => {
    const groups = controlsByDomain();
    expect(Object.keys(groups).sort()).toEqual([...CONTROL_DOMAINS].sort());
    const flattened = CONTROL_DOMAINS.flatMap((d) => groups[d]);
    expect(flattened.map((c) => c.id).sort()).toEqual([...CONTROL_IDS].sort());
    for (const d of CONTROL_DOMAINS) {
      expect(groups[d].length, `${d} is empty`).toBeGreaterThan(0);
      for (const c of groups[d]) expect(c.domain).toBe(d);
      const positions = groups[d].map((c) => CONTROL_IDS.indexOf(c.id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it("the catalog cannot be mutated by consumers", () => {
    expect(Object.isFrozen(controlCatalog)).toBe(true);
    const first = controlCatalog[0];
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.frameworks.soc2)).toBe(true);
    expect(Object.isFrozen(first.clouds.aws)).toBe(true);
    expect(() => {
      (first as { title: string }).title = "changed";
    }).toThrow(TypeError);
  });
});

/** Every identifier the guardrails module can create, per cloud (all optional guardrails switched on). */
function knownGuardrailIds(): Record<"aws" | "gcp" | "azure", ReadonlySet<string>> {
  const spec = resolveGuardrails({
    cloud: "aws",
    aws: {
      targetIds: ["ou-ab12-cd34ef56"],
      breakGlassRoleArns: ["arn:aws:iam::*:role/BreakGlass"],
      denyKeyDeletion: true,
      allowedRegions: ["eu-west-1"],
    },
  });
  if (!spec.aws) throw new Error("the AWS guardrails did not resolve");
  return {
    aws: new Set(guardrailStatements(spec.aws).map((statement) => statement.Sid)),
    gcp: new Set([
      ...KNOWN_GCP_CONSTRAINTS.map((constraint) => constraint.name),
      KMS_ROTATION_CONSTRAINT.name,
    ]),
    azure: new Set(Object.values(KNOWN_AZURE_DEFINITIONS).map((definition) => definition.guid)),
  };
}

/** The entries of a `guardrails` list that the guardrails module does not know, and its duplicates. */
function unknownGuardrails(known: ReadonlySet<string>, listed: readonly string[]): string[] {
  return listed.filter((id, index) => !known.has(id) || listed.indexOf(id) !== index);
}

describe("controls catalog: organisation guardrails", () => {
  const known = knownGuardrailIds();

  it.each(controlCatalog.map((c) => [c.id, c] as const))("%s names only known guardrails", (id, control) => {
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      expect(
        unknownGuardrails(known[cloud], control.clouds[cloud].guardrails ?? []),
        `${id} ${cloud}`,
      ).toEqual([]);
    }
  });

  it("rejects a misspelt or repeated identifier", () => {
    expect(unknownGuardrails(known.aws, ["ProtectCloudtrail"])).toEqual(["ProtectCloudtrail"]);
    expect(unknownGuardrails(known.gcp, ["constraints/gcp.restrictTLSVersion"])).toEqual([
      "constraints/gcp.restrictTLSVersion",
    ]);
    expect(
      unknownGuardrails(known.azure, ["Azure Key Vault should disable public network access"]),
    ).toHaveLength(1);
    expect(unknownGuardrails(known.aws, ["ProtectKmsKeys", "ProtectKmsKeys"])).toEqual(["ProtectKmsKeys"]);
  });

  it("lists every guardrail the module knows, all of them under SAI-IAM-05 and SAI-GOV-03", () => {
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      expect([...ORGANISATION_GUARDRAILS[cloud]].sort(), cloud).toEqual([...known[cloud]].sort());
      expect(getControl("SAI-IAM-05").clouds[cloud].guardrails, cloud).toEqual(
        ORGANISATION_GUARDRAILS[cloud],
      );
      expect(getControl("SAI-GOV-03").clouds[cloud].guardrails, cloud).toEqual(
        ORGANISATION_GUARDRAILS[cloud],
      );
    }
  });

  it("names the Azure definitions by GUID and the GCP constraints without the constraints/ prefix", () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const control of controlCatalog) {
      for (const id of control.clouds.azure.guardrails ?? []) expect(id, control.id).toMatch(guid);
      for (const id of control.clouds.gcp.guardrails ?? [])
        expect(id, control.id).not.toMatch(/^constraints\//);
    }
  });
});
