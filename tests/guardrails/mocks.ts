import Module from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { ControlEvidenceOutput } from "../../components/evidence";
import { GUARDRAILS_TYPE, SecureAiGuardrails } from "../../components/guardrails/guardrails";
import type { SecureAiGuardrailsArgs } from "../../components/guardrails/args";

/*
 * Mocks for SecureAiGuardrails, after the pattern of tests/helpers/mock-engine.ts (that one builds
 * SecureAiPlatform; this one records the guardrail children). Each test file links only its own cloud's builder, so a file can
 * also check that no other cloud's SDK was loaded.
 */

/** A child the component registered, as the mock engine saw it. */
export interface RecordedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  protect: boolean;
}

const registered = new Map<string, Record<string, unknown>>();

/**
 * The component loads builders with Node's `require("./aws")`, which cannot read TypeScript under vitest:
 * hand Node the module vitest already loaded, so the test and the component share one builder instance.
 * (tests/setup/node-require-typescript.ts would also let Node load it, as a second instance.)
 */
export function linkGuardrailsBuilder(cloud: "aws" | "gcp" | "azure", exports: unknown): void {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (!extensions[".ts"]) extensions[".ts"] = extensions[".js"];
  const file = path.resolve(__dirname, `../../components/guardrails/${cloud}.ts`);
  if (require.cache[file]) return;
  const linked = new Module(file);
  linked.filename = file;
  linked.loaded = true;
  linked.exports = exports;
  require.cache[file] = linked;
}

/** Installs mocks that echo inputs as state and record every registered resource. */
export async function installGuardrailsMocks(): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const inputs = args.inputs as Record<string, unknown>;
        registered.set(`${args.type}::${args.name}`, inputs);
        return { id: `${args.name}-id`, state: inputs };
      },
      call: (args) => args.inputs,
    },
    "guardrails-test",
    "org",
    false,
  );
}

/** A built component: its children and evidence. */
export interface BuiltGuardrails {
  resources: RecordedResource[];
  controls: ControlEvidenceOutput[];
  ofType(type: string): RecordedResource[];
  named(type: string, name: string): RecordedResource;
  control(id: string): ControlEvidenceOutput;
}

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((value) => done(value)));
}

/** Builds SecureAiGuardrails under the mocks and waits until every child is registered. */
export async function buildGuardrails(name: string, args: SecureAiGuardrailsArgs): Promise<BuiltGuardrails> {
  const seen: { type: string; name: string; protect: boolean }[] = [];
  const component = new SecureAiGuardrails(name, args, {
    transformations: [
      (child) => {
        seen.push({ type: child.type, name: child.name, protect: child.opts.protect === true });
        return undefined;
      },
    ],
  });
  const controls = await resolved(component.controls);
  for (let round = 0; round < 100 && seen.some((r) => !registered.has(`${r.type}::${r.name}`)); round++) {
    await new Promise((done) => setTimeout(done, 5));
  }
  const resources = seen
    .filter((r) => r.type !== GUARDRAILS_TYPE)
    .map((r): RecordedResource => {
      const inputs = registered.get(`${r.type}::${r.name}`);
      if (!inputs) throw new Error(`resource ${r.name} was never registered`);
      return { ...r, inputs };
    });
  return {
    resources,
    controls,
    ofType: (type) => resources.filter((r) => r.type === type),
    named: (type, resourceName) => {
      const found = resources.filter((r) => r.type === type && r.name === resourceName);
      if (found.length !== 1)
        throw new Error(`expected one ${type} named ${resourceName}, found ${found.length}`);
      return found[0] as RecordedResource;
    },
    control: (id) => {
      const found = controls.find((c) => c.id === id);
      if (!found) throw new Error(`no evidence for ${id}`);
      return found;
    },
  };
}
