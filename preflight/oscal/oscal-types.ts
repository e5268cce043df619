/**
 * The parts of the OSCAL 1.0.6 JSON models this package writes (assessment results and component
 * definition), as TypeScript types. Field names are OSCAL's own (kebab case); only what the builders fill
 * in is declared. Optional fields are left out of the JSON when there is nothing to say (OSCAL arrays must
 * not be empty).
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
  /** URI reference of the resource. */
  href: string;
  /** Relation, e.g. `reference`. @default none */
  rel?: string;
  /** Link text. @default none */
  text?: string;
}

/** Document metadata shared by both models. */
export interface OscalMetadata {
  /** Document title. */
  title: string;
  /** When the document was written (ISO timestamp with a time zone). */
  "last-modified": string;
  /** Version of the document: the version of the tool or package that wrote it. */
  version: string;
  /** OSCAL version the document conforms to (`1.0.6`). */
  "oscal-version": string;
  /** Properties of the document. @default none */
  props?: OscalProperty[];
  /** Links, e.g. to the tool. @default none */
  links?: OscalLink[];
  /** Commentary. @default none */
  remarks?: string;
}

/** A resource of the back matter that `#<uuid>` references point at. */
export interface OscalBackMatterResource {
  /** Identifier that `#<uuid>` references use. */
  uuid: string;
  /** Resource title. */
  title: string;
  /** What the resource is. */
  description: string;
  /** Properties. @default none */
  props?: OscalProperty[];
  /** Where the resource can be read. @default none */
  rlinks?: { href: string; "media-type"?: string }[];
  /** Commentary. @default none */
  remarks?: string;
}

/** Who produced an observation or finding. */
export interface OscalOrigin {
  /** The tool, platform or party, by the UUID of its definition in the result's assessment assets. */
  actors: { type: "tool" | "assessment-platform" | "party"; "actor-uuid": string }[];
}

/** An element of the assessed system that observations name (`subject-reference`). */
export interface OscalSubjectReference {
  /** UUID of the inventory item (or component) in the result's local definitions. */
  "subject-uuid": string;
  /** What kind of object `subject-uuid` points at. */
  type: "component" | "inventory-item" | "location" | "party" | "user" | "resource";
  /** Display name. @default none */
  title?: string;
  /** Properties, e.g. the resource URN. @default none */
  props?: OscalProperty[];
}

/** One observation of an assessment result. */
export interface OscalObservation {
  /** Name-based UUID (stack URN, resource URN, policies). */
  uuid: string;
  /** Short title: the policy and the resource. */
  title: string;
  /** What was examined and what the policy reported (Markdown). */
  description: string;
  /** Policy, pack, controls, result and attribution. @default none */
  props?: OscalProperty[];
  /** How the observation was made: `EXAMINE` for a policy reading declared configuration. */
  methods: ("EXAMINE" | "INTERVIEW" | "TEST" | "UNKNOWN")[];
  /** Nature of the observation: `finding` (a violation) or `control-objective`. @default none */
  types?: string[];
  /** Who observed it. @default none */
  origins?: OscalOrigin[];
  /** The resources observed. @default none */
  subjects?: OscalSubjectReference[];
  /** Supporting evidence, e.g. the masked inputs. @default none */
  "relevant-evidence"?: { description: string; props?: OscalProperty[] }[];
  /** When the evidence was collected (the report's timestamp). */
  collected: string;
  /** Commentary. @default none */
  remarks?: string;
}

/** The conclusion about one control objective (`finding-target`). */
export interface OscalFindingTarget {
  /** `objective-id`: the target is a control objective, here a catalog control. */
  type: "objective-id" | "statement-id";
  /** The control ID, e.g. `SAI-ENC-01`. */
  "target-id": string;
  /** The control's title. @default none */
  title?: string;
  /** Description of the conclusion. @default none */
  description?: string;
  /** The evidence status. @default none */
  props?: OscalProperty[];
  /** OSCAL's two-valued state and its reason (`pass`, `fail` or `other`). */
  status: { state: "satisfied" | "not-satisfied"; reason?: "pass" | "fail" | "other"; remarks?: string };
  /** Implementation state, only for a not-applicable control. @default none */
  "implementation-status"?: { state: string; remarks?: string };
  /** The evidence status's meaning, reasons, violations, waivers and notes. @default none */
  remarks?: string;
}

/** One finding of an assessment result. */
export interface OscalFinding {
  /** Name-based UUID (stack URN, control ID). */
  uuid: string;
  /** The control ID and its evidence status. */
  title: string;
  /** One sentence on the control's evidence in the stack. */
  description: string;
  /** Evidence status, source, severity, domain, policies, reasons and framework clauses. @default none */
  props?: OscalProperty[];
  /** Who made the finding. @default none */
  origins?: OscalOrigin[];
  /** The control and its state. */
  target: OscalFindingTarget;
  /** Observations the finding rests on. @default none (nothing of the control's concern was examined) */
  "related-observations"?: { "observation-uuid": string }[];
  /** Commentary. @default none */
  remarks?: string;
}

/** A deployed or planned asset of the assessed system (`inventory-item`): one Pulumi resource. */
export interface OscalInventoryItem {
  /** Name-based UUID (resource URN). */
  uuid: string;
  /** The resource's type and name. */
  description: string;
  /** URN, type, name, kind and parent. @default none */
  props?: OscalProperty[];
  /** Commentary. @default none */
  remarks?: string;
}

/** A software component (the packs that ran, in `assessment-assets`). */
export interface OscalSystemComponent {
  /** Name-based UUID (stack URN, pack name). */
  uuid: string;
  /** Component type, `software`. */
  type: string;
  /** Component title. */
  title: string;
  /** What the component is. */
  description: string;
  /** Pack name and version. @default none */
  props?: OscalProperty[];
  /** Operational status. */
  status: { state: "under-development" | "operational" | "disposition" | "other" };
}

/** The tool that ran the assessment (`assessment-platform`). */
export interface OscalAssessmentPlatform {
  /** Name-based UUID (stack URN, tool name). */
  uuid: string;
  /** Tool name and version. */
  title: string;
  /** Tool version. @default none */
  props?: OscalProperty[];
  /** Where the tool is published. @default none */
  links?: OscalLink[];
  /** The pack components it ran. @default none */
  "uses-components"?: { "component-uuid": string }[];
}

/** One result: the assessment of one stack. */
export interface OscalResult {
  /** Name-based UUID (stack URN). */
  uuid: string;
  /** The stack and project. */
  title: string;
  /** What ran, and the control statuses counted. */
  description: string;
  /** When the evidence was collected (the report's timestamp). */
  start: string;
  /** Same as `start`: the run is one point in time. @default none */
  end?: string;
  /** Stack, project, URN, passes, mandatory violations, state file. @default none */
  props?: OscalProperty[];
  /** The stack's resources, the packs and the tool. @default none */
  "local-definitions"?: {
    "inventory-items"?: OscalInventoryItem[];
    "assessment-assets"?: {
      components?: OscalSystemComponent[];
      "assessment-platforms": OscalAssessmentPlatform[];
    };
  };
  /** Every catalog control, by ID. */
  "reviewed-controls": {
    description?: string;
    "control-selections": {
      description?: string;
      "include-controls": { "control-id": string }[];
    }[];
  };
  /** One per examined resource and policy. @default none */
  observations?: OscalObservation[];
  /** One per catalog control. @default none */
  findings?: OscalFinding[];
  /** The resources the preflight could not examine. @default none */
  remarks?: string;
}

/** The root of an OSCAL assessment results document, as it is written to a file. */
export interface OscalAssessmentResultsDocument {
  /** The assessment results model. */
  "assessment-results": {
    /** Name-based UUID (tool, program, stack URNs). */
    uuid: string;
    /** Title, timestamp, version. */
    metadata: OscalMetadata;
    /** Required by OSCAL; points at a back-matter resource saying there is no plan. */
    "import-ap": { href: string; remarks?: string };
    /** One per stack. */
    results: OscalResult[];
    /** The resource `import-ap` points at. @default none */
    "back-matter"?: { resources: OscalBackMatterResource[] };
  };
}

/** One control as a component implements it (`implemented-requirement`). */
export interface OscalImplementedRequirement {
  /** Name-based UUID (cloud, control ID). */
  uuid: string;
  /** The catalog control ID, e.g. `SAI-ENC-01` (a valid OSCAL token). */
  "control-id": string;
  /** How the cloud implements the control, and its limitation. */
  description: string;
  /** Implementation status, limitation, guardrails, framework clauses. @default none */
  props?: OscalProperty[];
  /** Links. @default none */
  links?: OscalLink[];
  /** Why no deploy-time policy can check it, when none can. @default none */
  remarks?: string;
}

/** A component of a component definition (`defined-component`): SecureAiPlatform on one cloud. */
export interface OscalDefinedComponent {
  /** Name-based UUID (cloud). */
  uuid: string;
  /** Component type, `software`. */
  type: string;
  /** SecureAiPlatform and the cloud. */
  title: string;
  /** What the component builds. */
  description: string;
  /** Why it exists. @default none */
  purpose?: string;
  /** The cloud and component type token. @default none */
  props?: OscalProperty[];
  /** One set: the catalog's controls. */
  "control-implementations": {
    uuid: string;
    /** The catalog, as `#<uuid>` of its back-matter resource. */
    source: string;
    description: string;
    props?: OscalProperty[];
    "implemented-requirements": OscalImplementedRequirement[];
  }[];
  /** Commentary. @default none */
  remarks?: string;
}

/** The root of an OSCAL component definition document, as it is written to a file. */
export interface OscalComponentDefinitionDocument {
  /** The component definition model. */
  "component-definition": {
    /** Name-based UUID (constant: the definition of SecureAiPlatform). */
    uuid: string;
    /** Title, timestamp, version. */
    metadata: OscalMetadata;
    /** One per cloud. */
    components: OscalDefinedComponent[];
    /** The catalog resource the implementations' `source` points at. @default none */
    "back-matter"?: { resources: OscalBackMatterResource[] };
  };
}
