import type { ControlDefinition } from "../../components/controls/types";
import type { ControlStatus } from "../model";
import type { ReportData, ReportStack } from "../report/report-data";
import { examinedPairs } from "./examined-pairs";
import { buildFinding } from "./findings";
import { stackInventory } from "./inventory";
import { buildObservation, observationUuid } from "./observations";
import type { OscalOrigin, OscalResult, OscalSystemComponent } from "./oscal-types";
import { saiProp } from "./properties";
import { unreadObservations } from "./unread-observations";
import { stableUuid } from "./uuid";

/** What {@link buildResult} needs besides the stack. */
export interface ResultContext {
  /** The whole report: tool, packs, timestamp. */
  data: ReportData;
  /** Whether observations carry the resources' masked inputs. */
  includeInputs: boolean;
}

/**
 * UUID of the assessment platform (`secure-ai check` itself) in the result of one stack. Local definitions
 * are per result, so the UUID is too: every UUID of the document stays unique.
 */
export function platformUuid(data: ReportData, stackUrn: string): string {
  return stableUuid("assessment-platform", stackUrn, data.tool.name);
}

/** UUID of the component that stands for one policy pack in the result of one stack. */
export function packComponentUuid(stackUrn: string, pack: string): string {
  return stableUuid("policy-pack", stackUrn, pack);
}

function packComponents(data: ReportData, stackUrn: string): OscalSystemComponent[] {
  return data.packs.map((pack) => ({
    uuid: packComponentUuid(stackUrn, pack.name),
    type: "software",
    title: `Policy pack ${pack.name} ${pack.version}`,
    description: `The CrossGuard policy pack ${pack.name} (version ${pack.version}) with ${pack.policies.length} policies, run over the analyzer protocol.`,
    props: [...saiProp("policy-pack", pack.name), ...saiProp("policy-pack-version", pack.version)],
    status: { state: "operational" },
  }));
}

/** The state file a stack was audited from (`secure-ai audit`), when the report says so. */
function stateFileOf(stack: ReportStack): string | undefined {
  return (stack as ReportStack & { stateFile?: string }).stateFile;
}

function whatRan(stack: ReportStack, data: ReportData): string {
  const stateFile = stateFileOf(stack);
  if (stateFile !== undefined) {
    return `read the deployed state of stack ${stack.stack} from ${stateFile} (pulumi stack export)`;
  }
  const passes = `${stack.passes.join(" and ")} pass${stack.passes.length === 1 ? "" : "es"}`;
  return `ran the program in ${data.programDir} as stack ${stack.stack} (${passes})`;
}

function statusCounts(stack: ReportStack): string {
  const counts = new Map<ControlStatus, number>();
  for (const control of stack.evidence.controls) {
    counts.set(control.status, (counts.get(control.status) ?? 0) + 1);
  }
  return [...counts.entries()].map(([status, count]) => `${count} ${status}`).join(", ");
}

function unexaminedRemarks(stack: ReportStack): string | undefined {
  if (stack.evidence.unexamined.length === 0) {
    return undefined;
  }
  return [
    "Resources the preflight could not examine (those whose values were unknown have a not-examined observation):",
    ...stack.evidence.unexamined.map(
      (entry) =>
        `- ${entry.type} ${entry.urn}: ${entry.reason}${entry.detail !== undefined ? ` (${entry.detail})` : ""}`,
    ),
  ].join("\n");
}

/**
 * The result for one stack: its resources as inventory items, the tool and packs as assessment assets, every
 * catalog control as reviewed, one observation per examined resource and policy, and one finding per control.
 *
 * @param stack - one stack of the report.
 * @param catalog - the controls catalog, in catalog order.
 * @param context - the report and options.
 */
export function buildResult(
  stack: ReportStack,
  catalog: readonly ControlDefinition[],
  context: ResultContext,
): OscalResult {
  const { data } = context;
  const platform = platformUuid(data, stack.stackUrn);
  const origin = (packs: readonly string[]): OscalOrigin => ({
    actors: [
      { type: "assessment-platform", "actor-uuid": platform },
      ...packs
        .filter((pack) => data.packs.some((entry) => entry.name === pack))
        .map((pack) => ({ type: "tool" as const, "actor-uuid": packComponentUuid(stack.stackUrn, pack) })),
    ],
  });
  const pairs = examinedPairs(stack, data.packs);
  const observations = pairs.map((pair) =>
    buildObservation(pair, {
      stack,
      collected: data.generatedAt,
      origin,
      includeInputs: context.includeInputs,
    }),
  );
  const unread = unreadObservations(stack, data.packs, { collected: data.generatedAt, origin });
  const observationsByControl = new Map<string, string[]>();
  const relate = (controls: readonly string[], uuid: string) => {
    for (const control of controls) {
      observationsByControl.set(control, [...(observationsByControl.get(control) ?? []), uuid]);
    }
  };
  pairs.forEach((pair) => relate(pair.controls, observationUuid(stack.stackUrn, pair)));
  unread.forEach((entry) => relate(entry.controls, entry.observation.uuid));
  observations.push(...unread.map((entry) => entry.observation));
  const findings = catalog.flatMap((control) => {
    const evidence = stack.evidence.controls.find((entry) => entry.id === control.id);
    return evidence === undefined
      ? []
      : [
          buildFinding(control, evidence, {
            stackUrn: stack.stackUrn,
            observationsByControl,
            origin: origin([]),
          }),
        ];
  });
  const components = packComponents(data, stack.stackUrn);
  const remarks = unexaminedRemarks(stack);
  const inventory = stackInventory(
    stack,
    pairs.map((pair) => pair.urn),
  );
  return {
    uuid: stableUuid("result", stack.stackUrn),
    title: `Stack ${stack.stack} of ${stack.project}`,
    description:
      `${data.tool.name} ${data.tool.version} ${whatRan(stack, data)} and evaluated it with the policy packs offline. ` +
      `Controls: ${statusCounts(stack)}. Mandatory violations: ${stack.mandatoryViolations}.`,
    start: data.generatedAt,
    end: data.generatedAt,
    props: [
      ...saiProp("stack", stack.stack),
      ...saiProp("project", stack.project),
      ...saiProp("stack-urn", stack.stackUrn),
      ...saiProp("state-file", stateFileOf(stack) ?? ""),
      ...stack.passes.flatMap((pass) => saiProp("pass", pass)),
      ...saiProp("mandatory-violations", String(stack.mandatoryViolations)),
    ],
    "local-definitions": {
      ...(inventory.length > 0 ? { "inventory-items": inventory } : {}),
      "assessment-assets": {
        ...(components.length > 0 ? { components } : {}),
        "assessment-platforms": [
          {
            uuid: platform,
            title: `${data.tool.name} ${data.tool.version}`,
            props: saiProp("tool-version", data.tool.version),
            links: [{ href: data.tool.informationUri, rel: "reference" }],
            ...(components.length > 0
              ? { "uses-components": components.map((component) => ({ "component-uuid": component.uuid })) }
              : {}),
          },
        ],
      },
    },
    "reviewed-controls": {
      description: "Every control of the secure-ai-platform catalog, each assessed in this stack.",
      "control-selections": [
        {
          description: "The catalog's controls, by their IDs.",
          "include-controls": catalog.map((control) => ({ "control-id": control.id })),
        },
      ],
    },
    ...(observations.length > 0 ? { observations } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    ...(remarks !== undefined ? { remarks } : {}),
  };
}
