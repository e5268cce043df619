import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rotationPeriod } from "../../components/gcp/keys";
import {
  bucketName,
  fitName,
  googleApisEndpointAddress,
  googleApisEndpointName,
  serviceAccountId,
  vertexEndpointId,
  workloadIdentityId,
} from "../../components/gcp/names";
import { sccFindingsFilter } from "../../components/gcp/severity";
import { NAME_PATTERN } from "../../components/spec/names";

const validName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,22}[a-z0-9]$/)
  .filter((name) => NAME_PATTERN.test(name));

describe("GCP physical names", () => {
  it("keep short names readable and shorten long ones with a hash", () => {
    expect(fitName(["chatbot", "serving"], 30)).toBe("chatbot-serving");
    const long = fitName(["a-very-long-platform-name", "another-long-workload"], 30);
    expect(long).toMatch(/^a-very-long-platform-[0-9a-f]{8}$/);
    expect(long.length).toBeLessThanOrEqual(30);
  });

  it("always fit each service's limits", () => {
    fc.assert(
      fc.property(validName, validName, (platform, model) => {
        expect(bucketName("acme-ai-prod", [platform, `model-${model}`])).toMatch(
          /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/,
        );
        expect(serviceAccountId(platform, `fed-${model}`)).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
        const pool = workloadIdentityId([platform, model]);
        expect(pool.length).toBeGreaterThanOrEqual(4);
        expect(pool.length).toBeLessThanOrEqual(32);
        expect(pool.startsWith("gcp-")).toBe(false);
        expect(googleApisEndpointName(platform)).toMatch(/^[a-z][a-z0-9]{0,19}$/);
        expect(vertexEndpointId("acme-ai-prod", platform, model)).toMatch(/^[1-9]\d{9}$/);
        expect(googleApisEndpointAddress(platform)).toMatch(/^100\.100\.\d{1,3}\.\d{1,3}$/);
      }),
    );
  });

  it("are deterministic, because key rings and keys can never be deleted and must be found again", () => {
    expect(bucketName("p-123456", ["x", "datasets"])).toBe(bucketName("p-123456", ["x", "datasets"]));
    expect(bucketName("p-123456", ["x", "datasets"])).not.toBe(bucketName("p-654321", ["x", "datasets"]));
  });
});

describe("GCP value formats", () => {
  it("writes rotation periods in seconds", () => {
    expect(rotationPeriod(90)).toBe("7776000s");
    expect(rotationPeriod(2)).toBe("172800s");
  });

  it("filters SCC findings at or above the threshold", () => {
    expect(sccFindingsFilter("critical")).toBe('state = "ACTIVE" AND (severity = "CRITICAL")');
    expect(sccFindingsFilter("low")).toBe(
      'state = "ACTIVE" AND (severity = "LOW" OR severity = "MEDIUM" OR severity = "HIGH" OR severity = "CRITICAL")',
    );
  });
});
