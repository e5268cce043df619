/** Valid GCP arguments: the neutral rules plus `components/gcp/validate.ts` (rotation >= 2, IAM members, IDs). */
import fc from "fast-check";
import { MIN_ROTATION_DAYS } from "../../../components/gcp/validate";
import {
  type GeneratedSpec,
  caBundle,
  compact,
  compliance,
  datasets,
  detection,
  federatedWorkloads,
  maybe,
  models,
  privateCidr,
  resourceName,
  tags,
  waiversFor,
  weakenedControls,
  weakenings,
} from "./common";

const REGIONS = ["europe-west4", "europe-west1", "us-central1", "asia-northeast1"] as const;
const projectId = fc.stringMatching(/^[a-z][a-z0-9-]{4,20}[a-z0-9]$/);

/** IAM members: users, groups, service accounts. */
const members = maybe(
  fc.uniqueArray(
    fc.oneof(
      resourceName(12).map((name) => `user:${name}@example.com`),
      resourceName(12).map((name) => `group:${name}@example.com`),
      fc
        .tuple(resourceName(12), projectId)
        .map(([name, project]) => `serviceAccount:${name}@${project}.iam.gserviceaccount.com`),
    ),
    { maxLength: 2 },
  ),
);

/** A valid GCP spec. */
export const gcpSpec: fc.Arbitrary<GeneratedSpec> = fc
  .record({
    name: resourceName(),
    project: projectId,
    region: fc.constantFrom(...REGIONS),
    models: models(["vertex"], () => fc.constant({})),
    datasets,
    weak: weakenings,
    publicApi: fc.boolean(),
    existingNetwork: fc.boolean(),
    hsmAll: maybe(fc.constantFrom("high-sensitivity", "all")),
    useEkm: fc.boolean(),
    ekmName: resourceName(),
    breakGlass: members,
    dataScientists: members,
    admins: members,
    federated: federatedWorkloads,
    cidr: maybe(privateCidr),
    zoneCount: maybe(fc.integer({ min: 1, max: 3 })),
    networkName: resourceName(),
    subnetNames: fc.uniqueArray(resourceName(), { minLength: 1, maxLength: 3 }),
    siemExport: fc.boolean(),
    topic: resourceName().map((name) => `siem-${name}`),
    retention: maybe(fc.integer({ min: 1, max: 3653 })),
    lock: maybe(fc.integer({ min: 1, max: 3650 })),
    rateLimit: maybe(fc.integer({ min: 100, max: 2_000_000 })),
    certificateName: resourceName(),
    domainName: maybe(resourceName(20).map((label) => `${label}.example.com`)),
    mutualTls: fc.boolean(),
    caBundle,
    detection,
    compliance,
    tags,
    rotationDays: maybe(fc.integer({ min: MIN_ROTATION_DAYS, max: 90 })),
  })
  .chain((draw) => {
    const weakened = weakenedControls(draw.weak, draw.publicApi);
    const project = draw.project;
    return waiversFor(weakened).map((waivers): GeneratedSpec => ({
      name: draw.name,
      weakened,
      args: compact({
        cloud: "gcp",
        gcp: { project, region: draw.region },
        models: draw.models,
        datasets: draw.datasets,
        encryption: compact({
          rotationDays: draw.rotationDays,
          hsm: draw.hsmAll,
          breakGlassPrincipals: draw.breakGlass,
          externalKeyStore: draw.useEkm
            ? `projects/${project}/locations/${draw.region}/ekmConnections/${draw.ekmName}`
            : undefined,
        }),
        transport: compact({
          minimumTlsVersion: draw.weak.tls12 ? "1.2" : undefined,
          mutualTls:
            draw.publicApi && draw.mutualTls ? { enabled: true, caBundle: draw.caBundle } : undefined,
        }),
        network: draw.existingNetwork
          ? {
              existing: {
                networkId: `projects/${project}/global/networks/${draw.networkName}`,
                subnetIds: draw.subnetNames.map(
                  (subnet) => `projects/${project}/regions/${draw.region}/subnetworks/${subnet}`,
                ),
              },
            }
          : compact({ cidr: draw.cidr, zoneCount: draw.zoneCount }),
        identity: compact({
          dataScientists: draw.dataScientists,
          admins: draw.admins,
          requireMfa: draw.weak.mfaOff ? false : undefined,
          federatedWorkloads: draw.federated,
        }),
        logging: compact({
          retentionDays: draw.retention,
          auditLockDays: draw.lock,
          siem: draw.weak.siemNone ? "none" : draw.siemExport ? "export" : undefined,
          siemDestination:
            !draw.weak.siemNone && draw.siemExport ? `projects/${project}/topics/${draw.topic}` : undefined,
        }),
        detection: draw.detection,
        publicApi: draw.publicApi
          ? compact({
              enabled: true,
              waf: draw.weak.wafOff ? false : undefined,
              rateLimit: draw.rateLimit,
              certificate: `projects/${project}/global/sslCertificates/${draw.certificateName}`,
              domainName: draw.domainName,
            })
          : undefined,
        compliance: draw.compliance,
        waivers,
        tags: draw.tags,
      }),
    }));
  });
