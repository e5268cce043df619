/**
 * Generates the control matrix from the controls catalog: the full docs/controls.md (status per cloud, the
 * implementation and limitation texts, framework clauses) and the compact matrix in README.md.
 */
import type { CloudImplementation, ControlDefinition } from "../../components/controls";
import { AI_FRAMEWORK_IDS, FRAMEWORK_IDS, FRAMEWORK_NAMES } from "../../components/controls";
import {
  AI_FRAMEWORK_SOURCES,
  AI_VOCABULARY,
  SAIF_CONTROLS,
  SAIF_RISKS,
} from "../../components/controls/ai-vocabulary";
import { generatedBanner, table } from "./markdown";

/** The clouds, in matrix column order. */
export const CLOUDS = ["aws", "gcp", "azure"] as const;
const CLOUD_LABELS: Readonly<Record<(typeof CLOUDS)[number], string>> = {
  aws: "AWS",
  gcp: "GCP",
  azure: "Azure",
};

/**
 * How a control stands on one cloud: `yes` when the component implements it fully, `yes, unless …` when a
 * limitation applies only under a condition, `gap` when the cloud cannot meet it.
 */
export function cloudStatus(implementation: CloudImplementation): string {
  if (implementation.limitation === undefined) return "yes";
  if (implementation.limitationCondition !== undefined) return "yes, with a limit";
  return "gap";
}

/** The compliance frameworks (the matrix column); the generative-AI frameworks are in each control's section. */
const COMPLIANCE_FRAMEWORKS = FRAMEWORK_IDS.filter(
  (framework) => !AI_FRAMEWORK_IDS.includes(framework as never),
);

/** Clauses joined for reading: "; " when a clause itself contains a comma (NIST AI 600-1 risk names). */
function joinClauses(clauses: readonly string[]): string {
  return clauses.join(clauses.some((clause) => clause.includes(",")) ? "; " : ", ");
}

function frameworkSummary(control: ControlDefinition): string {
  return COMPLIANCE_FRAMEWORKS.filter((framework) => control.frameworks[framework].length > 0)
    .map((framework) => `${framework} ${control.frameworks[framework].join(", ")}`)
    .join("; ");
}

function cloudSection(control: ControlDefinition, cloud: (typeof CLOUDS)[number]): string {
  const implementation = control.clouds[cloud];
  const lines = [
    `- **${CLOUD_LABELS[cloud]}** (${cloudStatus(implementation)}): ${implementation.implementation}`,
  ];
  if (implementation.limitation !== undefined) {
    const when =
      implementation.limitationCondition === undefined ? "" : ` (when ${implementation.limitationCondition})`;
    lines.push(`  - Limitation${when}: ${implementation.limitation}`);
  }
  return lines.join("\n");
}

function controlSection(control: ControlDefinition): string {
  const frameworks = FRAMEWORK_IDS.map(
    (framework) =>
      `- ${FRAMEWORK_NAMES[framework]}: ${control.frameworks[framework].length > 0 ? joinClauses(control.frameworks[framework]) : "no direct clause"}`,
  );
  const checkable = control.checkableAtDeploy
    ? "Checked at deploy time by the policy pack."
    : `Not checkable at deploy time: ${control.notCheckableReason ?? "no reason recorded"}.`;
  return [
    `### ${control.id}`,
    `${control.title}. Domain: ${control.domain}; severity: ${control.severity}. ${checkable}`,
    CLOUDS.map((cloud) => cloudSection(control, cloud)).join("\n"),
    `Frameworks:\n\n${frameworks.join("\n")}`,
    ...(control.cis.length > 0 ? [`CIS: ${control.cis.join("; ")}.`] : []),
    `Remediation: ${control.remediation}`,
  ].join("\n\n");
}

/** The generative-AI frameworks: their sources and every identifier the catalog cites, with its title. */
function aiFrameworksSection(catalog: readonly ControlDefinition[]): string {
  const parts = AI_FRAMEWORK_IDS.map((framework) => {
    const cited = new Set(catalog.flatMap((control) => control.frameworks[framework]));
    const vocabulary = AI_VOCABULARY[framework];
    const meaning = (id: string): string => {
      if (framework !== "saif") return vocabulary[id];
      const risk = SAIF_RISKS[id];
      return risk === undefined ? `control (${SAIF_CONTROLS[id]} controls)` : `risk ${risk}`;
    };
    const rows = Object.keys(vocabulary)
      .filter((id) => cited.has(id))
      .map((id) => [id, meaning(id)]);
    return [
      `### ${FRAMEWORK_NAMES[framework]}`,
      `Sources: ${AI_FRAMEWORK_SOURCES[framework].map((url) => `<${url}>`).join(", ")}.`,
      table(["Identifier", "Published title or meaning"], rows),
    ].join("\n\n");
  });
  return [
    "## Generative-AI frameworks",
    "The identifiers the catalog cites for the generative-AI frameworks, as their published texts name them " +
      "(components/controls/ai-vocabulary.ts). SAIF risks and controls and the Scoping Matrix's scopes and " +
      "security disciplines are cited by their titles; an empty list in a control means the framework has no " +
      "direct clause for it.",
    ...parts,
  ].join("\n\n");
}

/** docs/controls.md: the summary matrix, one section per control, and the generative-AI frameworks. */
export function renderControlsDoc(catalog: readonly ControlDefinition[]): string {
  const rows = catalog.map((control) => [
    `[${control.id}](#${control.id.toLowerCase()})`,
    control.title,
    ...CLOUDS.map((cloud) => cloudStatus(control.clouds[cloud])),
    frameworkSummary(control),
  ]);
  return [
    generatedBanner("the controls catalog (components/controls/)"),
    "# Control matrix",
    `The ${catalog.length} controls of the catalog and how each cloud's backend implements them. ` +
      "**yes**: implemented by `SecureAiPlatform`. **yes, with a limit**: implemented, with a limitation that " +
      "applies only under the stated condition (reported as a `gap` in the evidence when it applies). " +
      "**gap**: the cloud cannot meet the control; the component does the strongest thing possible and " +
      "reports the control as a `gap` with the reason below.",
    table(["ID", "Control", "AWS", "GCP", "Azure", "Compliance frameworks"], rows),
    "## Controls",
    ...catalog.map(controlSection),
    aiFrameworksSection(catalog),
  ].join("\n\n");
}

/** The compact per-cloud matrix for README.md (between the control-matrix markers). */
export function renderReadmeMatrix(catalog: readonly ControlDefinition[]): string {
  const rows = catalog.map((control) => [
    `[${control.id}](docs/controls.md#${control.id.toLowerCase()})`,
    control.title.length > 90 ? `${control.title.slice(0, 87).trimEnd()}…` : control.title,
    ...CLOUDS.map((cloud) => cloudStatus(control.clouds[cloud])),
  ]);
  return [
    `Generated from the controls catalog; details, limitations and framework clauses in [docs/controls.md](docs/controls.md).`,
    table(["Control", "What it requires", "AWS", "GCP", "Azure"], rows),
  ].join("\n\n");
}
