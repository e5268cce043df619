/** Whether a stack is one the GCP stack policies speak about: it holds data, keys or AI resources on GCP. */
import type { StackView } from "../lib";
import { GCP_DATA_TYPES } from "./types";

/** True when the stack registers at least one GCP resource that holds data, keys or models. */
export function holdsGcpData(stack: StackView): boolean {
  return GCP_DATA_TYPES.some((type) => stack.ofType(type).length > 0);
}
