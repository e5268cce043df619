/**
 * Deterministic building blocks for stand-in values: the same resource always gets the same IDs in every
 * run, so reports and fixtures are stable, and two resources never share one.
 */
import { createHash } from "node:crypto";

/** Hex digest of `parts`, `length` characters long. */
export function hexOf(length: number, ...parts: string[]): string {
  let out = "";
  for (let round = 0; out.length < length; round++) {
    out += createHash("sha256")
      .update(`${round}\u0000${parts.join("\u0000")}`)
      .digest("hex");
  }
  return out.slice(0, length);
}

/** A UUID-shaped value (version-4 layout) derived from `parts`. */
export function uuidOf(...parts: string[]): string {
  const hex = hexOf(32, ...parts);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A decimal string of `length` digits derived from `parts` (no leading zero). */
export function digitsOf(length: number, ...parts: string[]): string {
  const hex = hexOf(length * 2, ...parts);
  let out = "";
  for (let index = 0; index < length; index++) {
    const digit = parseInt(hex.slice(index * 2, index * 2 + 2), 16) % 10;
    out += index === 0 && digit === 0 ? "1" : String(digit);
  }
  return out;
}

/** `Key` → `key`, `VpcEndpoint` → `vpcEndpoint`. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `VpcEndpoint` → `vpc-endpoint`, `EndpointConfiguration` → `endpoint-configuration`. */
export function kebab(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** The last word of a PascalCase name: `StorageAccount` → `Account`. */
export function lastWord(text: string): string {
  const words = text.match(/[A-Z][a-z0-9]*/g);
  return words?.[words.length - 1] ?? text;
}

/** The plural a REST collection uses: `vault` → `vaults`, `identity` → `identities`, `address` → `addresses`. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) {
    return `${word.slice(0, -1)}ies`;
  }
  return /(s|x|sh|ch)$/.test(word) ? `${word}es` : `${word}s`;
}

/** The string value of `inputs[key]` when it is a non-empty string. */
export function textInput(inputs: Record<string, unknown>, key: string): string | undefined {
  const value = inputs[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
