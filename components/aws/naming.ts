/*
 * Names of the platform's children. Logical names start with the component name, so two platforms in one
 * stack never share a URN. Physical names are left to Pulumi's auto-naming (random suffix) except where a
 * policy must name a resource before it exists (trail, log groups, findings topic, alarms, rules): those are
 * deterministic and carry the component name, which keeps them unique per account and region.
 */

/** Logical name of a child: `<platform>-<part>-<part>`. */
export function childName(platform: string, ...parts: string[]): string {
  return [platform, ...parts].join("-");
}

/** KMS alias of a platform key, e.g. `alias/secure-ai/chatbot/model/assistant`. */
export function keyAlias(platform: string, purpose: string): string {
  return `alias/secure-ai/${platform}/${purpose}`;
}

/** Prefix of every log group of the platform; the logs key admits exactly the groups under it. */
export function logGroupPrefix(platform: string): string {
  return `/secure-ai/${platform}/`;
}

/** Name of one of the platform's log groups. */
export function logGroupName(platform: string, purpose: string): string {
  return `${logGroupPrefix(platform)}${purpose}`;
}

/** Name of the platform's CloudTrail trail. */
export function trailName(platform: string): string {
  return `${platform}-audit-trail`;
}

/** Name of the SNS topic findings and alarms go to. */
export function findingsTopicName(platform: string): string {
  return `${platform}-security-findings`;
}

/** Name of a CloudWatch alarm of the platform. */
export function alarmName(platform: string, purpose: string): string {
  return `${platform}-${purpose}`;
}

/** Name of an EventBridge rule of the platform. */
export function ruleName(platform: string, source: string): string {
  return `${platform}-findings-${source}`;
}
