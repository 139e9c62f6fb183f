import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '../test/captured-logger.js';
import { requestLineWriter, requestLogger } from './request-logger.js';

const sameTime = (line: string) => line.replace(/"time":\d+/, '"time":0');

describe('the request line', () => {
  it('is the line pino writes for the same fields, byte for byte', () => {
    const { logger, lines } = capturedLogger('info');
    const write = requestLineWriter(logger);
    const paths = ['/api/integrations/aws', '/a"b\\c', '/caf\u00e9/\u{1f600}', '/x\u0001\n\u2028'];
    for (const [i, path] of paths.entries())
      for (const level of ['info', 'error'] as const) {
        const fields = { reqId: `id-${i}`, method: 'PATCH', path, status: 200 + i, ms: i + 0.5 };
        logger[level](fields, 'request');
        write(level, fields);
        const [theirs, ours] = lines.splice(0).map(sameTime);
        expect(ours).toBe(theirs);
        expect(JSON.parse(ours!)).toMatchObject({ ...fields, service: 'rolebridge' });
      }
  });

  it("follows the logger's level", () => {
    const { logger, lines } = capturedLogger('error');
    const write = requestLineWriter(logger);
    const fields = { reqId: 'r', method: 'GET', path: '/', status: 500, ms: 1 };
    write('info', fields);
    expect(lines).toEqual([]);
    write('error', fields);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, status: 500 });
    const silent = capturedLogger('silent');
    requestLineWriter(silent.logger)('error', fields);
    expect(silent.lines).toEqual([]);
  });

  it('is written once per request, with its ID, without the query string', async () => {
    const { logger, lines } = capturedLogger('info');
    const app = express();
    app.use(requestLogger(logger));
    app.get('/invite/:token', (_req, res) => void res.status(204).end());
    const res = await request(app).get('/invite/s3cret?cursor=abc&q=team').expect(204);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        service: 'rolebridge',
        reqId: res.headers['x-request-id'],
        method: 'GET',
        path: '/invite/[redacted]',
        status: 204,
        ms: expect.any(Number),
        msg: 'request',
      },
    ]);
  });
});
