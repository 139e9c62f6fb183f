import type { AssumeRoleAction } from '../assume-role.js';
import type { Decision, RequestContext, StatementExplanation } from '../types.js';

/** What else the request carries besides the external ID: the same fields the sandbox fills. */
export type AnalyzeContext = Omit<
  RequestContext,
  'principalArn' | 'externalId' | 'roleArn' | 'action'
>;

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
  /** The rest of the request; \`now\` defaults to the current time, as when the call is made. */
  context?: AnalyzeContext;
}

export interface ExternalIdResult {
  externalId: string;
  decision: Decision;
  /** Set when the refusal is for sts:TagSession or sts:SetSourceIdentity, not sts:AssumeRole. */
  action?: AssumeRoleAction;
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
  /** Every request the analysis evaluates, less the external ID. */
  request: Omit<RequestContext, 'externalId'>;
}
