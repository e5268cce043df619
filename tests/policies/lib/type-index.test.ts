/**
 * The type index's rules in isolation (which policies the type rules out, what a plan keeps, how entries
 * merge back in pack order) and its installation over the installed SDK. That the running pack answers
 * byte for byte what the SDK's loop answers is the golden test's job (tests/policies/type-index-golden.test.ts).
 */
import { describe, expect, it } from "vitest";
import { policies } from "../../../policy-packs/secure-ai/policies";
import {
  learnTypePlan,
  mergeNotApplicable,
  positionsByName,
  type ServedPolicy,
  typeRulesOut,
} from "../../../policy-packs/secure-ai/policies/lib/type-index";
import { installTypeIndex } from "../../../policy-packs/secure-ai/policies/lib/type-index-server";

const KEY = "aws:kms/key:Key";
const TOPIC = "aws:sns/topic:Topic";

const entry = (name: string, reason = `reason of ${name}`) => ({
  getPolicyName: () => name,
  getReason: () => reason,
});
type Entry = ReturnType<typeof entry>;

function response(entries: Entry[], diagnosed: string[] = []) {
  let list = entries;
  return {
    getDiagnosticsList: () => diagnosed.map((name) => ({ getPolicyname: () => name })),
    getNotApplicableList: () => list,
    setNotApplicableList: (next: Entry[]) => {
      list = next;
    },
  };
}

const tagged = (type: string) => Object.assign(() => undefined, { __pulumiType: type });

describe("typeRulesOut", () => {
  it("rules out a single-type validation tagged with another __pulumiType, not one of that type", () => {
    expect(typeRulesOut({ name: "a", validateResource: tagged(KEY) }, TOPIC)).toBe(true);
    expect(typeRulesOut({ name: "a", validateResource: tagged(KEY) }, KEY)).toBe(false);
  });

  it("rules out a defineResourcePolicy validation for types it does not declare", () => {
    const multi = policies.find(
      (policy) => "validateResource" in policy && policy.definition.resourceTypes.length > 1,
    );
    expect(multi).toBeDefined();
    const declared = multi!.definition.resourceTypes[0]!;
    expect(typeRulesOut(multi as ServedPolicy, declared)).toBe(false);
    expect(typeRulesOut(multi as ServedPolicy, "other:thing/thing:Thing")).toBe(true);
  });

  it("never rules out a hand-written, wrapped or array validation", () => {
    const declared = policies.find((policy) => "validateResource" in policy)!;
    const wrapped = (...args: unknown[]) =>
      (declared as { validateResource: (...a: unknown[]) => void }).validateResource(...args);
    expect(typeRulesOut({ name: "w", validateResource: wrapped }, "other:thing/thing:Thing")).toBe(false);
    expect(typeRulesOut({ name: "x", validateResource: [tagged(KEY)] }, TOPIC)).toBe(false);
    expect(typeRulesOut({ name: "s" }, TOPIC)).toBe(false);
  });
});

describe("learnTypePlan and mergeNotApplicable", () => {
  const pack: ServedPolicy[] = [
    { name: "key-a", validateResource: tagged(KEY) },
    { name: "topic-a", validateResource: tagged(TOPIC) },
    { name: "any", validateResource: () => undefined },
    { name: "key-b", validateResource: tagged(KEY) },
    { name: "stack", validateStack: () => undefined } as ServedPolicy,
    { name: "key-c", validateResource: tagged(KEY) },
  ];
  const positions = positionsByName(pack)!;

  it("skips the ruled-out policies that answered one entry, runs the rest, leaves stack policies out", () => {
    const plan = learnTypePlan(
      pack,
      TOPIC,
      response([entry("key-a"), entry("any"), entry("key-b")], ["key-c"]),
    );
    expect(plan.skipped.map((item) => [item.index, item.entry.getPolicyName()])).toEqual([
      [0, "key-a"],
      [3, "key-b"],
    ]);
    // key-c answered a diagnostic as well as its entry: not a type-only answer, so it runs.
    expect(plan.run.map((policy) => policy.name)).toEqual(["topic-a", "any", "key-c"]);
  });

  it("merges the entries of the policies that ran back in pack order", () => {
    const plan = learnTypePlan(pack, TOPIC, response([entry("key-a"), entry("key-b"), entry("key-c")]));
    const ran = [entry("topic-a", "unknown-inputs: x"), entry("any", "unknown-inputs: y")];
    const merged = mergeNotApplicable(plan, ran, positions);
    expect(merged.map((item) => item.getPolicyName())).toEqual(["key-a", "topic-a", "any", "key-b", "key-c"]);
    expect(mergeNotApplicable(plan, [], positions)).toBe(plan.skippedEntries);
  });

  it("gives no positions when two policies share a name", () => {
    expect(positionsByName([{ name: "same" }, { name: "same" }])).toBeUndefined();
  });
});

describe("installTypeIndex", () => {
  it("recognises the installed @pulumi/policy server and installs once", () => {
    expect(installTypeIndex()).toBe(true);
    expect(installTypeIndex()).toBe(true);
  });
});
