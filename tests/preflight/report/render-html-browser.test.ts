import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_IDS } from "../../../components/controls";
import { renderHtml } from "../../../preflight/report";
import { fixtureReport } from "./fixture";

/** Where a Chromium may be: CHROMIUM_PATH, else Debian's chromium (installed by .ci/run) and its usual aliases. */
const CANDIDATES = [
  process.env["CHROMIUM_PATH"],
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].filter((candidate): candidate is string => candidate !== undefined && candidate !== "");
const CHROMIUM = CANDIDATES.find((candidate) => fs.existsSync(candidate));
/** `.ci/run` sets this: in CI the browser test always runs, and a missing browser is a failure. */
const REQUIRED = process.env["SECURE_AI_REQUIRE_BROWSER"] === "1";
const SKIP_REASON = `skipped: no Chromium at ${CANDIDATES.join(", ")}; install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to run it (.ci/run installs it and always runs this test)`;
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

if (CHROMIUM === undefined && !REQUIRED) {
  process.stderr.write(`render-html-browser.test.ts ${SKIP_REASON}\n`);
}

describe.skipIf(CHROMIUM === undefined && !REQUIRED)(
  `the HTML evidence report in headless Chromium${CHROMIUM === undefined ? ` (${SKIP_REASON})` : ""}`,
  () => {
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-html-"));
  const file = path.join(dir, "report.html");

  beforeAll(async () => {
    if (CHROMIUM === undefined) {
      throw new Error(`Chromium is required here (SECURE_AI_REQUIRE_BROWSER=1) but none was found at ${CANDIDATES.join(", ")}.`);
    }
    fs.writeFileSync(file, renderHtml(fixtureReport()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the controls table with every control, runs no script and fetches nothing", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("file:") && !request.url().startsWith("data:")) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

    const table = page.locator("table#controls");
    await expect(table.isVisible()).resolves.toBe(true);
    const box = await table.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
    expect(box?.height ?? 0).toBeGreaterThan(0);

    const tableText = await table.innerText();
    for (const id of CONTROL_IDS) {
      expect(tableText).toContain(id);
    }
    expect(await table.locator("tbody tr").count()).toBe(CONTROL_IDS.length);
    expect(await page.locator("#row-SAI-ENC-03 .status-violated").count()).toBe(1);
    expect(await page.locator("svg.diagram").count()).toBe(1);

    const screenshot = await table.screenshot({ path: path.join(dir, "controls-table.png") });
    const size = pngSize(screenshot);
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
    const fullPage = await page.screenshot({ path: path.join(dir, "report.png"), fullPage: true });
    expect(pngSize(fullPage).height).toBeGreaterThanOrEqual(size.height);

    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.innerText("body")).toContain("<script>alert(1)</script>");
    await page.close();
  });

  it("prints everything expanded: remediation and gap reasons visible, header cells within their columns", async () => {
    const page = await browser.newPage({ viewport: { width: 720, height: 1000 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const remediation = page.locator("#control-SAI-TLS-02 > p.muted").first();
    const gapReason = page.locator("#control-SAI-TLS-02").getByText("The storage service cannot enforce TLS 1.3.");
    // On screen the evidence is collapsed; in print it is not.
    await expect(remediation.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    await expect(remediation.isVisible()).resolves.toBe(true);
    await expect(gapReason.isVisible()).resolves.toBe(true);
    await expect(page.locator("table.resources").first().isVisible()).resolves.toBe(true);
    // Page scripts as strings: the test's TypeScript has no DOM library.
    const overflowing = await page.evaluate(`[...document.querySelectorAll("th")]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent)`);
    expect(overflowing).toEqual([]);
    const overlaps = await page.evaluate(`[...document.querySelectorAll("thead tr")].flatMap((row) => {
      const boxes = [...row.children].map((cell) => cell.getBoundingClientRect());
      return boxes.slice(1).filter((box, index) => box.left < boxes[index].right - 1).map(() => row.textContent);
    })`);
    expect(overlaps).toEqual([]);
    const widest = await page.evaluate(`Math.max(...[...document.querySelectorAll("table")].map((table) => table.scrollWidth))`);
    expect(widest).toBeLessThanOrEqual(720);
    await page.close();
  });

  it("draws diagram column headers that never run into each other, however long the service name", async () => {
    const data = fixtureReport();
    const stack = data.stacks[0]!;
    for (const service of ["azure-native:cognitiveservices", "azure-native:machinelearningservices", "azure-native:operationalinsights", "gcp:securitycenter"]) {
      for (let index = 0; index < 12; index += 1) {
        stack.resources.push({
          urn: `urn:pulumi:prod::demo::${service}:Thing::thing-${index}`,
          type: `${service}:Thing`,
          name: `thing-${index}`,
          custom: true,
          inputs: {},
          dependencies: [],
        });
      }
    }
    const wide = path.join(dir, "diagram.html");
    fs.writeFileSync(wide, renderHtml(data));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(wide).href, { waitUntil: "load" });
    // Page script as a string: the test's TypeScript has no DOM library.
    const collisions = await page.evaluate(`(() => {
      const boxes = [...document.querySelectorAll("svg.diagram text.svc")].map((text) => text.getBBox());
      return boxes.flatMap((box, index) =>
        boxes.slice(index + 1).filter((other) => Math.abs(other.y - box.y) < 1 && other.x < box.x + box.width && box.x < other.x + other.width),
      ).length;
    })()`);
    expect(await page.locator("svg.diagram text.svc").count()).toBeGreaterThanOrEqual(5);
    expect(collisions).toBe(0);
    await page.close();
  });

  it("answers how a framework stands: clause, status, controls and resources", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const hipaa = page.locator("#framework-hipaa + p + table.framework");
    await expect(hipaa.isVisible()).resolves.toBe(true);
    const text = await hipaa.innerText();
    expect(text).toContain("164.312(a)(2)(iv)");
    expect(await hipaa.locator(".status-violated").count()).toBeGreaterThan(0);
    await page.close();
  });
  },
);
