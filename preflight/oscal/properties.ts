import { type ControlDefinition, FRAMEWORK_IDS, type FrameworkId } from "../../components/controls/types";
import type { OscalProperty } from "./oscal-types";
import { SAI_OSCAL_NS } from "./uuid";

/** The OSCAL version both documents are written against (the NIST schemas they validate with). */
export const OSCAL_VERSION = "1.0.6";

/**
 * A text made fit for an OSCAL `string` datatype (property values, versions): whitespace runs, line breaks
 * included, become one space, and leading and trailing whitespace is removed.
 *
 * @param text - any text.
 */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A property in the project's namespace. Values are made single-line; an empty value gives no property.
 *
 * @param name - the property name (an NCName, e.g. `evidence-status`).
 * @param value - the value.
 * @param remarks - free-text commentary on the property. @default no remarks
 */
export function saiProp(name: string, value: string, remarks?: string): OscalProperty[] {
  const cleaned = singleLine(value);
  if (cleaned === "") {
    return [];
  }
  return [{ name, ns: SAI_OSCAL_NS, value: cleaned, ...(remarks !== undefined ? { remarks } : {}) }];
}

/**
 * The property name of a framework's clauses: `framework-` and the framework ID in kebab case
 * (`framework-soc2`, `framework-nist80053`, `framework-owasp-llm`, `framework-scoping-matrix`).
 *
 * @param framework - a framework ID of the catalog.
 */
export function frameworkPropName(framework: FrameworkId): string {
  return `framework-${framework.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * The catalog's framework clauses and CIS recommendations of a control, one property per clause, in the
 * catalog's framework order: `framework-<id>` (value the clause, e.g. `CC6.1`) and `cis-benchmark`.
 *
 * @param control - a catalog control.
 */
export function frameworkProps(control: ControlDefinition): OscalProperty[] {
  const clauses = FRAMEWORK_IDS.flatMap((framework) =>
    (control.frameworks[framework] ?? []).flatMap((clause) => saiProp(frameworkPropName(framework), clause)),
  );
  return [...clauses, ...control.cis.flatMap((recommendation) => saiProp("cis-benchmark", recommendation))];
}
