/**
 * Whether a SageMaker endpoint configuration can take a volume key (`kmsKeyArn`). SageMaker rejects the key
 * when a variant runs on an instance type with local NVMe storage (it encrypts that storage in hardware), so
 * the key may be left out only when EVERY production and shadow variant uses such a type. A configuration
 * that mixes them with EBS-backed or serverless variants still needs the key: without it the EBS volumes fall
 * back to an AWS-managed key. Unknown values never grant the exemption (the pack's rule: a value that would
 * relax a check counts only once it is known), so an unknown instance type at preview still needs the key.
 */
import { hasInstanceStorage } from "../../../../components/aws/instance-storage";
import { get, isUnknown, knownArray, knownString } from "../lib";

/** The variant lists of an endpoint configuration, in the order SageMaker reports them. */
const VARIANT_LISTS = ["productionVariants", "shadowProductionVariants"] as const;

/** How one variant stores data: local instance storage, an EBS volume (or serverless), or not yet known. */
type VariantStorage = "instance" | "volume" | "unknown";

interface ClassifiedVariant {
  /** `productionVariants[0] (ml.g5.xlarge)`: where the variant is and its instance type. */
  label: string;
  storage: VariantStorage;
}

/** Whether the configuration must set `kmsKeyArn`, and why (completes "kmsKeyArn is not set: ..."). */
export type VolumeKeyNeed = { required: false } | { required: true; why: string };

function classify(variant: unknown, list: string, index: number): ClassifiedVariant {
  const at = `${list}[${index}]`;
  const instanceType = get(variant, "instanceType");
  if (isUnknown(instanceType)) {
    return { label: `${at} (instance type unknown until apply)`, storage: "unknown" };
  }
  const known = knownString(instanceType);
  if (known === undefined || known === "") {
    return { label: `${at} (no instance type)`, storage: "volume" };
  }
  return { label: `${at} (${known})`, storage: hasInstanceStorage(known) ? "instance" : "volume" };
}

function labelsOf(variants: readonly ClassifiedVariant[], storage: VariantStorage): string {
  return variants
    .filter((variant) => variant.storage === storage)
    .map((variant) => variant.label)
    .join(", ");
}

/** Decides whether `kmsKeyArn` is required on the endpoint configuration `props`. */
export function volumeKeyNeed(props: unknown): VolumeKeyNeed {
  const variants: ClassifiedVariant[] = [];
  for (const list of VARIANT_LISTS) {
    const value = get(props, list);
    if (isUnknown(value)) {
      return {
        required: true,
        why:
          `${list} is unknown until apply, so it cannot be confirmed that every variant uses an instance type ` +
          "with instance storage (the only case where the key is left out); otherwise the storage volume is " +
          "encrypted with an AWS-managed key",
      };
    }
    knownArray(value).forEach((variant, index) => variants.push(classify(variant, list, index)));
  }
  const storages = new Set(variants.map((variant) => variant.storage));
  if (storages.size === 1 && storages.has("instance")) {
    return { required: false };
  }
  if (storages.has("unknown")) {
    return {
      required: true,
      why:
        `the instance type of ${labelsOf(variants, "unknown")} is not known at preview, so the ` +
        "instance-storage exemption cannot be confirmed; set the instance type from a known value, or the " +
        "storage volume is encrypted with an AWS-managed key",
    };
  }
  if (storages.has("instance")) {
    return {
      required: true,
      why:
        `${labelsOf(variants, "volume")} keep their storage volume under an AWS-managed key; SageMaker ` +
        `rejects kmsKeyArn when any variant has instance storage (${labelsOf(variants, "instance")}), so ` +
        "serve instance-storage and EBS-backed variants from separate endpoint configurations",
    };
  }
  return { required: true, why: "the endpoint's storage volume is then encrypted with an AWS-managed key" };
}
