/**
 * Runtime pieces of `@pulumi/policy` 1.21 that exist in its JavaScript but not in its type definitions
 * (`proxy.d.ts` is empty): the unknown-value sentinels, the `UnknownValueError` class the SDK throws when a
 * policy reads an unknown value through its property proxy, and the `Secret` wrapper used during remediation.
 * Loaded from the installed SDK, so they always match the server that runs the pack.
 */
import { Secret } from "@pulumi/policy";
import * as proxyModule from "@pulumi/policy/proxy";

interface ProxyInternals {
  UnknownValueError: new (...args: never[]) => Error;
  unknownBooleanValue: string;
  unknownNumberValue: string;
  unknownStringValue: string;
  unknownArrayValue: string;
  unknownAssetValue: string;
  unknownArchiveValue: string;
  unknownObjectValue: string;
  unknownCheckingProxy: <T extends object>(value: T) => T;
}

const internals = proxyModule as unknown as ProxyInternals;

/** The SDK's error for a read of a value that is unknown during preview. */
export const UnknownValueError = internals.UnknownValueError;

/** Wraps resource properties the way the policy server does before it hands them to a policy. */
export const unknownCheckingProxy = internals.unknownCheckingProxy;

/** The wire sentinels the engine sends for values not yet known during preview, one per value kind. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  internals.unknownBooleanValue,
  internals.unknownNumberValue,
  internals.unknownStringValue,
  internals.unknownArrayValue,
  internals.unknownAssetValue,
  internals.unknownArchiveValue,
  internals.unknownObjectValue,
]);

/** The sentinel for an unknown string, used by tests and fixtures to mimic a preview. */
export const UNKNOWN_STRING = internals.unknownStringValue;

/** The SDK's wrapper for secret values in remediation inputs. */
export { Secret };
