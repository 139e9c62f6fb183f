import type { JsonNode } from '../json/json-parse.js';
import { pathSegment } from '../json/json-position.js';
import { parseOperator, suggestOperator } from '../conditions/operators.js';
import type { PolicyCondition } from '../types.js';
import { describeKind, uniqueEntries, type Reporter } from './report.js';

export function parseConditionBlock(node: JsonNode, path: string, r: Reporter): PolicyCondition[] {
  const out: PolicyCondition[] = [];
  if (node.kind !== 'object') {
    r.error(
      'invalid-condition',
      `Condition must be an object like {"StringEquals": {"sts:ExternalId": "..."}}, not ${describeKind(node)}.`,
      path,
      node.start,
    );
    return out;
  }
  for (const opEntry of uniqueEntries(node, path, r)) {
    const opPath = path + pathSegment(opEntry.key);
    if (parseOperator(opEntry.key) === null) {
      const hint = suggestOperator(opEntry.key);
      r.error(
        'unknown-operator',
        `"${opEntry.key}" is not a condition operator AWS knows${hint ? `; did you mean "${hint}"?` : '.'}`,
        opPath,
        opEntry.keyStart,
      );
    }
    if (opEntry.value.kind !== 'object') {
      r.error(
        'invalid-condition',
        `"${opEntry.key}" must hold an object of condition keys and values, not ${describeKind(opEntry.value)}.`,
        opPath,
        opEntry.value.start,
      );
      continue;
    }
    for (const keyEntry of uniqueEntries(opEntry.value, opPath, r)) {
      const keyPath = opPath + pathSegment(keyEntry.key);
      if (!keyEntry.key.includes(':')) {
        r.error(
          'invalid-condition',
          `"${keyEntry.key}" is not a condition key; keys look like "sts:ExternalId".`,
          keyPath,
          keyEntry.keyStart,
        );
      }
      const values = conditionValues(keyEntry.value, keyPath, r);
      out.push({ operator: opEntry.key, key: keyEntry.key, values, path: keyPath });
    }
  }
  return out;
}

// IAM accepts JSON booleans and numbers as condition values and compares their text.
function conditionValues(node: JsonNode, path: string, r: Reporter): string[] {
  const items = node.kind === 'array' ? node.items : [node];
  if (node.kind === 'array' && items.length === 0) {
    r.error('invalid-condition-value', 'A condition needs at least one value.', path, node.start);
  }
  const values: string[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'string' || item.kind === 'number' || item.kind === 'boolean') {
      values.push(String(item.value));
    } else {
      const itemPath = node.kind === 'array' ? `${path}[${i}]` : path;
      r.error(
        'invalid-condition-value',
        `A condition value must be text, a number or true/false, not ${describeKind(item)}.`,
        itemPath,
        item.start,
      );
    }
  });
  return values;
}
