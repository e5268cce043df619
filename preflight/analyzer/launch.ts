/**
 * Starts a policy pack the way the Pulumi CLI does for a `runtime: nodejs` pack: the CLI's
 * `pulumi-analyzer-policy` shim resolves `@pulumi/pulumi/cmd/run-policy-pack` from the pack directory and
 * runs `node <that script> <engine address> . [-<runtime option>=<value>...]` with the pack directory as
 * working directory and the stack described in `PULUMI_*` environment variables. `run-policy-pack`
 * registers ts-node (so `index.ts` packs work), loads the pack, and `new PolicyPack(...)` binds a gRPC
 * server on 127.0.0.1 and prints its port as the first line of stdout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { type PackProgram, resolvePackProgram } from "./pack-program";

/** Raised when a pack cannot be started; the message carries the pack's stderr. */
export class PolicyPackStartError extends Error {
  override readonly name = "PolicyPackStartError";
  /** What the pack wrote on stderr before it failed (trimmed). */
  readonly stderr: string;
  /** Process ID of the pack that failed, when it was started (it has been stopped). */
  readonly pid?: number;

  constructor(message: string, stderr = "", pid?: number) {
    const trimmed = stderr.replace(/\u001b\[[0-9;]*m/g, "").trim();
    super(trimmed ? `${message}\n--- policy pack stderr ---\n${trimmed}` : message);
    this.stderr = trimmed;
    this.pid = pid;
  }
}

/** The stack the pack is run for; becomes the `PULUMI_*` environment the CLI sets. */
export interface PackStackContext {
  /** Project name (`PULUMI_PROJECT`, `PULUMI_NODEJS_PROJECT`). */
  project: string;
  /** Stack name (`PULUMI_STACK`, `PULUMI_NODEJS_STACK`). */
  stack: string;
  /** Organization (`PULUMI_ORGANIZATION`); left unset when empty. @default "" */
  organization?: string;
  /** Whether this is a preview (`PULUMI_DRY_RUN`). */
  dryRun: boolean;
  /** Stack configuration, `<namespace>:<key>` to string value (`PULUMI_CONFIG`). @default {} */
  config?: Record<string, string>;
}

/** Options for {@link launchPolicyPack}. */
export interface LaunchOptions {
  /** Stack context passed through the environment; without it no `PULUMI_*` variable is added. */
  context?: PackStackContext;
  /**
   * How long to wait for the port line.
   * @default `SECURE_AI_PACK_START_TIMEOUT` seconds when set to a positive number, else 60000
   */
  startTimeoutMs?: number;
  /** Extra environment variables (tests, debugging). @default {} */
  env?: Record<string, string>;
  /**
   * Run the pack's compiled copy (`<package>/dist/<pack path>`) when it is newer than every TypeScript source
   * of the package, instead of its TypeScript source (see `pack-program.ts`).
   * @default true
   */
  preferCompiled?: boolean;
}

/** A running policy pack. */
export interface PolicyPackProcess {
  /** Absolute pack directory. */
  dir: string;
  /** `127.0.0.1:<port>` of the pack's Analyzer service. */
  address: string;
  /** Process ID of the pack (leader of its own process group). */
  pid: number;
  /** Milliseconds from spawn until the port was printed. */
  startMs: number;
  /** The code the pack runs: its directory's source, or its compiled copy. */
  program: PackProgram;
  /** The `version` from PulumiPolicy.yaml, which the CLI prefers over the pack's own, if present. */
  manifestVersion?: string;
  /** Everything the pack wrote to stderr so far. */
  stderr(): string;
  /** Whether the process has exited. */
  exited(): boolean;
  /** Stops the pack and every process it started; resolves once it is gone. Safe to call twice. */
  close(): Promise<void>;
}

/** Placeholder engine address: `run-policy-pack` requires the argument but packs do not call the engine. */
const NO_ENGINE_ADDRESS = "127.0.0.1:0";
const STDERR_LIMIT = 64 * 1024;
const KILL_GRACE_MS = 1500;

/** Processes started here that are still alive, killed if this process exits or is signalled first. */
const livePacks = new Set<ChildProcess>();
let exitHooksInstalled = false;

/**
 * Packs run in their own process group (so `close()` can stop anything they start), which also means a
 * Ctrl-C or `kill` aimed at this process would not reach them. These hooks stop them on exit and on
 * SIGINT/SIGTERM/SIGHUP; when nobody else handles the signal, it is then re-raised so the process still
 * ends the way it would have without the hook.
 */
function installExitHooks(): void {
  if (exitHooksInstalled) {
    return;
  }
  exitHooksInstalled = true;
  process.on("exit", killAllPacks);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      killAllPacks();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

function killAllPacks(): void {
  for (const child of livePacks) {
    killGroup(child, "SIGKILL");
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/** What the CLI reads from `PulumiPolicy.yaml`. */
interface PolicyManifest {
  runtime: string;
  options: Record<string, unknown>;
  version?: string;
}

function readManifest(dir: string): PolicyManifest {
  const file = path.join(dir, "PulumiPolicy.yaml");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new PolicyPackStartError(`Policy pack ${dir} has no PulumiPolicy.yaml`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new PolicyPackStartError(`Cannot parse ${file}: ${(error as Error).message}`);
  }
  const manifest = (doc ?? {}) as { runtime?: unknown; version?: unknown };
  const runtime = manifest.runtime;
  const name = typeof runtime === "string" ? runtime : (runtime as { name?: unknown } | undefined)?.name;
  if (typeof name !== "string" || name === "") {
    throw new PolicyPackStartError(`${file} does not name a runtime`);
  }
  if (name !== "nodejs") {
    throw new PolicyPackStartError(
      `${file} has runtime '${name}'; the preflight runs nodejs policy packs only`,
    );
  }
  const options =
    typeof runtime === "object" && runtime !== null
      ? (((runtime as { options?: unknown }).options ?? {}) as Record<string, unknown>)
      : {};
  const version = manifest.version === undefined ? undefined : String(manifest.version);
  return { runtime: name, options, version };
}

/** `SECURE_AI_PACK_START_TIMEOUT` (seconds) in milliseconds, when it holds a positive number. */
function startTimeoutFromEnvironment(): number | undefined {
  const seconds = Number(process.env["SECURE_AI_PACK_START_TIMEOUT"]);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1_000) : undefined;
}

/** Resolves `run-policy-pack` from the pack directory as the CLI shim does, else from this package's SDK. */
export function resolveRunPolicyPack(dir: string): string {
  const request = "@pulumi/pulumi/cmd/run-policy-pack";
  try {
    return require.resolve(request, { paths: [dir] });
  } catch {
    return require.resolve(request);
  }
}

/** The environment the CLI gives a nodejs pack (its own environment plus the stack). */
export function packEnvironment(context: PackStackContext | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) {
      env[key] = value;
    }
  }
  if (!context) {
    return env;
  }
  const set = (key: string, value: string | undefined): void => {
    if (value) {
      env[key] = value;
    }
  };
  if (context.config) {
    set("PULUMI_CONFIG", JSON.stringify(context.config));
  }
  const dryRun = String(context.dryRun);
  for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
    set(`${prefix}ORGANIZATION`, context.organization);
    set(`${prefix}PROJECT`, context.project);
    set(`${prefix}STACK`, context.stack);
    set(`${prefix}DRY_RUN`, dryRun);
  }
  return env;
}

/**
 * Starts the policy pack in `packDir` and waits until it prints its port. On any failure (missing
 * directory or manifest, crash, a first stdout line that is not a port, timeout) the process group is
 * killed and a {@link PolicyPackStartError} carrying the pack's stderr is thrown.
 */
export async function launchPolicyPack(
  packDir: string,
  options: LaunchOptions = {},
): Promise<PolicyPackProcess> {
  const dir = path.resolve(packDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new PolicyPackStartError(`Policy pack directory ${dir} does not exist`);
  }
  const manifest = readManifest(dir);
  const script = resolveRunPolicyPack(dir);
  const program = resolvePackProgram(dir, options.preferCompiled ?? true);
  const optionArgs = Object.entries(manifest.options)
    .map(([key, value]) => [key, String(value)] as const)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `-${key}=${value}`);
  const timeoutMs = options.startTimeoutMs ?? startTimeoutFromEnvironment() ?? 60_000;

  installExitHooks();
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script, NO_ENGINE_ADDRESS, program.program, ...optionArgs], {
    cwd: dir,
    env: { ...packEnvironment(options.context), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  livePacks.add(child);

  let stderr = "";
  let hasExited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once("exit", () => {
      hasExited = true;
      livePacks.delete(child);
      resolve();
    });
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) {
      stderr += chunk;
    }
  });

  const close = async (): Promise<void> => {
    if (!hasExited) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), KILL_GRACE_MS);
      await exitedPromise;
      clearTimeout(timer);
    }
    // Children of the pack share its process group; make sure none outlives it.
    killGroup(child, "SIGKILL");
  };

  let port: number;
  try {
    port = await waitForPort(child, exitedPromise, timeoutMs, dir);
  } catch (error) {
    await close();
    // Let the last stderr chunks arrive before composing the message.
    await new Promise((resolve) => setImmediate(resolve));
    if (error instanceof PolicyPackStartError) {
      throw new PolicyPackStartError(error.message, stderr, child.pid);
    }
    throw error;
  }
  const startMs = performance.now() - startedAt;
  // Keep draining stdout so a chatty pack never blocks on a full pipe.
  child.stdout.resume();

  return {
    dir,
    address: `127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    startMs,
    program,
    manifestVersion: manifest.version,
    stderr: () => stderr,
    exited: () => hasExited,
    close,
  };
}

/** Reads the first stdout line, which the CLI requires to be the port number. */
function waitForPort(
  child: ChildProcess,
  exited: Promise<void>,
  timeoutMs: number,
  dir: string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let buffered = "";
    let settled = false;
    const finish = (action: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        child.stdout?.removeListener("data", onData);
        action();
      }
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new PolicyPackStartError(`Policy pack ${dir} did not print its port within ${timeoutMs} ms`),
          ),
        ),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const newline = buffered.indexOf("\n");
      if (newline < 0) {
        return;
      }
      const line = buffered.slice(0, newline).trim();
      const port = Number(line);
      if (/^\d+$/.test(line) && port > 0 && port < 65536) {
        finish(() => resolve(port));
      } else {
        finish(() =>
          reject(
            new PolicyPackStartError(
              `Policy pack ${dir} printed '${line.slice(0, 200)}' where the Pulumi CLI expects the port as the first line of stdout`,
            ),
          ),
        );
      }
    };
    child.stdout?.on("data", onData);
    void exited.then(() =>
      finish(() =>
        reject(
          new PolicyPackStartError(
            `Policy pack ${dir} exited with code ${String(child.exitCode ?? child.signalCode)} before it printed its port`,
          ),
        ),
      ),
    );
    child.once("error", (error) =>
      finish(() => reject(new PolicyPackStartError(`Cannot start policy pack ${dir}: ${error.message}`))),
    );
  });
}
