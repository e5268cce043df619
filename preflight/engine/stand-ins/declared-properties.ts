/**
 * The properties a provider SDK declares for a resource's outputs or a function's result, read from the
 * SDK's own type declarations (`<package>/<module>/<name>.d.ts`), so that the update pass can give every
 * property a provider always returns a value of the right shape.
 *
 * A resource class declares `readonly arn: pulumi.Output<string>;` for each property; a function declares
 * `export interface GetCallerIdentityResult { readonly accountId: string; ... }`. A property whose type
 * admits `undefined` is one the provider may leave unset: the update pass leaves it unset too, unless a
 * cloud's table knows the provider's answer.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The shape of a declared property, as far as a stand-in needs it. */
export type DeclaredShape = "string" | "number" | "boolean" | "string-list" | "map" | "object" | "list";

/** One declared property. */
export interface DeclaredProperty {
  name: string;
  shape: DeclaredShape;
  /** Whether the declared type admits `undefined` (the provider may leave it unset). */
  optional: boolean;
}

/** Finds the root directory of an installed package (`@pulumi/aws`), or undefined when not installed. */
export type PackageLocator = (packageName: string) => string | undefined;

/** `pulumi.Output<T>;` in a class body: property name and T. */
const OUTPUT_PROPERTY = /readonly (\w+)!?: pulumi\.Output<([\s\S]*?)>;\n/g;
/** `readonly name?: T;` inside an interface body. */
const INTERFACE_PROPERTY = /readonly (\w+)(\?)?: ([\s\S]*?);\n(?=\s*(?:\/\*\*|readonly|\}))/g;

/** Classifies a TypeScript type text. */
export function shapeOf(typeText: string): { shape: DeclaredShape; optional: boolean } {
  const parts = typeText
    .replace(/\s+/g, " ")
    .split(/\|(?![^{]*\})/)
    .map((part) => part.trim());
  const optional = parts.includes("undefined");
  const main = parts.find((part) => part !== "undefined") ?? "undefined";
  let shape: DeclaredShape;
  if (main === "string" || /^enums\./.test(main) || /^"/.test(main)) {
    shape = "string";
  } else if (main === "number") {
    shape = "number";
  } else if (main === "boolean") {
    shape = "boolean";
  } else if (main === "string[]") {
    shape = "string-list";
  } else if (main.endsWith("[]")) {
    shape = "list";
  } else if (/^\{ ?\[key: string\]: string;? ?\}$/.test(main)) {
    shape = "map";
  } else {
    shape = "object";
  }
  return { shape, optional };
}

/**
 * Where a type token's declarations live: `aws:kms/key:Key` → `@pulumi/aws` + `kms/key.d.ts`,
 * `azure-native:keyvault:Vault` → `@pulumi/azure-native` + `keyvault/vault.d.ts`,
 * `aws:index/getCallerIdentity:getCallerIdentity` → `@pulumi/aws` + `getCallerIdentity.d.ts`.
 */
export function declarationFile(token: string): { packageName: string; file: string } | undefined {
  const [pkg, module, member] = token.split(":");
  if (!pkg || module === undefined || !member || pkg === "pulumi") {
    return undefined;
  }
  const segments = module.split("/");
  const moduleDir = segments[0] === "index" ? "" : segments[0]!;
  const fileName = segments.length > 1 && segments[0] !== "index" ? segments.slice(1).join("/") : member;
  const base = fileName.charAt(0).toLowerCase() + fileName.slice(1);
  // `azure-native:keyvault/v20230701:Vault` → keyvault/v20230701/vault.d.ts
  const file =
    pkg === "azure-native" && segments.length > 1
      ? path.join(segments[0]!, segments[1]!, `${member.charAt(0).toLowerCase()}${member.slice(1)}.d.ts`)
      : path.join(moduleDir, `${base}.d.ts`);
  return { packageName: `@pulumi/${pkg}`, file };
}

/**
 * Reads declared properties with a cache per token. Unknown packages, files or shapes give an empty list:
 * the update pass then answers with the inputs and the cloud's own table only.
 */
export class DeclaredProperties {
  private readonly cache = new Map<string, DeclaredProperty[]>();

  /** @param locate - finds an installed package's root directory. */
  constructor(private readonly locate: PackageLocator) {}

  /** Output properties of the resource type `type` (e.g. `aws:kms/key:Key`). */
  ofResource(type: string): readonly DeclaredProperty[] {
    return this.cached(`resource ${type}`, () => {
      const source = this.source(type);
      const member = type.split(":")[2] ?? "";
      const body = source === undefined ? undefined : classBody(source, member);
      return body === undefined ? [] : properties(body, OUTPUT_PROPERTY, false);
    });
  }

  /** Result properties of the function `token` (e.g. `aws:iam/getSessionContext:getSessionContext`). */
  ofFunction(token: string): readonly DeclaredProperty[] {
    return this.cached(`function ${token}`, () => {
      const source = this.source(token);
      const member = token.split(":")[2] ?? "";
      const name = `${member.charAt(0).toUpperCase()}${member.slice(1)}Result`;
      const body = source === undefined ? undefined : interfaceBody(source, name);
      return body === undefined ? [] : properties(body, INTERFACE_PROPERTY, true);
    });
  }

  private cached(key: string, read: () => DeclaredProperty[]): DeclaredProperty[] {
    let value = this.cache.get(key);
    if (value === undefined) {
      value = read();
      this.cache.set(key, value);
    }
    return value;
  }

  private source(token: string): string | undefined {
    const location = declarationFile(token);
    const root = location && this.locate(location.packageName);
    if (location === undefined || root === undefined) {
      return undefined;
    }
    try {
      return fs.readFileSync(path.join(root, location.file), "utf8");
    } catch {
      return undefined;
    }
  }
}

function classBody(source: string, className: string): string | undefined {
  const start = source.indexOf(`export declare class ${className} extends`);
  if (start < 0) {
    return undefined;
  }
  const end = source.indexOf("\n}", start);
  return source.slice(start, end < 0 ? undefined : end + 1);
}

function interfaceBody(source: string, interfaceName: string): string | undefined {
  const start = source.indexOf(`export interface ${interfaceName} {`);
  if (start < 0) {
    return undefined;
  }
  const end = source.indexOf("\n}", start);
  return `${source.slice(start, end < 0 ? undefined : end)}\n}`;
}

function properties(body: string, pattern: RegExp, questionMarkOptional: boolean): DeclaredProperty[] {
  const found: DeclaredProperty[] = [];
  for (const match of body.matchAll(pattern)) {
    const name = match[1]!;
    const typeText = questionMarkOptional ? match[3]! : match[2]!;
    const { shape, optional } = shapeOf(typeText);
    found.push({ name, shape, optional: optional || (questionMarkOptional && match[2] === "?") });
  }
  return found;
}
