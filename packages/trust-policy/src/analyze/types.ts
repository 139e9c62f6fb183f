import type { Decision, StatementExplanation } from '../types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  path?: string;
  /** What to change; for the common failures, the whole corrected policy. */
  fix?: string;
  line?: number;
  column?: number;
}

export interface AnalyzeInput {
  policy: string;
  externalIds: string[];
  /** The identity Rolebridge calls STS with. */
  principalArn: string;
  accountName?: string;
  /** Defaults to the account of principalArn. */
  platformAccountId?: string;
  roleArn?: string;
  maxLength?: number;
  /** Rolebridge passes session tags on AssumeRole, which needs sts:TagSession. */
  usesSessionTags?: boolean;
}

export interface ExternalIdResult {
  externalId: string;
  decision: Decision;
  statements: StatementExplanation[];
  notes?: string[];
}

export interface AnalysisResult {
  valid: boolean;
  findings: Finding[];
  results: ExternalIdResult[];
  suggestedPolicy?: string;
}

export interface AnalysisSetup {
  principalArn: string;
  platformAccountId: string;
  accountName?: string;
  roleArn?: string;
  externalIds: string[];
  maxLength: number;
  usesSessionTags: boolean;
}
