/**
 * Google Cloud stand-ins: resource names (`projects/<p>/locations/<l>/...`), self links, service account and
 * service agent e-mail addresses in the shapes Google returns them.
 *
 * Service account e-mails are `<accountId>@<project>.iam.gserviceaccount.com`; Google-managed service agents
 * are `service-<project number>@gcp-sa-<service>.iam.gserviceaccount.com` (Cloud IAM docs, "Service agents").
 */
import { digitsOf, hexOf, lowerFirst, plural, textInput } from "./names";
import type { StandInIdentity, StandInSubject } from "./types";

/** The input that names a GCP resource, where it is not `name`. */
const NAME_INPUT: Readonly<Record<string, string>> = {
  "gcp:serviceaccount/account:Account": "accountId",
  "gcp:bigquery/dataset:Dataset": "datasetId",
  "gcp:logging/projectBucketConfig:ProjectBucketConfig": "bucketId",
  "gcp:vertex/aiEndpoint:AiEndpoint": "name",
};

/** Collections of global compute resources whose name is not the plural of the class name. */
const GLOBAL_COLLECTION: Readonly<Record<string, string>> = {
  GlobalAddress: "addresses",
  GlobalForwardingRule: "forwardingRules",
  SSLPolicy: "sslPolicies",
  URLMap: "urlMaps",
  TargetHttpsProxy: "targetHttpsProxies",
};

/** Resource-name layouts for the types whose ID is not `projects/<p>/<collection>/<name>`. */
function resourceId(
  subject: StandInSubject,
  physicalName: string,
  project: string,
  location: string,
): string {
  const { type, inputs } = subject;
  switch (type) {
    case "gcp:kms/keyRing:KeyRing":
      return `projects/${project}/locations/${location}/keyRings/${physicalName}`;
    case "gcp:kms/cryptoKey:CryptoKey":
      return `${textInput(inputs, "keyRing") ?? `projects/${project}/locations/${location}/keyRings/ring`}/cryptoKeys/${physicalName}`;
    case "gcp:storage/bucket:Bucket":
      return physicalName;
    case "gcp:compute/network:Network":
    case "gcp:compute/globalAddress:GlobalAddress":
    case "gcp:compute/firewall:Firewall":
    case "gcp:compute/globalForwardingRule:GlobalForwardingRule":
    case "gcp:compute/sSLPolicy:SSLPolicy":
    case "gcp:compute/securityPolicy:SecurityPolicy":
    case "gcp:compute/backendService:BackendService":
    case "gcp:compute/healthCheck:HealthCheck":
    case "gcp:compute/uRLMap:URLMap":
    case "gcp:compute/targetHttpsProxy:TargetHttpsProxy":
      return `projects/${project}/global/${GLOBAL_COLLECTION[typeKind(type)] ?? plural(lowerFirst(typeKind(type)))}/${physicalName}`;
    case "gcp:compute/subnetwork:Subnetwork":
    case "gcp:compute/router:Router":
      return `projects/${project}/regions/${location}/${plural(lowerFirst(typeKind(type)))}/${physicalName}`;
    case "gcp:bigquery/dataset:Dataset":
      return `projects/${project}/datasets/${physicalName}`;
    case "gcp:pubsub/topic:Topic":
      return `projects/${project}/topics/${physicalName}`;
    case "gcp:dns/managedZone:ManagedZone":
      return `projects/${project}/managedZones/${physicalName}`;
    case "gcp:vertex/aiEndpoint:AiEndpoint":
      return `projects/${project}/locations/${location}/endpoints/${physicalName}`;
    case "gcp:logging/projectBucketConfig:ProjectBucketConfig":
      return `projects/${project}/locations/${location}/buckets/${physicalName}`;
    case "gcp:logging/projectSink:ProjectSink":
      return `projects/${project}/sinks/${physicalName}`;
    case "gcp:logging/metric:Metric":
      return physicalName;
    case "gcp:monitoring/notificationChannel:NotificationChannel":
      return `projects/${project}/notificationChannels/${digitsOf(19, type, subject.name)}`;
    case "gcp:monitoring/alertPolicy:AlertPolicy":
      return `projects/${project}/alertPolicies/${digitsOf(19, type, subject.name)}`;
    default:
      return `projects/${project}/${plural(lowerFirst(typeKind(type)))}/${physicalName}`;
  }
}

function typeKind(type: string): string {
  return type.split(":")[2] ?? "";
}

/** The e-mail of the service agent of `service` (`aiplatform.googleapis.com`) in a project. */
export function serviceAgentEmail(service: string, projectNumber: string): string {
  const short = service.replace(/\.googleapis\.com$/, "");
  switch (short) {
    case "storage":
      return `service-${projectNumber}@gs-project-accounts.iam.gserviceaccount.com`;
    case "bigquery":
      return `bq-${projectNumber}@bigquery-encryption.iam.gserviceaccount.com`;
    default:
      return `service-${projectNumber}@gcp-sa-${short}.iam.gserviceaccount.com`;
  }
}

/**
 * The ID, physical name and identifying outputs Google Cloud returns for a new resource.
 *
 * @param subject - the resource.
 */
export function gcpIdentity(subject: StandInSubject): StandInIdentity {
  const { type, name, inputs, ids } = subject;
  const project = textInput(inputs, "project") ?? ids.gcpProject;
  const location = textInput(inputs, "location") ?? textInput(inputs, "region") ?? ids.gcpRegion;
  const nameInput = NAME_INPUT[type] ?? "name";
  const generated =
    type === "gcp:vertex/aiEndpoint:AiEndpoint"
      ? digitsOf(19, type, name)
      : `${name}-${hexOf(7, type, name)}`.toLowerCase().slice(0, 63);
  const physicalName = textInput(inputs, nameInput) ?? generated;
  const id = resourceId(subject, physicalName, project, location);
  const outputs: Record<string, unknown> = { [nameInput]: physicalName, project, id };
  const [, module = ""] = type.split(":");
  const service = module.split("/")[0] ?? "";
  if (service === "compute") {
    outputs["selfLink"] = `https://www.googleapis.com/compute/v1/${id}`;
  }
  switch (type) {
    case "gcp:serviceaccount/account:Account": {
      const email = `${physicalName}@${project}.iam.gserviceaccount.com`;
      Object.assign(outputs, {
        email,
        member: `serviceAccount:${email}`,
        name: `projects/${project}/serviceAccounts/${email}`,
        uniqueId: digitsOf(21, type, name),
        id: `projects/${project}/serviceAccounts/${email}`,
      });
      return { id: outputs["id"] as string, physicalName, outputs };
    }
    case "gcp:projects/serviceIdentity:ServiceIdentity": {
      const email = serviceAgentEmail(textInput(inputs, "service") ?? "unknown", ids.gcpProjectNumber);
      return {
        id: `projects/${project}/services/${textInput(inputs, "service") ?? "unknown"}`,
        physicalName: email,
        outputs: { email, member: `serviceAccount:${email}`, project },
      };
    }
    case "gcp:storage/bucket:Bucket":
      Object.assign(outputs, {
        selfLink: `https://www.googleapis.com/storage/v1/b/${physicalName}`,
        url: `gs://${physicalName}`,
      });
      break;
    case "gcp:kms/cryptoKey:CryptoKey":
    case "gcp:kms/keyRing:KeyRing":
      outputs["name"] = physicalName;
      break;
    case "gcp:bigquery/dataset:Dataset":
      outputs["selfLink"] = `https://bigquery.googleapis.com/bigquery/v2/${id}`;
      break;
    case "gcp:logging/projectSink:ProjectSink":
      outputs["writerIdentity"] =
        `serviceAccount:service-${ids.gcpProjectNumber}@gcp-sa-logging.iam.gserviceaccount.com`;
      break;
    case "gcp:monitoring/notificationChannel:NotificationChannel":
    case "gcp:monitoring/alertPolicy:AlertPolicy":
      outputs["name"] = id;
      break;
    case "gcp:vertex/aiEndpoint:AiEndpoint":
      outputs["name"] = physicalName;
      break;
    default:
      break;
  }
  return { id, physicalName, outputs };
}
