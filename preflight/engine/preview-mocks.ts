import type { MockCallArgs, MockResourceArgs, Mocks } from "@pulumi/pulumi/runtime";
import { type CloudIdentities, autonamedOutputs, readResourceOutputs } from "./cloud-identities";
import type { DeclaredProperties } from "./stand-ins/declared-properties";
import { invokeResult } from "./stand-ins/invoke-result";
import { createdResourceState } from "./stand-ins/resource-state";

/** How the program runs: as `pulumi preview` does, or as `pulumi up` would. */
export type RunMode = "preview" | "update";

/**
 * Mocks that answer like providers during `pulumi preview` (`mode: "preview"`):
 * - a created resource returns its inputs (plus the physical name the provider would generate) and no ID;
 *   in preview mode the SDK turns every property missing from the answer, and the empty ID, into an
 *   unknown value, so `key.arn` flows into other resources as unknown, exactly as in a real preview;
 * - a resource read by ID (`Resource.get`) returns that ID and a realistic ARN, self link or name;
 * - invokes, which a real preview runs for real, return the cloud's answer (see `stand-ins/invoke-result`).
 *
 * During `pulumi up` (`mode: "update"`) a created resource returns an ID and a stand-in for every property
 * the provider always returns (see `stand-ins/resource-state`), so nothing downstream is unknown or unset.
 *
 * @param ids - the stand-in cloud identities.
 * @param declared - the provider SDKs' declared properties.
 * @param mode - preview or update. @default "preview"
 */
export function createPreviewMocks(
  ids: CloudIdentities,
  declared: DeclaredProperties,
  mode: RunMode = "preview",
): Mocks {
  return {
    newResource(args: MockResourceArgs) {
      if (args.id) {
        return {
          id: args.id,
          state: { ...args.inputs, ...readResourceOutputs(args.type, args.id, ids), id: args.id },
        };
      }
      if (mode === "update") {
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        return createdResourceState({ type: args.type, name: args.name, inputs, ids }, declared);
      }
      return {
        id: undefined,
        state: { ...args.inputs, ...autonamedOutputs(args.type, args.name, args.inputs) },
      };
    },
    call(args: MockCallArgs) {
      return invokeResult(args.token, (args.inputs ?? {}) as Record<string, unknown>, ids, declared);
    },
  };
}
