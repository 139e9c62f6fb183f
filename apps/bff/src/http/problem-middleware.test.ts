import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '../test/captured-logger.js';
import { Upstream } from './errors.js';
import { problemHandler } from './problem-middleware.js';
import { requestLogger } from './request-logger.js';

/** A minimal app with the console's request log and error middleware, and routes that fail. */
function appWith(exposeStack: boolean) {
  const { logger, lines } = capturedLogger('info');
  const app = express();
  app.use(requestLogger(logger));
  app.get('/sync', () => {
    throw new Error('no such table: audit_events (SELECT secret_column)');
  });
  app.get('/async', async () => {
    await Promise.resolve();
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  });
  app.get('/upstream', () => {
    throw new Upstream('sts_unavailable', 'STS did not answer');
  });
  app.use(problemHandler(logger, exposeStack));
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, logged };
}

describe('the error middleware', () => {
  it.each(['/sync', '/async'])(
    '%s: answers 500 problem+json without internals, and logs the error with its stack',
    async (path) => {
      const { app, logged } = appWith(false);
      const res = await request(app).get(path).expect(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toEqual({
        type: 'https://rolebridge.dev/problems/internal',
        title: 'Internal server error',
        status: 500,
        detail: 'Something went wrong on our side',
        code: 'internal',
      });
      expect(res.text).not.toMatch(/secret_column|undefined|at .*\.ts/);
      const entries = logged();
      const error = entries.find((e) => e.msg === 'unhandled error');
      expect(error).toMatchObject({ level: 50, path, method: 'GET' });
      expect((error?.err as { stack: string }).stack).toMatch(/Error: .*\n\s+at /);
      // The request line is logged at error level too, with the id the client saw.
      const line = entries.find((e) => e.msg === 'request');
      expect(line).toMatchObject({ level: 50, status: 500, reqId: res.headers['x-request-id'] });
    },
  );

  it('adds the stack to the body only when development asks for it', async () => {
    const { app } = appWith(true);
    const res = await request(app).get('/sync').expect(500);
    expect(res.body.detail).toMatch(/^Error: no such table: audit_events/);
    expect(res.body.detail).toMatch(/\n\s+at /);
  });

  it('answers an upstream failure with its own code and status, logged', async () => {
    const { app, logged } = appWith(false);
    const res = await request(app).get('/upstream').expect(502);
    expect(res.body).toMatchObject({ code: 'sts_unavailable', detail: 'STS did not answer' });
    expect(logged().some((e) => e.msg === 'upstream failure' && e.level === 50)).toBe(true);
  });
});
