/**
 * The benchmark harness's rounds (`measureInterleaved`) and the ratios paired by round (`comparePaired`),
 * with tiny node commands standing in for benchmark workers.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type BenchmarkContext,
  type CaseResult,
  comparePaired,
  measureInterleaved,
} from "../../benchmarks/lib/benchmark";
import { formatReport } from "../../benchmarks/lib/report";

const context = (repeat: number): BenchmarkContext => ({ repeat, quick: true, log: () => undefined });

/** A case whose command appends its label to `log` and reports `{ rate }` (the round's run number times `step`). */
function labelled(log: string, label: string, step: number) {
  const script = [
    "const fs = require('node:fs');",
    `fs.appendFileSync(${JSON.stringify(log)}, ${JSON.stringify(label)} + '\\n');`,
    `const run = fs.readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').filter((l) => l === ${JSON.stringify(label)}).length;`,
    `console.log(JSON.stringify({ rate: run * ${step} }));`,
  ].join(" ");
  return { name: label, args: ["-e", script] };
}

/** A case with the given reported rates, one per round, as `measureInterleaved` would return it. */
function caseWith(name: string, rates: number[]): CaseResult {
  return {
    benchmark: "b",
    name,
    command: name,
    reported: {},
    loadAverages: [],
    runs: rates.map((rate) => ({ wallMs: 1, treePeakRssMiB: 1, maxProcessRssMiB: 1, report: { rate } })),
  } as unknown as CaseResult;
}

describe("measureInterleaved", () => {
  it("runs every case once per round, the first case rotating, and keeps run i in round i", async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-rounds-")), "order.log");
    const cases = await measureInterleaved(context(3), "b", [
      labelled(log, "a", 1),
      labelled(log, "b", 10),
      labelled(log, "c", 100),
    ]);
    expect(fs.readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "a",
      "b",
      "c",
      "b",
      "c",
      "a",
      "c",
      "a",
      "b",
    ]);
    expect(cases.map((item) => item.name)).toEqual(["a", "b", "c"]);
    expect(cases.map((item) => item.runs.map((run) => run.report?.rate))).toEqual([
      [1, 2, 3],
      [10, 20, 30],
      [100, 200, 300],
    ]);
    expect(cases.map((item) => item.reported.rate)).toEqual([2, 20, 200]);
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });
});

describe("comparePaired", () => {
  it("takes the median of the rounds' ratios, not the ratio of the medians", () => {
    // Medians 12 and 10 (ratio 1.2); by round 0.5, 1.5 and 1.1 (median 1.1).
    const ours = caseWith("ours", [5, 12, 22]);
    const theirs = caseWith("theirs", [10, 8, 20]);
    const comparison = comparePaired("b", "ours/theirs rate", ours, theirs, "rate", {
      value: 1,
      atLeast: true,
    });
    expect(comparison).toEqual({
      benchmark: "b",
      name: "ours/theirs rate",
      ratio: 1.1,
      target: ">= 1",
      met: true,
      rounds: [0.5, 1.5, 1.1],
    });
  });

  it("skips rounds without the field and gives nothing when no round has it", () => {
    const ours = caseWith("ours", [4, 6]);
    const theirs = caseWith("theirs", [2, 0]);
    expect(comparePaired("b", "r", ours, theirs, "rate")?.rounds).toEqual([2]);
    expect(comparePaired("b", "r", ours, theirs, "startMs")).toBeUndefined();
  });

  it("shows the rounds' spread and how many met the target in the report", () => {
    const comparison = comparePaired(
      "b",
      "ours/theirs rate",
      caseWith("o", [9, 12, 11]),
      caseWith("t", [10, 10, 10]),
      "rate",
      {
        value: 1,
        atLeast: true,
      },
    )!;
    const text = formatReport({
      startedAt: "",
      finishedAt: "",
      machine: {
        nproc: 2,
        cpuModel: "cpu",
        totalMemoryGiB: 1,
        node: "v20",
        platform: "linux",
        loadAverage: [0, 0, 0],
      },
      loadAverageAtEnd: [0, 0, 0],
      repeat: 3,
      quick: true,
      cases: [],
      comparisons: [comparison],
    });
    expect(text).toContain("| b         | ours/theirs rate | 1.10  | >= 1   | yes | 0.90-1.20, 2 of 3");
  });
});
