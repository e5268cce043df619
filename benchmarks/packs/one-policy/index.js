// The floor of the analyzer benchmark: the cheapest useful pack, one resource policy in plain JavaScript.
"use strict";
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("bench-one-policy", {
  enforcementLevel: "advisory",
  policies: [
    {
      name: "kms-key-require-rotation",
      description: "KMS keys rotate automatically.",
      validateResource: (args, reportViolation) => {
        if (args.type === "aws:kms/key:Key" && args.props.enableKeyRotation !== true) {
          reportViolation("enableKeyRotation is not true");
        }
      },
    },
  ],
});
