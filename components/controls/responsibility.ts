import type { CloudName } from "../spec/resolved";
import { type ModelScope, SCOPING_MATRIX_SCOPE } from "../spec/scopes";
import { controlCatalog } from "./catalog";
import {
  CUSTOMER_RESPONSIBILITY,
  DOMAIN_TITLES,
  PROVIDER_RESPONSIBILITY,
  RESPONSIBILITY_SOURCES,
  SCOPE_RESPONSIBILITY,
} from "./responsibility-data";
import { CONTROL_DOMAINS, type ControlDefinition } from "./types";

export { DOMAIN_TITLES } from "./responsibility-data";

/** One model of the stack and its Scoping Matrix scope. */
export interface ModelScopeEntry {
  /** The model's name. */
  model: string;
  /** `pre-trained`, `fine-tuned` or `self-trained`. */
  scope: string;
  /** `Scope 3`, `Scope 4` or `Scope 5` of the AWS Generative AI Security Scoping Matrix. */
  scopingMatrix: string;
}

/** A control the platform implements in a domain, with its status in the stack's evidence. */
export interface ResponsibilityControl {
  /** Control ID, e.g. `SAI-ENC-01`. */
  id: string;
  /** The control's one-line statement. */
  title: string;
  /** Its status in the evidence (the component's or the preflight's vocabulary). */
  status: string;
  /**
   * `"yes"` when the Scoping Matrix places the control in a scope some model of the stack is, `"no"` when only in
   * scopes no model is (for example a training-data control on a stack of pre-trained models).
   */
  inScope: string;
}

/** One row of the table: a security domain. */
export interface ResponsibilityRow {
  /** The catalog's domain, e.g. `encryption`. */
  domain: string;
  /** The domain's name in the reference's table, e.g. `Data protection (at rest, keys)`. */
  title: string;
  /** What the cloud provider is responsible for in this domain (the model domain: for each scope present). */
  provider: string;
  /** What the customer is responsible for in this domain. */
  customer: string;
  /** The catalog's controls of this domain and their status: what the platform implements. */
  controls: ResponsibilityControl[];
}

/** The shared-responsibility table of one platform (one stack's SecureAiPlatform). */
export interface ResponsibilityTable {
  /** `aws`, `gcp` or `azure`. */
  cloud: string;
  /** Every model with its scope. */
  models: ModelScopeEntry[];
  /** One row per domain of the catalog, in report order. */
  rows: ResponsibilityRow[];
  /** Where the cloud publishes its shared-responsibility model. */
  sources: string[];
}

const SCOPE_ORDER: readonly ModelScope[] = ["pre-trained", "fine-tuned", "self-trained"];

/** The Scoping Matrix scopes (`Scope 3` ...) a control is mapped to; empty when it names none. */
function controlScopes(control: ControlDefinition): string[] {
  return control.frameworks.scopingMatrix.filter((label) => /^Scope \d$/.test(label));
}

/**
 * Builds the shared-responsibility table of a platform: per domain of the catalog, the provider's part (from
 * PROVIDER_RESPONSIBILITY, and in the model domain SCOPE_RESPONSIBILITY for each scope present), the customer's
 * part, and every control of the domain with its status and whether it applies to the stack's scopes.
 *
 * @param cloud - the platform's cloud.
 * @param models - each model's name and scope.
 * @param statusOf - a control's status in the evidence, by ID (`"not reported"` when it returns undefined).
 * @param catalog - the controls catalog; default the package's.
 */
export function responsibilityTable(
  cloud: CloudName,
  models: readonly { name: string; scope: ModelScope }[],
  statusOf: (id: string) => string | undefined,
  catalog: readonly ControlDefinition[] = controlCatalog,
): ResponsibilityTable {
  const scopes = SCOPE_ORDER.filter((scope) => models.some((m) => m.scope === scope));
  const present = new Set<string>(scopes.map((scope) => SCOPING_MATRIX_SCOPE[scope]));
  const rows = CONTROL_DOMAINS.map((domain): ResponsibilityRow => {
    const base = PROVIDER_RESPONSIBILITY[cloud][domain];
    const byScope = (side: "provider" | "customer") => scopes.map((s) => SCOPE_RESPONSIBILITY[s][side]);
    return {
      domain,
      title: DOMAIN_TITLES[domain],
      provider: domain === "model" ? [base, ...byScope("provider")].join("; ") : base,
      customer:
        domain === "model"
          ? [CUSTOMER_RESPONSIBILITY[domain], ...byScope("customer")].join("; ")
          : CUSTOMER_RESPONSIBILITY[domain],
      controls: catalog
        .filter((control) => control.domain === domain)
        .map((control) => {
          const mapped = controlScopes(control);
          const inScope = mapped.length === 0 || mapped.some((label) => present.has(label));
          return {
            id: control.id,
            title: control.title,
            status: statusOf(control.id) ?? "not reported",
            inScope: inScope ? "yes" : "no",
          };
        }),
    };
  });
  return {
    cloud,
    models: models.map((m) => ({
      model: m.name,
      scope: m.scope,
      scopingMatrix: SCOPING_MATRIX_SCOPE[m.scope],
    })),
    rows,
    sources: [...RESPONSIBILITY_SOURCES[cloud]],
  };
}
