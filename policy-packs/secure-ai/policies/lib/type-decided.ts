/**
 * Which validation functions decide "not applicable" from the resource's type alone.
 *
 * `defineResourcePolicy` (`./define.ts`) builds validations whose first statement is
 * `if (!types.has(args.type)) notApplicable(args)`: for a resource of another type they answer one fixed
 * not-applicable reason and do nothing else. This module remembers those functions and their types, so the
 * pack's type index (`./type-index.ts`) may skip them for other types. A validation not registered here
 * (hand-written, wrapped or replaced by a test) is always run, as the SDK runs it.
 */

const typesByValidation = new WeakMap<object, ReadonlySet<string>>();

/**
 * Records that `validation` answers not-applicable, with a reason that depends on nothing but the type,
 * for every resource whose type is not in `types`, and has no other effect for such a resource.
 *
 * @param validation - the function the policy serves as `validateResource`.
 * @param types - the type tokens it applies to.
 */
export function markTypeDecided(validation: object, types: ReadonlySet<string>): void {
  typesByValidation.set(validation, types);
}

/**
 * The type tokens a registered validation applies to, or `undefined` when its applicability is not known to
 * be decided by the type alone.
 *
 * @param validation - a policy's `validateResource`.
 */
export function typeDecidedTypesOf(validation: unknown): ReadonlySet<string> | undefined {
  return typeof validation === "function" ? typesByValidation.get(validation) : undefined;
}
