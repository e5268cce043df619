/**
 * What the AWS fact-table files share: the baselines' KMS key and the customer-managed-key, encryption and
 * deletion-protection facts.
 */
import { awsCmk, is, type Fact } from "../../lib/facts";

/** A KMS key ARN for the compliant baselines. */
export const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001";

/** Why an AWS-managed key is not enough (ends the violation message). */
export const WHY = "without it AWS encrypts with its own managed key, which the key policy cannot restrict";

/** The key property is set and not an AWS-managed `alias/aws/...` key. */
export const cmk = (path: string, doc: string, extra: Partial<Fact> = {}): Fact =>
  awsCmk(path, WHY, doc, extra);

/** The encryption switch is true (absent means unencrypted); the remediation sets it. */
export const encrypted = (path: string, doc: string): Fact =>
  is(path, true, false, "without it the data is stored unencrypted", doc, { fix: true });

/** Deletion protection is true (absent means off); the remediation sets it. */
export const deletion = (path: string, doc: string): Fact =>
  is(path, true, false, "a stray delete would destroy the data", doc, { fix: true });
