import pino, { type Logger } from 'pino';

/**
 * Anything that may carry a secret is censored before it is serialised, wherever it
 * appears in a log object: request headers, bodies, AWS credentials.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.secretAccessKey',
  '*.SecretAccessKey',
  '*.sessionToken',
  '*.SessionToken',
  '*.credentials',
  '*.Credentials',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'rolebridge' },
    },
    destination,
  );
}
