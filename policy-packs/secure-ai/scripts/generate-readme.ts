/**
 * Regenerates the policy table in policy-packs/secure-ai/README.md from the code:
 * `npx ts-node policy-packs/secure-ai/scripts/generate-readme.ts`. A test fails when the README drifts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../policies";
import { renderReadme } from "./policy-table";

const readmePath = path.join(__dirname, "..", "README.md");

async function main(): Promise<void> {
  const updated = await renderReadme(fs.readFileSync(readmePath, "utf8"), readmePath, policies);
  fs.writeFileSync(readmePath, updated);
  console.log(`updated ${path.relative(process.cwd(), readmePath)}: ${policies.length} policies`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
