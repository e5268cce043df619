/**
 * The preflight's program engine: loads a Pulumi project, reads a stack's config and runs the program
 * offline under Pulumi's mock runtime in preview mode, recording every resource the engine would see.
 */
import type { StackRun } from "../model";
import { PreflightUsageError } from "./errors";
import { describeProgramCompiler, programDirectoryOf, resolveProgramCompiler } from "./program-compiler";
import { listStackFiles, loadProject } from "./project";
import { type RunProgramOptions, runProgram } from "./run-program";
import { DEFAULT_STACK, readStackConfig } from "./stack-config";
import { typeCheckProject } from "./typecheck";

export {
  PreflightProgramError,
  PreflightTypeError,
  PreflightUsageError,
  EXIT_CODE_CANNOT_RUN,
} from "./errors";
export { killLiveProcesses } from "./live-processes";
export { loadProject, type PulumiProject } from "./project";
export { readStackConfig, DEFAULT_STACK, type StackConfig } from "./stack-config";
export type { RunProgramOptions } from "./run-program";
export type { ChildStats } from "./child-protocol";

/** Arguments of {@link runStack}. */
export interface RunStackArgs extends RunProgramOptions {
  /** Directory holding the project's Pulumi.yaml. */
  programDir: string;
  /**
   * Stack to run.
   * @default `default` when the project has no stack config files; required otherwise
   */
  stack?: string;
  /**
   * Type-check a TypeScript program as `pulumi preview` does (once per project and process, beside the run);
   * type errors reject with PreflightTypeError. Skipped where the language host would skip it
   * (`PULUMI_NODEJS_TRANSPILE_ONLY=true`, tsconfig `noCheck`, `typescript: false`) and for JavaScript programs.
   * @default false
   */
  typeCheck?: boolean;
}

/**
 * Lists the stacks to run for a project: one per `Pulumi.<stack>.yaml`, sorted, or `["default"]` when the
 * project has no stack config files.
 *
 * @param programDir - directory holding Pulumi.yaml.
 * @throws PreflightUsageError when the project cannot be loaded.
 */
export function listStacks(programDir: string): string[] {
  const stacks = listStackFiles(loadProject(programDir));
  return stacks.length > 0 ? stacks : [DEFAULT_STACK];
}

/**
 * The TypeScript compiler a project's program is compiled with, as the Pulumi CLI finds it (the program's
 * `@pulumi/pulumi` resolves `typescript` and `ts-node`, else uses its vendored TypeScript 3.8.3 and ts-node
 * 7.0.1), in one line.
 *
 * @param programDir - directory holding Pulumi.yaml.
 * @returns undefined when the project turns TypeScript off or no compiler can be found (the run says why).
 */
export function describeCompiler(programDir: string): string | undefined {
  const project = loadProject(programDir);
  if (!project.runtime.typescript) {
    return undefined;
  }
  try {
    return describeProgramCompiler(resolveProgramCompiler(programDirectoryOf(project.main)));
  } catch {
    return undefined;
  }
}

/**
 * Runs one stack of a Pulumi program offline, as `pulumi preview` would, and returns what it registered.
 *
 * @param args - program directory, stack and output handling.
 * @throws PreflightUsageError for a project or config the preflight cannot use.
 * @throws PreflightProgramError when the program itself fails.
 * @throws PreflightTypeError with `typeCheck` when the program has type errors.
 */
export async function runStack(args: RunStackArgs): Promise<StackRun> {
  const project = loadProject(args.programDir);
  const stacks = listStackFiles(project);
  const stack = args.stack ?? (stacks.length === 0 ? DEFAULT_STACK : undefined);
  if (stack === undefined) {
    throw new PreflightUsageError(
      `${project.dir} has several stacks (${stacks.join(", ")}); choose one with --stack.`,
      {
        file: project.projectFile,
      },
    );
  }
  const config = readStackConfig(project, stack);
  const checked = args.typeCheck === true ? typeCheckProject(project) : Promise.resolve();
  const [types, run] = await Promise.allSettled([checked, runProgram(project, stack, config, args)]);
  // Type errors first: a program that fails to run often fails because of them.
  if (types.status === "rejected") {
    throw types.reason;
  }
  if (run.status === "rejected") {
    throw run.reason;
  }
  return run.value;
}
