/**
 * The one error type SecureAiPlatform raises for bad input. It is thrown synchronously from the
 * constructor, before any child resource exists, so a bad spec never leaves a half-built stack.
 */
const BRAND = Symbol.for("secure-ai-platform.SecureAiConfigError");

export class SecureAiConfigError extends Error {
  /**
   * `instanceof` holds across copies of this module (two installed versions of the package, or a module
   * loaded both by a bundler and by Node), because every copy brands its errors with the same global symbol.
   */
  static override [Symbol.hasInstance](candidate: unknown): boolean {
    return (
      typeof candidate === "object" &&
      candidate !== null &&
      (candidate as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** Dotted path of the offending argument, e.g. `models[1].name` or `encryption.rotationDays`. */
  public readonly path: string;
  /** The value that was received (as given, before any defaulting). */
  public readonly value: unknown;
  /** A short statement of what is allowed. */
  public readonly allowed: string;

  constructor(path: string, value: unknown, allowed: string) {
    super(`${path}: received ${describeValue(value)}; ${allowed}`);
    this.name = "SecureAiConfigError";
    this.path = path;
    this.value = value;
    this.allowed = allowed;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Renders a received value for an error message without dumping large objects. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}
