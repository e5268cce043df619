// The entry point the Pulumi CLI runs (package.json `main`): `pulumi preview --policy-pack <this folder>`
// loads it through `@pulumi/pulumi/cmd/run-policy-pack`, which registers a type-checking ts-node first.
//
// - In a checkout of the repository the pack's TypeScript sources are here: register-transpile-only.js
//   routes them to a cached transpile-only loader (see that file for why), then index.ts is loaded.
// - In the npm package only JavaScript ships: `npm run build` compiled the pack and the controls catalog it
//   imports into ./dist (scripts/build-publish.ts --package), so this folder is self-contained and can also
//   be published from where it is installed: `pulumi policy publish [ORG]`.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const source = path.join(__dirname, "index.ts");
if (fs.existsSync(source)) {
  require("./register-transpile-only.js");
  require(source);
} else {
  require("./dist/policy-packs/secure-ai/index.js");
}
