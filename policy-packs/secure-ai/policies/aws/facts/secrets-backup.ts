/**
 * AWS secrets, parameters and backups: Secrets Manager secrets, SSM parameters and Backup vaults. Property
 * names verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import type { ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

/** Secrets Manager secrets, SSM parameters and Backup vaults. */
export const AWS_SECRETS_BACKUP_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:secretsmanager/secret:Secret",
    service: "secretsmanager",
    resource: "secret",
    title: "Secrets Manager secrets",
    baseline: { kmsKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsKeyId",
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:ssm/parameter:Parameter",
    service: "ssm",
    resource: "parameter",
    title: "SSM SecureString parameters",
    baseline: { type: "SecureString", value: "s3cr3t", keyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "keyId",
            "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
            {
              when: { path: "type", in: ["SecureString"] },
            },
          ),
        ],
      },
    ],
  },
  {
    type: "aws:backup/vault:Vault",
    service: "backup",
    resource: "vault",
    title: "Backup vaults",
    baseline: { kmsKeyArn: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [cmk("kmsKeyArn", "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html")],
      },
    ],
  },
];
