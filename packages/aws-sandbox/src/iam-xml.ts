import { el } from './query-protocol.js';
import type { RoleRecord } from './state.js';

export type RoleView = 'create' | 'get' | 'list';

/**
 * A `Role` element. IAM returns the policy document URL-encoded (RFC 3986): the AWS CLI
 * decodes it for display, SDK users call decodeURIComponent. ListRoles omits tags and
 * last use. https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html
 */
export function roleXml(role: RoleRecord, view: RoleView): string {
  let xml =
    el('Path', role.path) +
    el('RoleName', role.roleName) +
    el('RoleId', role.roleId) +
    el('Arn', role.arn) +
    el('CreateDate', role.createDate) +
    el('AssumeRolePolicyDocument', encodeURIComponent(role.assumeRolePolicyDocument)) +
    el('Description', role.description) +
    el('MaxSessionDuration', role.maxSessionDuration);
  if (view !== 'list' && role.tags.length > 0) {
    const members = role.tags.map(
      (t) => `<member>${el('Key', t.Key)}${el('Value', t.Value)}</member>`,
    );
    xml += `<Tags>${members.join('')}</Tags>`;
  }
  if (view === 'get') {
    const used = role.lastUsed;
    xml += used
      ? `<RoleLastUsed>${el('LastUsedDate', used.date)}${el('Region', used.region)}</RoleLastUsed>`
      : '<RoleLastUsed/>';
  }
  return xml;
}
