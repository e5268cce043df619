/**
 * Which SageMaker instance types have local NVMe instance storage. SageMaker encrypts that storage with an
 * on-instance hardware module and rejects a KMS key for the endpoint volume (`kmsKeyArn`) when a variant uses
 * such a type. Shared by the AWS backend (which leaves `kmsKeyArn` unset there) and the policy pack (which
 * accepts a missing key there), so the two classify instance types the same way. No imports: the published
 * policy pack compiles this file in.
 */

/** Instance families whose local NVMe storage SageMaker encrypts in hardware and cannot put under a KMS key. */
const LOCAL_STORAGE_FAMILY = /^ml\.([a-z]+\d+[a-z]*d[a-z]*|g4dn|g5|g6|g6e|p4d|p4de|p5|p5e|p5en|trn1|trn1n)\./;

/** Whether a SageMaker instance type has instance storage, on which `kmsKeyArn` cannot be set. */
export function hasInstanceStorage(instanceType: string): boolean {
  return LOCAL_STORAGE_FAMILY.test(instanceType);
}
