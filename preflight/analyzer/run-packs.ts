/**
 * Runs policy packs over a stack's recorded resources, in the order of calls the Pulumi CLI makes during a
 * preview: start each pack, Handshake, ConfigureStack, GetAnalyzerInfo, Configure; then per resource a
 * Remediate pass over all packs (each pack sees the inputs the previous one remediated) followed by an
 * Analyze pass; finally one AnalyzeStack per pack; then stop the packs.
 */
import {
  type EnforcementLevel,
  type Examination,
  type Finding,
  type Pass,
  type PolicyInfo,
  type PolicyPackSummary,
  type RecordedResource,
  type RecordedValue,
} from "../model";
import {
  AnalyzerClient,
  type AnalyzeDiagnostic,
  type AnalyzerInfo,
  type AnalyzerResourceInput,
  type RemediationResult,
} from "./client";
import { cannotRunDetail, resourceExaminations, stackExaminations } from "./examinations";
import { launchPolicyPack, type PolicyPackProcess } from "./launch";
import {
  parsePolicyConfig,
  readPolicyConfigFile,
  reconcilePolicyConfig,
  type PolicyConfigFile,
} from "./policy-config";
import { indexByUrn, toAnalyzerResource } from "./resource-input";

/** One pack to run. */
export interface PackSpec {
  /** Pack directory (with PulumiPolicy.yaml). */
  dir: string;
  /** Config in the CLI's `--policy-pack-config` format: a file path, or the parsed JSON. @default none */
  config?: string | Record<string, unknown>;
}

/** Arguments of {@link analyzeStack}. */
export interface AnalyzeStackArgs {
  packs: PackSpec[];
  /**
   * Resources in registration order, or a promise of them: the packs start at once and the analysis waits
   * for the resources, so a program and the packs' start-up overlap as under the Pulumi CLI. If the promise
   * rejects, the packs are stopped and its error is thrown.
   */
  resources: readonly RecordedResource[] | Promise<readonly RecordedResource[]>;
  stack: string;
  project: string;
  /** Whether this is a preview (`pulumi preview`) rather than an update (`pulumi up`). */
  dryRun: boolean;
  /** Organization name passed to the packs. @default "" */
  organization?: string;
  /** Stack configuration (`<namespace>:<key>` to string) the packs can read. @default {} */
  stackConfig?: Record<string, string>;
  /** Stack tags (`args.stackTags` in policies). @default {} */
  stackTags?: Record<string, string>;
  /** Per-pack start timeout. @default 60000 */
  startTimeoutMs?: number;
  /**
   * Run a pack's fresh compiled copy (`<package>/dist/<pack path>`) instead of its TypeScript source when
   * there is one (see `pack-program.ts`).
   * @default true
   */
  preferCompiled?: boolean;
  /** Resources analyzed concurrently (results keep registration order). @default 8 */
  concurrency?: number;
  /** Called once per pack as soon as it serves (progress, timing, tests). @default none */
  onLaunched?: (pack: PolicyPackProcess) => void;
  /**
   * Called once per pack after its last answer (AnalyzeStack), while it still runs: before it is stopped
   * (timing, e.g. the pack's CPU time; tests). @default none
   */
  onAnswered?: (pack: PolicyPackProcess) => void;
}

/** A pack as it ran. */
export interface PackRun extends PolicyPackSummary {
  /** Absolute pack directory. */
  dir: string;
  /** Milliseconds from spawn until the pack served. */
  startMs: number;
}

/** Result of {@link analyzeStack}. */
export interface AnalyzeStackResult {
  packs: PackRun[];
  /** Per resource (registration order, packs in given order), then stack findings per pack. */
  findings: Finding[];
  /** Inputs after remediation, for the resources a remediation changed. */
  remediatedInputs: Record<string, Record<string, RecordedValue>>;
  /**
   * What each policy examined (per resource, then per stack policy), as the packs' answers showed it. The
   * policy SDK's "can't run policy ... during preview" advisories become `unknown-inputs` examinations here,
   * not findings: the policy did not run.
   */
  examinations: Examination[];
}

interface ActivePack {
  packProcess: PolicyPackProcess;
  client: AnalyzerClient;
  info: AnalyzerInfo;
  policies: Map<string, PolicyInfo>;
  version: string;
  remediates: boolean;
}

/** Runs `args.packs` over `args.resources` and returns each pack's policies and all findings. */
export async function analyzeStack(args: AnalyzeStackArgs): Promise<AnalyzeStackResult> {
  const configs = args.packs.map((pack) => loadConfig(pack));
  const [launched, recorded] = await Promise.allSettled([launchAll(args), Promise.resolve(args.resources)]);
  if (recorded.status === "rejected") {
    if (launched.status === "fulfilled") {
      await Promise.all(launched.value.map((packProcess) => packProcess.close()));
    }
    throw recorded.reason;
  }
  if (launched.status === "rejected") {
    throw launched.reason;
  }
  const packProcesses = launched.value;
  const resources = recorded.value;
  const clients = packProcesses.map((packProcess) => new AnalyzerClient(packProcess.address));
  try {
    const packs = await Promise.all(
      packProcesses.map((packProcess, index) => prepare(packProcess, clients[index]!, configs[index]!, args)),
    );
    const byUrn = indexByUrn(resources);
    const inputs = resources.map((resource) => toAnalyzerResource(resource, byUrn));
    const pass: Pass = args.dryRun ? "preview" : "update";
    const perResource = await mapConcurrently(inputs, args.concurrency ?? 8, (input) =>
      analyzeOne(packs, input, pass),
    );
    const perStack = await Promise.all(packs.map((pack) => analyzeWholeStack(pack, inputs, pass)));
    for (const pack of packs) {
      args.onAnswered?.(pack.packProcess);
    }

    const remediatedInputs: Record<string, Record<string, RecordedValue>> = {};
    inputs.forEach((input, index) => {
      if (input.properties !== resources[index]!.inputs) {
        remediatedInputs[input.urn] = input.properties;
      }
    });
    return {
      packs: packs.map((pack) => ({
        name: pack.info.name,
        version: pack.version,
        policies: [...pack.policies.values()],
        dir: pack.packProcess.dir,
        startMs: pack.packProcess.startMs,
      })),
      findings: [...perResource.flatMap((one) => one.findings), ...perStack.flatMap((one) => one.findings)],
      remediatedInputs,
      examinations: [
        ...perResource.flatMap((one) => one.examinations),
        ...perStack.flatMap((one) => one.examinations),
      ],
    };
  } finally {
    for (const client of clients) {
      client.close();
    }
    await Promise.all(packProcesses.map((packProcess) => packProcess.close()));
  }
}

function loadConfig(pack: PackSpec): { file: PolicyConfigFile; source: string } {
  if (pack.config === undefined) {
    return { file: {}, source: "policy config" };
  }
  if (typeof pack.config === "string") {
    return { file: readPolicyConfigFile(pack.config), source: `Policy config ${pack.config}` };
  }
  return { file: parsePolicyConfig(pack.config), source: `policy config for ${pack.dir}` };
}

/** Starts every pack; if one fails, stops the others and rethrows the first failure in pack order. */
async function launchAll(args: AnalyzeStackArgs): Promise<PolicyPackProcess[]> {
  const context = {
    project: args.project,
    stack: args.stack,
    organization: args.organization,
    dryRun: args.dryRun,
    config: args.stackConfig,
  };
  const settled = await Promise.allSettled(
    args.packs.map(async (pack) => {
      const launched = await launchPolicyPack(pack.dir, {
        context,
        startTimeoutMs: args.startTimeoutMs,
        preferCompiled: args.preferCompiled,
      });
      try {
        args.onLaunched?.(launched);
      } catch (error) {
        await launched.close();
        throw error;
      }
      return launched;
    }),
  );
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(
      settled.map((result) => (result.status === "fulfilled" ? result.value.close() : undefined)),
    );
    throw failure.reason;
  }
  return settled.map((result) => (result as PromiseFulfilledResult<PolicyPackProcess>).value);
}

async function prepare(
  packProcess: PolicyPackProcess,
  client: AnalyzerClient,
  config: { file: PolicyConfigFile; source: string },
  args: AnalyzeStackArgs,
): Promise<ActivePack> {
  await client.handshake(packProcess.dir);
  await client.configureStack({
    stack: args.stack,
    project: args.project,
    organization: args.organization,
    dryRun: args.dryRun,
    config: args.stackConfig,
    tags: args.stackTags,
  });
  const info = await client.getAnalyzerInfo();
  const reconciled = reconcilePolicyConfig(info, config.file, config.source);
  await client.configure(reconciled);
  const policies = new Map<string, PolicyInfo>();
  for (const policy of info.policies) {
    policies.set(policy.name, { ...policy, enforcementLevel: reconciled[policy.name]!.enforcementLevel });
  }
  return {
    packProcess,
    client,
    info,
    policies,
    // The CLI prefers the version in PulumiPolicy.yaml over the one the pack reports.
    version: packProcess.manifestVersion ?? info.version,
    remediates: [...policies.values()].some((policy) => policy.enforcementLevel === "remediate"),
  };
}

/** What the packs said about one resource, or about the stack. */
interface PackAnswers {
  findings: Finding[];
  examinations: Examination[];
}

async function analyzeOne(
  packs: ActivePack[],
  input: AnalyzerResourceInput,
  pass: Pass,
): Promise<PackAnswers> {
  const findings: Finding[] = [];
  const examinations: Examination[] = [];
  // Pass 1: remediations, chained across packs. A pack runs remediations only for policies at level
  // "remediate", so packs without one are skipped without changing the outcome.
  for (const pack of packs.filter((candidate) => candidate.remediates)) {
    const result = await pack.client.remediate(input);
    for (const remediation of result.remediations) {
      findings.push(remediationFinding(pack, remediation, input.urn, pass));
      if (remediation.properties && !remediation.diagnostic) {
        input.properties = remediation.properties;
      }
    }
  }
  // Pass 2: analysis of the final inputs; packs run side by side.
  const results = await Promise.all(packs.map((pack) => pack.client.analyze(input)));
  results.forEach((result, index) => {
    const pack = packs[index]!;
    for (const diagnostic of result.diagnostics) {
      if (cannotRunDetail(diagnostic) === undefined) {
        // Like the CLI, attribute a resource's diagnostics to the resource being analyzed.
        findings.push(diagnosticFinding(pack, diagnostic, input.urn, pass));
      }
    }
    examinations.push(...resourceExaminations(examiningPack(pack), input, result, pass));
  });
  return { findings, examinations };
}

async function analyzeWholeStack(
  pack: ActivePack,
  inputs: AnalyzerResourceInput[],
  pass: Pass,
): Promise<PackAnswers> {
  const result = await pack.client.analyzeStack(inputs);
  return {
    findings: result.diagnostics
      .filter((diagnostic) => cannotRunDetail(diagnostic) === undefined)
      .map((diagnostic) => diagnosticFinding(pack, diagnostic, diagnostic.urn, pass)),
    examinations: stackExaminations(examiningPack(pack), inputs, result, pass),
  };
}

function examiningPack(pack: ActivePack): { name: string; policies: Map<string, PolicyInfo> } {
  return { name: pack.info.name, policies: pack.policies };
}

function diagnosticFinding(
  pack: ActivePack,
  diagnostic: AnalyzeDiagnostic,
  urn: string | undefined,
  pass: Pass,
): Finding {
  const policy = pack.policies.get(diagnostic.policyName);
  // A violation of a remediate-level policy means the remediation did not fix it: the CLI reports mandatory.
  const enforcementLevel: EnforcementLevel =
    diagnostic.enforcementLevel === "remediate" ? "mandatory" : diagnostic.enforcementLevel;
  const finding: Finding = {
    policyPack: diagnostic.policyPackName || pack.info.name,
    policy: diagnostic.policyName,
    controls: policy?.controls ?? [],
    severity:
      diagnostic.severity !== "unspecified" ? diagnostic.severity : (policy?.severity ?? "unspecified"),
    enforcementLevel,
    message: diagnostic.message,
    passes: [pass],
  };
  if (urn) {
    finding.urn = urn;
  }
  return finding;
}

function remediationFinding(
  pack: ActivePack,
  remediation: RemediationResult,
  urn: string,
  pass: Pass,
): Finding {
  const policy = pack.policies.get(remediation.policyName);
  return {
    policyPack: remediation.policyPackName || pack.info.name,
    policy: remediation.policyName,
    controls: policy?.controls ?? [],
    severity: policy?.severity ?? "unspecified",
    // A remediation that could not run is shown as an advisory warning, as the CLI does.
    enforcementLevel: remediation.diagnostic ? "advisory" : "remediate",
    urn,
    message: remediation.diagnostic ?? `${remediation.description}\nremediated by the policy pack`,
    passes: [pass],
  };
}

/** Maps `items` with at most `limit` calls in flight; results keep the input order. */
async function mapConcurrently<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
