// AWS Query protocol: form-encoded parameters in, namespaced XML out.
// https://docs.aws.amazon.com/STS/latest/APIReference/CommonParameters.html

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

export type ErrorType = 'Sender' | 'Receiver';

/** An error that goes on the wire as an AWS `ErrorResponse`. */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: ErrorType;

  constructor(code: string, message: string, status: number, type: ErrorType = 'Sender') {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.type = type;
  }
}

export type Params = Map<string, string>;

const malformed = () =>
  // Documented as a common Query API error; AWS gives it HTTP 404, oddly, and so do we.
  // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
  new AwsError('MalformedQueryString', 'The query string contains a syntax error.', 404);

/**
 * Strict `application/x-www-form-urlencoded` parsing: unlike URLSearchParams, a broken
 * `%` escape or invalid UTF-8 is an error rather than silently kept as literal text.
 */
export function parseForm(text: string, into: Params = new Map()): Params {
  if (text.length === 0) return into;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    into.set(decodeComponent(rawKey), decodeComponent(rawValue));
  }
  return into;
}

function decodeComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw malformed();
  }
}

// XML 1.0 cannot carry these even as character references, so they are replaced, not escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalised to LF by every XML parser.
  '\r': '&#xD;',
};

export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r]/g, (c) => XML_ENTITIES[c] ?? c);
}

/** `<name>escaped value</name>`, or nothing when the value is absent. */
export function el(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

export function successXml(
  action: string,
  namespace: string,
  result: string | null,
  requestId: string,
): string {
  const body = result === null ? '' : `<${action}Result>${result}</${action}Result>`;
  return (
    `<${action}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function errorXml(error: AwsError, namespace: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error>` +
    `${el('Type', error.type)}${el('Code', error.code)}${el('Message', error.message)}` +
    `</Error>${el('RequestId', requestId)}</ErrorResponse>`
  );
}
