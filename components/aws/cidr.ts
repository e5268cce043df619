/** Pure IPv4 CIDR arithmetic for the platform's subnets. */

function toNumber(address: string): number {
  return address.split(".").reduce((total, octet) => total * 256 + Number(octet), 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/**
 * The `index`-th block of `extraBits` more prefix bits inside `cidr`: `subnetCidr("10.40.0.0/16", 3, 1)` is
 * `"10.40.32.0/19"`.
 */
export function subnetCidr(cidr: string, extraBits: number, index: number): string {
  const [address, prefixText] = cidr.split("/");
  const prefix = Number(prefixText) + extraBits;
  if (prefix > 28 || index < 0 || index >= 2 ** extraBits) {
    throw new RangeError(`cannot carve block ${index} of /${prefix} out of ${cidr}`);
  }
  const base = toNumber(address ?? "0.0.0.0");
  return `${toAddress(base + index * 2 ** (32 - prefix))}/${prefix}`;
}
