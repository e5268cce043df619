/**
 * What each concern of a fact row means for the policy built from it: the name's verb and suffix, the SAI
 * controls it enforces, its default level and the sentence its description starts with. Mandatory by default
 * only for the clear-cut concerns (customer-managed key absent, public access, TLS below the minimum, local
 * auth on); logging, deletion protection and metadata-service hardening are advisory judgement calls.
 */
import type { ControlId } from "../../../../../components/controls";
import type { DefaultLevel } from "../define";
import type { PolicyCloud } from "../naming";
import type { Concern } from "./model";

/** The defaults a concern gives a policy. */
export interface ConcernDefaults {
  /** `<verb>-<what>` after `<cloud>-<service>-<resource>-`. */
  suffix: (cloud: PolicyCloud) => string;
  controls: readonly ControlId[];
  level: DefaultLevel;
  /** What a compliant resource does, after its title: "encrypt data at rest with a customer-managed key". */
  sentence: string;
}

/** Defaults per concern. */
export const CONCERNS: Readonly<Record<Concern, ConcernDefaults>> = {
  cmk: {
    suffix: (cloud) => (cloud === "gcp" ? "require-cmek" : "require-cmk"),
    controls: ["SAI-ENC-01"],
    level: "mandatory",
    sentence: "encrypt data at rest with a customer-managed key",
  },
  tls: {
    suffix: () => "require-tls",
    controls: ["SAI-TLS-02"],
    level: "mandatory",
    sentence: "refuse unencrypted transport and require the strongest TLS minimum the service supports",
  },
  https: {
    suffix: () => "require-https",
    controls: ["SAI-TLS-02"],
    level: "mandatory",
    sentence: "accept HTTPS only",
  },
  public: {
    suffix: () => "disallow-public-access",
    controls: ["SAI-NET-02"],
    level: "mandatory",
    sentence: "have no public endpoint",
  },
  "public-ip": {
    suffix: () => "disallow-public-ip",
    controls: ["SAI-NET-01"],
    level: "mandatory",
    sentence: "get no public IP address",
  },
  auth: {
    suffix: () => "disallow-local-auth",
    controls: ["SAI-IAM-03"],
    level: "mandatory",
    sentence: "turn local (key, password or anonymous) authentication off in favour of identities",
  },
  logging: {
    suffix: () => "require-logging",
    controls: ["SAI-LOG-01"],
    level: "advisory",
    sentence: "send audit or access logs to a destination",
  },
  deletion: {
    suffix: () => "require-deletion-protection",
    controls: ["SAI-RES-01"],
    level: "advisory",
    sentence: "are protected from accidental deletion",
  },
  imds: {
    suffix: () => "require-imdsv2",
    controls: ["SAI-IAM-03"],
    level: "advisory",
    sentence: "require session tokens (IMDSv2) on the instance metadata service",
  },
};
