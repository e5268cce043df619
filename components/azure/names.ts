import { createHash } from "crypto";

/**
 * Pure helpers that derive Azure resource names. Azure names are short and, for vaults, storage accounts
 * and custom subdomains, globally unique DNS labels, so each physical name is a readable prefix of the
 * component name plus a hash of the platform's identity (project, stack, component, purpose).
 */

/** Limits of the names this backend sets itself. */
export const AZURE_NAME_LIMITS = {
  /** Storage accounts: 3 to 24 lowercase letters and digits. */
  storageAccount: 24,
  /** Key Vaults: 3 to 24 letters, digits and hyphens, starting with a letter. */
  keyVault: 24,
  /** Cognitive Services custom subdomains. */
  customSubDomain: 63,
  /** Azure ML workspaces: 3 to 33 characters. */
  mlWorkspace: 33,
  /** Azure ML online endpoints: 3 to 32 characters. */
  onlineEndpoint: 32,
} as const;

/** Storage account names: lowercase letters and digits only. */
export const STORAGE_ACCOUNT_PATTERN = /^[a-z0-9]{3,24}$/;
/** Key Vault names: a letter first, letters, digits and single hyphens, no trailing hyphen. */
export const KEY_VAULT_PATTERN = /^[a-z](?:[a-z0-9]|-(?!-)){1,22}[a-z0-9]$/;

/** First `length` hex characters of the SHA-256 of the parts joined by "/". */
export function shortHash(parts: readonly string[], length = 8): string {
  return createHash("sha256").update(parts.join("/")).digest("hex").slice(0, length);
}

function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Derives globally unique, deterministic names for one platform instance. */
export class AzureNames {
  /**
   * @param component the SecureAiPlatform's name
   * @param scope what makes the instance unique beyond its name: project and stack
   */
  constructor(
    private readonly component: string,
    private readonly scope: readonly string[],
  ) {}

  private hash(purpose: string, length = 8): string {
    return shortHash([...this.scope, this.component, purpose], length);
  }

  /** A storage account name: up to 12 characters of the component, a purpose letter, an 8-character hash. */
  storageAccount(purpose: string): string {
    const prefix = lettersAndDigits(this.component).slice(0, 12);
    const head = /^[a-z]/.test(prefix) ? prefix : `s${prefix}`.slice(0, 12);
    return `${head}${lettersAndDigits(purpose).slice(0, 3)}${this.hash(purpose)}`.slice(
      0,
      AZURE_NAME_LIMITS.storageAccount,
    );
  }

  /** The Key Vault name: `kv-`, up to 12 characters of the component, a hyphen, an 8-character hash. */
  /** The vault of the Azure OpenAI models' keys (access policies, as Azure OpenAI CMK requires). */
  openAiKeyVault(): string {
    const prefix = this.component
      .replace(/[^a-z0-9-]/g, "")
      .replace(/-+/g, "-")
      .slice(0, 11)
      .replace(/-$/, "");
    return `kvo-${prefix}-${this.hash("openai-key-vault")}`;
  }

  /** The secrets vault of one Azure ML model's workspace. */
  mlSecretsVault(model: string): string {
    const prefix = this.component.replace(/[^a-z0-9]/g, "").slice(0, 8);
    return `kvm-${prefix || "p"}-${this.hash(`ml-secrets:${model}`)}`;
  }

  keyVault(): string {
    const prefix = this.component
      .replace(/[^a-z0-9-]/g, "")
      .replace(/-+/g, "-")
      .slice(0, 12)
      .replace(/-$/, "");
    return `kv-${prefix}-${this.hash("key-vault")}`;
  }

  /** A custom subdomain (DNS label) for an AI Services account. */
  customSubDomain(purpose: string): string {
    const label = `${this.component}-${purpose}`
      .slice(0, AZURE_NAME_LIMITS.customSubDomain - 9)
      .replace(/-+$/, "");
    return `${label}-${this.hash(`subdomain:${purpose}`)}`;
  }

  /** A name within `limit` characters: the readable `base` shortened, then a hash suffix. */
  bounded(base: string, limit: number): string {
    if (base.length <= limit) return base;
    const suffix = this.hash(`bounded:${base}`, 6);
    return `${base.slice(0, limit - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
  }
}

/**
 * Splits an IPv4 CIDR block into equal subnets `extraBits` longer and returns the `index`-th one, e.g.
 * `subnetCidr("10.40.0.0/16", 1, 2)` is `"10.40.64.0/18"`.
 */
export function subnetCidr(cidr: string, index: number, extraBits: number): string {
  const [address, prefixText] = cidr.split("/");
  const prefix = Number(prefixText) + extraBits;
  if (index < 0 || index >= 2 ** extraBits || prefix > 29) {
    throw new RangeError(`cannot take subnet ${index} of ${cidr} with ${extraBits} extra bits`);
  }
  const base = address.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
  const start = base + index * 2 ** (32 - prefix);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix}`;
}

/** An ISO 8601 duration of whole days, as Key Vault rotation policies expect (`P90D`). */
export function isoDays(days: number): string {
  return `P${days}D`;
}
