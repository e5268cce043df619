/**
 * Builds a SecureAiPlatform in-process the way `secure-ai check` records a program: under Pulumi's mock
 * runtime in preview mode (values computed by other resources are unknown), with the preflight's own
 * provider-like mocks and monitor recorder, so the recorded resources are what the engine would hand the
 * policy pack (inputs with unknowns and secrets marked, parents, property dependencies, options).
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../../../components/platform";
import type { SecureAiPlatformArgs } from "../../../components/spec/args";
import type { RecordedResource } from "../../../preflight/model";
import { cloudIdentitiesFromConfig } from "../../../preflight/engine/cloud-identities";
import type { MonitorLike } from "../../../preflight/engine/monitor-requests";
import { createPreviewMocks } from "../../../preflight/engine/preview-mocks";
import { DeclaredProperties } from "../../../preflight/engine/stand-ins/declared-properties";
import { MonitorRecorder } from "../../../preflight/engine/recorder";

/** Project and stack names of the captured runs. */
export const CAPTURE_PROJECT = "secure-ai-reliability";
/** Stack name of the captured runs. */
export const CAPTURE_STACK = "property";

interface RuntimeInternals {
  getMonitor(): MonitorLike | undefined;
  waitForRPCs(): Promise<void>;
}

const runtime = pulumi.runtime as unknown as RuntimeInternals;

/**
 * The mock monitor never reads the source positions and promise stack traces the SDK formats for every
 * resource; under ts-node's source-map support they dominate the build time. Drop both captures (the same
 * thing the preflight child does) so a thousand builds fit in a test run. Errors keep their stacks.
 */
function skipStackCaptures(): void {
  (pulumi.Resource as unknown as { callsites?: () => unknown[] }).callsites = () => [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
    debuggablePromise: (promise: Promise<unknown>, context: unknown) => Promise<unknown>;
    __reliabilityPatched?: boolean;
  };
  if (debuggable.__reliabilityPatched) return;
  const original = debuggable.debuggablePromise;
  debuggable.debuggablePromise = (promise, context) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return original(promise, context);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  debuggable.__reliabilityPatched = true;
}
skipStackCaptures();

/** What one build produced. */
export interface Capture {
  /** Every resource registered, in registration order (the component first). */
  resources: RecordedResource[];
  /** Number of registration requests the mock monitor received, including failed ones. */
  registrations: number;
  /** Outputs components registered, by URN (the platform's `controls` evidence among them). */
  componentOutputs: MonitorRecorder["resourceOutputs"];
}

/** A fresh mock runtime with a recorder attached; every build gets its own so runs never mix. */
export async function freshRuntime(
  preview = true,
): Promise<{ recorder: MonitorRecorder; count: () => number }> {
  await pulumi.runtime.setMocks(
    createPreviewMocks(
      cloudIdentitiesFromConfig({}),
      new DeclaredProperties((name) => path.dirname(require.resolve(`${name}/package.json`))),
      preview ? "preview" : "update",
    ),
    CAPTURE_PROJECT,
    CAPTURE_STACK,
    preview,
  );
  const monitor = runtime.getMonitor();
  if (monitor === undefined) throw new Error("setMocks installed no resource monitor");
  let registrations = 0;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    registrations += 1;
    return register(request, callback);
  };
  const recorder = new MonitorRecorder();
  recorder.attach(monitor, { project: CAPTURE_PROJECT, stack: CAPTURE_STACK });
  return { recorder, count: () => registrations };
}

/** Builds one platform under a fresh preview runtime and waits until every registration has completed. */
export async function capturePlatform(name: string, args: SecureAiPlatformArgs): Promise<Capture> {
  const { recorder, count } = await freshRuntime();
  new SecureAiPlatform(name, args);
  await runtime.waitForRPCs();
  return {
    resources: recorder.completedResources(),
    registrations: count(),
    componentOutputs: recorder.resourceOutputs,
  };
}
