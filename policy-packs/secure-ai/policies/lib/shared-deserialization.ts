/**
 * One deserialisation per resource instead of one per policy.
 *
 * `@pulumi/policy` 1.21's server turns a resource's wire properties into plain values
 * (`deserializeProperties(struct, false)`) once for every policy that is not skipped by its `__pulumiType`
 * fast path: every multi-type resource policy pays it for every resource, and every stack policy pays it
 * for every resource of the stack (18 stack policies × N resources in AnalyzeStack). The result depends only
 * on the wire struct, which the request object hands out as the same instance each time
 * (`getProperties()` caches its wrapper), so this module remembers it per struct: the first policy pays,
 * the others reuse it. The policies read properties through the SDK's read-only helpers (`./values`), never
 * write them, so sharing the value changes no result. The secret-preserving form used for remediation
 * (`proxySecrets = true`) is left alone: remediations build new property sets from it.
 *
 * Only the running pack installs this (`policy-packs/secure-ai/pack.ts`); importing the policies does not.
 */
import { createRequire } from "node:module";

/** The SDK's `deserialize` module, as the server calls it (`deserialize_1.deserializeProperties(...)`). */
interface DeserializeModule {
  deserializeProperties?: (struct: object, proxySecrets: boolean) => Record<string, unknown>;
  /** Set once this module has wrapped it. */
  __secureAiShared?: boolean;
}

/**
 * Makes the policy server deserialise each resource's properties once and share the value between policies
 * (see the module comment). Applied only when the SDK still has the expected shape; otherwise nothing
 * changes and the pack runs as before, only slower.
 *
 * @param requireFrom - resolves `@pulumi/policy` as the pack does. @default this module's `require`
 * @returns whether the server now shares deserialised properties.
 */
export function shareDeserializedProperties(
  requireFrom: NodeJS.Require = createRequire(__filename),
): boolean {
  let deserialize: DeserializeModule;
  try {
    deserialize = requireFrom("@pulumi/policy/deserialize") as DeserializeModule;
  } catch {
    return false;
  }
  const original = deserialize.deserializeProperties;
  if (deserialize.__secureAiShared) {
    return true;
  }
  if (typeof original !== "function") {
    return false;
  }
  const plainByStruct = new WeakMap<object, Record<string, unknown>>();
  deserialize.deserializeProperties = (struct, proxySecrets) => {
    if (proxySecrets || typeof struct !== "object" || struct === null) {
      return original(struct, proxySecrets);
    }
    let plain = plainByStruct.get(struct);
    if (plain === undefined) {
      plain = original(struct, proxySecrets);
      plainByStruct.set(struct, plain);
    }
    return plain;
  };
  deserialize.__secureAiShared = true;
  return true;
}
