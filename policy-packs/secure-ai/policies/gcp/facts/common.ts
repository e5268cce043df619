/**
 * What the GCP fact-table files share: the baselines' key, the CMEK reason, the public principals and the
 * deletion-protection fact.
 */
import { is, type Fact } from "../../lib/facts";

/** A Cloud KMS key name for the compliant baselines. */
export const KEY = "projects/p/locations/europe-west4/keyRings/platform/cryptoKeys/data";

/** Why a Google-managed key is not enough (ends the violation message). */
export const CMEK = "without it Google encrypts with its own key, which you cannot revoke";

/** The deletion-protection switch is true (`absent` is the provider default); the remediation sets it. */
export const deletion = (path: string, absent: boolean, doc: string, extra: Partial<Fact> = {}): Fact =>
  is(path, true, absent, "a stray delete would destroy the data", doc, { fix: true, ...extra });
