/**
 * Name of the provider package, and the first part of the component's type token. The plugin runner names the
 * provider after `provider/package.json`'s `name`, which must match it.
 */
export const PROVIDER_NAME = "secure-ai-platform";
