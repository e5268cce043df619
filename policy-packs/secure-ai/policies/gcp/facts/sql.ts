/**
 * GCP Cloud SQL instances. Property names verified in node_modules/@pulumi/gcp 9.37
 * (`<module>/<resource>.d.ts`, `types/input.d.ts`).
 */
import { is, isSet, noneOf, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, CMEK, deletion } from "./common";

const SQL_IP = "https://cloud.google.com/sql/docs/postgres/configure-ip";
const SQL_SSL = "https://cloud.google.com/sql/docs/postgres/configure-ssl-instance#enforcing-ssl";

/** Cloud SQL instances. */
export const GCP_SQL_FACTS: readonly ResourceFacts[] = [
  {
    type: "gcp:sql/databaseInstance:DatabaseInstance",
    service: "sql",
    resource: "databaseinstance",
    title: "Cloud SQL instances",
    baseline: {
      databaseVersion: "POSTGRES_16",
      region: "europe-west4",
      encryptionKeyName: KEY,
      deletionProtection: true,
      settings: {
        tier: "db-custom-2-7680",
        ipConfiguration: {
          ipv4Enabled: false,
          privateNetwork: "projects/p/global/networks/platform",
          sslMode: "ENCRYPTED_ONLY",
        },
      },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          isSet("encryptionKeyName", CMEK, "https://cloud.google.com/sql/docs/postgres/configure-cmek"),
        ],
      },
      {
        concern: "public",
        facts: [
          is(
            "settings.ipConfiguration.ipv4Enabled",
            false,
            true,
            "the instance gets a public IPv4 address",
            SQL_IP,
          ),
          noneOf(
            "settings.ipConfiguration.authorizedNetworks[].value",
            ["0.0.0.0/0"],
            undefined,
            "the whole internet may connect",
            SQL_IP,
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "settings.ipConfiguration.sslMode",
            ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"],
            "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
            "clients may connect without TLS",
            SQL_SSL,
          ),
        ],
      },
      {
        concern: "deletion",
        facts: [
          deletion(
            "deletionProtection",
            true,
            "https://cloud.google.com/sql/docs/postgres/deletion-protection",
          ),
        ],
      },
    ],
  },
];
