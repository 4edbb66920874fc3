/**
 * sim/export: pure functions from a plan to infrastructure-as-code files (Terraform, CloudFormation),
 * sharing one mapping of plan concepts to AWS resources (aws/). No Node, DOM or engine imports.
 */
export type { ExportFile, ExportFormat, ExportOptions, ExportResult, ExportWarning, ScenarioExpectation } from './types';
export { exportFormats, getExportFormat, registerExportFormat } from './registry';
export { designAws, kubernetesIngressName, type AwsDesign } from './aws/design';
export { scenarioExpectations, type ScenarioResultLike } from './chaos/expectations';
