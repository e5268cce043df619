/** Glob patterns for resource names and URNs: `*` matches any run of characters, `?` one character. */

const cache = new Map<string, RegExp>();

/** Compiles a glob into an anchored regular expression (cached). */
export function globToRegExp(pattern: string): RegExp {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    const body = pattern
      .split("")
      .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("");
    compiled = new RegExp(`^${body}$`, "s");
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** Whether `text` matches the glob `pattern` (a pattern without wildcards must match exactly). */
export function globMatches(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
}
