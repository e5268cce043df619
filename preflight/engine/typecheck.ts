/**
 * The type check `pulumi preview` does through ts-node, done once per project and run beside the program's
 * runs (a child process, `typecheck-child.ts`). It applies to TypeScript programs only, and is skipped as the
 * language host skips it (`PULUMI_NODEJS_TRANSPILE_ONLY=true`, `noCheck` in the tsconfig), with
 * `runtime.options.typescript: false`, or on request (the CLI's `--skip-typecheck`). The compiler is the one
 * the Pulumi CLI would use (`program-compiler.ts`), named in the error.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { childEntryArguments } from "./child-entry";
import { esmEntryFile, programModuleType } from "./esm-loader";
import { PreflightTypeError } from "./errors";
import { trackProcess } from "./live-processes";
import {
  automaticEsmMode,
  describeProgramCompiler,
  programDirectoryOf,
  resolveProgramCompiler,
} from "./program-compiler";
import type { PulumiProject } from "./project";
import { cachedTypeErrors } from "./typecheck-cache";
import { TYPECHECK_JOB_ENV, type TypeCheckJob, type TypeCheckResult } from "./typecheck-child";

/** Checks already started in this process, by project directory, entry and tsconfig. */
const started = new Map<string, Promise<void>>();

/**
 * Whether a project's program is type-checked: a TypeScript entry, TypeScript enabled, and none of the
 * language host's own switches (`PULUMI_NODEJS_TRANSPILE_ONLY`, tsconfig `noCheck`) says no.
 *
 * @param project - the loaded project.
 * @param env - environment variables. @default process.env
 * @returns the TypeScript entry file to check from, or undefined to skip.
 */
export function typeCheckEntry(
  project: PulumiProject,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (!project.runtime.typescript) {
    return undefined;
  }
  const transpileOnly = env["PULUMI_NODEJS_TRANSPILE_ONLY"];
  if (transpileOnly === "true" || (transpileOnly === undefined && tsconfigSaysNoCheck(project))) {
    return undefined;
  }
  const entry = entryFile(project.main);
  return entry !== undefined && /\.[mc]?tsx?$/.test(entry) && !entry.endsWith(".d.ts") ? entry : undefined;
}

/**
 * Type-checks a project's program once per process (later calls share the first check) and rejects with
 * {@link PreflightTypeError} listing every error, one line each.
 *
 * @param project - the loaded project.
 */
export function typeCheckProject(project: PulumiProject): Promise<void> {
  const entry = typeCheckEntry(project);
  if (entry === undefined) {
    return Promise.resolve();
  }
  const key = JSON.stringify([project.dir, entry, project.runtime.tsconfig]);
  let check = started.get(key);
  if (check === undefined) {
    check = runTypeCheck(project, entry);
    started.set(key, check);
    // A failed check is not reused: the next run may come after the user fixed the file.
    check.catch(() => started.delete(key));
  }
  return check;
}

async function runTypeCheck(project: PulumiProject, entry: string): Promise<void> {
  const programDir = programDirectoryOf(project.main);
  const compiler = resolveProgramCompiler(programDir);
  const key = {
    projectDir: project.dir,
    programDir,
    entry,
    tsconfig: project.runtime.tsconfig,
    esm: programModuleType(project.main) === "module" && automaticEsmMode(compiler, project.runtime.nodeArgs),
  };
  const compilerName = describeProgramCompiler(compiler);
  // An unchanged program is answered from the cache here, without starting the compiler's process.
  const cached = cachedTypeErrors(key);
  if (cached !== undefined) {
    if (cached.length > 0) {
      throw new PreflightTypeError(cached, compilerName);
    }
    return;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-typecheck-"));
  try {
    const job: TypeCheckJob = { ...key, resultFile: path.join(workDir, "result.json") };
    const jobFile = path.join(workDir, "job.json");
    fs.writeFileSync(jobFile, JSON.stringify(job));
    const output = await runChild(project, jobFile);
    let result: TypeCheckResult;
    try {
      result = JSON.parse(fs.readFileSync(job.resultFile, "utf8")) as TypeCheckResult;
    } catch {
      throw new PreflightTypeError(
        [`the type check stopped without a result: ${output.trim().slice(-2_000)}`],
        compilerName,
      );
    }
    if (result.errors.length > 0) {
      throw new PreflightTypeError(result.errors, compilerName);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function runChild(project: PulumiProject, jobFile: string): Promise<string> {
  const child = spawn(
    process.execPath,
    childEntryArguments("typecheck-child", "runTypeCheckChild", TYPECHECK_JOB_ENV),
    {
      cwd: project.dir,
      env: { ...process.env, [TYPECHECK_JOB_ENV]: jobFile },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  trackProcess(child, () => child.kill("SIGKILL"));
  let output = "";
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => resolve(output));
  });
}

function entryFile(main: string): string | undefined {
  try {
    if (!fs.statSync(main).isDirectory()) {
      return main;
    }
    const manifest = path.join(main, "package.json");
    if (fs.existsSync(manifest)) {
      const packageMain = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: unknown }).main;
      if (typeof packageMain === "string") {
        const resolved = path.resolve(main, packageMain);
        const candidates = [resolved, `${resolved}.ts`, path.join(resolved, "index.ts")];
        return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
      }
    }
    if (programModuleType(main) === "module") {
      return esmEntryFile(main);
    }
    // `require` of a directory prefers index.js over index.ts, as the language host warns.
    return ["index.js", "index.ts"].map((file) => path.join(main, file)).find((file) => fs.existsSync(file));
  } catch {
    return undefined;
  }
}

function tsconfigSaysNoCheck(project: PulumiProject): boolean {
  try {
    const text = fs.readFileSync(path.resolve(project.dir, project.runtime.tsconfig), "utf8");
    return /"noCheck"\s*:\s*true/.test(text);
  } catch {
    return false;
  }
}
