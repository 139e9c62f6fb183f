import { AwsError } from './query-protocol.js';

// AWS (Coral) input validation: every violated constraint is listed, joined by "; ", as
// `N validation error(s) detected: Value '<v>' at '<member>' failed to satisfy constraint: ...`.

export interface Pattern {
  re: RegExp;
  /** The pattern exactly as AWS prints it in the message. */
  text: string;
}

export const PATTERNS = {
  roleSessionName: { re: /^[\w+=,.@-]*$/, text: '[\\w+=,.@-]*' },
  externalId: { re: /^[\w+=,.@:/-]*$/, text: '[\\w+=,.@:\\/-]*' },
  sourceIdentity: { re: /^[\w+=,.@-]*$/, text: '[\\w+=,.@-]*' },
  roleName: { re: /^[\w+=,.@-]+$/, text: '[\\w+=,.@-]+' },
  tagKey: { re: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, text: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
  tagValue: { re: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, text: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' },
  path: {
    re: /^(?:\/|\/[\u0021-\u007E]+\/)$/,
    text: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
  },
  pathPrefix: {
    re: /^\u002F[\u0021-\u007F]*$/,
    text: '\\u002F[\\u0021-\\u007F]*',
  },
  arn: {
    re: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  },
  description: {
    re: /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/,
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
  },
  policyDocument: {
    re: /^[\t\n\r\u0020-\u00FF]+$/,
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  },
} satisfies Record<string, Pattern>;

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: Pattern;
}

/** Collects violations for one request, then throws them as a single ValidationError. */
export class Validator {
  private readonly violations: string[] = [];

  string(member: string, value: string | undefined, rule: StringRule): string | undefined {
    if (value === undefined) {
      if (rule.required) this.fail(member, null, 'Member must not be null');
      return undefined;
    }
    // AWS measures lengths in code points, not UTF-16 units.
    const length = [...value].length;
    if (rule.min !== undefined && length < rule.min) {
      this.fail(member, value, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && length > rule.max) {
      this.fail(member, value, `Member must have length less than or equal to ${rule.max}`);
    }
    if (rule.pattern && !rule.pattern.re.test(value)) {
      this.fail(
        member,
        value,
        `Member must satisfy regular expression pattern: ${rule.pattern.text}`,
      );
    }
    return value;
  }

  integer(
    member: string,
    raw: string | undefined,
    range: { min: number; max: number },
  ): number | undefined {
    if (raw === undefined) return undefined;
    if (!/^-?\d{1,10}$/.test(raw.trim())) {
      this.fail(member, raw, 'Member must be an integer');
      return undefined;
    }
    const value = Number(raw.trim());
    if (value < range.min) {
      this.fail(member, raw, `Member must have value greater than or equal to ${range.min}`);
    }
    if (value > range.max) {
      this.fail(member, raw, `Member must have value less than or equal to ${range.max}`);
    }
    return value;
  }

  /** A list member over its maximum size; AWS prints the list itself, we print its length. */
  listLength(member: string, length: number, max: number): void {
    if (length > max) {
      this.violations.push(
        `Value '[${length} items]' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    }
  }

  /** Throws the collected violations, if any. */
  check(): void {
    const n = this.violations.length;
    if (n === 0) return;
    const noun = n === 1 ? 'error' : 'errors';
    throw new AwsError(
      'ValidationError',
      `${n} validation ${noun} detected: ${this.violations.join('; ')}`,
      400,
    );
  }

  private fail(member: string, value: string | null, constraint: string): void {
    const shown = value === null ? 'null' : `'${value}'`;
    this.violations.push(
      `Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
    );
  }
}
