/** The preflight's policy-pack runner: start packs, talk the analyzer protocol, collect findings. */
export {
  analyzeStack,
  type AnalyzeStackArgs,
  type AnalyzeStackResult,
  type PackRun,
  type PackSpec,
} from "./run-packs";
export {
  launchPolicyPack,
  PolicyPackStartError,
  type LaunchOptions,
  type PackStackContext,
  type PolicyPackProcess,
} from "./launch";
export {
  AnalyzerCallError,
  AnalyzerClient,
  type AnalyzeDiagnostic,
  type AnalyzeResult,
  type AnalyzerInfo,
  type AnalyzerResourceInput,
  type PolicyConfigEntry,
  type RemediateResult,
} from "./client";
export {
  PolicyConfigError,
  parsePolicyConfig,
  readPolicyConfigFile,
  reconcilePolicyConfig,
} from "./policy-config";
export { controlIdsFromTags } from "./controls-from-tags";
