export type * from './types.js';
export {
  parseTrustPolicy,
  DEFAULT_MAX_LENGTH,
  MAX_LENGTH_LIMIT,
  type ParseOptions,
} from './parse/parse.js';
export { parseTrustPolicyDocument } from './parse/document.js';
export { evaluateTrustPolicy } from './evaluate.js';
export {
  authorizeAssumeRole,
  requiredActions,
  type AssumeRoleAction,
  type AssumeRoleDecision,
} from './assume-role.js';
export { analyzeTrustPolicy } from './analyze/analyze.js';
export type {
  AnalyzeContext,
  AnalyzeInput,
  AnalysisResult,
  ExternalIdResult,
  Finding,
  Severity,
} from './analyze/types.js';
export {
  generateTrustPolicy,
  VARIANT_TITLES,
  type GenerateOptions,
  type GeneratedPolicy,
  type Variant,
} from './generate/generate.js';
export { s3BackendPolicy, type S3BackendOptions } from './generate/s3-backend.js';
export { toAwsCli } from './formats/aws-cli.js';
export { toCloudFormation } from './formats/cloudformation.js';
export { toTerraform } from './formats/terraform.js';
export type { RoleOptions } from './formats/role-options.js';
export {
  externalIdsFor,
  formatExternalId,
  parseExternalId,
  type ExternalIdParts,
  type Phase,
  type StackAttachment,
} from './external-id.js';
