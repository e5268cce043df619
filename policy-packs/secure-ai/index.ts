// Entry point of the secure-ai CrossGuard pack, loaded by index.js (the package.json `main` the Pulumi CLI
// runs). In a checkout, index.js has already routed this repository's `.ts` files to the cached
// transpile-only loader of register-transpile-only.js, so no file here is type-checked at start-up
// (`tsc --noEmit` checks them in CI); in the npm package this file is compiled JavaScript.
/* eslint-disable @typescript-eslint/no-require-imports -- untyped on purpose: nothing is loaded for types */
require("./pack");
