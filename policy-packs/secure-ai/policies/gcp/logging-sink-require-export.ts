import { booleanOption, defineStackPolicy, get, isSet, knownBoolean } from "../lib";
import { scopeAdvisory } from "../service-scope";
import { GCP } from "./types";

const SINK_TYPES = [GCP.projectSink, GCP.folderSink, GCP.organizationSink];

/** Audit logs leave the project for a SIEM or a locked log bucket. */
export const gcpLoggingSinkRequireExport = defineStackPolicy({
  name: "gcp-logging-sink-require-export",
  cloud: "gcp",
  controls: ["SAI-LOG-03"],
  description:
    "A stack with GCP keys, buckets or Vertex AI resources has an enabled log sink (project, folder or organisation) with a destination, unless the config declares the export adopted.",
  enforcementLevel: "advisory",
  resourceTypes: SINK_TYPES,
  tags: ["logging", "siem"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when audit logs are exported outside this stack (e.g. an organisation sink).",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "gcp-logging-sink-require-export");
    const sinks = SINK_TYPES.flatMap((type) => stack.ofType(type));
    const exporting = sinks.filter(
      (sink) => knownBoolean(get(sink.props, "disabled")) !== true && isSet(get(sink.props, "destination")),
    );
    if (exporting.length === 0) {
      report(
        sinks.length === 0
          ? "no log sink in the stack; route audit logs to a SIEM or locked log bucket, or set adopted: true in this policy's config"
          : "every log sink in the stack is disabled or has no destination",
      );
    }
  },
});
