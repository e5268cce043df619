/**
 * AWS S3 ACLs: the `acl` of a bucket and of a BucketAcl resource. Property names verified in
 * node_modules/@pulumi/aws 7.48 (`<module>/<resource>.d.ts` and `types/input.d.ts`).
 */
import { noneOf, type ResourceFacts } from "../../lib/facts";

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];

const PUBLIC_GRANTEES = [
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];
const S3_ACL = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl";

/** S3 buckets' and bucket ACLs' canned ACLs and grants. */
export const AWS_S3_ACL_FACTS: readonly ResourceFacts[] = [
  {
    type: "aws:s3/bucket:Bucket",
    alsoTypes: ["aws:s3/bucketV2:BucketV2"],
    service: "s3",
    resource: "bucket",
    title: "S3 buckets",
    baseline: { bucket: "datasets" },
    groups: [
      {
        concern: "public",
        what: "disallow-public-acl",
        facts: [
          noneOf("acl", PUBLIC_ACLS, "private", "a canned ACL opens the bucket to everyone", S3_ACL),
          noneOf(
            "grants[].uri",
            PUBLIC_GRANTEES,
            undefined,
            "a grant to a global group opens the bucket to everyone",
            S3_ACL,
          ),
        ],
      },
    ],
  },
  {
    type: "aws:s3/bucketAcl:BucketAcl",
    alsoTypes: ["aws:s3/bucketAclV2:BucketAclV2"],
    service: "s3",
    resource: "bucketacl",
    title: "S3 bucket ACLs",
    baseline: { bucket: "datasets", acl: "private" },
    groups: [
      {
        concern: "public",
        facts: [
          noneOf("acl", PUBLIC_ACLS, undefined, "a canned ACL opens the bucket to everyone", S3_ACL),
          noneOf(
            "accessControlPolicy.grants[].grantee.uri",
            PUBLIC_GRANTEES,
            undefined,
            "a grant to a global group opens the bucket to everyone",
            S3_ACL,
            { optionalParent: true },
          ),
        ],
      },
    ],
  },
];
