import { z } from 'zod';

/**
 * Something a record points at, with the name a person reads. `name` is null when the thing
 * was deleted since; the console then shows the id with "(deleted)" rather than nothing.
 */
export const namedRef = z.object({ id: z.string(), name: z.string().nullable() });
export type NamedRef = z.infer<typeof namedRef>;

/**
 * Who did something: a user (id and name: the email), an API token (its name), the console
 * itself ("system"), or an anonymous caller such as a failed login (its address).
 */
export const actorRef = namedRef.extend({
  kind: z.enum(['user', 'token', 'system', 'anonymous']),
});
export type ActorRef = z.infer<typeof actorRef>;

/** What a reference is, so the console can link it: `aws_integration`, `stack`, `space`, … */
export const typedRef = namedRef.extend({ type: z.string() });
export type TypedRef = z.infer<typeof typedRef>;
