import type { ActorRef, TypedRef } from '@rolebridge/contracts';
import type { Db } from '../db/database.js';

/** A reference as stored: a kind of thing and its id (a slug for stacks). */
export interface Reference {
  type: string;
  id: string;
}

export interface Names {
  /** The name a person reads; null when the thing was deleted since. */
  ref(type: string, id: string): TypedRef;
  /** A stored actor (`user:<email>`, `token:<id>`, `anonymous:<ip>`, `system`) as a person reads it. */
  actor(actor: string): ActorRef;
}

/** Kinds of thing with a table to look names up in; anything else reads as its id. */
const LOOKED_UP = new Set([
  'aws_integration',
  'stack',
  'space',
  'token',
  'user',
  'invite',
  'webhook',
]);

const TOKEN = 'token:';
const USER = 'user:';
const ANONYMOUS = 'anonymous:';

/** `arn:aws:iam::<account>:role/<path/>name`: the name is what people call a role. */
const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1) || arn;

/**
 * Names for the ids that audit events and runs store, looked up for a whole page at once:
 * one query per kind of thing, never one per row, so a page of 100 events costs at most six.
 */
export function createNamesRepository(db: Db) {
  async function lookup(type: string, ids: string[]): Promise<{ key: string; name: string }[]> {
    switch (type) {
      case 'aws_integration':
        return db
          .selectFrom('aws_integrations')
          .select(['id as key', 'name'])
          .where('id', 'in', ids)
          .execute();
      case 'stack':
        return db
          .selectFrom('stacks')
          .select(['slug as key', 'name'])
          .where('slug', 'in', ids)
          .execute();
      case 'space':
        return db
          .selectFrom('spaces')
          .select(['id as key', 'name'])
          .where('id', 'in', ids)
          .execute();
      case 'token':
        return db
          .selectFrom('api_tokens')
          .select(['id as key', 'name'])
          .where('id', 'in', ids)
          .execute();
      case 'user':
        return db
          .selectFrom('users')
          .select(['id as key', 'email as name'])
          .where('id', 'in', ids)
          .execute();
      case 'invite':
        return db
          .selectFrom('invites')
          .select(['id as key', 'email as name'])
          .where('id', 'in', ids)
          .execute();
      case 'webhook':
        return db
          .selectFrom('webhooks')
          .select(['id as key', 'url as name'])
          .where('id', 'in', ids)
          .execute();
      default:
        return [];
    }
  }

  return {
    /** `known`: names the caller already holds (rows it just read), not looked up again. */
    async resolve(
      refs: readonly Reference[],
      actors: readonly string[] = [],
      known: readonly (Reference & { name: string })[] = [],
    ): Promise<Names> {
      const found = new Map(known.map((k) => [`${k.type}\0${k.id}`, k.name]));
      const wanted = new Map<string, Set<string>>();
      const want = (type: string, id: string) => {
        if (found.has(`${type}\0${id}`)) return;
        const ids = wanted.get(type) ?? new Set<string>();
        wanted.set(type, ids.add(id));
      };
      for (const r of refs) want(r.type, r.id);
      for (const a of actors) if (a.startsWith(TOKEN)) want('token', a.slice(TOKEN.length));
      await Promise.all(
        [...wanted].map(async ([type, ids]) => {
          for (const row of await lookup(type, [...ids]))
            found.set(`${type}\0${row.key}`, row.name);
        }),
      );
      const account = refs.some((r) => r.type === 'account')
        ? await db.selectFrom('account').select('name').executeTakeFirst()
        : undefined;

      const name = (type: string, id: string): string | null => {
        const known = found.get(`${type}\0${id}`);
        if (known !== undefined) return known;
        if (type === 'account') return account?.name ?? null;
        if (type === 'iam_role') return roleName(id);
        // A failed login names the email that was tried, not a user id.
        if (type === 'user' && id.includes('@')) return id;
        // Only a lookup that found nothing says "deleted"; a kind we cannot look up reads as stored.
        return LOOKED_UP.has(type) ? null : id;
      };
      return {
        ref: (type, id) => ({ type, id, name: name(type, id) }),
        actor(actor) {
          if (actor.startsWith(USER)) {
            const email = actor.slice(USER.length);
            return { kind: 'user', id: email, name: email };
          }
          if (actor.startsWith(TOKEN)) {
            const id = actor.slice(TOKEN.length);
            return { kind: 'token', id, name: name('token', id) };
          }
          if (actor.startsWith(ANONYMOUS)) {
            const ip = actor.slice(ANONYMOUS.length);
            return { kind: 'anonymous', id: ip, name: `anonymous (${ip})` };
          }
          return { kind: 'system', id: actor, name: 'system' };
        },
      };
    },
  };
}

export type NamesRepository = ReturnType<typeof createNamesRepository>;
