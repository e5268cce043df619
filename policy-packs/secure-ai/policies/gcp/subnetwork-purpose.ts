/** Which subnetworks carry workloads (and so take private Google access and flow logs). */
import { get, isUnknown, knownString } from "../lib";

/** Purposes of subnets that carry VMs (the others are proxy-only or PSC ranges without these settings). */
export const VM_SUBNET_PURPOSES = ["PRIVATE", "PRIVATE_RFC_1918"];

/** Whether the subnetwork carries workloads, i.e. its purpose is absent, unknown or a private VM purpose. */
export function carriesWorkloads(props: unknown): boolean {
  const purpose = get(props, "purpose");
  const known = knownString(purpose);
  return isUnknown(purpose) || known === undefined || VM_SUBNET_PURPOSES.includes(known);
}
