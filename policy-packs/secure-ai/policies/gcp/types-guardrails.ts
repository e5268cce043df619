/**
 * Type tokens of the Model Armor resources the SAI-MOD-03 policy examines, verified against `__pulumiType`
 * in node_modules/@pulumi/gcp 9 (modelarmor/floorsetting.js, modelarmor/template.js, vertex/aiEndpoint.js).
 */
export const GCP_MODEL_ARMOR = {
  floorSetting: "gcp:modelarmor/floorsetting:Floorsetting",
  template: "gcp:modelarmor/template:Template",
  vertexEndpoint: "gcp:vertex/aiEndpoint:AiEndpoint",
} as const;
