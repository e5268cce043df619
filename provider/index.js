// The entry point the plugin runner loads (package.json `main`): the Pulumi CLI starts this folder with
// `@pulumi/pulumi/cmd/run-plugin`, which registers a type-checking ts-node, requires this module, and serves
// the components it exports (SecureAiPlatform) with `componentProviderHost`. The schema is still derived
// from index.ts (the host maps `main` to its `.ts` source).
//
// Type-checking every file of the component and its backends as the runner loads them took some 20 s of CPU
// per start, before the first Construct. The pack's loader (register-transpile-only.js, which explains the
// choice) routes this repository's `.ts` files to a cached transpile-only compiler instead; `tsc --noEmit`
// type-checks the same files in CI. `SECURE_AI_POLICY_TYPECHECK=1` keeps the runner's type-checking loader.
"use strict";

require("../policy-packs/secure-ai/register-transpile-only.js");
module.exports = require("./index.ts");
