import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

async function headersWith(middleware: RequestHandler) {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => void res.json({}));
  const { headers } = await request(app).get('/').expect(200);
  const { date: _date, ...rest } = headers;
  return rest;
}

describe('securityHeaders', () => {
  it("sets exactly helmet's headers, in helmet's order", async () => {
    const ours = await headersWith(securityHeaders());
    expect(ours).toEqual(await headersWith(helmet()));
    expect(Object.keys(ours)).toEqual(Object.keys(await headersWith(helmet())));
    expect(ours['content-security-policy']).toContain("default-src 'self'");
    expect(ours['x-content-type-options']).toBe('nosniff');
  });

  it("follows helmet's options", async () => {
    const options = { contentSecurityPolicy: false, xFrameOptions: { action: 'deny' as const } };
    const ours = await headersWith(securityHeaders(options));
    expect(ours).toEqual(await headersWith(helmet(options)));
    expect(ours['content-security-policy']).toBeUndefined();
    expect(ours['x-frame-options']).toBe('DENY');
  });
});
