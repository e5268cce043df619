/**
 * Runs one build of builds.ts in a new Node process and returns the files it loaded (`require.cache`). Test
 * files share their worker's process (vitest.config.mts), which holds whatever the files before them loaded,
 * so which modules a build loads can only be seen in a process of its own. The process loads TypeScript as the
 * test workers do: ts-node in transpile-only mode, then the tests' cached hook (tests/setup).
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const TIMEOUT_MS = 120_000;
/**
 * Starts the line with the result. The exit code is not read: Pulumi's mock runtime may end the process with
 * its own when resources of the build still have promises pending (outputs nobody awaits), after the line.
 */
const MARKER = "modules loaded: ";

/**
 * @param build - a key of `builds` in builds.ts.
 * @returns absolute paths of every module the process had loaded when the build finished.
 * @throws Error with the process's stderr when the build fails.
 */
export function modulesLoadedBy(build: string): Promise<string[]> {
  const script = `
    require(${JSON.stringify(require.resolve("ts-node"))}).register({
      transpileOnly: true,
      compilerOptions: { module: "commonjs" },
    });
    require(${JSON.stringify(path.join(ROOT, "tests", "setup", "node-require-typescript.ts"))});
    const { builds } = require(${JSON.stringify(path.join(__dirname, "builds.ts"))});
    builds[${JSON.stringify(build)}]().then(
      () => {
        process.stdout.write(${JSON.stringify(MARKER)} + JSON.stringify(Object.keys(require.cache)) + "\\n");
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["-e", script],
      { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split("\n").find((candidate) => candidate.startsWith(MARKER));
        if (line === undefined) {
          reject(new Error(`build ${build} failed (${error?.message ?? "no result"}):\n${stderr}`));
          return;
        }
        resolve(JSON.parse(line.slice(MARKER.length)) as string[]);
      },
    );
  });
}
