import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { EnforcementLevel, PolicyInfo, Severity } from "../model";
import type { ReportData, ReportFinding, ReportStack } from "./report-data";
import { programLocation } from "./source-location";

/** URI of the SARIF 2.1.0 schema the log declares. */
export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** SARIF result levels used by the report. */
type SarifLevel = "error" | "warning" | "note" | "none";

/** Base ID of the program directory in `originalUriBaseIds`. */
const PROGRAM_ROOT = "PROGRAMROOT";

const LEVEL_BY_ENFORCEMENT: Record<EnforcementLevel, SarifLevel> = {
  mandatory: "error",
  remediate: "warning",
  advisory: "warning",
  disabled: "none",
};

/** GitHub code scanning reads `security-severity` (0.0 to 10.0) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  unspecified: "5.0",
};

interface RuleEntry {
  id: string;
  pack: string;
  policy: string;
  info?: PolicyInfo;
}

/**
 * Renders a SARIF 2.1.0 log: one run per stack; rules from every policy of every pack (description, help
 * text with the remediation steps, help URI, control tags, default level from the enforcement level);
 * results located at the line of the program that declares the resource (see `programLocation`; a stated
 * placeholder when none is known), the resource URN as a logical location, the other resources of a merged
 * finding as related locations, level `error` for mandatory and `warning` for advisory findings, and waived
 * findings as externally suppressed results.
 *
 * @param data - the report data.
 */
export function renderSarif(data: ReportData): string {
  const rules = collectRules(data);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: data.stacks.map((stack) => sarifRun(stack, rules, data)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function collectRules(data: ReportData): RuleEntry[] {
  const entries: RuleEntry[] = [];
  for (const pack of data.packs) {
    for (const policy of pack.policies) {
      entries.push({ id: policy.name, pack: pack.name, policy: policy.name, info: policy });
    }
  }
  for (const finding of data.stacks.flatMap((stack) => stack.findings)) {
    if (!entries.some((entry) => entry.pack === finding.policyPack && entry.policy === finding.policy)) {
      entries.push({ id: finding.policy, pack: finding.policyPack, policy: finding.policy });
    }
  }
  const duplicated = new Set(entries.map((entry) => entry.id).filter((id, index, ids) => ids.indexOf(id) !== index));
  return entries.map((entry) => (duplicated.has(entry.id) ? { ...entry, id: `${entry.pack}/${entry.policy}` } : entry));
}

function sarifRun(stack: ReportStack, rules: RuleEntry[], data: ReportData): Record<string, unknown> {
  return {
    tool: {
      driver: {
        name: data.tool.name,
        version: data.tool.version,
        semanticVersion: data.tool.version,
        informationUri: data.tool.informationUri,
        rules: rules.map((rule) => sarifRule(rule, data)),
      },
    },
    automationDetails: { id: `secure-ai-check/${stack.stack}/` },
    originalUriBaseIds: {
      [PROGRAM_ROOT]: {
        uri: pathToFileURL(`${data.programDir.replace(/[\\/]+$/, "")}/`).href,
        description: { text: "The Pulumi program that was checked." },
      },
    },
    results: stack.findings.map((finding) => sarifResult(finding, stack, rules, data.programDir)),
    properties: { stack: stack.stack, project: stack.project, mandatoryViolations: stack.mandatoryViolations },
  };
}

function sarifRule(rule: RuleEntry, data: ReportData): Record<string, unknown> {
  const info = rule.info;
  const controls = info?.controls ?? [];
  const remediation =
    info?.remediationSteps ??
    controls
      .map((id) => data.catalog.find((control) => control.id === id)?.remediation)
      .filter((text): text is string => text !== undefined)
      .join(" ");
  const description = sentence(info?.description || `Policy ${rule.policy} of the ${rule.pack} policy pack`);
  const helpText = remediation ? `${description} Remediation: ${sentence(remediation)}` : description;
  return {
    id: rule.id,
    name: pascalCase(rule.policy),
    shortDescription: { text: sentence(info?.displayName || info?.description || rule.policy) },
    fullDescription: { text: description },
    help: { text: helpText },
    ...(info?.url && isAbsoluteUri(info.url) ? { helpUri: info.url } : {}),
    defaultConfiguration: { level: LEVEL_BY_ENFORCEMENT[info?.enforcementLevel ?? "advisory"] },
    properties: {
      tags: ["security", ...controls],
      policyPack: rule.pack,
      severity: info?.severity ?? "unspecified",
      "security-severity": SECURITY_SEVERITY[info?.severity ?? "unspecified"],
      ...(info?.framework ? { framework: info.framework } : {}),
    },
  };
}

function sarifResult(
  finding: ReportFinding,
  stack: ReportStack,
  rules: RuleEntry[],
  programDir: string,
): Record<string, unknown> {
  const ruleIndex = rules.findIndex((rule) => rule.pack === finding.policyPack && rule.policy === finding.policy);
  const resource = stack.resources.find((entry) => entry.urn === finding.urn);
  const related = finding.related.flatMap((urn, index) => {
    const location = programLocation(stack, urn, programDir);
    return location === undefined
      ? []
      : [{ id: index + 1, ...physicalLocation(location), message: { text: `Also about ${urn}.` } }];
  });
  return {
    ruleId: rules[ruleIndex]?.id ?? finding.policy,
    ruleIndex,
    level: LEVEL_BY_ENFORCEMENT[finding.enforcementLevel],
    message: { text: sentence(finding.message || `Violation of ${finding.policy}`) },
    locations: [
      {
        ...resultLocation(finding, stack, programDir),
        logicalLocations: [
          {
            fullyQualifiedName: finding.urn,
            name: resource?.name ?? finding.urn.split("::").pop() ?? finding.urn,
            kind: "resource",
          },
        ],
      },
    ],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: {
      "secureAiFinding/v1": createHash("sha256").update(`${finding.policyPack}\n${finding.policy}\n${finding.urn}`).digest("hex"),
    },
    ...(finding.waived
      ? { suppressions: [{ kind: "external", status: "accepted", justification: finding.waiver?.reason ?? "Waived in the policy configuration." }] }
      : {}),
    properties: {
      stack: stack.stack,
      controls: finding.controls,
      policies: finding.policies,
      severity: finding.severity,
      enforcementLevel: finding.enforcementLevel,
      ...(resource ? { resourceType: resource.type } : {}),
      ...(finding.related.length > 0 ? { relatedResources: finding.related } : {}),
    },
  };
}

/**
 * The physical location of a result: the line of the program that declares the resource (or the ancestor
 * the program declared, for a resource a library created). When the SDK reported no position in the
 * program, the result points at `Pulumi.yaml` and its location message says plainly that the declaration is
 * unknown (code scanning needs a file to show a result at all).
 */
function resultLocation(finding: ReportFinding, stack: ReportStack, programDir: string): Record<string, unknown> {
  const location = programLocation(stack, finding.urn, programDir);
  if (location !== undefined) {
    return {
      ...physicalLocation(location),
      ...(location.declaredBy !== finding.urn
        ? { message: { text: `Declared inside ${location.declaredBy}, which the program creates here.` } }
        : {}),
    };
  }
  const why =
    finding.urn === stack.stackUrn
      ? "The finding is about the whole stack, not one resource, so no line of the program declares it."
      : "Where the program declares this resource is unknown: the Pulumi SDK reported no source position in the program.";
  // GitHub code scanning requires a start line; line 1 of the project file is a placeholder, and says so.
  return {
    physicalLocation: { artifactLocation: { uri: "Pulumi.yaml", uriBaseId: PROGRAM_ROOT }, region: { startLine: 1 } },
    message: { text: `${why} Pulumi.yaml line 1 stands in for it; it is not the declaration.` },
  };
}

function physicalLocation(location: { file: string; line: number; column: number }): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(location.file), uriBaseId: PROGRAM_ROOT },
      region: { startLine: location.line, startColumn: location.column },
    },
  };
}

/** Text ending in a period, as SARIF messages should. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part[0]?.toUpperCase() ?? ""}${part.slice(1)}`)
    .join("");
}

function isAbsoluteUri(text: string): boolean {
  try {
    return new URL(text).protocol.length > 0;
  } catch {
    return false;
  }
}
