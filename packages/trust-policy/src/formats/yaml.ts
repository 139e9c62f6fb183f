import type { JsonValue } from '../types.js';

// Every scalar is written as a JSON string or number, which YAML 1.2 reads
// back unchanged; that sidesteps YAML's implicit typing ("yes", "0123", "*").
export function toYaml(value: JsonValue, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}[]\n`;
    return value
      .map((item) =>
        isScalar(item) ? `${pad}- ${scalar(item)}\n` : `${pad}-\n${toYaml(item, indent + 2)}`,
      )
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${pad}{}\n`;
    return entries
      .map(([key, item]) =>
        isScalar(item)
          ? `${pad}${JSON.stringify(key)}: ${scalar(item)}\n`
          : `${pad}${JSON.stringify(key)}:\n${toYaml(item, indent + 2)}`,
      )
      .join('');
  }
  return `${pad}${scalar(value)}\n`;
}

function isScalar(value: JsonValue): boolean {
  return (
    value === null ||
    typeof value !== 'object' ||
    (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
  );
}

function scalar(value: JsonValue): string {
  if (Array.isArray(value)) return '[]';
  if (value !== null && typeof value === 'object') return '{}';
  return JSON.stringify(value);
}
