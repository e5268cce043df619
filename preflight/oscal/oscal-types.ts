/**
 * The parts of the OSCAL 1.0.6 JSON models this package writes (assessment results and component
 * definition), as TypeScript types. Field names are OSCAL's own (kebab case); only what the builders fill
 * in is declared.
 */

/** A namespace-qualified name/value pair (`property`). */
export interface OscalProperty {
  /** Property name, an NCName. */
  name: string;
  /** Namespace URI of the name; absent for names OSCAL itself defines. @default OSCAL's namespace */
  ns?: string;
  /** Single-line value. */
  value: string;
  /** Commentary on the property. @default none */
  remarks?: string;
}

/** A reference to a local or remote resource (`link`). */
export interface OscalLink {
  href: string;
  /** Relation, e.g. `reference`. @default none */
  rel?: string;
  /** Link text. @default none */
  text?: string;
}

/** Document metadata shared by both models. */
export interface OscalMetadata {
  title: string;
  "last-modified": string;
  version: string;
  "oscal-version": string;
  props?: OscalProperty[];
  links?: OscalLink[];
  remarks?: string;
}

/** A resource of the back matter that `#<uuid>` references point at. */
export interface OscalBackMatterResource {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  rlinks?: { href: string; "media-type"?: string }[];
  remarks?: string;
}

/** Who produced an observation or finding. */
export interface OscalOrigin {
  actors: { type: "tool" | "assessment-platform" | "party"; "actor-uuid": string }[];
}

/** An element of the assessed system that observations name (`subject-reference`). */
export interface OscalSubjectReference {
  "subject-uuid": string;
  type: "component" | "inventory-item" | "location" | "party" | "user" | "resource";
  title?: string;
  props?: OscalProperty[];
}

/** One observation of an assessment result. */
export interface OscalObservation {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  methods: ("EXAMINE" | "INTERVIEW" | "TEST" | "UNKNOWN")[];
  types?: string[];
  origins?: OscalOrigin[];
  subjects?: OscalSubjectReference[];
  "relevant-evidence"?: { description: string; props?: OscalProperty[] }[];
  collected: string;
  remarks?: string;
}

/** The conclusion about one control objective (`finding-target`). */
export interface OscalFindingTarget {
  type: "objective-id" | "statement-id";
  "target-id": string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  status: { state: "satisfied" | "not-satisfied"; reason?: "pass" | "fail" | "other"; remarks?: string };
  "implementation-status"?: { state: string; remarks?: string };
  remarks?: string;
}

/** One finding of an assessment result. */
export interface OscalFinding {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  origins?: OscalOrigin[];
  target: OscalFindingTarget;
  "related-observations"?: { "observation-uuid": string }[];
  remarks?: string;
}

/** A deployed or planned asset of the assessed system (`inventory-item`). */
export interface OscalInventoryItem {
  uuid: string;
  description: string;
  props?: OscalProperty[];
  remarks?: string;
}

/** A software component (the packs that ran, in `assessment-assets`). */
export interface OscalSystemComponent {
  uuid: string;
  type: string;
  title: string;
  description: string;
  props?: OscalProperty[];
  status: { state: "under-development" | "operational" | "disposition" | "other" };
}

/** One result: the assessment of one stack. */
export interface OscalResult {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end?: string;
  props?: OscalProperty[];
  "local-definitions"?: {
    "inventory-items"?: OscalInventoryItem[];
    "assessment-assets"?: {
      components?: OscalSystemComponent[];
      "assessment-platforms": {
        uuid: string;
        title: string;
        props?: OscalProperty[];
        links?: OscalLink[];
        "uses-components"?: { "component-uuid": string }[];
      }[];
    };
  };
  "reviewed-controls": {
    description?: string;
    "control-selections": {
      description?: string;
      "include-controls": { "control-id": string }[];
    }[];
  };
  observations?: OscalObservation[];
  findings?: OscalFinding[];
  remarks?: string;
}

/** The root of an OSCAL assessment results document, as it is written to a file. */
export interface OscalAssessmentResultsDocument {
  "assessment-results": {
    uuid: string;
    metadata: OscalMetadata;
    "import-ap": { href: string; remarks?: string };
    results: OscalResult[];
    "back-matter"?: { resources: OscalBackMatterResource[] };
  };
}

/** One control as a component implements it (`implemented-requirement`). */
export interface OscalImplementedRequirement {
  uuid: string;
  "control-id": string;
  description: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  remarks?: string;
}

/** A component of a component definition (`defined-component`). */
export interface OscalDefinedComponent {
  uuid: string;
  type: string;
  title: string;
  description: string;
  purpose?: string;
  props?: OscalProperty[];
  "control-implementations": {
    uuid: string;
    source: string;
    description: string;
    props?: OscalProperty[];
    "implemented-requirements": OscalImplementedRequirement[];
  }[];
  remarks?: string;
}

/** The root of an OSCAL component definition document, as it is written to a file. */
export interface OscalComponentDefinitionDocument {
  "component-definition": {
    uuid: string;
    metadata: OscalMetadata;
    components: OscalDefinedComponent[];
    "back-matter"?: { resources: OscalBackMatterResource[] };
  };
}
