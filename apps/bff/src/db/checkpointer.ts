import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { closeFirst, sqliteOf, type Db } from './database.js';

/** What one `PRAGMA wal_checkpoint(PASSIVE)` reported: frames in the log and copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** SQLite's default: a commit that brings the log to 1,000 pages checkpoints it. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Moves `db`'s WAL checkpoints off the event loop (decision 016): the connection that
 * commits stops checkpointing, and a worker thread with a connection of its own checkpoints
 * every `intervalMs` when something was written. Once the worker stops (`stop`, the database
 * closing, or a failure) commits checkpoint again as before. Nothing to do on PostgreSQL or
 * for `:memory:`. Returns `stop`, which resolves when the thread has exited.
 */
export function checkpointInBackground(
  db: Db,
  opts: { logger: Logger; intervalMs?: number; onCheckpoint?: (r: CheckpointResult) => void },
): () => Promise<void> {
  const sqlite = sqliteOf(db);
  if (!sqlite || sqlite.memory) return () => Promise.resolve();
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file: sqlite.name, intervalMs: opts.intervalMs ?? 500 },
  });
  worker.unref();
  const commitsCheckpoint = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: { type: string } & CheckpointResult) => {
    // Only once the worker has the file open: until then, commits keep checkpointing.
    if (message.type !== 'ready') opts.onCheckpoint?.(message);
    else if (!stopped && sqlite.open) sqlite.pragma('wal_autocheckpoint = 0');
  });
  worker.on('error', (err) =>
    opts.logger.warn({ err }, 'WAL checkpoint thread failed; commits checkpoint again'),
  );
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      commitsCheckpoint();
      resolve();
    }),
  );
  let stopped: Promise<void> | undefined;
  const stop = () => {
    if (!stopped) {
      worker.postMessage('close');
      stopped = exited;
    }
    return stopped;
  };
  // Closing the database stops the thread too; the last connection to close cleans up.
  closeFirst(sqlite, () => void stop());
  return stop;
}
