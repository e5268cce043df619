/**
 * AWS Managed Streaming for Kafka: MSK clusters. Property names verified in node_modules/@pulumi/aws 7.48
 * (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { is, isSet, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

/** MSK clusters. */
export const AWS_MSK_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:msk/cluster:Cluster",
    service: "msk",
    resource: "cluster",
    title: "MSK clusters",
    baseline: {
      kafkaVersion: "3.7.x",
      numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["subnet-0a"] },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: KEY,
        encryptionInTransit: { clientBroker: "TLS", inCluster: true },
      },
      clientAuthentication: { unauthenticated: false, sasl: { iam: true } },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "msk" } } },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "encryptionInfo.encryptionAtRestKmsKeyArn",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
        ],
      },
      {
        concern: "tls",
        facts: [
          oneOf(
            "encryptionInfo.encryptionInTransit.clientBroker",
            ["TLS"],
            "TLS",
            "clients may connect in plain text",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
          is(
            "encryptionInfo.encryptionInTransit.inCluster",
            true,
            true,
            "brokers replicate in plain text",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
          ),
        ],
      },
      {
        concern: "auth",
        facts: [
          is(
            "clientAuthentication.unauthenticated",
            false,
            false,
            "anonymous clients can produce and consume",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html",
          ),
        ],
      },
      {
        concern: "logging",
        facts: [
          isSet(
            "loggingInfo.brokerLogs",
            "broker logs are not delivered",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html",
          ),
        ],
      },
    ],
  },
];
