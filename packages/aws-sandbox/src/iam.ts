import type { ActionContext, ActionHandler } from './context.js';
import { roleXml } from './iam-xml.js';
import { newRoleId } from './ids.js';
import { checkTrustPolicy } from './policy-document.js';
import { AwsError } from './query-protocol.js';
import type { Params } from './query-protocol.js';
import type { RoleRecord, Tag } from './state.js';
import { PATTERNS, Validator } from './validation.js';

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html and siblings.

const ROLES_PER_ACCOUNT = 1000;
const MAX_TAGS = 50;

const roleName = (v: Validator, params: Params) =>
  v.string('roleName', params.get('RoleName'), {
    required: true,
    min: 1,
    max: 64,
    pattern: PATTERNS.roleName,
  });

const policyDocument = (v: Validator, member: string, value: string | undefined) =>
  v.string(member, value, {
    required: true,
    min: 1,
    max: 131072,
    pattern: PATTERNS.policyDocument,
  });

const description = (v: Validator, params: Params) =>
  v.string('description', params.get('Description'), {
    max: 1000,
    pattern: PATTERNS.description,
  });

const maxSession = (v: Validator, params: Params) =>
  v.integer('maxSessionDuration', params.get('MaxSessionDuration'), { min: 3600, max: 43200 });

function findRole(ctx: ActionContext, name: string): RoleRecord {
  const role = ctx.services.roles.get(ctx.caller.account, name);
  if (!role) {
    throw new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  }
  return role;
}

function readTags(v: Validator, params: Params): Tag[] {
  const tags: Tag[] = [];
  for (let i = 1; params.has(`Tags.member.${i}.Key`); i++) {
    const Key = v.string(`tags.${i}.member.key`, params.get(`Tags.member.${i}.Key`), {
      min: 1,
      max: 128,
    });
    const Value = v.string(`tags.${i}.member.value`, params.get(`Tags.member.${i}.Value`) ?? '', {
      max: 256,
    });
    if (Key !== undefined && Value !== undefined) tags.push({ Key, Value });
  }
  return tags;
}

const createRole: ActionHandler = async (ctx) => {
  const { params, caller, services, now } = ctx;
  const v = new Validator();
  const name = roleName(v, params);
  const document = policyDocument(
    v,
    'assumeRolePolicyDocument',
    params.get('AssumeRolePolicyDocument'),
  );
  const path = v.string('path', params.get('Path'), { min: 1, max: 512, pattern: PATTERNS.path });
  const desc = description(v, params);
  const maxSessionDuration = maxSession(v, params);
  const tags = readTags(v, params);
  v.check();
  if (name === undefined || document === undefined) return null;
  if (tags.length > MAX_TAGS) {
    throw new AwsError('LimitExceeded', `Cannot exceed quota for TagsPerRole: ${MAX_TAGS}`, 409);
  }

  const policy = checkTrustPolicy(document, services.roles);
  if (services.roles.get(caller.account, name)) {
    throw new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
  }
  if (services.roles.count(caller.account) >= ROLES_PER_ACCOUNT) {
    throw new AwsError(
      'LimitExceeded',
      `Cannot exceed quota for RolesPerAccount: ${ROLES_PER_ACCOUNT}`,
      409,
    );
  }
  const rolePath = path ?? '/';
  const role: RoleRecord = {
    account: caller.account,
    roleName: name,
    path: rolePath,
    roleId: newRoleId(),
    arn: `arn:aws:iam::${caller.account}:role${rolePath}${name}`,
    createDate: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(desc === undefined ? {} : { description: desc }),
    maxSessionDuration: maxSessionDuration ?? 3600,
    assumeRolePolicyDocument: document,
    tags,
  };
  await services.roles.create(role, policy, services.faults.propagationDelayMs, now);
  return `<Role>${roleXml(role, 'create')}</Role>`;
};

const getRole: ActionHandler = (ctx) => {
  const v = new Validator();
  const name = roleName(v, ctx.params);
  v.check();
  return `<Role>${roleXml(findRole(ctx, name ?? ''), 'get')}</Role>`;
};

const listRoles: ActionHandler = (ctx) => {
  const v = new Validator();
  const prefix = v.string('pathPrefix', ctx.params.get('PathPrefix'), {
    min: 1,
    max: 512,
    pattern: PATTERNS.pathPrefix,
  });
  const marker = v.string('marker', ctx.params.get('Marker'), { min: 1, max: 320 });
  const maxItems = v.integer('maxItems', ctx.params.get('MaxItems'), { min: 1, max: 1000 });
  v.check();
  const after = marker === undefined ? '' : Buffer.from(marker, 'base64url').toString();
  const all = ctx.services.roles
    .list(ctx.caller.account)
    .filter((r) => r.path.startsWith(prefix ?? '/'))
    .map((r) => ({ r, sortKey: r.roleName.toLowerCase() }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .filter((x) => x.sortKey > after);
  const page = all.slice(0, maxItems ?? 100);
  const last = page.at(-1);
  const truncated = all.length > page.length && last !== undefined;
  const members = page.map((x) => `<member>${roleXml(x.r, 'list')}</member>`).join('');
  return (
    `<IsTruncated>${truncated}</IsTruncated>` +
    (truncated ? `<Marker>${Buffer.from(last.sortKey).toString('base64url')}</Marker>` : '') +
    `<Roles>${members}</Roles>`
  );
};

const updateAssumeRolePolicy: ActionHandler = async (ctx) => {
  const v = new Validator();
  const name = roleName(v, ctx.params);
  const document = policyDocument(v, 'policyDocument', ctx.params.get('PolicyDocument'));
  v.check();
  const role = findRole(ctx, name ?? '');
  const policy = checkTrustPolicy(document ?? '', ctx.services.roles);
  const { roles, faults } = ctx.services;
  await roles.setPolicy(role, document ?? '', policy, faults.propagationDelayMs, ctx.now);
  return null;
};

const updateRole: ActionHandler = async (ctx) => {
  const v = new Validator();
  const name = roleName(v, ctx.params);
  const desc = description(v, ctx.params);
  const maxSessionDuration = maxSession(v, ctx.params);
  v.check();
  const role = findRole(ctx, name ?? '');
  await ctx.services.roles.update(role, {
    ...(desc === undefined ? {} : { description: desc }),
    ...(maxSessionDuration === undefined ? {} : { maxSessionDuration }),
  });
  return '';
};

const deleteRole: ActionHandler = async (ctx) => {
  const v = new Validator();
  const name = roleName(v, ctx.params);
  v.check();
  await ctx.services.roles.delete(findRole(ctx, name ?? ''));
  return null;
};

export const iamActions: Record<string, ActionHandler> = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateRole: updateRole,
  DeleteRole: deleteRole,
};
