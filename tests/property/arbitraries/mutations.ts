/**
 * Mutations that turn a valid spec into an invalid one, each with the argument path the resulting
 * SecureAiConfigError must name. Every mutation here is invalid by construction: it breaks a rule of
 * `components/spec` or of the chosen backend's `validate.ts`, and touches nothing else.
 */
import fc from "fast-check";
import type { SecureAiPlatformArgs } from "../../../components/spec/args";
import type { GeneratedSpec } from "./common";

/** A mutated spec and the path of the argument that makes it invalid. */
export interface MutatedSpec {
  name: string;
  args: unknown;
  /** The class of mutation, for the coverage report. */
  kind: string;
  /** The path the error must name (exactly, or a prefix of it when `prefix`). */
  path: string;
  prefix?: boolean;
}

type Json = unknown;
interface Node {
  path: string;
  value: Json;
  /** Container and key, to replace or delete the node. */
  parent?: Record<string, Json> | Json[];
  key?: string | number;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** Every node of a JSON-like value, depth first, with its error path. */
export function nodesOf(value: Json, path = "", parent?: Node["parent"], key?: Node["key"]): Node[] {
  const here: Node = { path, value, parent, key };
  if (Array.isArray(value)) {
    return [here, ...value.flatMap((item, index) => nodesOf(item, childPath(path, index), value, index))];
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, Json>;
    return [here, ...Object.keys(record).flatMap((k) => nodesOf(record[k], childPath(path, k), record, k))];
  }
  return [here];
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function set(node: Node, value: Json): void {
  (node.parent as Record<string | number, Json>)[node.key as string | number] = value;
}

/** Names that break the naming rule (uppercase, underscore, leading digit or hyphen, double hyphen, too long). */
export const badName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "Model", "a_b", "1abc", "-abc", "abc-", "a--b", "a.b", "a b", "é", "a".repeat(25)),
  fc.stringMatching(/^[A-Z][a-zA-Z]{0,10}$/),
  fc.stringMatching(/^[a-z]{1,5}_[a-z]{1,5}$/),
  fc.stringMatching(/^[0-9][a-z0-9]{0,8}$/),
  fc.stringMatching(/^[a-z]{25,40}$/),
);

/** Leaf keys whose string values every cloud checks against a format, choice list or pattern. */
const FORMATTED_KEYS = new Set([
  "cloud",
  "region",
  "project",
  "location",
  "tenantId",
  "resourceGroupName",
  "customKeyStoreId",
  "sensitivity",
  "serving",
  "hsm",
  "externalKeyStore",
  "minimumTlsVersion",
  "caBundle",
  "issuer",
  "siem",
  "siemDestination",
  "severityThreshold",
  "certificate",
  "domainName",
  "control",
  "expires",
  "threatDetection",
  "postureManagement",
  "modelInvocationLogging",
  "siemOnboarding",
  "auditConfig",
]);

/** Paths of string lists whose every entry is checked (principals, emails, webhooks, frameworks, IDs). */
const FORMATTED_LISTS =
  /^(encryption\.breakGlassPrincipals|identity\.(dataScientists|admins)|detection\.notification(Emails|Webhooks)|compliance\.frameworks)\[\d+\]$/;

function isFormatted(node: Node, cloud: string): boolean {
  if (typeof node.value !== "string") return false;
  if (FORMATTED_LISTS.test(node.path)) return true;
  if (/^network\.existing\./.test(node.path)) return cloud !== "azure"; // Azure takes resource IDs as given
  if (/^tags\./.test(node.path)) return true;
  return typeof node.key === "string" && FORMATTED_KEYS.has(node.key);
}

const NOT_A_FORMAT = "not valid! ";
const OUT_OF_RANGE = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12] as const;

/** One generic mutation at a chosen node; `undefined` when it does not apply there. */
type Mutation = (
  spec: GeneratedSpec,
  args: Record<string, Json>,
  node: Node,
  pick: number,
) => MutatedSpec | undefined;

function result(spec: GeneratedSpec, args: Json, kind: string, path: string, prefix = false): MutatedSpec {
  return { name: spec.name, args, kind, path, prefix };
}

const GENERIC: Record<string, Mutation> = {
  unknownKey: (spec, args, node) => {
    if (!isPlainObject(node.value)) return undefined;
    node.value.Unknown_Key = 1;
    return result(spec, args, "unknown key", childPath(node.path, "Unknown_Key"));
  },
  wrongType: (spec, args, node, pick) => {
    if (node.parent === undefined) return undefined;
    const value = node.value;
    const replacement =
      typeof value === "string"
        ? [42, true, ["x"]][pick % 3]
        : typeof value === "number"
          ? String(value)
          : typeof value === "boolean"
            ? ["true", 1][pick % 2]
            : Array.isArray(value)
              ? [{}, "x", 3][pick % 3]
              : ["x", [], 7][pick % 3];
    set(node, replacement);
    return result(spec, args, "wrong type", node.path);
  },
  outOfRange: (spec, args, node, pick) => {
    if (typeof node.value !== "number") return undefined;
    set(node, OUT_OF_RANGE[pick % OUT_OF_RANGE.length]);
    return result(spec, args, "out of range", node.path);
  },
  badFormat: (spec, args, node) => {
    if (!isFormatted(node, spec.args.cloud)) return undefined;
    set(node, NOT_A_FORMAT);
    return result(spec, args, "bad format", node.path);
  },
  missingRequired: (spec, args, node) => {
    const required =
      /^(cloud|models|aws|gcp|azure)$/.test(node.path) ||
      /^(aws\.region|gcp\.(project|region)|azure\.(location|tenantId))$/.test(node.path) ||
      /^(models|datasets|identity\.federatedWorkloads)\[\d+\]\.name$/.test(node.path) ||
      /^waivers\[\d+\]\.(control|reason)$/.test(node.path);
    if (!required || node.parent === undefined || Array.isArray(node.parent)) return undefined;
    delete (node.parent as Record<string, Json>)[node.key as string];
    return result(spec, args, "missing required", node.path);
  },
};

/** Name mutations: a model, dataset, workload or platform name that breaks the naming rule. */
function renamed(
  spec: GeneratedSpec,
  args: Record<string, Json>,
  nodes: Node[],
  pick: number,
  name: string,
): MutatedSpec {
  const names = nodes.filter((node) =>
    /^(models|datasets|identity\.federatedWorkloads)\[\d+\]\.name$/.test(node.path),
  );
  if (pick % (names.length + 1) === names.length) {
    return { name, args, kind: "bad name", path: "name" };
  }
  const node = names[pick % (names.length + 1)] as Node;
  set(node, name);
  return result(spec, args, "bad name", node.path);
}

/** Rules across arguments, and backend limits, broken on purpose. */
function semantic(spec: GeneratedSpec, args: SecureAiPlatformArgs, pick: number): MutatedSpec | undefined {
  const waived = (id: string) => (args.waivers ?? []).some((waiver) => waiver.control === id);
  const candidates: (() => MutatedSpec | undefined)[] = [
    () => {
      const first = args.models[0];
      if (first === undefined) return undefined;
      args.models.push({ name: first.name });
      return result(spec, args, "duplicate name", `models[${args.models.length - 1}].name`);
    },
    () => {
      const datasets = (args.datasets ??= []);
      const name = ["personal-x", "personal-y", "personal-z"].find(
        (n) => !datasets.some((d) => d.name === n),
      );
      datasets.push({ name: name as string, personalData: true });
      return result(
        spec,
        args,
        "personal data without retention",
        `datasets[${datasets.length - 1}].retentionDays`,
      );
    },
    () => {
      if (args.publicApi?.enabled) return undefined;
      args.transport = {
        ...args.transport,
        mutualTls: { enabled: true, caBundle: "-----BEGIN CERTIFICATE-----\nx\n" },
      };
      return result(spec, args, "mutual TLS without public API", "transport.mutualTls.enabled");
    },
    () => {
      if (!args.publicApi?.enabled || waived("SAI-NET-05")) return undefined;
      args.publicApi.waf = false;
      return result(spec, args, "WAF off without waiver", "publicApi.waf");
    },
    () => {
      if (waived("SAI-TLS-01")) return undefined;
      args.transport = { ...args.transport, minimumTlsVersion: "1.2" };
      return result(spec, args, "TLS 1.2 without waiver", "transport.minimumTlsVersion");
    },
    () => {
      if (waived("SAI-IAM-04")) return undefined;
      args.identity = { ...args.identity, requireMfa: false };
      return result(spec, args, "MFA off without waiver", "identity.requireMfa");
    },
    () => {
      if (args.cloud === "azure") return undefined;
      args.encryption = { ...args.encryption, rotationDays: args.cloud === "aws" ? 30 : 1 };
      return result(spec, args, "rotation below the cloud's minimum", "encryption.rotationDays");
    },
    () => {
      const expired = "2020-01-01";
      const waivers = args.waivers ?? [];
      if (waivers.length === 0) return undefined;
      (waivers[0] as { expires?: string }).expires = expired;
      return result(spec, args, "expired waiver", "waivers[0].expires");
    },
  ];
  const start = pick % candidates.length;
  for (let offset = 0; offset < candidates.length; offset++) {
    const mutated = (candidates[(start + offset) % candidates.length] as () => MutatedSpec | undefined)();
    if (mutated) return mutated;
  }
  return undefined;
}

/** Invalid specs: a valid spec of any cloud with exactly one rule broken. */
export function invalidSpec(valid: fc.Arbitrary<GeneratedSpec>): fc.Arbitrary<MutatedSpec> {
  return fc
    .tuple(
      valid,
      fc.constantFrom(...Object.keys(GENERIC), "badName", "semantic"),
      fc.nat(),
      fc.nat(),
      badName,
    )
    .map(([spec, kind, where, pick, name]) => {
      const args = structuredClone(spec.args) as unknown as Record<string, Json>;
      const nodes = nodesOf(args);
      if (kind === "badName") return renamed(spec, args, nodes, pick, name);
      if (kind === "semantic") {
        return (
          semantic(spec, args as unknown as SecureAiPlatformArgs, pick) ??
          renamed(spec, args, nodes, pick, name)
        );
      }
      const mutation = GENERIC[kind] as Mutation;
      for (let offset = 0; offset < nodes.length; offset++) {
        const node = nodes[(where + offset) % nodes.length] as Node;
        const mutated = mutation(spec, args, node, pick);
        if (mutated) return mutated;
      }
      return renamed(spec, args, nodes, pick, name);
    });
}
