import * as fs from "node:fs";
import * as path from "node:path";
import { PreflightUsageError } from "./errors";
import { isPlainObject, readYamlFile } from "./yaml-file";

/** The config value types a Pulumi project can declare. */
export type ConfigType = "string" | "integer" | "boolean" | "array";

/** One entry of the project's `config` block, keyed by its fully qualified name (`project:key`). */
export interface ConfigDeclaration {
  /** Declared or inferred type; undefined when neither a type nor a default says. */
  type?: ConfigType;
  /** Item type of an `array` declaration. */
  itemsType?: ConfigType;
  /** Value applied when the stack does not set the key (`default`, or `value` for other namespaces). */
  default?: unknown;
  /** Whether the project declares the value secret. */
  secret: boolean;
}

/** Runtime options of a nodejs project, as the Pulumi language host reads them. */
export interface NodejsRuntimeOptions {
  /** Load TypeScript through ts-node. @default true */
  typescript: boolean;
  /** tsconfig path relative to the project directory (runtime option `tsconfig`). @default "tsconfig.json" */
  tsconfig: string;
  /** Extra Node.js arguments (runtime option `nodeargs`), split on spaces. @default [] */
  nodeArgs: string[];
}

/** A loaded Pulumi.yaml. */
export interface PulumiProject {
  /** Project name, the config namespace of bare keys. */
  name: string;
  /** Absolute project directory. */
  dir: string;
  /** Absolute path of the Pulumi.yaml that was read. */
  projectFile: string;
  /** Absolute path of the program entry: a file, or a directory Node resolves (package.json main or index). */
  main: string;
  runtime: NodejsRuntimeOptions;
  /** Absolute directory holding the `Pulumi.<stack>.yaml` files. */
  stackConfigDir: string;
  /** Declared config, keyed by fully qualified key. */
  config: Record<string, ConfigDeclaration>;
}

const PROJECT_FILE_NAMES = ["Pulumi.yaml", "Pulumi.yml"];
const CONFIG_TYPES: readonly ConfigType[] = ["string", "integer", "boolean", "array"];

/**
 * Loads the Pulumi project in `programDir`.
 *
 * @param programDir - directory holding Pulumi.yaml.
 * @throws PreflightUsageError when Pulumi.yaml is missing or invalid, the runtime is not nodejs, `main` does not
 *   exist, or a tsconfig named by the runtime options does not exist (TypeScript programs).
 */
export function loadProject(programDir: string): PulumiProject {
  const dir = path.resolve(programDir);
  const projectFile = PROJECT_FILE_NAMES.map((name) => path.join(dir, name)).find((file) =>
    fs.existsSync(file),
  );
  if (projectFile === undefined) {
    throw new PreflightUsageError(
      `No Pulumi.yaml in ${dir}: point --program at a Pulumi project directory.`,
      {
        file: path.join(dir, "Pulumi.yaml"),
      },
    );
  }
  const document = readYamlFile(projectFile);
  if (!isPlainObject(document)) {
    throw new PreflightUsageError(`${projectFile} must be a YAML mapping with at least name and runtime.`, {
      file: projectFile,
    });
  }
  const name = document["name"];
  if (typeof name !== "string" || name.length === 0) {
    throw new PreflightUsageError(`${projectFile} has no project name (the "name" field).`, {
      file: projectFile,
    });
  }
  const runtime = readRuntime(document["runtime"], projectFile);
  if (
    runtime.typescript &&
    runtime.tsconfig !== "tsconfig.json" &&
    !fs.existsSync(path.resolve(dir, runtime.tsconfig))
  ) {
    // The language host stops the same way (`tsconfig path was set to ... but the file was not found`).
    throw new PreflightUsageError(
      `${projectFile}: the runtime option tsconfig is "${runtime.tsconfig}", but ${path.resolve(dir, runtime.tsconfig)} does not exist.`,
      { file: projectFile },
    );
  }
  return {
    name,
    dir,
    projectFile,
    main: resolveMain(document["main"], dir, projectFile),
    runtime,
    stackConfigDir: resolveStackConfigDir(document["stackConfigDir"], dir, projectFile),
    config: readConfigDeclarations(document["config"], name, projectFile),
  };
}

function readRuntime(runtime: unknown, projectFile: string): NodejsRuntimeOptions {
  const runtimeName = isPlainObject(runtime) ? runtime["name"] : runtime;
  if (runtimeName !== "nodejs") {
    const shown = runtimeName === undefined ? "no runtime" : `runtime "${String(runtimeName)}"`;
    throw new PreflightUsageError(
      `${projectFile} declares ${shown}; the preflight runs only nodejs (TypeScript or JavaScript) programs.`,
      { file: projectFile },
    );
  }
  const options = isPlainObject(runtime) && isPlainObject(runtime["options"]) ? runtime["options"] : {};
  const typescript = options["typescript"];
  const tsconfig = options["tsconfig"];
  const nodeArgs = options["nodeargs"];
  return {
    typescript: typescript === undefined ? true : typescript === true || typescript === "true",
    tsconfig: typeof tsconfig === "string" && tsconfig.length > 0 ? tsconfig : "tsconfig.json",
    nodeArgs: typeof nodeArgs === "string" ? nodeArgs.split(" ").filter((arg) => arg.length > 0) : [],
  };
}

function resolveMain(main: unknown, dir: string, projectFile: string): string {
  if (main !== undefined && typeof main !== "string") {
    throw new PreflightUsageError(`${projectFile}: "main" must be a path, got ${JSON.stringify(main)}.`, {
      file: projectFile,
    });
  }
  const mainPath = path.resolve(dir, main ?? ".");
  if (!fs.existsSync(mainPath)) {
    throw new PreflightUsageError(
      `${projectFile}: the program's main "${main}" does not exist (${mainPath}).`,
      {
        file: projectFile,
      },
    );
  }
  if (fs.statSync(mainPath).isDirectory() && !hasEntryPoint(mainPath)) {
    throw new PreflightUsageError(
      `${projectFile}: no program entry point in ${mainPath} (expected index.ts, index.js or a package.json "main"); set "main" in Pulumi.yaml.`,
      { file: projectFile },
    );
  }
  return mainPath;
}

function hasEntryPoint(dir: string): boolean {
  if (["index.ts", "index.js"].some((file) => fs.existsSync(path.join(dir, file)))) {
    return true;
  }
  const manifest = path.join(dir, "package.json");
  if (!fs.existsSync(manifest)) {
    return false;
  }
  try {
    const packageMain = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: unknown }).main;
    return typeof packageMain === "string" && fs.existsSync(path.resolve(dir, packageMain));
  } catch {
    return false;
  }
}

function resolveStackConfigDir(stackConfigDir: unknown, dir: string, projectFile: string): string {
  if (stackConfigDir === undefined) {
    return dir;
  }
  if (typeof stackConfigDir !== "string") {
    throw new PreflightUsageError(`${projectFile}: "stackConfigDir" must be a path.`, { file: projectFile });
  }
  return path.resolve(dir, stackConfigDir);
}

/**
 * Qualifies a config key: bare keys belong to the project's namespace, `ns:key` stays as is.
 *
 * @param key - the key as written.
 * @param projectName - the project's namespace.
 */
export function qualifyConfigKey(key: string, projectName: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

function readConfigDeclarations(
  config: unknown,
  projectName: string,
  projectFile: string,
): Record<string, ConfigDeclaration> {
  if (config === undefined || config === null) {
    return {};
  }
  if (!isPlainObject(config)) {
    throw new PreflightUsageError(`${projectFile}: "config" must be a mapping of keys to declarations.`, {
      file: projectFile,
    });
  }
  const declarations: Record<string, ConfigDeclaration> = {};
  for (const [key, entry] of Object.entries(config)) {
    const fullKey = qualifyConfigKey(key, projectName);
    declarations[fullKey] = readDeclaration(entry, fullKey, projectFile);
  }
  return declarations;
}

function readDeclaration(entry: unknown, fullKey: string, projectFile: string): ConfigDeclaration {
  if (!isPlainObject(entry)) {
    // Short form: `key: value` declares a default and, through it, the type.
    return { type: inferType(entry), default: entry, secret: false };
  }
  const declaredType = entry["type"];
  if (declaredType !== undefined && !CONFIG_TYPES.includes(declaredType as ConfigType)) {
    throw new PreflightUsageError(
      `${projectFile}: config "${fullKey}" has type ${JSON.stringify(declaredType)}; allowed: ${CONFIG_TYPES.join(", ")}.`,
      { file: projectFile, configKey: fullKey },
    );
  }
  const items = entry["items"];
  const defaultValue = "default" in entry ? entry["default"] : entry["value"];
  return {
    type: (declaredType as ConfigType | undefined) ?? inferType(defaultValue),
    itemsType: isPlainObject(items) ? (items["type"] as ConfigType | undefined) : undefined,
    default: defaultValue,
    secret: entry["secret"] === true,
  };
}

function inferType(value: unknown): ConfigType | undefined {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  if (Array.isArray(value)) return "array";
  return undefined;
}

/**
 * Lists the stacks of a project: one per `Pulumi.<stack>.yaml` in its stack config directory, sorted by name.
 * A project without stack files has none; {@link listStacks} in `index.ts` then runs it once as `default`.
 *
 * @param project - the loaded project.
 */
export function listStackFiles(project: PulumiProject): string[] {
  if (!fs.existsSync(project.stackConfigDir)) {
    return [];
  }
  return fs
    .readdirSync(project.stackConfigDir)
    .map((file) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort();
}
