/** Which stacks the Azure stack policies speak about: those that hold data, keys or models on Azure. */
import type { StackView } from "../lib";
import { AZURE_DATA_TYPES } from "./types";

/** True when the stack registers at least one Azure resource that holds data, keys or models. */
export function holdsAzureData(stack: StackView): boolean {
  return AZURE_DATA_TYPES.some((type) => stack.ofType(type).length > 0);
}
