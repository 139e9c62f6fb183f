import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BATCH_BYTES, logDestination } from './destination.js';
import { createLogger } from './logger.js';

const dir = mkdtempSync(join(tmpdir(), 'rb-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `${++files}.log`);
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const lines = (file: string) => read(file).split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A flush interval no test waits out: whatever is written came without the timer. */
const NEVER = 600_000;

describe('the log destination', () => {
  it('holds a few lines back rather than writing each', async () => {
    const file = nextFile();
    const logger = createLogger('info', logDestination(file, NEVER));
    for (let i = 0; i < 10; i++) logger.info({ i }, 'request');
    await sleep(300); // a write per line would have put them there by now
    expect(read(file)).toBe('');
  });

  it('writes what is held back on the timer, in order, each line once', async () => {
    const file = nextFile();
    const logger = createLogger('info', logDestination(file, 50));
    for (let i = 0; i < 10; i++) logger.info({ i }, 'request');
    await expect.poll(() => lines(file).length, { timeout: 5_000 }).toBe(10);
    logger.info({ i: 10 }, 'later');
    await expect.poll(() => lines(file).length, { timeout: 5_000 }).toBe(11);
    await sleep(200);
    expect(lines(file).map((l) => JSON.parse(l).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('writes a full batch without the timer', async () => {
    const file = nextFile();
    const logger = createLogger('info', logDestination(file, NEVER));
    const filler = 'x'.repeat(200);
    const count = Math.ceil((BATCH_BYTES * 1.5) / 250);
    for (let i = 0; i < count; i++) logger.info({ i, filler }, 'request');
    await expect.poll(() => read(file).length, { timeout: 5_000 }).toBeGreaterThan(BATCH_BYTES);
    // The rest is under a batch, and waits for the timer.
    await sleep(200);
    expect(lines(file).length).toBeLessThan(count);
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
        { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' },
      );
      expect(child.status, child.stderr).toBe(end.startsWith('throw') ? 1 : 0);
      expect(lines(file).map((l) => JSON.parse(l).msg)).toEqual(['last words']);
    }
  });
});
