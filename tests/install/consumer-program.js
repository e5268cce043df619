// A consumer's program, run by tests/install/packed-package.test.ts inside a scratch project that installed
// only the packed secure-ai-platform tarball, @pulumi/pulumi and @pulumi/aws. It builds an AWS platform under
// Pulumi's mocks and prints, as one JSON line: the control IDs of the evidence, the resource types registered
// and every loaded module file that belongs to the GCP or Azure SDK (there must be none).
"use strict";
const pulumi = require("@pulumi/pulumi");

const ACCOUNT = "111122223333";
const REGION = "eu-west-1";
const registered = [];

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push(args.type);
      const arn = `arn:aws:${args.type.split(":")[1].split("/")[0]}:${REGION}:${ACCOUNT}:${args.name}`;
      return { id: `${args.name}-id`, state: { ...args.inputs, arn, keyId: `${args.name}-id` } };
    },
    call: (args) => {
      switch (args.token) {
        case "aws:index/getPartition:getPartition":
          return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return {
            accountId: ACCOUNT,
            arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/s`,
            userId: "AROA:s",
          };
        case "aws:iam/getSessionContext:getSessionContext":
          return {
            ...args.inputs,
            issuerArn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
            issuerName: "deployer",
          };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
          return {
            names: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
            zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
          };
        default:
          return args.inputs;
      }
    },
  },
  "consumer",
  "dev",
  false,
);

const { SecureAiPlatform } = require("secure-ai-platform");

const platform = new SecureAiPlatform("consumer", {
  cloud: "aws",
  aws: { region: REGION },
  models: [{ name: "assistant" }],
  datasets: [{ name: "tickets", personalData: true, retentionDays: 30 }],
});

platform.controls.apply((controls) => {
  // Let the last child registrations settle before reporting.
  setTimeout(() => {
    const foreignSdkModules = Object.keys(require.cache).filter((file) =>
      /[\\/]node_modules[\\/]@pulumi[\\/](gcp|azure-native)[\\/]/.test(file),
    );
    process.stdout.write(
      `${JSON.stringify({
        controls: controls.map((control) => control.id),
        resourceTypes: [...new Set(registered)].sort(),
        foreignSdkModules,
        packageFile: require.resolve("secure-ai-platform"),
      })}\n`,
    );
  }, 200);
});
