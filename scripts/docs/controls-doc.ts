/**
 * Generates the control matrix from the controls catalog: the full docs/controls.md (status per cloud, the
 * implementation and limitation texts, framework clauses) and the compact matrix in README.md.
 */
import type { CloudImplementation, ControlDefinition } from "../../components/controls";
import { FRAMEWORK_IDS, FRAMEWORK_NAMES } from "../../components/controls";
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

function frameworkSummary(control: ControlDefinition): string {
  return FRAMEWORK_IDS.filter((framework) => control.frameworks[framework].length > 0)
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
      `- ${FRAMEWORK_NAMES[framework]}: ${control.frameworks[framework].length > 0 ? control.frameworks[framework].join(", ") : "no direct clause"}`,
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

/** docs/controls.md: the summary matrix and one section per control. */
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
    table(["ID", "Control", "AWS", "GCP", "Azure", "Frameworks"], rows),
    "## Controls",
    ...catalog.map(controlSection),
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
