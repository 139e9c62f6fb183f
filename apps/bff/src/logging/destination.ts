import { openSync } from 'node:fs';
import pino from 'pino';

/** Lines are written once this much is waiting… */
export const BATCH_BYTES = 4096;
/** …or this long after the first of them, whichever comes first. */
export const FLUSH_MS = 250;

/**
 * Where the console's log lines go: standard output (1) or a file, written by a thread of
 * Node's pool in batches of about 4 kB, and at the latest 250 ms after a line, so a quiet
 * console's lines still show up at once. A write per line (pino's default, or its
 * asynchronous destination without `minLength`) cost a fifth of a cached list request: a
 * system call, or a hand-off to the pool and back, for each 200-byte line (decision 018).
 * Lines still waiting are written when the process exits, crashes on an error included
 * (pino flushes its destinations on `exit`); a SIGKILL or a power cut loses up to 250 ms.
 */
export function logDestination(
  dest: number | string,
  flushMs = FLUSH_MS,
): pino.DestinationStream & {
  flush(cb?: (err?: Error) => void): void;
} {
  // A file is opened here, not by the stream in the background: a process that exits before
  // that open finished had nowhere to write its last lines.
  const fd = typeof dest === 'string' ? openSync(dest, 'a') : dest;
  const stream = pino.destination({ dest: fd, sync: false, minLength: BATCH_BYTES });
  // Bytes handed over and bytes written: a flush while a write is under way does nothing, and
  // what came in meanwhile waits for the next, so the timer goes on until the two meet.
  let handed = 0;
  let written = 0;
  stream.on('write', (n: number) => (written += n));
  const timer = setInterval(() => {
    if (written < handed) stream.flush();
  }, flushMs).unref();
  stream.once('close', () => clearInterval(timer));
  return {
    write(line: string) {
      handed += Buffer.byteLength(line);
      return stream.write(line);
    },
    flush: (cb) => stream.flush(cb),
  };
}
