import { SecureAiConfigError } from "../errors";
import { isControlId } from "../controls/ids";
import { optionalArray, optionalString, rejectUnknownKeys, requireObject, requireString } from "./checks";
import { LIMITS } from "./defaults";
import type { ResolvedWaiver } from "./resolved";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseExpiry(value: string, path: string): Date {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T23:59:59.999Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new SecureAiConfigError(path, value, "expected a calendar date in the form YYYY-MM-DD");
  }
  return date;
}

/**
 * Resolves `waivers`: each names a known control once, gives a reason, and, when it expires, expires in the
 * future. A waiver is valid through the end of its expiry day (UTC).
 */
export function resolveWaivers(value: unknown, now: Date): ResolvedWaiver[] {
  const waivers = optionalArray(value, "waivers").map((item, index): ResolvedWaiver => {
    const path = `waivers[${index}]`;
    const waiver = requireObject(item, path, "a waiver { control, reason, expires? }");
    rejectUnknownKeys(waiver, path, ["control", "reason", "expires"]);
    const control = requireString(waiver.control, `${path}.control`);
    if (!isControlId(control)) {
      throw new SecureAiConfigError(
        `${path}.control`,
        control,
        'expected a control ID of the catalog, e.g. "SAI-NET-05"',
      );
    }
    const reason = typeof waiver.reason === "string" ? waiver.reason.trim() : waiver.reason;
    if (typeof reason !== "string" || reason.length < LIMITS.waiverReasonMinLength) {
      throw new SecureAiConfigError(
        `${path}.reason`,
        waiver.reason,
        `a waiver needs a reason of at least ${LIMITS.waiverReasonMinLength} characters that an auditor can read`,
      );
    }
    const expires = optionalString(waiver.expires, `${path}.expires`);
    if (expires !== undefined && parseExpiry(expires, `${path}.expires`).getTime() < now.getTime()) {
      throw new SecureAiConfigError(
        `${path}.expires`,
        expires,
        `the waiver has expired; give a date from ${now.toISOString().slice(0, 10)} on, or remove the waiver`,
      );
    }
    return { control, reason, expires };
  });
  waivers.forEach((waiver, index) => {
    const first = waivers.findIndex((w) => w.control === waiver.control);
    if (first !== index) {
      throw new SecureAiConfigError(
        `waivers[${index}].control`,
        waiver.control,
        `each control is waived at most once; already waived by waivers[${first}]`,
      );
    }
  });
  return waivers;
}
