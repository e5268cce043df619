/** Prints the results as a table and writes them as JSON. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CaseResult, Comparison } from "./benchmark";
import type { MachineInfo } from "./machine";

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  /** The machine and its load when the run started. */
  machine: MachineInfo;
  /** Load average when the run finished. */
  loadAverageAtEnd: [number, number, number];
  repeat: number;
  quick: boolean;
  cases: Omit<CaseResult, "runs">[] | CaseResult[];
  comparisons: Comparison[];
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? "-" : value.toFixed(digits);
}

/** A paired comparison's spread: lowest and highest round, and in how many rounds the target held. */
function roundsCell(item: Comparison): string {
  const rounds = item.rounds;
  if (rounds === undefined || rounds.length === 0) {
    return "-";
  }
  const spread = `${Math.min(...rounds).toFixed(2)}-${Math.max(...rounds).toFixed(2)}`;
  const target = item.target?.match(/^(<=|>=) (.+)$/);
  if (!target) {
    return spread;
  }
  const limit = Number(target[2]);
  const held = rounds.filter((ratio) => (target[1] === ">=" ? ratio >= limit : ratio <= limit)).length;
  return `${spread}, ${held} of ${rounds.length}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** The Markdown tables of cases and comparisons. */
export function formatReport(report: BenchReport): string {
  const cases = table(
    [
      "benchmark",
      "case",
      "wall s",
      "CPU s",
      "tree peak RSS MiB",
      "largest process RSS MiB",
      "reported",
      "load (1 min)",
    ],
    report.cases.map((item) => [
      item.benchmark,
      item.name,
      fixed(item.wallSeconds, 2),
      fixed(item.cpuSeconds, 2),
      fixed(item.treePeakRssMiB, 0),
      fixed(item.maxProcessRssMiB, 0),
      Object.entries(item.reported)
        .map(([key, value]) => `${key}=${Number.isInteger(value) ? value : value.toFixed(2)}`)
        .join(" "),
      item.loadAverages.map((load) => load.toFixed(1)).join(", "),
    ]),
  );
  const comparisons = table(
    ["benchmark", "ratio", "value", "target", "met", "rounds (min-max, meeting target)"],
    report.comparisons.map((item) => [
      item.benchmark,
      item.name,
      item.ratio.toFixed(2),
      item.target ?? "-",
      item.met === undefined ? "-" : item.met ? "yes" : "no",
      roundsCell(item),
    ]),
  );
  const machine = report.machine;
  return [
    `Machine: ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}; ` +
      `load average at start ${machine.loadAverage.join(" / ")}, at end ${report.loadAverageAtEnd.join(" / ")}; ` +
      `medians of ${report.repeat} run(s).`,
    "",
    cases,
    "",
    comparisons,
  ].join("\n");
}

/** Writes the report as JSON (creating the folder). */
export function writeReport(report: BenchReport, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
