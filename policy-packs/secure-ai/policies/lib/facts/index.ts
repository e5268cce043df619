/** The fact-table toolkit: the row model, the concerns, the compiler and the policy builder. */
export { buildFactPolicies, describeFact, describeGroup, factPolicyName } from "./build";
export { CONCERNS, type ConcernDefaults } from "./concerns";
export { absentText, compileFact, expectedText, negativeOf, type FactCheck } from "./evaluate";
export { atLeast, awsCmk, is, isSet, noneOf, oneOf, typesOf } from "./model";
export type { Concern, Condition, Expectation, Fact, FactGroup, ResourceFacts } from "./model";
