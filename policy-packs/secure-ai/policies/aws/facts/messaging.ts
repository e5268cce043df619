/**
 * AWS queues, topics and streams: SQS queues, SNS topics, Kinesis streams and Firehose delivery streams.
 * Property names verified in node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and
 * `types/input.d.ts`).
 */
import { is, oneOf, type ResourceFacts } from "../../lib/facts";
import { KEY, cmk } from "./common";

/** SQS queues, SNS topics, Kinesis streams and Firehose delivery streams. */
export const AWS_MESSAGING_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:sqs/queue:Queue",
    service: "sqs",
    resource: "queue",
    title: "SQS queues",
    baseline: { kmsMasterKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        facts: [
          cmk(
            "kmsMasterKeyId",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
          ),
        ],
      },
    ],
  },
  {
    type: "aws:sns/topic:Topic",
    service: "sns",
    resource: "topic",
    title: "SNS topics",
    baseline: { kmsMasterKeyId: KEY },
    groups: [
      {
        concern: "cmk",
        description:
          "SNS topics are encrypted with a customer-managed KMS key (kmsMasterKeyId set, not alias/aws/sns).",
        facts: [
          cmk("kmsMasterKeyId", "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"),
        ],
      },
    ],
  },
  {
    type: "aws:kinesis/stream:Stream",
    service: "kinesis",
    resource: "stream",
    title: "Kinesis data streams",
    baseline: { encryptionType: "KMS", kmsKeyId: KEY, streamModeDetails: { streamMode: "ON_DEMAND" } },
    groups: [
      {
        concern: "cmk",
        facts: [
          oneOf(
            "encryptionType",
            ["KMS"],
            "NONE",
            "records are stored unencrypted",
            "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html",
          ),
          cmk("kmsKeyId", "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html"),
        ],
      },
    ],
  },
  {
    type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    service: "kinesis",
    resource: "firehosedeliverystream",
    title: "Firehose delivery streams",
    baseline: {
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY },
    },
    groups: [
      {
        concern: "cmk",
        facts: [
          is(
            "serverSideEncryption.enabled",
            true,
            false,
            "records are buffered unencrypted",
            "https://docs.aws.amazon.com/firehose/latest/dev/encryption.html",
          ),
          oneOf(
            "serverSideEncryption.keyType",
            ["CUSTOMER_MANAGED_CMK"],
            "AWS_OWNED_CMK",
            "an AWS owned key is used",
            "https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamEncryptionConfigurationInput.html",
          ),
          cmk(
            "serverSideEncryption.keyArn",
            "https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamEncryptionConfigurationInput.html",
          ),
        ],
      },
    ],
  },
];
