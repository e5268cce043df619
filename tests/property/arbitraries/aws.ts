/** Valid AWS arguments: the neutral rules plus `components/aws/validate.ts` (rotation 90, ARNs, IDs). */
import fc from "fast-check";
import { AWS_LIMITS } from "../../../components/aws/defaults";
import type { ModelArgs } from "../../../components/spec/args";
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

const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"] as const;
const account = fc.stringMatching(/^\d{12}$/);
const hex = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${min},${max}}$`));
const keyStoreId = fc.stringMatching(/^[a-z0-9]{17}$/).map((id) => `cks-${id}`);

/** IAM role, user or account-root ARNs. */
const principals = maybe(
  fc.uniqueArray(
    fc.oneof(
      fc.tuple(account, resourceName()).map(([id, name]) => `arn:aws:iam::${id}:role/${name}`),
      fc.tuple(account, resourceName()).map(([id, name]) => `arn:aws:iam::${id}:user/${name}`),
      account.map((id) => `arn:aws:iam::${id}:root`),
    ),
    { maxLength: 2 },
  ),
);

/** SageMaker extras (instance types with and without instance storage) or Bedrock model IDs. */
function modelExtras(serving: string | undefined): fc.Arbitrary<Partial<ModelArgs>> {
  if (serving === "bedrock") {
    return fc.record({
      baseModel: maybe(fc.constantFrom("amazon.nova-lite-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")),
    });
  }
  return fc.record({
    instanceType: maybe(fc.constantFrom("ml.m5.xlarge", "ml.c5.2xlarge", "ml.g5.xlarge", "ml.m5d.large")),
  });
}

/** A valid AWS spec. */
export const awsSpec: fc.Arbitrary<GeneratedSpec> = fc
  .record({
    name: resourceName(),
    region: fc.constantFrom(...REGIONS),
    models: models(["sagemaker", "bedrock"], modelExtras),
    datasets,
    weak: weakenings,
    publicApi: fc.boolean(),
    existingNetwork: fc.boolean(),
    hsmAll: maybe(fc.constantFrom("high-sensitivity", "all")),
    useKeyStore: fc.boolean(),
    externalKeyStore: maybe(fc.tuple(keyStoreId, resourceName()).map(([store, key]) => `${store}/${key}`)),
    breakGlass: principals,
    dataScientists: principals,
    admins: principals,
    federated: federatedWorkloads,
    cidr: maybe(privateCidr),
    zoneCount: maybe(fc.integer({ min: 1, max: 3 })),
    vpc: hex(8, 17).map((id) => `vpc-${id}`),
    subnets: fc.uniqueArray(
      hex(8, 17).map((id) => `subnet-${id}`),
      { minLength: 1, maxLength: 3 },
    ),
    siemExport: fc.boolean(),
    siemTarget: fc
      .tuple(account, resourceName())
      .map(([id, name]) => `arn:aws:kinesis:eu-west-1:${id}:stream/${name}`),
    retention: maybe(fc.integer({ min: 1, max: 3653 })),
    lock: maybe(fc.integer({ min: 1, max: 3650 })),
    rateLimit: maybe(fc.integer({ min: 100, max: 2_000_000 })),
    certificate: fc
      .tuple(account, fc.uuid({ version: 4 }))
      .map(([id, uuid]) => `arn:aws:acm:eu-west-1:${id}:certificate/${uuid}`),
    domainName: maybe(resourceName(20).map((label) => `${label}.example.com`)),
    mutualTls: fc.boolean(),
    caBundle,
    keyStore: keyStoreId,
    detection,
    compliance,
    tags,
    rotationDays: maybe(fc.constant(AWS_LIMITS.minRotationDays)),
  })
  .chain((draw) => {
    const anyHsm = draw.hsmAll === "all" || draw.models.some((model) => model.sensitivity === "high");
    const existing = draw.existingNetwork && !draw.publicApi;
    const weakened = weakenedControls(draw.weak, draw.publicApi);
    return waiversFor(weakened).map((waivers): GeneratedSpec => ({
      name: draw.name,
      weakened,
      args: compact({
        cloud: "aws",
        aws: compact({
          region: draw.region,
          customKeyStoreId: anyHsm && draw.useKeyStore ? draw.keyStore : undefined,
        }),
        models: draw.models,
        datasets: draw.datasets,
        encryption: compact({
          rotationDays: draw.rotationDays,
          hsm: draw.hsmAll,
          breakGlassPrincipals: draw.breakGlass,
          externalKeyStore: draw.externalKeyStore,
        }),
        transport: compact({
          minimumTlsVersion: draw.weak.tls12 ? "1.2" : undefined,
          mutualTls:
            draw.publicApi && draw.mutualTls ? { enabled: true, caBundle: draw.caBundle } : undefined,
        }),
        network: existing
          ? { existing: { networkId: draw.vpc, subnetIds: draw.subnets } }
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
          siemDestination: !draw.weak.siemNone && draw.siemExport ? draw.siemTarget : undefined,
        }),
        detection: draw.detection,
        publicApi: draw.publicApi
          ? compact({
              enabled: true,
              waf: draw.weak.wafOff ? false : undefined,
              rateLimit: draw.rateLimit,
              certificate: draw.certificate,
              domainName: draw.domainName,
            })
          : undefined,
        compliance: draw.compliance,
        waivers,
        tags: draw.tags,
      }),
    }));
  });
