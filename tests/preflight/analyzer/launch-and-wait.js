// Helper process for the launcher tests: starts the fixture-js pack, prints the pack's PID, and waits to be killed.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const path = require("node:path");
const { launchPolicyPack } = require("../../../preflight/analyzer/launch");

launchPolicyPack(path.join(__dirname, "../../fixtures/packs/fixture-js")).then(
  (pack) => {
    process.stdout.write(`${pack.pid}\n`);
    setInterval(() => undefined, 1000);
  },
  (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  },
);
