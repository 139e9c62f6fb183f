import { z } from 'zod';
import { accountName } from './fields.js';

export const awsMode = z.enum(['sandbox', 'aws']);
export type AwsMode = z.infer<typeof awsMode>;

export const account = z.object({
  name: z.string(),
  mode: awsMode,
  /** The AWS identity the BFF calls STS with; null until STS has answered. */
  platformPrincipal: z.object({ accountId: z.string(), arn: z.string() }).nullable(),
  /** In sandbox mode, the endpoint a command the console shows must call; null against AWS. */
  sandboxEndpoint: z.string().nullable(),
});
export type Account = z.infer<typeof account>;

export const updateAccountRequest = z.strictObject({ name: accountName });
