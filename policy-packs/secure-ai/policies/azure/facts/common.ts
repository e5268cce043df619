/**
 * What the Azure fact-table files share: the baselines' key, the TLS ladder, the reasons, the
 * `publicNetworkAccess` fact and the firewall-rule rows.
 */
import { oneOf, type Fact, type ResourceFacts } from "../../lib/facts";
import { get, knownString } from "../../lib/values";

/** A Key Vault key URI for the compliant baselines. */
export const VAULT_KEY = "https://platform-kv.vault.azure.net/keys/data/0123456789abcdef0123456789abcdef";

/** The TLS versions, weakest first. */
export const TLS = ["1.0", "1.1", "1.2", "1.3"];

/** Why a minimum below 1.2 is a problem (ends the violation message). */
export const TLS_WHY = "clients may negotiate TLS 1.0 or 1.1";

const PUBLIC_WHY = "the service is reachable from the internet";

/** Why local (key or password) authentication is a problem (ends the violation message). */
export const LOCAL_WHY = "keys or passwords grant access without an identity";

/** `publicNetworkAccess` (ARM compares it case-insensitively; some services spell it in lower case). */
export function publicAccessOff(
  path: string,
  doc: string,
  absent = "Enabled",
  extra: Partial<Fact> = {},
): Fact {
  return oneOf(path, ["Disabled", "disabled"], absent, PUBLIC_WHY, doc, { fix: "Disabled", ...extra });
}

function ipNumber(address: string | undefined): number | undefined {
  const parts = address?.split(".").map(Number);
  if (parts?.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    return undefined;
  }
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}

/** More than a /8 of addresses, or the whole IPv4 space: the rule opens the server to the internet. */
const WIDE = 2 ** 24;

/** A firewall rule's `endIpAddress` against its `startIpAddress`: 0.0.0.0-0.0.0.0 is "Azure services". */
function openRange(end: unknown, rule: unknown): string | undefined {
  const start = ipNumber(knownString(get(rule, "startIpAddress")));
  const stop = ipNumber(knownString(end));
  if (start === undefined || stop === undefined) {
    return undefined;
  }
  return stop - start >= WIDE ? `opens ${stop - start + 1} addresses to the server` : undefined;
}

/** A firewall-rule fact. */
function firewall(doc: string): Fact {
  return {
    path: "endIpAddress",
    expect: {
      kind: "custom",
      describe: "a range narrower than a /8 (0.0.0.0-255.255.255.255 opens it to everyone)",
      test: openRange,
    },
    why: "the rule admits a large part of the internet",
    doc,
    negative: "255.255.255.255",
  };
}

/** The firewall-rule rows (same schema on four services). */
export function firewallRow(type: string, service: string, title: string, doc: string): ResourceFacts {
  return {
    type,
    service,
    resource: "firewallrule",
    title,
    baseline: { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" },
    groups: [{ concern: "public", facts: [firewall(doc)] }],
  };
}
