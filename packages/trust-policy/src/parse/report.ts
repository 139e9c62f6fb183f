import type { JsonEntry, JsonNode } from '../json/json-parse.js';
import type { JsonValue, PolicyError } from '../types.js';

export interface Reporter {
  errors: PolicyError[];
  error(code: string, message: string, path: string, offset: number): void;
}

export function createReporter(locate?: (offset: number) => { line: number; column: number }) {
  const errors: PolicyError[] = [];
  const reporter: Reporter = {
    errors,
    error(code, message, path, offset) {
      errors.push(locate ? { code, message, path, ...locate(offset) } : { code, message, path });
    },
  };
  return reporter;
}

/** Entries of an object node, reporting keys that appear twice (JSON leaves the winner undefined). */
export function uniqueEntries(node: JsonNode & { kind: 'object' }, path: string, r: Reporter) {
  const seen = new Set<string>();
  const out: JsonEntry[] = [];
  for (const entry of node.entries) {
    if (seen.has(entry.key)) {
      r.error(
        'duplicate-key',
        `"${entry.key}" appears twice here; JSON keeps only one of them, so merge the two into one.`,
        path,
        entry.keyStart,
      );
      continue;
    }
    seen.add(entry.key);
    out.push(entry);
  }
  return out;
}

export function toValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const e of node.entries) out[e.key] = toValue(e.value);
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

export const describeKind = (node: JsonNode): string =>
  node.kind === 'object' ? 'an object' : node.kind === 'array' ? 'a list' : `a ${node.kind}`;

/** A string or a non-empty list of strings, the IAM shape of Action, AWS, Service… */
export function stringList(node: JsonNode, path: string, r: Reporter, code: string, what: string) {
  const items = node.kind === 'array' ? node.items : [node];
  if (node.kind === 'array' && items.length === 0) {
    r.error(code, `${what} is an empty list; give at least one value.`, path, node.start);
  }
  const out: { value: string; path: string; offset: number }[] = [];
  items.forEach((item, i) => {
    const itemPath = node.kind === 'array' ? `${path}[${i}]` : path;
    if (item.kind === 'string') out.push({ value: item.value, path: itemPath, offset: item.start });
    else r.error(code, `${what} must be text, not ${describeKind(item)}.`, itemPath, item.start);
  });
  return out;
}
