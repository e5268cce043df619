import * as path from "node:path";
import type { EncryptedSecretHandling } from "../audit/state-values";
import { choiceValue, readFlags } from "./flag-reader";
import type { PackageDefaults } from "./package-root";
import {
  readReportOptions,
  REPORT_SWITCH_FLAGS,
  REPORT_VALUE_FLAGS,
  type ReportOptions,
} from "./report-options";
import { CliUsageError } from "./usage-error";

/** How `secure-ai audit` treats secrets a state file holds only as ciphertext. */
export const ENCRYPTED_SECRET_HANDLINGS: readonly EncryptedSecretHandling[] = ["error", "unknown"];

/** What `secure-ai audit` was asked to do, with every default applied and every path absolute. */
export interface AuditOptions extends ReportOptions {
  /** `pulumi stack export` files, one stack each, in the order given. */
  stateFiles: string[];
  /**
   * `error` stops with exit 2 at a secret the state holds only as ciphertext (exported without
   * `--show-secrets`); `unknown` audits without those values: a policy that needs one reports it unknown and
   * the control is `unverified`. @default "error"
   */
  encryptedSecrets: EncryptedSecretHandling;
}

/**
 * Parses the flags of `secure-ai audit --state FILE [--state FILE]... [report flags]`.
 *
 * @param args - the arguments after `audit`.
 * @param defaults - the package's default pack.
 * @param cwd - directory relative paths resolve against.
 * @throws CliUsageError for no `--state`, or any flag error of the report flags.
 */
export function parseAuditArgs(
  args: readonly string[],
  defaults: PackageDefaults,
  cwd: string,
): AuditOptions {
  const values = readFlags(args, {
    command: "audit",
    values: [...REPORT_VALUE_FLAGS, "--state", "--encrypted-secrets"],
    switches: [...REPORT_SWITCH_FLAGS],
  });
  const stateFiles = values.get("--state") ?? [];
  if (stateFiles.length === 0) {
    throw new CliUsageError(
      "audit needs --state FILE: the output of `pulumi stack export --file FILE` (repeat --state for several stacks).",
    );
  }
  return {
    ...readReportOptions(values, defaults, cwd),
    stateFiles: stateFiles.map((file) => path.resolve(cwd, file)),
    encryptedSecrets: choiceValue(
      values,
      "--encrypted-secrets",
      ENCRYPTED_SECRET_HANDLINGS,
      "error",
      "a way to treat encrypted secrets",
    ),
  };
}
