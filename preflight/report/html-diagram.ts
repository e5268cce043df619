import { escapeHtml as h } from "./escape";
import type { ReportStack } from "./report-data";

/** How a resource appears in the diagram. */
type ResourceState = "violated" | "waived" | "implements" | "other";

const FILL: Record<ResourceState, string> = {
  violated: "#fde2e1",
  waived: "#fff1cc",
  implements: "#dff3e4",
  other: "#eef0f3",
};
const STROKE: Record<ResourceState, string> = {
  violated: "#c0392b",
  waived: "#b7791f",
  implements: "#2f855a",
  other: "#8a94a6",
};

const COLUMN_WIDTH = 210;
const COLUMNS_PER_BAND = 5;
const BOX_HEIGHT = 22;
const BOX_GAP = 4;
const HEADER_HEIGHT = 28;
const MAX_BOXES_PER_COLUMN = 24;
const MAX_LABEL = 27;
/**
 * Characters of a column header (service and count) that fit the column in the 12px semibold font with room
 * to spare, so a long service name (`azure-native:cognitiveservices (12)`) never runs into the next header.
 */
const MAX_HEADER = 24;

interface DiagramBox {
  urn: string;
  label: string;
  type: string;
  state: ResourceState;
}

/**
 * Draws the platform of one stack as an inline SVG: the cloud resources grouped by service (the type
 * token's `package:module`, e.g. `aws:kms`), each coloured by what the evidence says about it (violating,
 * waived, implementing a control, other). Text comes from the program and is escaped.
 *
 * @param stack - the stack to draw.
 */
export function renderDiagram(stack: ReportStack): string {
  const columns = groupByService(stack);
  if (columns.length === 0) {
    return `<p class="muted">The program registers no cloud resources.</p>`;
  }
  const bands: (typeof columns)[] = [];
  for (let index = 0; index < columns.length; index += COLUMNS_PER_BAND) {
    bands.push(columns.slice(index, index + COLUMNS_PER_BAND));
  }
  const bandHeights = bands.map(
    (band) => HEADER_HEIGHT + Math.max(...band.map(([, boxes]) => Math.min(boxes.length, MAX_BOXES_PER_COLUMN + 1))) * (BOX_HEIGHT + BOX_GAP) + 16,
  );
  const width = Math.min(columns.length, COLUMNS_PER_BAND) * COLUMN_WIDTH + 10;
  const height = bandHeights.reduce((sum, value) => sum + value, 0) + 10;
  const parts: string[] = [];
  let top = 5;
  bands.forEach((band, bandIndex) => {
    band.forEach(([service, boxes], columnIndex) => parts.push(column(service, boxes, 5 + columnIndex * COLUMN_WIDTH, top)));
    top += bandHeights[bandIndex] ?? 0;
  });
  return [
    `<svg class="diagram" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Resources of stack ${h(stack.stack)} by service">`,
    ...parts,
    "</svg>",
  ].join("\n");
}

/** The legend explaining the diagram's colours. */
export function renderDiagramLegend(): string {
  const entries: [ResourceState, string][] = [
    ["implements", "implements a control"],
    ["violated", "has an unwaived finding"],
    ["waived", "finding waived"],
    ["other", "no evidence recorded"],
  ];
  return `<p class="legend">${entries
    .map(([state, label]) => `<span class="swatch" style="background:${FILL[state]};border-color:${STROKE[state]}"></span>${label}`)
    .join(" ")}</p>`;
}

function groupByService(stack: ReportStack): [string, DiagramBox[]][] {
  const violated = new Set(stack.findings.filter((finding) => !finding.waived).map((finding) => finding.urn));
  const waived = new Set(stack.findings.filter((finding) => finding.waived).map((finding) => finding.urn));
  const implementing = new Set(stack.evidence.controls.flatMap((control) => control.resources));
  const groups = new Map<string, DiagramBox[]>();
  for (const resource of stack.resources) {
    if (!resource.custom || resource.type.startsWith("pulumi:")) {
      continue;
    }
    const service = serviceOf(resource.type);
    const state: ResourceState = violated.has(resource.urn)
      ? "violated"
      : waived.has(resource.urn)
        ? "waived"
        : implementing.has(resource.urn)
          ? "implements"
          : "other";
    const kind = resource.type.split(":").pop() ?? resource.type;
    groups.set(service, [...(groups.get(service) ?? []), { urn: resource.urn, label: `${kind} ${resource.name}`, type: resource.type, state }]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** `aws:kms/key:Key` → `aws:kms`; `azure-native:keyvault:Vault` → `azure-native:keyvault`. */
function serviceOf(type: string): string {
  const [pkg, module = "index"] = type.split(":");
  return `${pkg}:${module.split("/")[0]}`;
}

function column(service: string, boxes: DiagramBox[], left: number, top: number): string {
  const shown = boxes.slice(0, MAX_BOXES_PER_COLUMN);
  const lines = [
    `<g>`,
    `<text x="${left + 4}" y="${top + 16}" class="svc"><title>${h(service)}</title>${h(header(service, boxes.length))}</text>`,
  ];
  shown.forEach((box, index) => {
    const y = top + HEADER_HEIGHT + index * (BOX_HEIGHT + BOX_GAP);
    lines.push(
      `<g><title>${h(box.urn)}</title>` +
        `<rect x="${left}" y="${y}" width="${COLUMN_WIDTH - 12}" height="${BOX_HEIGHT}" rx="4" fill="${FILL[box.state]}" stroke="${STROKE[box.state]}"/>` +
        `<text x="${left + 6}" y="${y + 15}" class="box">${h(truncate(box.label, MAX_LABEL))}</text></g>`,
    );
  });
  if (boxes.length > shown.length) {
    const y = top + HEADER_HEIGHT + shown.length * (BOX_HEIGHT + BOX_GAP);
    lines.push(`<text x="${left + 6}" y="${y + 15}" class="box">+ ${boxes.length - shown.length} more</text>`);
  }
  lines.push("</g>");
  return lines.join("\n");
}

/** `service (count)` within {@link MAX_HEADER} characters: the service name is cut, never the count. */
function header(service: string, count: number): string {
  const suffix = ` (${count})`;
  return `${truncate(service, Math.max(4, MAX_HEADER - suffix.length))}${suffix}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
