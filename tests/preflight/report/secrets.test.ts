import { describe, expect, it } from "vitest";
import { REPORT_FORMATS } from "../../../preflight/cli/args";
import { renderReport } from "../../../preflight/report";
import { fixtureReport, SECRET_PLAINTEXTS } from "./fixture";

describe("secret masking", () => {
  const data = fixtureReport();

  it.each(REPORT_FORMATS)("the %s report contains no secret plaintext", (format) => {
    const output = renderReport(data, format);
    for (const secret of SECRET_PLAINTEXTS) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain("preflight-encrypted-secret:");
  });

  it("masks a secret config placeholder even outside a secret wrapper", async () => {
    const { toDisplayValue } = await import("../../../preflight/report");
    expect(toDisplayValue({ url: "https://x?token=preflight-encrypted-secret:demo:token" })).toEqual({ url: "[secret]" });
  });
});
