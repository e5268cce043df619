import { REPORT_FORMATS } from "./report-options";
import { RUN_USAGE_LINES } from "./run-options";

/**
 * The `--help` text.
 *
 * @param version - the package version shown in the first line.
 */
export function usageText(version: string): string {
  return [
    `secure-ai ${version}: offline preflight and audit of Pulumi stacks against the secure-ai policy pack`,
    "",
    "Usage:",
    "  secure-ai check [--program DIR] [--stack NAME] [--mode preview|update|both] [report flags]",
    "  secure-ai audit --state FILE [--state FILE]... [--encrypted-secrets error|unknown] [report flags]",
    "  secure-ai oscal component-definition [--out FILE]",
    "",
    "check runs a Pulumi program under Pulumi's mock runtime and sends what it registers to the policy packs.",
    "audit sends what is deployed (the output of `pulumi stack export`, deployment version 3) to the packs.",
    "oscal component-definition writes SecureAiPlatform's OSCAL component definition from the controls catalog.",
    "",
    "check:",
    "  --program DIR        Pulumi project to run (default: the current directory when it holds a",
    "                       Pulumi.yaml; in a checkout of secure-ai-platform, its bundled stacks/ project)",
    "  --stack NAME         run only this stack (default: every Pulumi.<stack>.yaml of the project)",
    "  --mode MODE          preview: run as `pulumi preview` does (values other resources compute are unknown);",
    "                       update: as `pulumi up` would (every output a cloud-shaped stand-in, see README);",
    "                       both (default): both passes, findings of either, inputs shown from the update pass",
    ...RUN_USAGE_LINES,
    "audit:",
    "  --state FILE         a `pulumi stack export --file FILE` of one stack; repeat for several stacks",
    "  --encrypted-secrets  error (default): exit 2 on a secret exported without --show-secrets;",
    "                       unknown: audit without those values (controls that need them are unverified)",
    "report flags (check and audit):",
    `  --format FORMAT      report printed on stdout: ${REPORT_FORMATS.join(", ")} (default: text)`,
    "  --out DIR            also write every format (report.txt, report.json, ...) to DIR",
    "  --baseline FILE      a previous report.json: show what is new, fixed, still open, newly waived and",
    "                       expired since that report",
    "  --require-complete   exit 3 when any resource was not examined (a remote component, a type no policy",
    "                       covers, or inputs a policy needed that stayed unknown)",
    "  --policy-pack DIR    policy pack to run; repeat for several (default: this package's policy-packs/secure-ai)",
    "  --policy-config FILE enforcement levels and policy settings in the format of `pulumi preview",
    "                       --policy-pack-config`; the n-th file configures the n-th --policy-pack",
    "  --output FORMAT=FILE also write one format to FILE (repeatable), e.g. --output sarif=results.sarif",
    "  --fail-on LEVEL      mandatory (default): exit 1 on mandatory findings; critical|high|medium|low: also",
    "                       on advisory findings of that severity or higher",
    "  --soft-fail          exit 0 whatever was found (reports still written; usage errors still exit 2)",
    "  --quiet              no progress lines on stderr",
    "  --compact            text report without policy descriptions or the shared-responsibility section",
    "  --verbose            errors with their stack traces",
    "  -h, --help           show this help",
    "  -v, --version        show the version",
    "",
    "Exit codes: 0 no failing finding, 1 a mandatory violation (or what --fail-on adds),",
    "            2 usage error, a program or policy pack that fails to run, a state file that cannot be",
    "              read (or stdout fails),",
    "            3 with --require-complete: no mandatory violation, but a resource was not examined.",
    "A reader that closes stdout early (`| head`) gets what it read; the rest of the report is dropped",
    "without an error and the exit code stays the run's verdict (not 141 for SIGPIPE).",
    "",
  ].join("\n");
}
