/**
 * Builds the compiled, self-contained copies of the pack that the Pulumi CLI runs outside this repository:
 *
 * - `npx ts-node policy-packs/secure-ai/scripts/build-publish.ts [OUT_DIR]` (default
 *   `policy-packs/secure-ai/publish`) writes a folder to publish: `cd OUT_DIR && pulumi policy publish [ORG]`
 *   (the command takes an organization and publishes the current directory).
 * - `... build-publish.ts --package` (part of `npm run build`) compiles the pack into
 *   `policy-packs/secure-ai/dist/`, which the npm package ships beside `PulumiPolicy.yaml`, `package.json`
 *   and `index.js`: the installed `node_modules/secure-ai-platform/policy-packs/secure-ai` then runs with
 *   `pulumi preview --policy-pack` and publishes from its own directory.
 *
 * Why: in this repository the pack imports the controls catalog from `components/controls`, outside the pack
 * folder, and resolves `@pulumi/policy` from the repository's node_modules. The CLI publishes only the pack
 * folder and installs its package.json dependencies, so the published folder must contain the catalog too.
 * This compiles the pack and everything it imports into `<folder>/dist` (JavaScript: no ts-node or type
 * checking at start-up); the publish folder gets a package.json whose `main` is the compiled pack and whose
 * dependencies are only the policy SDK and the Pulumi SDK.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const packDir = path.resolve(__dirname, "..");
const repositoryRoot = path.resolve(packDir, "..", "..");

/** Compiles the pack into `outDir` and returns the files written. */
export function buildPublishFolder(outDir: string): string[] {
  fs.rmSync(outDir, { recursive: true, force: true });
  const written = compilePack(path.join(outDir, "dist"));
  const source = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const manifest = {
    name: source.name,
    version: source.version,
    description: source.description,
    license: source.license,
    main: "dist/policy-packs/secure-ai/index.js",
    dependencies: source.dependencies,
  };
  fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ["PulumiPolicy.yaml", "README.md"]) {
    fs.copyFileSync(path.join(packDir, file), path.join(outDir, file));
  }
  return written;
}

/**
 * Compiles the pack and everything it imports (policies, helpers, the controls catalog) into `distDir`,
 * laid out as in the repository (`distDir/policy-packs/secure-ai/index.js`, `distDir/components/...`).
 *
 * @param distDir - the folder to write; emptied first.
 * @returns the files written.
 */
export function compilePack(distDir: string): string[] {
  fs.rmSync(distDir, { recursive: true, force: true });
  // index.ts loads pack.ts with a plain require() (nothing is imported for types at start-up).
  const entries = ["index.ts", "pack.ts"].map((file) => path.join(packDir, file));
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
    rootDir: repositoryRoot,
    outDir: distDir,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new Error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => repositoryRoot,
        getNewLine: () => "\n",
      }),
    );
  }
  const written: string[] = [];
  program.emit(undefined, (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  });
  return written;
}

if (require.main === module) {
  if (process.argv[2] === "--package") {
    const distDir = path.join(packDir, "dist");
    const written = compilePack(distDir);
    console.log(`wrote ${written.length} files to ${distDir} (the compiled pack the npm package ships)`);
  } else {
    const outDir = path.resolve(process.argv[2] ?? path.join(packDir, "publish"));
    const written = buildPublishFolder(outDir);
    console.log(
      `wrote ${written.length} files to ${outDir}; publish with: cd ${outDir} && pulumi policy publish [ORG]`,
    );
  }
}
