import type { ReportData } from "../report/report-data";
import type { OscalAssessmentResultsDocument } from "./oscal-types";
import { OSCAL_VERSION, saiProp } from "./properties";
import { buildResult } from "./result";
import { stableUuid } from "./uuid";

/** Options of {@link buildAssessmentResults}. */
export interface AssessmentResultsOptions {
  /** The document title. @default "secure-ai check assessment results" and the stacks' names */
  title?: string;
  /**
   * Whether each observation carries the resource's inputs as the report holds them (masked: unknown values
   * `"[unknown]"`, secrets `"[secret]"`) as relevant evidence.
   * @default true
   */
  includeInputs?: boolean;
}

/**
 * UUID of the back-matter resource that `import-ap` points at. There is no OSCAL assessment plan: the
 * preflight's plan is fixed (run the program, evaluate it with the packs, derive the evidence), and this
 * resource says so.
 */
export const NO_ASSESSMENT_PLAN_UUID = stableUuid("back-matter", "no assessment plan");

/**
 * OSCAL assessment results of a `secure-ai check` run: one result per stack, each with the catalog's controls
 * as reviewed controls, an observation per examined resource and policy (method `EXAMINE`, the resource as
 * subject, its masked inputs as evidence), and a finding per control whose target is the control ID and whose
 * state is `satisfied` only for a satisfied control (everything else `not-satisfied`, with the evidence status
 * and reasons in props and remarks). UUIDs are name-based on the report's stable content, so two runs over
 * the same input differ only in the timestamps.
 *
 * @param data - the report data (already masked), with at least one stack.
 * @param options - title and whether inputs are included.
 * @returns the document with its root key, ready to serialise.
 * @throws RangeError when the report holds no stack: OSCAL requires at least one result.
 */
export function buildAssessmentResults(
  data: ReportData,
  options: AssessmentResultsOptions = {},
): OscalAssessmentResultsDocument {
  if (data.stacks.length === 0) {
    throw new RangeError("OSCAL assessment results need at least one stack: the report holds none.");
  }
  const includeInputs = options.includeInputs ?? true;
  const stackNames = data.stacks.map((stack) => stack.stack);
  return {
    "assessment-results": {
      uuid: stableUuid(
        "assessment-results",
        data.tool.name,
        data.programDir,
        ...data.stacks.map((stack) => stack.stackUrn),
      ),
      metadata: {
        title:
          options.title ?? `${data.tool.name} assessment results: ${stackNames.join(", ") || "no stack"}`,
        "last-modified": data.generatedAt,
        version: data.tool.version,
        "oscal-version": OSCAL_VERSION,
        props: [...saiProp("tool", data.tool.name), ...saiProp("program-dir", data.programDir)],
        links: [{ href: data.tool.informationUri, rel: "reference", text: data.tool.name }],
      },
      "import-ap": {
        href: `#${NO_ASSESSMENT_PLAN_UUID}`,
        remarks:
          "No OSCAL assessment plan exists for this run. The schema requires import-ap, so it points at a back-matter " +
          "resource that describes the fixed procedure of the preflight instead.",
      },
      results: data.stacks.map((stack) => buildResult(stack, data.catalog, { data, includeInputs })),
      "back-matter": {
        resources: [
          {
            uuid: NO_ASSESSMENT_PLAN_UUID,
            title: "No assessment plan",
            description:
              `${data.tool.name} follows no OSCAL assessment plan. Its procedure is fixed: run the Pulumi program ` +
              "offline as each stack (secure-ai check: a preview and an update pass) or read each stack's deployed " +
              "state from `pulumi stack export` (secure-ai audit), send every resource and the stack to the policy " +
              "packs over the analyzer protocol, and derive each control's status from what the policies " +
              "examined and reported. The controls are those of the secure-ai-platform catalog.",
          },
        ],
      },
    },
  };
}

/**
 * {@link buildAssessmentResults} with default options, as pretty-printed JSON with a trailing newline.
 *
 * @param data - the report data.
 */
export function renderOscalAssessmentResults(data: ReportData): string {
  return `${JSON.stringify(buildAssessmentResults(data), null, 2)}\n`;
}
