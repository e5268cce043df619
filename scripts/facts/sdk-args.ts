/**
 * Reads a Pulumi provider SDK's declaration files to tell whether a resource type's `...Args` interface has a
 * property path (`serverSideEncryption.kmsKeyArn`, `ebsBlockDevices[].kmsKeyId`). The resource class lives in
 * `<module>/<file>.d.ts` (its `.js` sets `__pulumiType` to the token); nested input types are the
 * `inputs.<namespace>.<Name>` interfaces of `types/input.d.ts`. Only parses, never type-checks, so one SDK
 * costs a few seconds however large it is.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** What an SDK says about one property path of one resource type. */
export type Presence =
  /** Every segment of the path is a member of the Args interface or of the input type it leads to. */
  | { kind: "present" }
  /** The resource type exists but the segment named in `missing` is not a member. */
  | { kind: "absent"; missing: string }
  /** No resource class of the SDK has this type token. */
  | { kind: "no-type" }
  /** A segment's type is not an `inputs.` interface or an inline object (e.g. `any`, a map). */
  | { kind: "unresolved"; at: string; typeText: string };

/** Members of an interface or type literal: name → the type node's text and the node. */
type Members = ReadonlyMap<string, ts.TypeNode | undefined>;

function membersOf(nodes: ts.NodeArray<ts.TypeElement>): Members {
  const members = new Map<string, ts.TypeNode | undefined>();
  for (const member of nodes) {
    if (ts.isPropertySignature(member) && member.name !== undefined) {
      const name =
        ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (name !== undefined) {
        members.set(name, member.type);
      }
    }
  }
  return members;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

/** The input types of `types/input.d.ts` by qualified name (`dynamodb.TableServerSideEncryption`). */
function inputInterfaces(file: string): Map<string, Members> {
  const interfaces = new Map<string, Members>();
  const visit = (statements: readonly ts.Statement[], prefix: string): void => {
    for (const statement of statements) {
      if (ts.isModuleDeclaration(statement)) {
        let body = statement.body;
        let name = `${prefix}${statement.name.getText()}.`;
        while (body !== undefined && ts.isModuleDeclaration(body)) {
          name = `${name}${body.name.getText()}.`;
          body = body.body;
        }
        if (body !== undefined && ts.isModuleBlock(body)) {
          visit(body.statements, name);
        }
      } else if (ts.isInterfaceDeclaration(statement)) {
        interfaces.set(`${prefix}${statement.name.text}`, membersOf(statement.members));
      }
    }
  };
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  visit(source.statements, "");
  return interfaces;
}

/** The `.d.ts` of the class whose `.js` sets `__pulumiType` to `token`, or undefined. */
function classFileOf(root: string, token: string): string | undefined {
  const [, modulePart = "", className = ""] = token.split(":");
  const [moduleDir, fileStem] = modulePart.includes("/")
    ? modulePart.split("/")
    : [modulePart, className.charAt(0).toLowerCase() + className.slice(1)];
  const dir = path.join(root, moduleDir);
  const declares = (js: string): boolean => {
    const text = fs.readFileSync(js, "utf8");
    return text.includes(`'${token}'`) || text.includes(`"${token}"`);
  };
  const guess = path.join(dir, `${fileStem}.js`);
  if (fs.existsSync(guess) && declares(guess)) {
    return guess.replace(/\.js$/, ".d.ts");
  }
  if (!fs.existsSync(dir)) {
    return undefined;
  }
  const found = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(dir, name))
    .find(declares);
  return found?.replace(/\.js$/, ".d.ts");
}

/** One installed provider SDK, read lazily. */
export class SdkDeclarations {
  private inputs: Map<string, Members> | undefined;
  private readonly args = new Map<string, Members | undefined>();

  /** @param root the package folder, e.g. `node_modules/@pulumi/aws` or an npm alias like `aws6`. */
  constructor(readonly root: string) {}

  /** The package's name and major version from its package.json. */
  get packageInfo(): { name: string; version: string; major: number } {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.root, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    return { ...manifest, major: Number(/^v?(\d+)/.exec(manifest.version)?.[1]) };
  }

  /** The members of the type token's `<Class>Args` interface, or undefined when the SDK has no such type. */
  argsOf(token: string): Members | undefined {
    if (!this.args.has(token)) {
      const file = classFileOf(this.root, token);
      let members: Members | undefined;
      if (file !== undefined && fs.existsSync(file)) {
        const className = token.split(":")[2];
        const declaration = parse(file).statements.find(
          (statement): statement is ts.InterfaceDeclaration =>
            ts.isInterfaceDeclaration(statement) && statement.name.text === `${className}Args`,
        );
        members = declaration === undefined ? undefined : membersOf(declaration.members);
      }
      this.args.set(token, members);
    }
    return this.args.get(token);
  }

  /** The members a property's type leads to: its `inputs.` interfaces (merged) or its inline object type. */
  private membersOfType(type: ts.TypeNode | undefined): Members | undefined {
    if (type === undefined) {
      return undefined;
    }
    const merged = new Map<string, ts.TypeNode | undefined>();
    const text = type.getText();
    for (const match of text.matchAll(/\binputs\.([\w.]+)/g)) {
      this.inputs ??= inputInterfaces(path.join(this.root, "types", "input.d.ts"));
      for (const [name, member] of this.inputs.get(match[1]) ?? []) {
        merged.set(name, member);
      }
    }
    const literals = (node: ts.Node): void => {
      if (ts.isTypeLiteralNode(node)) {
        for (const [name, member] of membersOf(node.members)) {
          merged.set(name, member);
        }
        return;
      }
      ts.forEachChild(node, literals);
    };
    literals(type);
    return merged.size === 0 ? undefined : merged;
  }

  /** Whether the type's Args has the dotted path (`[]` after a segment walks into list elements). */
  presence(token: string, propertyPath: string): Presence {
    let members = this.argsOf(token);
    if (members === undefined) {
      return { kind: "no-type" };
    }
    const segments = propertyPath.split(".").map((segment) => segment.replace(/\[\]$/, ""));
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index];
      if (!members.has(segment)) {
        return { kind: "absent", missing: segments.slice(0, index + 1).join(".") };
      }
      if (index === segments.length - 1) {
        return { kind: "present" };
      }
      const type = members.get(segment);
      const next = this.membersOfType(type);
      if (next === undefined) {
        return {
          kind: "unresolved",
          at: segments.slice(0, index + 1).join("."),
          typeText: type?.getText() ?? "",
        };
      }
      members = next;
    }
    return { kind: "present" };
  }
}
