import type { StackRun } from "../model";

/** What the parent asks the child process to run; written to a temp file whose path the child receives. */
export interface ChildJob {
  project: string;
  stack: string;
  /** Absolute project directory; the child runs there, as the Pulumi language host does. */
  projectDir: string;
  /** Absolute program entry (file or directory). */
  main: string;
  typescript: boolean;
  /** tsconfig path relative to the project directory. */
  tsconfig: string;
  /** Stack config values (fully qualified keys), for the mocks' cloud identities. */
  config: Record<string, unknown>;
  /** Where the child writes its {@link ChildResult}. */
  resultFile: string;
  /** Run as `pulumi preview` (outputs of created resources unknown) or as `pulumi up` (stand-ins known). */
  mode: "preview" | "update";
}

/** What the child writes back. */
export type ChildResult =
  | { ok: true; run: StackRun; stats: ChildStats }
  | { ok: false; error: { kind: "usage" | "program"; message: string; stack?: string; name?: string } };

/** Resource use of the child process that ran the program. */
export interface ChildStats {
  /** Peak resident set size of the child, in kilobytes. */
  maxRssKb: number;
}

/** Environment variable that carries the job file path to the child. */
export const JOB_FILE_ENV = "SECURE_AI_PREFLIGHT_JOB";
