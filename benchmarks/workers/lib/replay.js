"use strict";
/**
 * Declares the resources of a recorded run (`StackRun.resources`) again, with no component code: the same
 * type tokens, names, inputs and parents, either as plain Pulumi resources (`CustomResource`, the floor of
 * the scale benchmark) or through the provider SDKs' own classes (`new s3.Bucket(...)`, what a hand-written
 * program does; the overhead benchmark's comparison).
 */

function plainValue(pulumi, value) {
  if (Array.isArray(value)) {
    return value.map((item) => plainValue(pulumi, item));
  }
  if (value !== null && typeof value === "object") {
    if (value.$unknown === true) {
      return "[unknown]";
    }
    if ("$secret" in value) {
      return pulumi.secret(plainValue(pulumi, value.$secret));
    }
    const result = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = plainValue(pulumi, item);
    }
    return result;
  }
  return value;
}

/**
 * The provider SDK class of a type token, e.g. `aws:s3/bucket:Bucket` → `require("@pulumi/aws/s3").Bucket`,
 * `azure-native:network:PrivateEndpoint` → `require("@pulumi/azure-native/network").PrivateEndpoint`.
 *
 * @param {string} type
 * @param {(request: string) => unknown} load - the program's `require`.
 * @returns {Function|undefined} the class, or undefined when the SDK has none under that name.
 */
function sdkClassOf(type, load) {
  const [provider, modulePath, className] = type.split(":");
  if (!provider || !modulePath || !className) {
    return undefined;
  }
  const moduleName = modulePath.split("/")[0];
  const request = moduleName === "index" ? `@pulumi/${provider}` : `@pulumi/${provider}/${moduleName}`;
  try {
    const resourceClass = load(request)[className];
    return typeof resourceClass === "function" ? resourceClass : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Registers every recorded resource except the stack itself, parents first.
 *
 * @param {typeof import("@pulumi/pulumi")} pulumi - the program's SDK.
 * @param {Array<{urn: string, type: string, name: string, custom: boolean, inputs: object, parent?: string}>} resources
 * @param {{ load?: (request: string) => unknown }} [options] - `load`: declare custom resources through the
 *   provider SDK classes, resolved with this `require`; without it, as plain `CustomResource`s.
 * @returns {{ declared: number, sdkClasses: number }} how many resources were declared, and how many of
 *   them through an SDK class.
 */
function replayResources(pulumi, resources, options = {}) {
  let sdkClasses = 0;
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const declared = new Map();
  const declare = (resource) => {
    if (declared.has(resource.urn)) {
      return declared.get(resource.urn);
    }
    const parentRecord = resource.parent === undefined ? undefined : byUrn.get(resource.parent);
    const parent =
      parentRecord === undefined || parentRecord.type === "pulumi:pulumi:Stack"
        ? undefined
        : declare(parentRecord);
    const opts = parent === undefined ? {} : { parent };
    const inputs = plainValue(pulumi, resource.inputs ?? {});
    let created;
    if (resource.type.startsWith("pulumi:providers:")) {
      created = new pulumi.ProviderResource(
        resource.type.slice("pulumi:providers:".length),
        resource.name,
        inputs,
        opts,
      );
    } else if (resource.custom) {
      const sdkClass = options.load === undefined ? undefined : sdkClassOf(resource.type, options.load);
      if (sdkClass !== undefined) {
        try {
          created = new sdkClass(resource.name, inputs, opts);
          sdkClasses += 1;
        } catch {
          // A required input the recording lacks (an invoke result the preview mocks left empty): the
          // class refuses before registering anything, so declare it plainly.
          created = undefined;
        }
      }
      if (created === undefined) {
        created = new pulumi.CustomResource(resource.type, resource.name, inputs, opts);
      }
    } else {
      created = new pulumi.ComponentResource(resource.type, resource.name, {}, opts);
    }
    declared.set(resource.urn, created);
    return created;
  };
  for (const resource of resources) {
    if (resource.type !== "pulumi:pulumi:Stack") {
      declare(resource);
    }
  }
  return { declared: declared.size, sdkClasses };
}

module.exports = { replayResources };
