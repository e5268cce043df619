/**
 * Which SDK major first has each fact's property, read from the `.d.ts` of older majors installed outside
 * the repository. A fact's `since` is `@pulumi/<pkg> v<N>` when N is the lowest major of an unbroken run of
 * majors, ending at the installed one, whose `<Class>Args` has the property path (or the type at all) under
 * one of the row's tokens (`type`, `alsoTypes`, `previousTypes`: a v2 token with the property means it exists
 * since v2 for v2's users); a property every checked major has gets no `since` (nothing older was checked).
 *
 * Install the older majors with npm aliases, then run:
 *
 *     mkdir -p /tmp/sdk-old && cd /tmp/sdk-old && npm init -y && npm i --ignore-scripts \
 *       aws6@npm:@pulumi/aws@6 aws5@npm:@pulumi/aws@5 gcp8@npm:@pulumi/gcp@8 gcp7@npm:@pulumi/gcp@7 \
 *       azn2@npm:@pulumi/azure-native@2
 *     npx ts-node --transpile-only scripts/facts/since-versions.ts [--old /tmp/sdk-old] [--check] [--all]
 *
 * Prints one line per fact whose property is newer than the oldest major checked, or whose row's `since`
 * differs from what the declarations show, or that the declarations do not resolve; `--all` prints every
 * fact. `--check` exits 1 when a row's `since` differs from the declarations (clouds without an older
 * major installed are skipped and named).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { AWS_FACTS } from "../../policy-packs/secure-ai/policies/aws/facts";
import { AZURE_FACTS } from "../../policy-packs/secure-ai/policies/azure/facts";
import { GCP_FACTS } from "../../policy-packs/secure-ai/policies/gcp/facts";
import { typesOf, type ResourceFacts } from "../../policy-packs/secure-ai/policies/lib/facts";
import { SdkDeclarations, type Presence } from "./sdk-args";

/** The provider package of each cloud's table. */
export const CLOUD_PACKAGES = {
  aws: "@pulumi/aws",
  gcp: "@pulumi/gcp",
  azure: "@pulumi/azure-native",
} as const;

/** A cloud's table. */
const TABLES: readonly { cloud: keyof typeof CLOUD_PACKAGES; rows: readonly ResourceFacts[] }[] = [
  { cloud: "aws", rows: AWS_FACTS },
  { cloud: "gcp", rows: GCP_FACTS },
  { cloud: "azure", rows: AZURE_FACTS },
];

/** The `since` text of a major: `@pulumi/aws v7`. */
export function sinceText(packageName: string, major: number): string {
  return `${packageName} v${major}`;
}

/** The SDK folders under `<old>/node_modules` (npm aliases included) whose package is `packageName`. */
export function olderSdks(oldRoot: string, packageName: string): SdkDeclarations[] {
  const modules = path.join(oldRoot, "node_modules");
  if (!fs.existsSync(modules)) {
    return [];
  }
  const candidates = fs
    .readdirSync(modules)
    .flatMap((entry) =>
      entry.startsWith("@")
        ? fs.readdirSync(path.join(modules, entry)).map((scoped) => path.join(modules, entry, scoped))
        : [path.join(modules, entry)],
    );
  return candidates
    .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
    .map((dir) => new SdkDeclarations(dir))
    .filter((sdk) => sdk.packageInfo.name === packageName);
}

/** How much a presence says, for picking one among a row's tokens: present, then unresolved, absent, no type. */
const RANK: Record<Presence["kind"], number> = { present: 0, unresolved: 1, absent: 2, "no-type": 3 };

/**
 * What one major says about a path under any of a row's tokens (`type`, `alsoTypes`, `previousTypes`): a
 * property the major declares under one of them exists for its users, whichever token they write.
 */
export function presenceAmong(
  sdk: Pick<SdkDeclarations, "presence">,
  tokens: readonly string[],
  propertyPath: string,
): Presence {
  return tokens
    .map((token) => sdk.presence(token, propertyPath))
    .reduce((best, presence) => (RANK[presence.kind] < RANK[best.kind] ? presence : best));
}

/** What each major says about a path (under any of `tokens`), newest first, and the `since` that follows. */
export function sinceOf(
  sdks: readonly Pick<SdkDeclarations, "packageInfo" | "presence">[],
  tokens: string | readonly string[],
  propertyPath: string,
): { since: string | undefined; presences: { major: number; presence: Presence }[] } {
  const byMajor = [...sdks].sort((a, b) => b.packageInfo.major - a.packageInfo.major);
  const all = typeof tokens === "string" ? [tokens] : tokens;
  const presences = byMajor.map((sdk) => ({
    major: sdk.packageInfo.major,
    presence: presenceAmong(sdk, all, propertyPath),
  }));
  let run = 0;
  while (run < presences.length && presences[run].presence.kind === "present") {
    run += 1;
  }
  const since =
    run === 0 || run === presences.length || presences[run].presence.kind === "unresolved"
      ? undefined
      : sinceText(byMajor[0].packageInfo.name, presences[run - 1].major);
  return { since, presences };
}

function describe(presence: Presence): string {
  switch (presence.kind) {
    case "present":
      return "has it";
    case "absent":
      return `lacks ${presence.missing}`;
    case "no-type":
      return "has no such type";
    case "unresolved":
      return `cannot follow ${presence.at}: ${presence.typeText}`;
  }
}

function main(argv: readonly string[]): number {
  const oldIndex = argv.indexOf("--old");
  const oldRoot = oldIndex >= 0 ? argv[oldIndex + 1] : "/tmp/sdk-old";
  const check = argv.includes("--check");
  const all = argv.includes("--all");
  const repo = path.resolve(__dirname, "../..");
  let mismatches = 0;
  for (const { cloud, rows } of TABLES) {
    const packageName = CLOUD_PACKAGES[cloud];
    const installed = new SdkDeclarations(path.join(repo, "node_modules", packageName));
    const older = olderSdks(oldRoot, packageName);
    const majors = [installed, ...older].map((sdk) => sdk.packageInfo.version).join(", ");
    console.log(`# ${cloud}: ${packageName} ${majors}`);
    if (older.length === 0) {
      console.log(`# ${cloud}: no older major under ${oldRoot}/node_modules, not checked`);
      continue;
    }
    for (const row of rows) {
      for (const group of row.groups) {
        for (const fact of group.facts) {
          const { since, presences } = sinceOf([installed, ...older], typesOf(row), fact.path);
          const differs = since !== fact.since;
          // the installed SDK lacks the property, or a segment could not be followed: worth a look
          const unresolved =
            presences[0].presence.kind !== "present" ||
            presences.some(({ presence }) => presence.kind === "unresolved");
          mismatches += differs ? 1 : 0;
          if (all || differs || since !== undefined || unresolved) {
            const detail = presences
              .map(({ major, presence }) => `v${major} ${describe(presence)}`)
              .join("; ");
            console.log(
              `${differs ? "DIFFERS " : ""}${row.type} ${fact.path}: since ${since ?? "-"} (row: ${fact.since ?? "-"}) [${detail}]`,
            );
          }
        }
      }
    }
  }
  console.log(`# ${mismatches} fact(s) whose row's since differs from the declarations`);
  return check && mismatches > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
