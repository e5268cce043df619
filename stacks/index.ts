/**
 * The project program: one SecureAiPlatform per stack, configured entirely from stack config
 * (`stacks/Pulumi.<stack>.yaml`). `pulumi up -s aws-prod` builds the AWS platform, and so on.
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureAiPlatform } from "../components";
import { platformArgsFromConfig } from "./config";

const config = new pulumi.Config();
const platform = new SecureAiPlatform(config.require("platformName"), platformArgsFromConfig(config));

export const controls = platform.controls;
export const keys = platform.keys;
export const storage = platform.storage;
export const modelEndpoints = platform.modelEndpoints;
export const networkId = platform.networkId;
export const findingsDestination = platform.findingsDestination;
