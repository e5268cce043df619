import type { CloudIdentities } from "../cloud-identities";

/** What a cloud's stand-in builder knows about the resource being created. */
export interface StandInSubject {
  /** Type token, e.g. `aws:kms/key:Key`. */
  type: string;
  /** Logical name. */
  name: string;
  /** The program's inputs (plain values: the update pass has no unknowns). */
  inputs: Record<string, unknown>;
  /** The stand-in cloud identities of the stack. */
  ids: CloudIdentities;
}

/** The provider's answer for a created resource, as far as a cloud's table knows it. */
export interface StandInIdentity {
  /** The provider ID. */
  id: string;
  /** The physical name (what `name`, `bucket`, `accountId`, ... read back). */
  physicalName: string;
  /** Outputs the table knows, merged under the inputs (nested objects merge with the inputs' objects). */
  outputs: Record<string, unknown>;
  /**
   * Outputs that replace the inputs' value of the same property, where the service returns another shape
   * than it takes (an Azure `identity` takes a list of user-assigned identity IDs and returns a map of them).
   * @default {}
   */
  replaces?: Record<string, unknown>;
}
