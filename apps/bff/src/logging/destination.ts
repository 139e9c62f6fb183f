import { openSync } from 'node:fs';
import pino from 'pino';

/** Lines are written once this much is waiting… */
export const BATCH_BYTES = 4096;
/** …or this long after the first of them, whichever comes first. */
export const FLUSH_MS = 250;

/**
 * Where the console's log lines go: standard output (1) or a file, in batches of about
 * 4 kB, and at the latest 250 ms after a line, so a quiet console's lines still show up at
 * once. Lines wait in an array and go in one synchronous write (decision 018): a write per
 * line, a hand-off to Node's thread pool per write, or sonic-boom's own batching (which
 * appends each line to a growing string and measures it again) each cost more of a cached
 * list request than the line itself. The write is sonic-boom's, which retries EAGAIN and
 * partial writes on a non-blocking pipe. Lines still waiting are written when the process
 * exits, crashes on an error included; a SIGKILL or a power cut loses up to 250 ms.
 */
export function logDestination(
  dest: number | string,
  flushMs = FLUSH_MS,
): pino.DestinationStream & { flush(cb?: (err?: Error) => void): void } {
  // A file is opened here, not by the stream in the background: a process that exits before
  // that open finished had nowhere to write its last lines.
  const fd = typeof dest === 'string' ? openSync(dest, 'a') : dest;
  const stream = pino.destination({ dest: fd, sync: true });
  let waiting: string[] = [];
  let length = 0;
  const flush = () => {
    if (waiting.length === 0) return;
    const batch = waiting.join('');
    waiting = [];
    length = 0;
    stream.write(batch);
  };
  setInterval(flush, flushMs).unref();
  process.on('exit', flush);
  return {
    write(line: string) {
      waiting.push(line);
      length += line.length;
      if (length >= BATCH_BYTES) flush();
      return true;
    },
    flush(cb) {
      flush();
      cb?.();
    },
  };
}
