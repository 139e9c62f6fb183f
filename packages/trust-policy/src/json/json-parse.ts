export type JsonNode =
  | { kind: 'object'; start: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; items: JsonNode[] }
  | { kind: 'string'; start: number; value: string }
  | { kind: 'number'; start: number; value: number }
  | { kind: 'boolean'; start: number; value: boolean }
  | { kind: 'null'; start: number };

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export type JsonParseResult =
  { ok: true; node: JsonNode } | { ok: false; message: string; offset: number };

// A pasted blob is bounded by the size check before it gets here; the depth cap
// keeps `[[[[…` from ever reaching the call-stack limit.
const MAX_DEPTH = 64;

const SIMPLE_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Strict RFC 8259 parser that keeps the offset of every value, so that
 * grammar errors can point at a line and column, not only syntax errors.
 */
export function parseJson(text: string): JsonParseResult {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number): string =>
    at >= text.length ? 'the end of the text' : `'${text[at]}'`;

  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };

  const parseString = (): string => {
    const start = pos;
    pos++;
    let out = '';
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) fail('Unterminated string', start);
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunk, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail('Control character inside a string (use \\n or \\t)');
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(chunk, pos);
      const e = text[pos + 1];
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES.get(e);
      if (simple !== undefined) {
        out += simple;
        pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        fail('Invalid escape sequence in string');
      }
      chunk = pos;
    }
  };

  const parseNumber = (): number => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = pos;
    const m = match.exec(text);
    if (!m) return fail(`Unexpected ${describe(pos)}`);
    pos += m[0].length;
    return Number(m[0]);
  };

  const parseLiteral = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail(`Unexpected ${describe(pos)}`);
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`Nested deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const start = pos;
    const c = text[pos];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return { kind: 'string', start, value: parseString() };
    if (c === 't' || c === 'f') {
      parseLiteral(c === 't' ? 'true' : 'false');
      return { kind: 'boolean', start, value: c === 't' };
    }
    if (c === 'n') {
      parseLiteral('null');
      return { kind: 'null', start };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      return { kind: 'number', start, value: parseNumber() };
    }
    if (c === "'") return fail('Strings must use double quotes (") in JSON');
    return fail(`Expected a value but found ${describe(pos)}`);
  };

  const parseObject = (depth: number): JsonNode => {
    const start = pos++;
    const entries: JsonEntry[] = [];
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return { kind: 'object', start, entries };
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') {
        fail(
          text[pos] === '}'
            ? 'Trailing comma before }'
            : `Expected a property name in double quotes but found ${describe(pos)}`,
        );
      }
      const keyStart = pos;
      const key = parseString();
      skipWhitespace();
      if (text[pos] !== ':') fail(`Expected ':' after property name but found ${describe(pos)}`);
      pos++;
      entries.push({ key, keyStart, value: parseValue(depth + 1) });
      skipWhitespace();
      if (text[pos] === ',') pos++;
      else if (text[pos] === '}') {
        pos++;
        return { kind: 'object', start, entries };
      } else fail(`Expected ',' or '}' but found ${describe(pos)}`);
    }
  };

  const parseArray = (depth: number): JsonNode => {
    const start = pos++;
    const items: JsonNode[] = [];
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return { kind: 'array', start, items };
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] === ']') fail('Trailing comma before ]');
      items.push(parseValue(depth + 1));
      skipWhitespace();
      if (text[pos] === ',') pos++;
      else if (text[pos] === ']') {
        pos++;
        return { kind: 'array', start, items };
      } else fail(`Expected ',' or ']' but found ${describe(pos)}`);
    }
  };

  try {
    const node = parseValue(0);
    skipWhitespace();
    if (pos < text.length) fail(`Unexpected ${describe(pos)} after the end of the JSON document`);
    return { ok: true, node };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, message: error.message, offset: error.offset };
    }
    throw error;
  }
}
