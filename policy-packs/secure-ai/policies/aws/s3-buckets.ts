/** Shared by the S3 stack policies: the stack's buckets and the separate resources attached to each. */
import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_IDENTIFIERS, referrersOf, type StackView } from "../lib";
import { S3_BUCKET_TYPES } from "./types";

/** Every S3 bucket of the stack (both v7 bucket types). */
export function bucketsOf(stack: StackView): PolicyResource[] {
  return S3_BUCKET_TYPES.flatMap((type) => stack.ofType(type));
}

/** The resources of `types` whose `bucket` property refers to `bucket`. */
export function attachedTo(
  stack: StackView,
  bucket: PolicyResource,
  types: readonly string[],
): PolicyResource[] {
  return referrersOf(
    bucket,
    types.flatMap((type) => stack.ofType(type)),
    "bucket",
    BUCKET_IDENTIFIERS,
  );
}
