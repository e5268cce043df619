/**
 * Lookups that fail on a fresh account: the preflight answers them as the provider does, so a program that
 * looks a singleton up before creating it (the AWS backend's GuardDuty check) sees "none" in both passes.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cloudIdentitiesFromConfig } from "../../../preflight/engine/cloud-identities";
import { DeclaredProperties } from "../../../preflight/engine/stand-ins/declared-properties";
import { invokeResult } from "../../../preflight/engine/stand-ins/invoke-result";
import { isNoDetector } from "../../../components/aws/detector-lookup";

const declared = new DeclaredProperties((name) => {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
});
const ids = cloudIdentitiesFromConfig({ "aws:region": "eu-west-1" });
const GET_DETECTOR = "aws:guardduty/getDetector:getDetector";

/** What invokeResult threw, or undefined. */
function thrown(token: string, args: Record<string, unknown>): unknown {
  try {
    invokeResult(token, args, ids, declared);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("invokes a fresh account fails", () => {
  // terraform-provider-aws internal/service/guardduty/detector_data_source.go: without an ID, FindDetector
  // requires the region's one detector and reports none as "empty result".
  it("getDetector without an ID: no detector, with the provider's message in the gRPC details", () => {
    const error = thrown(GET_DETECTOR, { region: "eu-west-1" });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("reading this account's single GuardDuty Detector: empty result");
    expect((error as { details?: unknown }).details).toBe((error as Error).message);
    expect(isNoDetector(error)).toBe(true);
  });

  it("getDetector by ID still answers with the declared result", () => {
    const found = invokeResult(GET_DETECTOR, { id: "12abc34d567e8fa901bc2d34eexample" }, ids, declared);
    expect(found["id"]).toBe("12abc34d567e8fa901bc2d34eexample");
    expect(typeof found["arn"]).toBe("string");
  });
});
