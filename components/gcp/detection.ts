import * as securitycenter from "@pulumi/gcp/securitycenter";
import { fitName } from "./names";
import type { ResponseRouting } from "./response";
import type { GcpScope } from "./scope";
import { sccFindingsFilter } from "./severity";

/** What the user must do because code cannot switch Security Command Center on. */
const SCC_ACTIVATION =
  "Security Command Center cannot be activated by infrastructure code: activate SCC Standard or Premium for the organisation or project in the console (Security > Security Command Center)";

/**
 * Routes Security Command Center findings at or above the severity threshold to the findings topic with a
 * project-level notification config (the `threatDetection` singleton: create, adopt or skip), and reports
 * threat detection and posture management honestly: SCC itself is activated outside the stack.
 */
export function buildDetection(
  scope: GcpScope,
  routing: ResponseRouting,
): securitycenter.V2ProjectNotificationConfig | undefined {
  const { name, project, spec, evidence } = scope;
  const mode = spec.detection.singletons.threatDetection;
  const notifications =
    mode === "create"
      ? new securitycenter.V2ProjectNotificationConfig(
          `${name}-scc-findings`,
          {
            configId: fitName([name, "scc-findings"], 128),
            project,
            location: "global",
            description: `Findings at or above ${spec.detection.severityThreshold} for the ${name} platform`,
            pubsubTopic: routing.findingsTopic.id,
            streamingConfig: { filter: sccFindingsFilter(spec.detection.severityThreshold) },
          },
          { parent: scope.parent },
        )
      : undefined;

  const singletonNote = (singleton: "threatDetection" | "postureManagement") => {
    const singletonMode = spec.detection.singletons[singleton];
    if (singletonMode === "adopt") return undefined;
    return singletonMode === "skip"
      ? `skipped by configuration (detection.singletons.${singleton}: skip); ${SCC_ACTIVATION}`
      : SCC_ACTIVATION;
  };
  const threatGap = singletonNote("threatDetection");
  if (threatGap) {
    evidence.gap("SAI-DET-01", `${threatGap}; Event Threat Detection needs the Premium tier`, [
      notifications,
    ]);
  } else {
    evidence.implemented(
      "SAI-DET-01",
      [],
      "adopted: the platform relies on Security Command Center activated outside this stack; its tier is not checked here (Event Threat Detection needs Premium)",
    );
  }
  const postureGap = singletonNote("postureManagement");
  if (postureGap) {
    evidence.gap("SAI-DET-02", `${postureGap}; Security Health Analytics runs once SCC is active`);
  } else {
    evidence.implemented(
      "SAI-DET-02",
      [],
      "adopted: the platform relies on Security Command Center posture findings (Security Health Analytics) outside this stack; not checked here",
    );
  }
  return notifications;
}
