/**
 * The shared GCP mocks (tests/helpers/gcp-mocks.ts) answer the Storage and Logging service-agent lookups but not
 * BigQuery's: without an answer, `bigquery.getDefaultServiceAccount` returns no member and a test cannot tell
 * the BigQuery grant from a grant to nobody. This adds that one answer to the mocks already installed, leaving
 * every other call to them.
 */
import * as pulumi from "@pulumi/pulumi";
import type { MockCallArgs, Mocks } from "@pulumi/pulumi/runtime";
import { PROJECT_NUMBER } from "../../helpers/gcp-mocks";

const LOOKUP = "gcp:bigquery/getDefaultServiceAccount:getDefaultServiceAccount";
const EMAIL = `bq-${PROJECT_NUMBER}@bigquery-encryption.iam.gserviceaccount.com`;

/** BigQuery's encryption account as an IAM member, as the lookup answers once `answerBigqueryAgentLookup` ran. */
export const BIGQUERY_AGENT_MEMBER = `serviceAccount:${EMAIL}`;

const answered = new WeakSet<Mocks>();

/** Makes the installed mocks answer BigQuery's service-account lookup. Call after `installGcpMocks()`. */
export function answerBigqueryAgentLookup(): void {
  const mocks = (pulumi.runtime.getMonitor() as unknown as { mocks?: Mocks } | undefined)?.mocks;
  if (!mocks) throw new Error("install the GCP mocks before answering the BigQuery lookup");
  if (answered.has(mocks)) return;
  const call = mocks.call.bind(mocks);
  mocks.call = (args: MockCallArgs) => {
    if (args.token !== LOOKUP) return call(args);
    const project = String(args.inputs.project ?? "");
    return { id: EMAIL, project, email: EMAIL, member: BIGQUERY_AGENT_MEMBER };
  };
  answered.add(mocks);
}
