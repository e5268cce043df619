import type * as pulumi from "@pulumi/pulumi";
import type { EvidenceRecorder } from "../evidence";
import type { ResolvedGuardrails } from "./resolved";

/** What every cloud's guardrail builder receives. */
export interface GuardrailsContext {
  /** The SecureAiGuardrails component: parent of every child resource. */
  parent: pulumi.ComponentResource;
  /** The component's name; child names derive from it (`<name>-scp-1`). */
  name: string;
  /** The validated arguments. */
  spec: ResolvedGuardrails;
  /** Where the builder records which guardrail enforces which control, and its gaps. */
  evidence: EvidenceRecorder;
  /** Tags for resources that take them. */
  tags: Record<string, string>;
}

/** Builds one cloud's preventive layer. */
export type GuardrailsBuilder = (context: GuardrailsContext) => void;

/** Logical name of a child: `<component>-<part>-<part>`. */
export function guardrailChildName(component: string, ...parts: string[]): string {
  return [component, ...parts].join("-");
}
