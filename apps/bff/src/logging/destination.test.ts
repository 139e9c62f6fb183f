import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BATCH_BYTES, FLUSH_MS, logDestination } from './destination.js';
import { createLogger } from './logger.js';

const dir = mkdtempSync(join(tmpdir(), 'rb-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `${++files}.log`);
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const lines = (file: string) => read(file).split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the log destination', () => {
  it('holds a few lines back, then writes them together within the flush interval', async () => {
    const file = nextFile();
    const logger = createLogger('info', logDestination(file));
    for (let i = 0; i < 10; i++) logger.info({ i }, 'request');
    await sleep(FLUSH_MS / 3);
    expect(read(file)).toBe(''); // a write per line would have put them there by now
    await expect.poll(() => lines(file).length, { timeout: 4 * FLUSH_MS }).toBe(10);
    expect(lines(file).map((l) => JSON.parse(l).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('writes a full batch at once, and what comes in during that write soon after', async () => {
    const file = nextFile();
    const logger = createLogger('info', logDestination(file));
    const filler = 'x'.repeat(200);
    const count = Math.ceil((BATCH_BYTES * 1.5) / 250);
    for (let i = 0; i < count; i++) logger.info({ i, filler }, 'request');
    // The batch went to the pool's thread as it filled: no timer involved.
    await expect.poll(() => read(file).length, { timeout: FLUSH_MS / 2 }).toBeGreaterThan(0);
    logger.info({ i: count }, 'late');
    await expect.poll(() => lines(file).length, { timeout: 4 * FLUSH_MS }).toBe(count + 1);
    // Nothing more arrives, and nothing is written twice.
    await sleep(2 * FLUSH_MS);
    expect(lines(file)).toHaveLength(count + 1);
  });

  it('writes what is waiting when the process exits, by an error too', () => {
    for (const end of ['process.exit(0)', 'throw new Error("crash")']) {
      const file = nextFile();
      const script = `
        import { createLogger } from './src/logging/logger.ts';
        import { logDestination } from './src/logging/destination.ts';
        const logger = createLogger('info', logDestination(${JSON.stringify(file)}));
        logger.info('last words');
        ${end};`;
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: join(import.meta.dirname, '../..'),
          encoding: 'utf8',
        },
      );
      expect(child.status, child.stderr).toBe(end.startsWith('throw') ? 1 : 0);
      expect(lines(file).map((l) => JSON.parse(l).msg)).toEqual(['last words']);
    }
  });
});
