import { Writable } from 'node:stream';
import { createLogger } from '../logging/logger.js';

/** The console's logger at `level`, writing each line to `lines` instead of a file. */
export function capturedLogger(level: string) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
