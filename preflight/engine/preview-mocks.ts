import type { MockCallArgs, MockResourceArgs, Mocks } from "@pulumi/pulumi/runtime";
import {
  type CloudIdentities,
  autonamedOutputs,
  commonInvokeResult,
  readResourceOutputs,
} from "./cloud-identities";

/**
 * Mocks that answer like providers during `pulumi preview`:
 * - a created resource returns its inputs (plus the physical name the provider would generate) and no ID;
 *   in preview mode the SDK turns every property missing from the answer, and the empty ID, into an
 *   unknown value, so `key.arn` flows into other resources as unknown, exactly as in a real preview;
 * - a resource read by ID (`Resource.get`) returns that ID and a realistic ARN, self link or name;
 * - common invokes (caller identity, region, partition, zones, GCP project and client config, Azure client
 *   config) return realistic data, any other invoke returns no properties.
 *
 * @param ids - the stand-in cloud identities.
 */
export function createPreviewMocks(ids: CloudIdentities): Mocks {
  return {
    newResource(args: MockResourceArgs) {
      if (args.id) {
        return {
          id: args.id,
          state: { ...args.inputs, ...readResourceOutputs(args.type, args.id, ids), id: args.id },
        };
      }
      return {
        id: undefined,
        state: { ...args.inputs, ...autonamedOutputs(args.type, args.name, args.inputs) },
      };
    },
    call(args: MockCallArgs) {
      return commonInvokeResult(args.token, args.inputs, ids) ?? {};
    },
  };
}
