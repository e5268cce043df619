import { analyzeStack, type AnalyzeStackArgs, type AnalyzeStackResult } from "../analyzer";
import {
  describeCompiler,
  listStacks,
  loadProject,
  readStackConfig,
  runStack,
  type RunStackArgs,
} from "../engine";
import type { StackRun } from "../model";

/** The preflight stages the CLI orchestrates; tests substitute their own. */
export interface CheckStages {
  /** Stacks of a program (`["default"]` without stack config files). */
  listStacks(programDir: string): string[];
  /** Runs one stack under the mock runtime. */
  runStack(args: RunStackArgs): Promise<StackRun>;
  /** Runs the policy packs over a stack's resources. */
  analyzeStack(args: AnalyzeStackArgs): Promise<AnalyzeStackResult>;
  /** The stack's config as `<namespace>:<key>` → string, what the packs read as stack config. */
  stackConfig(programDir: string, stack: string): Record<string, string>;
  /**
   * The project's name, read before the program runs so that the packs can start meanwhile.
   * @default none: the packs start after the program, with the name the run reports
   */
  projectName?(programDir: string): string;
  /**
   * The TypeScript compiler the program is compiled with, in one line (shown with `--verbose`).
   * @default none shown
   */
  compilerOf?(programDir: string): string | undefined;
}

/** The real stages: the engine in `preflight/engine`, the analyzer in `preflight/analyzer`. */
export const defaultStages: CheckStages = {
  listStacks,
  runStack,
  analyzeStack,
  projectName: (programDir) => loadProject(programDir).name,
  compilerOf: describeCompiler,
  stackConfig(programDir, stack) {
    const config = readStackConfig(loadProject(programDir), stack);
    return Object.fromEntries(
      Object.entries(config.values).map(([key, value]) => [
        key,
        typeof value === "string" ? value : JSON.stringify(value),
      ]),
    );
  },
};
