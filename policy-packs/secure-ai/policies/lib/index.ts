/** The toolkit for writing a policy of this pack: import from here in `policies/<cloud>/*.ts`. */
export { UNKNOWN_INPUTS_PREFIX, defineResourcePolicy, defineStackPolicy } from "./define";
export { EXAMINES_TAG_PREFIX } from "./metadata";
export { isPreview } from "./observe";
export type {
  CheckContext,
  CheckedResource,
  DefaultLevel,
  ResourcePolicyDefinition,
  SecureAiPolicy,
  SecureAiResourcePolicy,
  SecureAiStackPolicy,
  StackPolicyDefinition,
  StackView,
} from "./define";
export { booleanOption, integerOption, stringListOption } from "./config";
export type { ConfigOption, ConfigOptions, ConfigValues } from "./config";
export { requireBoolean, requireOneOf, requireSet } from "./checks";
export { BUCKET_IDENTIFIERS, referenceTo, referrersOf, refersTo, strongestReference } from "./correlate";
export type { Reference } from "./correlate";
export {
  actionMatches,
  allowsAction,
  isAccountPrincipal,
  isOpenToEveryone,
  statementsOf,
} from "./iam-document";
export { ACCOUNT_CONDITION_KEYS, S3_NETWORK_CONDITION_KEYS, everyoneAllowed } from "./public-principal";
export type { Statement } from "./iam-document";
export { tagValue } from "./tags";
export { PERSONAL_DATA_OPTIONS, holdsPersonalData } from "./personal-data";
export {
  UNKNOWN,
  describeValue,
  expectBoolean,
  expectNumber,
  expectString,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownKeys,
  knownNumber,
  knownString,
} from "./values";
export type { Value } from "./values";
export { waiversToPolicyConfig } from "./waivers";
export type { Waiver } from "./waivers";
