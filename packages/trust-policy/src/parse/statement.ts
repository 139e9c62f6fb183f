import type { JsonNode } from '../json/json-parse.js';
import { pathSegment } from '../json/json-position.js';
import type { PolicyStatement } from '../types.js';
import { parseConditionBlock } from './condition-block.js';
import { parsePrincipalBlock } from './principal-block.js';
import { describeKind, stringList, uniqueEntries, type Reporter } from './report.js';

const FIELDS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const ACTION = /^(?:\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;

/** Returns undefined when the statement has no usable Effect (nothing to evaluate). */
export function parseStatement(
  node: JsonNode,
  index: number,
  path: string,
  r: Reporter,
): PolicyStatement | undefined {
  if (node.kind !== 'object') {
    r.error(
      'invalid-statement',
      `Each statement must be an object, not ${describeKind(node)}.`,
      path,
      node.start,
    );
    return undefined;
  }
  const fields = new Map<string, JsonNode>();
  for (const entry of uniqueEntries(node, path, r)) {
    if (FIELDS.includes(entry.key)) {
      fields.set(entry.key, entry.value);
      continue;
    }
    const fix = FIELDS.find((f) => f.toLowerCase() === entry.key.toLowerCase());
    r.error(
      'unknown-field',
      fix
        ? `"${entry.key}" must be spelled "${fix}" (IAM field names are case-sensitive).`
        : `"${entry.key}" is not a statement field IAM accepts.`,
      path + pathSegment(entry.key),
      entry.keyStart,
    );
  }

  const statement: PolicyStatement = {
    index,
    path,
    effect: 'Allow',
    actions: [],
    notAction: false,
    conditions: [],
    hasResource: false,
  };
  const sid = fields.get('Sid');
  if (sid?.kind === 'string') {
    statement.sid = sid.value;
    // "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and
    // numbers (0-9)." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    if (!/^[0-9A-Za-z]*$/.test(sid.value)) {
      const fixed = sid.value.replace(/[^0-9A-Za-z]/g, '');
      r.error(
        'invalid-sid',
        `Sid "${sid.value}" may only hold letters A–Z, a–z and digits 0–9; IAM refuses anything else. Use "${fixed || 'AllowRolebridge'}".`,
        `${path}.Sid`,
        sid.start,
      );
    }
  } else if (sid)
    r.error('invalid-sid', `Sid must be text, not ${describeKind(sid)}.`, `${path}.Sid`, sid.start);

  const effect = fields.get('Effect');
  let usable = true;
  if (effect === undefined) {
    r.error(
      'missing-effect',
      'This statement has no "Effect"; add "Effect": "Allow".',
      path,
      node.start,
    );
    usable = false;
  } else if (effect.kind === 'string' && (effect.value === 'Allow' || effect.value === 'Deny')) {
    statement.effect = effect.value;
  } else {
    r.error(
      'invalid-effect',
      `Effect must be "Allow" or "Deny" (exactly that spelling).`,
      `${path}.Effect`,
      effect.start,
    );
    usable = false;
  }

  const principal = fields.get('Principal');
  const notPrincipal = fields.get('NotPrincipal');
  if (principal) statement.principal = parsePrincipalBlock(principal, `${path}.Principal`, r);
  if (notPrincipal) {
    r.error(
      'not-principal',
      'NotPrincipal cannot be used in a role trust policy; name the trusted principals in "Principal" instead.',
      `${path}.NotPrincipal`,
      notPrincipal.start,
    );
    statement.notPrincipal = parsePrincipalBlock(notPrincipal, `${path}.NotPrincipal`, r);
  }
  if (!principal && !notPrincipal) {
    r.error(
      'missing-principal',
      'A trust policy statement must say who may assume the role: add "Principal": {"AWS": "<account ID>"}.',
      path,
      node.start,
    );
  }

  const action = fields.get('Action');
  const notAction = fields.get('NotAction');
  if (action && notAction) {
    r.error(
      'action-and-not-action',
      'Use either "Action" or "NotAction" in a statement, not both.',
      `${path}.NotAction`,
      notAction.start,
    );
  }
  const actionNode = action ?? notAction;
  if (!actionNode) {
    r.error(
      'missing-action',
      'This statement has no "Action"; add "Action": "sts:AssumeRole".',
      path,
      node.start,
    );
  } else {
    statement.notAction = !action;
    const actionPath = `${path}.${action ? 'Action' : 'NotAction'}`;
    for (const item of stringList(actionNode, actionPath, r, 'invalid-action', 'An action')) {
      if (ACTION.test(item.value)) statement.actions.push(item.value);
      else
        r.error(
          'invalid-action',
          `"${item.value}" is not an action; actions look like "sts:AssumeRole".`,
          item.path,
          item.offset,
        );
    }
  }

  for (const field of ['Resource', 'NotResource']) {
    const resource = fields.get(field);
    if (resource === undefined) continue;
    statement.hasResource = true;
    r.error(
      'resource-present',
      `A trust policy cannot have "${field}": the role itself is the resource. Remove the "${field}" line.`,
      `${path}.${field}`,
      resource.start,
    );
  }

  const condition = fields.get('Condition');
  if (condition) statement.conditions = parseConditionBlock(condition, `${path}.Condition`, r);
  return usable ? statement : undefined;
}
