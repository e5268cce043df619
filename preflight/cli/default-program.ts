import * as fs from "node:fs";
import * as path from "node:path";

/** Names the Pulumi CLI (and the preflight engine) accept for a project file. */
const PROJECT_FILE_NAMES = ["Pulumi.yaml", "Pulumi.yml"];

/** Whether `dir` holds a Pulumi project file. */
export function holdsPulumiProject(dir: string): boolean {
  return PROJECT_FILE_NAMES.some((name) => fs.existsSync(path.join(dir, name)));
}

/**
 * The program `secure-ai check` runs when `--program` is not given: the current directory when it holds a
 * Pulumi.yaml (the user's project); otherwise the package's bundled project, which only a checkout of this
 * repository has; otherwise `undefined`, and the user has to say which project.
 *
 * @param cwd - the current working directory.
 * @param bundledProgramDir - the package's own project, `undefined` in an installed package.
 */
export function defaultProgramDir(cwd: string, bundledProgramDir: string | undefined): string | undefined {
  return holdsPulumiProject(cwd) ? cwd : bundledProgramDir;
}
