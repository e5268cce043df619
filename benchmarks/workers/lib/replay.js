"use strict";
/**
 * Declares the resources of a recorded run (`StackRun.resources`) as plain Pulumi resources: the same type
 * tokens, names, inputs and parents, with no component code. Used as the hand-written program of the
 * overhead benchmark and by the plain-process floor of the scale benchmark.
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
 * Registers every recorded resource except the stack itself, parents first.
 *
 * @param {typeof import("@pulumi/pulumi")} pulumi - the program's SDK.
 * @param {Array<{urn: string, type: string, name: string, custom: boolean, inputs: object, parent?: string}>} resources
 * @returns {number} how many resources were declared.
 */
function replayResources(pulumi, resources) {
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
      created = new pulumi.CustomResource(resource.type, resource.name, inputs, opts);
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
  return declared.size;
}

module.exports = { replayResources };
