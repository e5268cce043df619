/**
 * The stack index (`policy-packs/secure-ai/policies/lib/stack-index.ts`): one per AnalyzeStack call, shared
 * by the stack policies that each get their own copy of the call's resource list.
 */
import type { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { NO_RESOURCES, stackIndexOf } from "../../../policy-packs/secure-ai/policies/lib/stack-index";

function resource(type: string, name: string, urn = `urn:pulumi:dev::app::${type}::${name}`): PolicyResource {
  return { type, name, urn, props: { name } } as unknown as PolicyResource;
}

const STACK = "pulumi:pulumi:Stack";
const KEY = "aws:kms/key:Key";

describe("stackIndexOf", () => {
  it("indexes the resources by type, finds the stack resource and labels each props by URN or type", () => {
    const stack = resource(STACK, "app-dev");
    const keys = [resource(KEY, "a"), resource(KEY, "b")];
    const unnamed = resource("aws:s3/bucket:Bucket", "c", "");
    const index = stackIndexOf([stack, ...keys, unnamed]);
    expect(index.byType.get(KEY)).toEqual(keys);
    expect(index.byType.get("aws:sns/topic:Topic")).toBeUndefined();
    expect(index.stackRef).toEqual({ urn: stack.urn, name: "app-dev" });
    expect(index.roots.get(keys[1]!.props)).toEqual({ label: keys[1]!.urn });
    expect(index.roots.get(unnamed.props)).toEqual({ label: "aws:s3/bucket:Bucket" });
    expect(stackIndexOf([keys[0]!]).stackRef).toEqual({ urn: "", name: "" });
    expect(NO_RESOURCES).toEqual([]);
    expect(Object.isFrozen(NO_RESOURCES)).toBe(true);
  });

  it("is built once for copies of one list, and anew for another list that starts the same", () => {
    const resources = [resource(KEY, "a"), resource(KEY, "b")];
    const first = stackIndexOf(resources.slice());
    expect(stackIndexOf(resources.slice())).toBe(first);
    // Same first resource, another second one: not the same stack.
    const other = stackIndexOf([resources[0]!, resource(KEY, "c")]);
    expect(other).not.toBe(first);
    expect(other.byType.get(KEY)?.map((item) => item.name)).toEqual(["a", "c"]);
    // Shorter list, same elements so far.
    expect(stackIndexOf([resources[0]!])).not.toBe(other);
    expect(stackIndexOf([]).byType.size).toBe(0);
  });
});
