/**
 * Entry point of the child process that type-checks a TypeScript program once per run, as ts-node does for
 * `pulumi preview` by default: the `typescript` the Pulumi CLI would use (`program-compiler.ts`: the one its
 * `@pulumi/pulumi` resolves, else the TypeScript 3.8.3 vendored in that package), its tsconfig's
 * compilerOptions, the files reachable from the entry (ts-node ignores the tsconfig's `files`/`include`),
 * and the diagnostics of the program's own files (not of `node_modules` or declaration files). Results are
 * cached (`typecheck-cache.ts`); the parent looks there first and starts this child only on a miss.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as ts from "typescript";
import { nodeNextByDefault, resolveProgramCompiler } from "./program-compiler";
import { cachedTypeErrors, storeTypeErrors } from "./typecheck-cache";

/** What the parent asks for. */
export interface TypeCheckJob {
  /** Absolute project directory (tsconfig paths and printed file names are relative to it). */
  projectDir: string;
  /** Absolute TypeScript entry file. */
  entry: string;
  /** tsconfig path relative to the project directory. */
  tsconfig: string;
  /**
   * Whether the program is compiled as an ES module: package.json `"type": "module"` and the language
   * host's automatic ESM mode (`automaticEsmMode` in `program-compiler.ts`).
   */
  esm: boolean;
  /** Where the program's `@pulumi/pulumi`, and so its compiler, is found from. @default projectDir */
  programDir?: string;
  /** Where the child writes its {@link TypeCheckResult}. */
  resultFile: string;
  /** @default `<os temp dir>/secure-ai-preflight-typecheck` */
  cacheDir?: string;
}

/** What the child writes back: one line per error, `file:line:column - error TScode: message`. */
export interface TypeCheckResult {
  errors: string[];
  /** Whether the answer came from the cache. */
  cached: boolean;
}

/** Environment variable that carries the job file path to the child. */
export const TYPECHECK_JOB_ENV = "SECURE_AI_PREFLIGHT_TYPECHECK_JOB";

/** Diagnostics ts-node ignores by default. */
const IGNORED_CODES = new Set([6059, 18002, 18003]);

/**
 * Type-checks the program described by `job` and returns its errors.
 *
 * @param job - project, entry and tsconfig.
 */
export function typeCheck(job: TypeCheckJob): TypeCheckResult {
  const cachedErrors = cachedTypeErrors(job);
  if (cachedErrors !== undefined) {
    return { errors: cachedErrors, cached: true };
  }
  const typescriptPath = resolveProgramCompiler(job.programDir ?? job.projectDir).typescriptPath;
  const typescript = createRequire(__filename)(typescriptPath) as typeof ts;
  const options = compilerOptions(typescript, job);
  const program = typescript.createProgram({ rootNames: [job.entry], options: options.parsed });
  const diagnostics: ts.Diagnostic[] = [...options.errors, ...program.getOptionsDiagnostics()];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || file.fileName.split("/").includes("node_modules")) {
      continue;
    }
    diagnostics.push(...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file));
  }
  const errors = [
    ...new Set(
      diagnostics
        .filter((diagnostic) => diagnostic.category === typescript.DiagnosticCategory.Error)
        .filter((diagnostic) => !IGNORED_CODES.has(diagnostic.code))
        .map((diagnostic) => formatDiagnostic(typescript, diagnostic, job.projectDir)),
    ),
  ];
  const read = program.getSourceFiles().map((file) => file.fileName);
  storeTypeErrors(job, [...read, ...options.configFiles], errors);
  return { errors, cached: false };
}

interface ResolvedOptions {
  parsed: ts.CompilerOptions;
  errors: readonly ts.Diagnostic[];
  /** tsconfig files read (the file and what it extends). */
  configFiles: string[];
}

/**
 * The options ts-node compiles with under the language host: its defaults (`nodenext` from TypeScript 4.7,
 * ES2022 for ES modules) under the tsconfig's compilerOptions. On TypeScript 6, options that 5 accepted and
 * 6 deprecates (`moduleResolution: node`, as Pulumi's templates write it) are allowed with
 * `ignoreDeprecations`, unless the tsconfig says otherwise.
 */
function compilerOptions(typescript: typeof ts, job: TypeCheckJob): ResolvedOptions {
  const major = Number(typescript.versionMajorMinor.split(".")[0]);
  // ES-module programs reach here with `esm` only in the automatic ESM mode (TypeScript above 4.7.0).
  const nodeNext = job.esm || nodeNextByDefault(typescript.version);
  const defaults: Record<string, unknown> = {
    target: job.esm ? "ES2022" : "ES2020",
    module: nodeNext ? "nodenext" : "commonjs",
    moduleResolution: nodeNext ? "nodenext" : "node",
    ...(major === 6 ? { ignoreDeprecations: "6.0" } : {}),
  };
  const fromDefaults = typescript.convertCompilerOptionsFromJson(defaults, job.projectDir);
  const tsconfigPath = path.resolve(job.projectDir, job.tsconfig);
  if (!fs.existsSync(tsconfigPath)) {
    return {
      parsed: { ...fromDefaults.options, noEmit: true },
      errors: fromDefaults.errors,
      configFiles: [],
    };
  }
  const read = typescript.readConfigFile(tsconfigPath, typescript.sys.readFile);
  const parsedFile = typescript.parseJsonConfigFileContent(
    read.config ?? {},
    typescript.sys,
    path.dirname(tsconfigPath),
    undefined,
    tsconfigPath,
  );
  const extended = (parsedFile as { extendedSourceFiles?: string[] }).extendedSourceFiles ?? [];
  const parsed: ts.CompilerOptions = { ...fromDefaults.options, ...parsedFile.options, noEmit: true };
  const commonJs = [
    typescript.ModuleKind.CommonJS,
    typescript.ModuleKind.None,
    typescript.ModuleKind.AMD,
    typescript.ModuleKind.UMD,
  ];
  if (job.esm && parsed.module !== undefined && commonJs.includes(parsed.module)) {
    // As the run compiles it (typescript-loader.ts, esModuleCompilerOptions).
    parsed.module = typescript.ModuleKind.NodeNext;
    parsed.moduleResolution = typescript.ModuleResolutionKind.NodeNext;
  }
  for (const emitOnly of [
    "outDir",
    "outFile",
    "declaration",
    "composite",
    "incremental",
    "tsBuildInfoFile",
  ]) {
    delete parsed[emitOnly];
  }
  return {
    parsed,
    errors: [...(read.error === undefined ? [] : [read.error]), ...parsedFile.errors],
    configFiles: [tsconfigPath, ...extended],
  };
}

function formatDiagnostic(typescript: typeof ts, diagnostic: ts.Diagnostic, projectDir: string): string {
  const message = typescript.flattenDiagnosticMessageText(diagnostic.messageText, " ").replace(/\s+/g, " ");
  const code = `error TS${diagnostic.code}: ${message}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return code;
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = path.relative(projectDir, diagnostic.file.fileName) || diagnostic.file.fileName;
  return `${file}:${line + 1}:${character + 1} - ${code}`;
}

/**
 * Runs the job in `jobFile`, writes the result file and exits.
 *
 * @param jobFile - path of the JSON {@link TypeCheckJob}.
 */
export function runTypeCheckChild(jobFile: string): void {
  const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as TypeCheckJob;
  const result = typeCheck(job);
  fs.writeFileSync(job.resultFile, JSON.stringify(result));
  process.exit(0);
}

if (require.main === module) {
  const jobFile = process.env[TYPECHECK_JOB_ENV];
  if (jobFile === undefined) {
    process.stderr.write(`typecheck-child expects the job file path in ${TYPECHECK_JOB_ENV}\n`);
    process.exit(2);
  }
  runTypeCheckChild(jobFile);
}
