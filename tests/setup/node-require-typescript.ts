/**
 * SecureAiPlatform loads its cloud backend with Node's own `require` (so that one cloud's users never load
 * the other clouds' SDKs). Vitest loads TypeScript through its own module runner, which Node's `require`
 * does not use; this registers a transpile-only TypeScript hook so that `require("./aws")` works in tests
 * exactly as it does under the Pulumi CLI, which runs programs through ts-node too.
 */
import { register } from "ts-node";

const registered = Symbol.for("secure-ai-platform.tests.tsNodeRegistered");
const state = globalThis as unknown as Record<symbol, boolean>;
if (!state[registered]) {
  register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  state[registered] = true;
}
