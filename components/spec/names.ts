import { SecureAiConfigError } from "../errors";
import { LIMITS } from "./defaults";

/**
 * Model and dataset names become parts of resource names on every cloud: S3 bucket names and KMS aliases,
 * GCS buckets, service account IDs and Cloud KMS key names, Azure storage accounts and Key Vault keys. The
 * strictest common form is lowercase letters, digits and single hyphens, starting with a letter, ending
 * with a letter or digit. Backends shorten and hash the full physical names to fit each service.
 */
export const NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$|^[a-z]$/;

/** Validates a model or dataset name. */
export function checkName(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") {
    throw new SecureAiConfigError(path, value, "expected a non-empty string name");
  }
  if (value.length > LIMITS.nameMaxLength) {
    throw new SecureAiConfigError(
      path,
      value,
      `names are at most ${LIMITS.nameMaxLength} characters (they become parts of bucket, key and account names)`,
    );
  }
  if (!NAME_PATTERN.test(value)) {
    throw new SecureAiConfigError(
      path,
      value,
      "names use lowercase letters, digits and single hyphens, start with a letter and end with a letter or digit",
    );
  }
  return value;
}

/** Throws when two entries of a list share a name. */
export function checkUniqueNames(names: string[], path: string): void {
  names.forEach((name, index) => {
    const first = names.indexOf(name);
    if (first !== index) {
      throw new SecureAiConfigError(
        `${path}[${index}].name`,
        name,
        `names must be unique; already used by ${path}[${first}]`,
      );
    }
  });
}
