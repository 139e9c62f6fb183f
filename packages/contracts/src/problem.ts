import { z } from 'zod';

/** RFC 9457 problem details, with field errors on 400 so forms can place them. */
export const fieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(fieldError).optional(),
});
export type Problem = z.infer<typeof problem>;

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(root)';

/**
 * Turns zod issues into `{ path, message }` pairs with dotted paths (`labels.2`). Unknown
 * keys get one entry each, so the offending field is named rather than its parent.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: dotted([...issue.path, key]), message: 'Unknown field' }))
      : [{ path: dotted(issue.path), message: issue.message }],
  );
}
